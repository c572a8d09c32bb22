#pragma once
// Decodes camera frames (or any images) on its own worker thread. While a frame is being decoded, newly
// submitted frames are dropped, so a slow decode never builds a queue and the newest frame always wins.
// Results arrive in the owner's thread by queued signals. The same code seen again within
// repeatSuppressMs is reported once (a camera sees a held-up card in every frame).

#include "devices/scanner/ImageDecoder.h"
#include "devices/scanner/ScannerSource.h"

#include <QImage>
#include <QThread>
#include <atomic>
#include <functional>

namespace archive::scanner {

class FrameDecoder : public ScannerSource {
    Q_OBJECT
public:
    explicit FrameDecoder(ScanSource source = ScanSource::Camera, QObject* parent = nullptr);
    ~FrameDecoder() override;

    void setOptions(const DecodeOptions& o) { m_options = o; }
    void setRepeatSuppressMs(int ms) { m_repeatSuppressMs = ms; }

    // Any thread. Returns false (and counts a drop) when the worker is still busy.
    bool submit(const QImage& frame);
    // The frame is produced on the worker (e.g. QVideoFrame::toImage(), which is costly): the GUI thread
    // only hands over the handle.
    bool submit(std::function<QImage()> produce);

    bool busy() const { return m_busy.load(); }
    int submitted() const { return m_submitted.load(); }
    int dropped() const { return m_dropped.load(); }
    int decodedFrames() const { return m_decodedFrames; }

signals:
    // Every code found in one frame (all of them, no repeat suppression).
    void frameDecoded(const QList<archive::scanner::DecodedCode>& codes);
    // The frame held no code (or could not be read); for "hold the label steadier" hints.
    // (code "no_code" / "bad_image", message, source; partial is empty).
    void frameFailed(const archive::scanner::ScanRejection& why);

private:
    void onResult(const QList<DecodedCode>& codes, qint64 atMs);

    QThread m_thread;
    QObject* m_worker = nullptr;  // lives in m_thread
    DecodeOptions m_options;
    ScanSource m_source;
    std::atomic<bool> m_busy{false};
    std::atomic<int> m_submitted{0};
    std::atomic<int> m_dropped{0};
    int m_decodedFrames = 0;
    int m_repeatSuppressMs = 1500;
    QString m_lastText;
    qint64 m_lastAt = 0;
};

}  // namespace archive::scanner
