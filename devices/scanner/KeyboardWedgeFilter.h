#pragma once
// Application-level event filter for keyboard-wedge scanners (Qt Gui only, no Qt Quick).
// Install it on the QGuiApplication: it sees every key event before any window or text field does.
// Keys are held while the WedgeDecoder decides (at most maxGapMs); a scan is consumed and emitted as
// scanned(Scan) — it never reaches the focused text field — while typing is replayed, in order, to the
// window that was to receive it (which delivers it to its focus item as usual).
//
//   auto* wedge = new KeyboardWedgeFilter(config, &app);
//   app.installEventFilter(wedge);
//   connect(wedge, &ScannerSource::scanned, scanController, …);
//
// Shortcuts: Qt sends ShortcutOverride before KeyPress; it is not held, so application shortcuts still
// work (a kiosk has none on printable keys).

#include "devices/scanner/ScannerSource.h"
#include "devices/scanner/WedgeDecoder.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>

class QKeyEvent;

namespace archive::scanner {

class KeyboardWedgeFilter : public ScannerSource, private WedgeSink {
    Q_OBJECT
public:
    explicit KeyboardWedgeFilter(const WedgeConfig& config = {}, QObject* parent = nullptr);
    ~KeyboardWedgeFilter() override;

    void setConfig(const WedgeConfig& config);
    const WedgeConfig& config() const { return m_decoder.config(); }
    // Monotonic milliseconds used when key events carry no timestamp and for the hold timer (tests inject one).
    void setClock(std::function<qint64()> clock);
    // Decides a burst whose deadline has passed (the hold timer calls it; tests may call it directly).
    void checkTimeout();
    // Decides everything held now (e.g. before the kiosk changes screens).
    void flush();
    int heldEvents() const { return int(m_held.size()); }

    static KeyInput toKeyInput(const QKeyEvent& e, qint64 tMs, quint64 tag);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void wedgeScan(const Scan& scan) override;
    void wedgeRejected(const ScanRejection& rejection) override;
    void wedgeReplay(const KeyInput* keys, qsizetype count) override;
    void afterDecoder();

    struct Held {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> event;
    };
    WedgeDecoder m_decoder;
    std::map<quint64, Held> m_held;
    quint64 m_nextTag = 0;
    bool m_replaying = false;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    std::function<qint64()> m_clock;
    qint64 m_lastKeyT = 0;        // timestamp of the last key (event domain)
    qint64 m_lastArrival = 0;     // clock() when it arrived
};

}  // namespace archive::scanner
