#pragma once
// The kiosk's device wiring (issues 4 and 7): at start it looks for hardware off the GUI thread — HID POS
// scanners and TEMPer climate sticks on the one UsbContext, a keyboard-wedge scanner's evdev node where the
// kiosk may read it, a camera when one is configured — and falls back to simulated devices only for what is
// absent (or for everything with --simulate). simulatedDevices() names exactly what is simulated
// ("scanner", "sensor"); AppController shows it in the top bar.
//
// Scans from every source go to ScanController::onScan / onRejected. Scanners plugged in while running are
// picked up (UsbContext hotplug for HID POS; the input device list is read again when USB devices come and
// go; the camera when Qt Multimedia reports a new one). USB transfers and decoding stay on the devices'
// own workers; the GUI thread only connects signals. The wedge scanner's evdev node is opened and grabbed on
// the EvdevScanner's worker: its opened(Status) says whether it was grabbed (else its keys reach the window).
//
// The sensor poller: a SensorScheduler (one worker per sensor) with the real sticks — plus bound sticks that
// are unplugged, so their silence raises the R13 alert — or one SimulatedSensor per room. Readings are stored
// in batches through db::ReadingStore on the db worker (DbService); checkSilence() runs every minute. Only
// one logger per archive: the poller runs while this kiosk holds the archive's sensor LoggerLock; when
// `archivectl sensors log` (the archive-sensors service) holds it, the kiosk leaves the sensors alone, shows
// what the service stores, and tries again every retry interval (it takes over when the service stops).
//
// People's keyboards: at start and whenever an input device comes or goes (inotify on /dev/input, USB hotplug)
// the kernel's input list is read on a worker and sorted by scanner::classifyInput — the configured scanner
// (USB vendor:product, evdev node), attached HID POS scanners and scanner-like names are not keyboards.
// keyboardChanged(present) tells the borrower's search whether to offer the on-screen keyboard.

#include "devices/scanner/Scan.h"
#include "devices/sensor/Reading.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <memory>

namespace archive::usb { class UsbContext; }
namespace archive::sensor { class SensorScheduler; class LoggerLock; struct FoundSensor; }
namespace archive::scanner { class HidPosSource; class EvdevScanner; class CameraSource; class SimulatedScanner;
                             class ScannerSource; }

namespace archive::kiosk {

class DbService;
class ScanController;

class DeviceManager : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool simulate = false;            // --simulate: every device simulated, no hardware is touched
        bool hardware = true;             // look for USB devices at all (tests of the simulated path: false)
        bool sensorPoller = true;         // false: never poll (e.g. --no-sensor-poller)
        int sensorIntervalS = 0;          // > 0: every sensor at this interval; 0: each sensor's own (default 60 s)
        QString evdevPath;                // a wedge scanner's evdev node; empty: found by name in /proc/bus/input/devices
        bool evdevAutodetect = true;
        QByteArray cameraId;              // configured camera ("default" = the default one); empty: no camera
        QString scanScript;               // simulated scanner: a SimulatedScanner script replayed in a loop
        QString lockPath;                 // sensor logger lock; empty: LoggerLock::pathFor(db location)
        int usbRescanMs = 2000;           // re-enumeration where libusb has no hotplug
        int flushMs = 2000;               // readings are stored in one batch per flush
        int silenceCheckMs = 60000;       // ReadingStore::checkSilence period
        int lockRetryMs = 30000;          // how often a kiosk without the lock tries to take over
        QString procInputDevices = QStringLiteral("/proc/bus/input/devices");
        bool keyboardDetect = true;       // look for people's keyboards (off with --simulate)
        QString scannerUsbIds;            // the keyboard-wedge scanner's USB "vid:pid[,…]" (not a keyboard)
        QString inputDir = QStringLiteral("/dev/input");  // watched: a node comes or goes → keyboards looked for again
    };

    DeviceManager(DbService* db, ScanController* scans, const Options& options, QObject* parent = nullptr);
    ~DeviceManager() override;

    // Detects and starts the devices (asynchronously; simulatedDevicesChanged / scannersChanged follow).
    void start();
    // Where the simulated scanner sends its key events (the kiosk window): they pass the wedge filter like a
    // real keyboard-wedge scanner's keys.
    void setKeyTarget(QObject* target);

    bool started() const { return m_ready; }           // detection finished
    QStringList simulatedDevices() const { return m_simulated; }
    QStringList scanners() const;                      // hardware scanners in use ("HID POS 1eab:1a03 @1-2", …)
    QStringList sensorIds() const;                     // sensors being polled ("sim:A01", "usb:1-2", …)
    bool polling() const { return m_polling; }         // this kiosk holds the logger lock and polls
    qint64 storedReadings() const { return m_stored; }
    QString sensorStatus() const { return m_sensorStatus; }  // "中文 — English"
    bool keyboardPresent() const { return m_keyboard; }
    QStringList keyboards() const { return m_keyboards; }     // names of the people's keyboards found
    bool keyboardKnown() const { return m_keyboardKnown; }    // the first look has finished
    usb::UsbContext* usb() const { return m_usb.get(); }

signals:
    void simulatedDevicesChanged(const QStringList& devices);
    void scannersChanged();
    void readingsStored(int count);       // a batch reached the archive (refresh the climate tiles)
    void alertsChecked(int opened);       // checkSilence ran; opened = new silence alerts
    void pollingChanged(bool polling);
    void ready();                          // detection finished (hardware found or not)
    void keyboardChanged(bool present);    // a person's keyboard attached / none any more
    void keyboardChecked();                // a look at the input devices finished (changed or not)

private:
    struct Detected;
    struct DbFacts;
    void onDetected(std::shared_ptr<Detected> found);
    void maybeSetup();
    void setupScanners();
    void setupSensors();
    void startPoller();
    void startSimulatedSensors();
    void stopPoller();
    void tryTakeLock();
    void addUsbSensor(const QString& id);
    void onUsbArrived(const QString& vidPid, quint16 vid, quint16 pid, const QString& portPath);
    void rescanInputDevices();
    static std::pair<QString, QString> findWedgeNode(const QString& procInputDevices);
    void useWedgeNode(const QString& path, const QString& name);
    void startCamera();
    void connectSource(scanner::ScannerSource* s);
    void flush();
    void checkSilence();
    void updateSimulated();
    void setSensorStatus(const QString& zh, const QString& en);
    void detectKeyboards();

    DbService* m_db;
    ScanController* m_scans;
    Options m_opt;
    std::unique_ptr<usb::UsbContext> m_usb;
    QThreadPool m_pool;                // USB start and stick identification (never the GUI thread)
    std::unique_ptr<scanner::HidPosSource> m_hidpos;
    std::unique_ptr<scanner::EvdevScanner> m_evdev;
    QString m_evdevName;
    bool m_evdevSeen = false;          // a wedge scanner is listed but its node cannot be grabbed (keys reach the window)
    std::unique_ptr<scanner::CameraSource> m_camera;
    std::unique_ptr<scanner::SimulatedScanner> m_simScanner;
    QPointer<QObject> m_keyTarget;
    std::unique_ptr<sensor::SensorScheduler> m_sched;
    std::unique_ptr<sensor::LoggerLock> m_lock;
    std::shared_ptr<Detected> m_found;
    std::shared_ptr<DbFacts> m_facts;
    std::shared_ptr<void> m_storeHolder;  // the db thread's ReadingStore (touched only there)
    QList<sensor::Reading> m_pending;
    QTimer m_flushTimer, m_silenceTimer, m_lockTimer, m_inputTimer;
    QStringList m_simulated;
    bool m_ready = false;
    bool m_polling = false;
    bool m_simSensors = false;
    bool m_cameraOn = false;
    bool m_flushing = false;
    qint64 m_stored = 0;
    QString m_sensorStatus;
    QThreadPool m_inputPool;           // keyboard detection (reads the input list; never the GUI thread)
    QTimer m_keyboardTimer;            // coalesces bursts of input node changes
    bool m_keyboard = false;
    bool m_keyboardKnown = false;
    bool m_keyboardBusy = false, m_keyboardAgain = false;
    bool m_wedgeBusy = false, m_wedgeAgain = false;  // the wedge scanner's look at the input list
    QStringList m_keyboards;
};

}  // namespace archive::kiosk
