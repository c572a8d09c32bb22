#pragma once
// A dedicated keyboard-wedge scanner read from its evdev node (/dev/input/eventN) and grabbed with
// EVIOCGRAB, so its keys never reach the window or any text field at all. Events are read on a worker
// thread and decoded by a WedgeDecoder (source Evdev) with the kernel's event timestamps; scans arrive by
// queued signals. The kiosk user needs read access to the node (udev rule / group "input").

#include "common/Result.h"
#include "devices/scanner/ScannerSource.h"
#include "devices/scanner/WedgeDecoder.h"

#include <QString>
#include <QThread>

namespace archive::scanner {

class EvdevScanner : public ScannerSource {
    Q_OBJECT
public:
    explicit EvdevScanner(const WedgeConfig& config = {}, QObject* parent = nullptr);
    ~EvdevScanner() override;  // close()

    // Opens and grabs the node. requireGrab = false accepts nodes that cannot be grabbed (tests use a pipe);
    // with a real keyboard node an ungrabbed scanner would type into the window as well.
    Status open(const QString& devicePath, bool requireGrab = true);
    void close();
    bool isOpen() const { return m_worker != nullptr; }

    // Linux key code (linux/input-event-codes.h) → HID keyboard usage; 0 when unknown.
    static quint8 usageFromLinuxKey(int code);

signals:
    void removed();  // the node went away (scanner unplugged)

private:
    QThread m_thread;
    QObject* m_worker = nullptr;
    WedgeConfig m_config;
    QString m_path;
};

}  // namespace archive::scanner
