#include "CameraSource.h"

#include <QCamera>
#include <QCameraDevice>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>

namespace archive::scanner {

struct CameraSource::Impl {
    std::unique_ptr<QCamera> camera;
    std::unique_ptr<QMediaCaptureSession> session;
    std::unique_ptr<QVideoSink> sink;
};

CameraSource::CameraSource(QObject* parent)
    : ScannerSource(parent), d(std::make_unique<Impl>()), m_decoder(ScanSource::Camera) {
    connect(&m_decoder, &ScannerSource::scanned, this, &ScannerSource::scanned);
    connect(&m_decoder, &ScannerSource::rejected, this, &ScannerSource::rejected);
    setStatus(QStringLiteral("摄像头：未启动"), QStringLiteral("camera: not started"));
}

CameraSource::~CameraSource() { stop(); }

QStringList CameraSource::cameraNames() {
    QStringList names;
    for (const QCameraDevice& dev : QMediaDevices::videoInputs()) names << dev.description();
    return names;
}

Status CameraSource::start(const QByteArray& deviceId) {
    stop();
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    QCameraDevice chosen;
    for (const QCameraDevice& dev : inputs)
        if (deviceId.isEmpty() ? dev.isDefault() : dev.id() == deviceId) chosen = dev;
    if (chosen.isNull() && deviceId.isEmpty() && !inputs.isEmpty()) chosen = inputs.first();
    if (chosen.isNull()) {
        setStatus(QStringLiteral("未检测到摄像头：请用扫描枪扫码，或接上摄像头后重新打开"),
                  QStringLiteral("no camera present: use the barcode scanner, or attach a camera and reopen"));
        return makeError(QStringLiteral("no_camera"),
                         QStringLiteral("未检测到摄像头。请使用扫描枪；需要拍码时请接上摄像头后重试。"),
                         QStringLiteral("No camera present. Use the barcode scanner; to read codes by camera, "
                                        "attach a camera and try again."),
                         deviceId.isEmpty() ? QString() : QStringLiteral("camera id %1 not found").arg(QString::fromUtf8(deviceId)));
    }
    d->camera = std::make_unique<QCamera>(chosen);
    d->session = std::make_unique<QMediaCaptureSession>();
    d->sink = std::make_unique<QVideoSink>();
    d->session->setCamera(d->camera.get());
    d->session->setVideoSink(d->sink.get());
    connect(d->sink.get(), &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame& frame) {
        // Converting a frame is costly: it happens on the decoder's worker; busy → the frame is dropped.
        m_decoder.submit([frame]() mutable { return frame.toImage(); });
    });
    connect(d->camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error, const QString& msg) {
        setStatus(QStringLiteral("摄像头出错：%1").arg(msg), QStringLiteral("camera error: %1").arg(msg));
    });
    d->camera->start();
    setStatus(QStringLiteral("摄像头：%1 已开启").arg(chosen.description()),
              QStringLiteral("camera: %1 on").arg(chosen.description()));
    return okStatus();
}

void CameraSource::stop() {
    if (d->camera) d->camera->stop();
    d->session.reset();
    d->sink.reset();
    d->camera.reset();
}

bool CameraSource::isActive() const { return d->camera && d->camera->isActive(); }

}  // namespace archive::scanner
