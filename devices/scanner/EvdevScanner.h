#pragma once
// A dedicated keyboard-wedge scanner read from its evdev node (/dev/input/eventN) and grabbed with
// EVIOCGRAB, so its keys never reach the window or any text field at all. Everything that touches the node —
// open(), EVIOCGRAB, reading the events, the final ungrab and close — happens on the scanner's own worker
// thread, never on the caller's (the GUI thread): open() only starts the worker and returns; the outcome
// arrives later as opened(Status) on the caller's thread. Events are decoded by a WedgeDecoder (source Evdev)
// with the kernel's event timestamps; scans arrive by queued signals. The kiosk user needs read access to the
// node (udev rule / group "input").

#include "common/Result.h"
#include "devices/scanner/ScannerSource.h"
#include "devices/scanner/WedgeDecoder.h"

#include <QString>
#include <QThread>

namespace archive::scanner {

class EvdevWorker;

class EvdevScanner : public ScannerSource {
    Q_OBJECT
public:
    explicit EvdevScanner(const WedgeConfig& config = {}, QObject* parent = nullptr);
    ~EvdevScanner() override;  // close()

    // Starts opening and grabbing the node on the worker thread and returns at once (any open scanner is
    // closed first). opened() follows on this object's thread: ok, or the error with a message for the
    // archivist — "evdev_access" (no permission: the udev rule / group "input"), "evdev_open" (no such node,
    // unplugged), "evdev_grab" (another program holds it). requireGrab = false accepts nodes that cannot be
    // grabbed (tests use a pipe); with a real keyboard node an ungrabbed scanner would type into the window.
    void open(const QString& devicePath, bool requireGrab = true);
    // Stops reading, ungrabs and closes the node (on the worker) and joins the worker. Safe in any state: not
    // open, opening (the pending result is dropped, opened() is not emitted), open, removed. A close() while
    // the worker is still inside the open() system call waits for that call to return.
    void close();
    bool isOpen() const { return m_state == State::Open; }
    bool isOpening() const { return m_state == State::Opening; }
    QString path() const { return m_path; }
    // The thread that made the last open()/EVIOCGRAB system calls (the worker's; for tests and logs).
    QThread* openThread() const { return m_openThread; }

    // Linux key code (linux/input-event-codes.h) → HID keyboard usage; 0 when unknown.
    static quint8 usageFromLinuxKey(int code);

signals:
    void opened(const archive::Status& status);  // the outcome of open(), once per open() not closed before
    void removed();                              // the node went away (scanner unplugged)

private:
    friend class EvdevWorker;
    enum class State { Closed, Opening, Open };
    void finishOpen(const Status& status, QThread* openThread);
    void stopWorker();

    QThread m_thread;
    EvdevWorker* m_worker = nullptr;
    State m_state = State::Closed;
    quint64 m_generation = 0;  // bumped by open()/close(): results and scans of an earlier worker are dropped
    QThread* m_openThread = nullptr;
    WedgeConfig m_config;
    QString m_path;
};

}  // namespace archive::scanner
