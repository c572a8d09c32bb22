#include "FrameDecoder.h"

#include <QDateTime>

namespace archive::scanner {

FrameDecoder::FrameDecoder(ScanSource source, QObject* parent) : ScannerSource(parent), m_source(source) {
    qRegisterMetaType<QList<DecodedCode>>();
    qRegisterMetaType<ScanRejection>();
    m_options.maxSymbols = 1;
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("scanner-frame-decoder"));
    m_thread.start();
}

FrameDecoder::~FrameDecoder() {
    m_thread.quit();
    m_thread.wait();
}

bool FrameDecoder::submit(const QImage& frame) {
    return submit([frame] { return frame; });
}

bool FrameDecoder::submit(std::function<QImage()> produce) {
    ++m_submitted;
    bool expected = false;
    if (!m_busy.compare_exchange_strong(expected, true)) {
        ++m_dropped;
        return false;
    }
    const DecodeOptions options = m_options;
    QMetaObject::invokeMethod(m_worker, [this, produce = std::move(produce), options] {
        const QImage img = produce ? produce() : QImage();
        auto r = ImageDecoder::decode(img, options);
        const qint64 at = QDateTime::currentMSecsSinceEpoch();
        if (r) {
            QMetaObject::invokeMethod(this, [this, codes = r.value(), at] { onResult(codes, at); },
                                      Qt::QueuedConnection);
        } else {
            const ScanRejection why{r.error().code, r.error().messageZh, r.error().messageEn, {}, m_source, at};
            QMetaObject::invokeMethod(this, [this, why] { emit frameFailed(why); }, Qt::QueuedConnection);
        }
        m_busy.store(false);
    }, Qt::QueuedConnection);
    return true;
}

void FrameDecoder::onResult(const QList<DecodedCode>& codes, qint64 atMs) {
    ++m_decodedFrames;
    emit frameDecoded(codes);
    const DecodedCode& c = codes.first();
    if (c.text == m_lastText && atMs - m_lastAt < m_repeatSuppressMs) {
        m_lastAt = atMs;
        return;
    }
    m_lastText = c.text;
    m_lastAt = atMs;
    emit scanned(Scan{c.text, c.symbology, m_source, atMs});
}

}  // namespace archive::scanner
