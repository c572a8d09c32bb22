#pragma once
// A Qt Multimedia camera feeding a FrameDecoder (decoding on the decoder's worker; the GUI thread only
// passes frame handles). With no camera attached, start() returns the error "no_camera" and the status
// says so — the kiosk shows it and keeps working with the other scanners.

#include "common/Result.h"
#include "devices/scanner/FrameDecoder.h"
#include "devices/scanner/ScannerSource.h"

#include <QByteArray>
#include <QStringList>
#include <memory>

namespace archive::scanner {

class CameraSource : public ScannerSource {
    Q_OBJECT
public:
    explicit CameraSource(QObject* parent = nullptr);
    ~CameraSource() override;

    static QStringList cameraNames();  // descriptions of the cameras Qt Multimedia sees now
    // Opens the camera with this id (empty: the default one) and starts decoding its frames.
    Status start(const QByteArray& deviceId = {});
    void stop();
    bool isActive() const;
    FrameDecoder* decoder() { return &m_decoder; }

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    FrameDecoder m_decoder;
};

}  // namespace archive::scanner
