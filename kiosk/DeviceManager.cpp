#include "DeviceManager.h"

#include "DbService.h"
#include "ScanController.h"
#include "db/Database.h"
#include "db/env/EnvQueries.h"
#include "db/env/ReadingStore.h"
#include "devices/scanner/CameraSource.h"
#include "devices/scanner/EvdevScanner.h"
#include "devices/scanner/HidPosSource.h"
#include "devices/scanner/InputDevices.h"
#include "devices/scanner/SimulatedScanner.h"
#include "devices/sensor/LoggerLock.h"
#include "devices/sensor/SensorScheduler.h"
#include "devices/sensor/SimulatedSensor.h"
#include "devices/sensor/TemperProtocol.h"
#include "devices/sensor/TemperSensor.h"
#include "devices/usb/UsbContext.h"

#include <QFile>
#include <QFileSystemWatcher>
#include <QHash>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QRegularExpression>
#include <QThreadPool>

Q_LOGGING_CATEGORY(lcDevices, "archive.kiosk.devices")

namespace archive::kiosk {

namespace {

struct RoomFacts {
    QString code, name;
    double tMid = 19, rhMid = 50, tSpan = 4, rhSpan = 10;
};

}  // namespace

struct DeviceManager::Detected {
    bool usbOk = false;
    Error usbError;
};

struct DeviceManager::DbFacts {
    QList<db::SensorRecord> sensors;
    QList<RoomFacts> rooms;
};

namespace {
struct StoreHolder {
    std::unique_ptr<db::ReadingStore> store;  // made and used on the db thread only
    db::ReadingStore& get(db::Database& d) {
        if (!store) store = std::make_unique<db::ReadingStore>(d);
        return *store;
    }
};
}  // namespace

DeviceManager::DeviceManager(DbService* db, ScanController* scans, const Options& options, QObject* parent)
    : QObject(parent), m_db(db), m_scans(scans), m_opt(options), m_storeHolder(std::make_shared<StoreHolder>()) {
    qRegisterMetaType<sensor::Reading>();
    qRegisterMetaType<sensor::SensorStatus>();
    qRegisterMetaType<scanner::Scan>();
    qRegisterMetaType<scanner::ScanRejection>();
    m_pool.setMaxThreadCount(1);
    m_inputPool.setMaxThreadCount(1);
    m_keyboardTimer.setSingleShot(true);
    connect(&m_keyboardTimer, &QTimer::timeout, this, &DeviceManager::detectKeyboards);
    connect(&m_flushTimer, &QTimer::timeout, this, &DeviceManager::flush);
    connect(&m_silenceTimer, &QTimer::timeout, this, &DeviceManager::checkSilence);
    connect(&m_lockTimer, &QTimer::timeout, this, &DeviceManager::tryTakeLock);
    m_inputTimer.setSingleShot(true);
    connect(&m_inputTimer, &QTimer::timeout, this, &DeviceManager::rescanInputDevices);
    const QString lockPath = m_opt.lockPath.isEmpty() ? sensor::LoggerLock::pathFor(m_db->location()) : m_opt.lockPath;
    m_lock = std::make_unique<sensor::LoggerLock>(lockPath);
    setSensorStatus(QStringLiteral("温湿度传感器：正在检测"), QStringLiteral("climate sensors: detecting"));
}

DeviceManager::~DeviceManager() {
    m_flushTimer.stop();
    m_silenceTimer.stop();
    m_lockTimer.stop();
    m_keyboardTimer.stop();
    m_inputPool.waitForDone();
    m_pool.waitForDone();  // detection / identification workers use m_usb
    if (m_simScanner) m_simScanner->stop();
    m_sched.reset();       // joins the sensor workers (they may use m_usb)
    m_flushing = false;
    flush();               // readings taken so far still reach the archive (the db worker runs it before closing)
    m_camera.reset();
    m_evdev.reset();
    m_hidpos.reset();      // joins the HID POS readers
    m_usb.reset();
    m_lock.reset();
    // The ReadingStore belongs to the db thread: let the last reference go there.
    std::shared_ptr<void> holder = std::move(m_storeHolder);
    m_db->run<int>(nullptr, [holder](db::Database&) mutable -> Result<int> {
        holder.reset();
        return 0;
    }, [](Result<int>) {});
}

QStringList DeviceManager::scanners() const {
    QStringList out;
    if (m_hidpos)
        for (const QString& s : m_hidpos->scanners()) out << QStringLiteral("HID POS ") + s;
    if (m_evdev && m_evdev->isOpen()) out << QStringLiteral("evdev ") + m_evdevName;
    else if (m_evdevSeen) out << QStringLiteral("keyboard wedge ") + m_evdevName;
    if (m_cameraOn) out << QStringLiteral("camera");
    return out;
}

QStringList DeviceManager::sensorIds() const { return m_sched ? m_sched->sensorIds() : QStringList(); }

void DeviceManager::setKeyTarget(QObject* target) {
    m_keyTarget = target;
    if (m_simScanner) m_simScanner->setKeyTarget(target);
}

// ---- start: what the archive knows (db thread) and what is plugged in (worker), then wire up -----------

void DeviceManager::start() {
    if (m_opt.sensorPoller) m_lock->tryAcquire();
    if (m_opt.keyboardDetect && !m_opt.simulate) {
        // A keyboard plugged in or out (USB, Bluetooth, …): its /dev/input node comes or goes.
        auto* watch = new QFileSystemWatcher(this);
        if (watch->addPath(m_opt.inputDir))
            connect(watch, &QFileSystemWatcher::directoryChanged, this, [this] { m_keyboardTimer.start(300); });
        detectKeyboards();
    }
    m_db->run<std::shared_ptr<DbFacts>>(
        this,
        [](db::Database& d) -> Result<std::shared_ptr<DbFacts>> {
            auto facts = std::make_shared<DbFacts>();
            db::ReadingStore store(d);
            if (auto s = store.sensors(); s) facts->sensors = s.value();
            auto rooms = db::env::EnvQueries(d).rooms();
            if (!rooms) return rooms.error();
            for (const auto& r : rooms.value()) {
                RoomFacts f;
                f.code = r.room.code;
                f.name = r.room.name;
                f.tMid = (r.profile.tMin + r.profile.tMax) / 2;
                f.rhMid = (r.profile.rhMin + r.profile.rhMax) / 2;
                f.tSpan = r.profile.tMax - r.profile.tMin;
                f.rhSpan = r.profile.rhMax - r.profile.rhMin;
                facts->rooms << f;
            }
            return facts;
        },
        [this](Result<std::shared_ptr<DbFacts>> r) {
            if (!r) qCWarning(lcDevices) << "rooms/sensors not readable:" << r.errorMessage() << r.error().detail;
            m_facts = r ? r.value() : std::make_shared<DbFacts>();
            maybeSetup();
        });

    auto found = std::make_shared<Detected>();
    if (m_opt.simulate || !m_opt.hardware) {
        m_found = found;
        maybeSetup();
        return;
    }
    m_usb = std::make_unique<usb::UsbContext>();
    usb::UsbContext* usbp = m_usb.get();
    usb::UsbContext::Options uo;
    uo.rescanIntervalMs = m_opt.usbRescanMs;
    QPointer<DeviceManager> self(this);
    // libusb_init and the first enumeration off the GUI thread.
    m_pool.start([self, usbp, uo, found] {
        auto st = usbp->start(uo);
        found->usbOk = st.ok();
        if (!st) found->usbError = st.error();
        QMetaObject::invokeMethod(self.data(), [self, found] {
            if (!self) return;
            self->m_found = found;
            self->maybeSetup();
        }, Qt::QueuedConnection);
    });
}

void DeviceManager::maybeSetup() {
    if (m_ready || !m_found || !m_facts) return;
    m_ready = true;
    if (m_found && !m_found->usbOk && m_usb)
        qCWarning(lcDevices) << "USB not available:" << m_found->usbError.message();
    setupScanners();
    setupSensors();
    updateSimulated();
    emit ready();
}

// ---- scanners -------------------------------------------------------------------------------------------

void DeviceManager::connectSource(scanner::ScannerSource* s) {
    connect(s, &scanner::ScannerSource::scanned, m_scans, &ScanController::onScan);
    connect(s, &scanner::ScannerSource::rejected, m_scans, &ScanController::onRejected);
}

void DeviceManager::setupScanners() {
    if (!m_opt.scanScript.isEmpty()) {
        // A simulated keyboard-wedge scanner: real key events into the window, through the wedge filter.
        QFile f(m_opt.scanScript);
        if (f.open(QIODevice::ReadOnly)) {
            m_simScanner = std::make_unique<scanner::SimulatedScanner>();
            const QStringList bad = m_simScanner->setScript(QString::fromUtf8(f.readAll()));
            for (const QString& l : bad) qCWarning(lcDevices) << "scan script: line not understood:" << l;
            m_simScanner->setKeyTarget(m_keyTarget);
            m_simScanner->setLoop(true);
            if (!m_keyTarget) connectSource(m_simScanner.get());  // no window (tests): its own decoder's scans
            m_simScanner->play();
        } else {
            qCWarning(lcDevices) << "scan script not readable:" << m_opt.scanScript;
        }
    }
    if (m_opt.simulate) return;
    if (m_usb && m_usb->isRunning()) {
        m_hidpos = std::make_unique<scanner::HidPosSource>(*m_usb);
        connectSource(m_hidpos.get());
        connect(m_hidpos.get(), &scanner::HidPosSource::scannerAttached, this, [this](const QString& name) {
            qCInfo(lcDevices) << "HID POS scanner attached:" << name;
            m_keyboardTimer.start(300);  // its keyboard interface (if any) is a scanner, not a keyboard
            updateSimulated();
            emit scannersChanged();
        });
        connect(m_hidpos.get(), &scanner::HidPosSource::scannerDetached, this, [this](const QString& name) {
            qCInfo(lcDevices) << "HID POS scanner detached:" << name;
            updateSimulated();
            emit scannersChanged();
        });
        m_hidpos->start();
        // Plugged in / out later: a wedge scanner's input node and a climate stick may come with it.
        connect(m_usb.get(), &usb::UsbContext::deviceArrived, this, [this](const usb::UsbDeviceInfo& d) {
            m_inputTimer.start(1500);  // give the kernel time to create the input node
            m_keyboardTimer.start(1500);
            onUsbArrived(d.vidPid(), d.vendorId, d.productId, d.portPath);
        });
        connect(m_usb.get(), &usb::UsbContext::deviceLeft, this, [this](const usb::UsbDeviceInfo&) {
            m_inputTimer.start(500);
            m_keyboardTimer.start(500);
        });
    }
    rescanInputDevices();
    if (!m_opt.cameraId.isEmpty()) {
        auto* media = new QMediaDevices(this);
        connect(media, &QMediaDevices::videoInputsChanged, this, [this] {
            if (!m_cameraOn) startCamera();
        });
        startCamera();
    }
}

void DeviceManager::startCamera() {
    if (!m_camera) {
        m_camera = std::make_unique<scanner::CameraSource>();
        connectSource(m_camera.get());
    }
    const QByteArray id = m_opt.cameraId == "default" ? QByteArray() : m_opt.cameraId;
    const Status st = m_camera->start(id);
    m_cameraOn = st.ok();
    if (!st) qCInfo(lcDevices) << "camera:" << st.error().message();
    updateSimulated();
    emit scannersChanged();
}

// A keyboard-wedge scanner in the kernel's input device list. Grabbed through evdev where the kiosk may read
// its node (its keys then never reach the window); otherwise its keys reach the window and the wedge filter.
// The list is read and parsed on m_inputPool and the node opened and grabbed on the EvdevScanner's worker:
// no file or device I/O on the GUI thread.
void DeviceManager::rescanInputDevices() {
    if (m_opt.simulate || (m_evdev && (m_evdev->isOpen() || m_evdev->isOpening()))) return;
    if (!m_opt.evdevPath.isEmpty() || !m_opt.evdevAutodetect) {
        useWedgeNode(m_opt.evdevPath, m_opt.evdevPath);
        return;
    }
    if (m_wedgeBusy) {
        m_wedgeAgain = true;  // looked at again as soon as the running look is done
        return;
    }
    m_wedgeBusy = true;
    const QString proc = m_opt.procInputDevices;
    QPointer<DeviceManager> self(this);
    m_inputPool.start([self, proc] {
        const std::pair<QString, QString> found = findWedgeNode(proc);
        QMetaObject::invokeMethod(self.data(), [self, found] {
            if (!self) return;
            self->m_wedgeBusy = false;
            self->useWedgeNode(found.first, found.second);
            if (self->m_wedgeAgain) {
                self->m_wedgeAgain = false;
                self->rescanInputDevices();
            }
        }, Qt::QueuedConnection);
    });
}

// The first keyboard-like input device that calls itself a scanner: its event node and name (empty: none).
// Worker thread (file I/O).
std::pair<QString, QString> DeviceManager::findWedgeNode(const QString& procInputDevices) {
    QFile f(procInputDevices);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QStringList blocks = QString::fromUtf8(f.readAll()).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    static const QRegularExpression nameRe(QStringLiteral("^N: Name=\"(.*)\"$"), QRegularExpression::MultilineOption);
    static const QRegularExpression handlersRe(QStringLiteral("^H: Handlers=(.*)$"), QRegularExpression::MultilineOption);
    static const QRegularExpression eventRe(QStringLiteral("\\bevent(\\d+)\\b"));
    for (const QString& b : blocks) {
        const auto n = nameRe.match(b);
        const auto h = handlersRe.match(b);
        if (!n.hasMatch() || !h.hasMatch() || !h.captured(1).contains(QLatin1String("kbd"))) continue;
        if (!scanner::looksLikeScannerName(n.captured(1))) continue;  // keyboards do not call themselves scanners
        const auto e = eventRe.match(h.captured(1));
        if (!e.hasMatch()) continue;
        return {QStringLiteral("/dev/input/event") + e.captured(1), n.captured(1)};
    }
    return {};
}

void DeviceManager::useWedgeNode(const QString& path, const QString& name) {
    if (m_opt.simulate || (m_evdev && (m_evdev->isOpen() || m_evdev->isOpening()))) return;
    const bool seen = !path.isEmpty();
    if (seen) {
        // Opened and grabbed on the scanner's own worker (a node can block in open(): a slow hub, a node being
        // removed); the outcome comes back by opened(). Until then (and after a failure) its keys, if any,
        // reach the window and the wedge filter.
        m_evdev = std::make_unique<scanner::EvdevScanner>();
        scanner::EvdevScanner* ev = m_evdev.get();
        connectSource(ev);
        connect(ev, &scanner::EvdevScanner::opened, this, [this, name, path](const Status& st) {
            if (st) {
                qCInfo(lcDevices) << "evdev scanner:" << name << path;
            } else {
                // e.g. no permission → the udev rule / group "input"; no such node; another program holds it.
                qCInfo(lcDevices) << "evdev scanner not grabbed (its keys reach the window):" << st.error().message()
                                  << st.error().detail;
            }
            if (m_ready) {
                updateSimulated();
                emit scannersChanged();
            }
        });
        connect(ev, &scanner::EvdevScanner::removed, this, [this] {
            qCInfo(lcDevices) << "evdev scanner removed:" << m_evdevName;
            QTimer::singleShot(0, this, [this] {
                m_evdev.reset();
                m_evdevSeen = false;
                rescanInputDevices();
            });
        });
        ev->open(path, true);
    }
    const bool changed = seen != m_evdevSeen || name != m_evdevName;
    m_evdevSeen = seen;
    m_evdevName = name;
    if (changed && m_ready) {
        updateSimulated();
        emit scannersChanged();
    }
}

// ---- people's keyboards: is one attached? (the borrower's search offers the on-screen keyboard without one) ----

void DeviceManager::detectKeyboards() {
    if (m_keyboardBusy) {
        m_keyboardAgain = true;  // looked at again as soon as the running look is done
        return;
    }
    m_keyboardBusy = true;
    scanner::ScannerIdentity id;
    QStringList bad;
    id.addUsbIds(m_opt.scannerUsbIds, &bad);
    for (const QString& b : std::as_const(bad)) qCWarning(lcDevices) << "scanner USB id not understood (want vid:pid):" << b;
    if (!m_opt.evdevPath.isEmpty()) id.evdevNodes << m_opt.evdevPath;
    if (m_hidpos)
        for (const QString& s : m_hidpos->scanners()) id.addUsbIds(s.section(QLatin1Char(' '), 0, 0));  // "vid:pid @port"
    const QString proc = m_opt.procInputDevices;
    QPointer<DeviceManager> self(this);
    m_inputPool.start([self, proc, id] {
        const scanner::KeyboardPresence found = scanner::detectKeyboards(proc, id);
        QMetaObject::invokeMethod(self.data(), [self, found] {
            if (!self) return;
            self->m_keyboardBusy = false;
            self->m_keyboardKnown = true;
            self->m_keyboards = found.keyboards;
            if (found.present() != self->m_keyboard) {
                self->m_keyboard = found.present();
                qCInfo(lcDevices) << "keyboard:" << (found.present() ? found.keyboards.join(QStringLiteral(", ")) : QStringLiteral("none"))
                                  << "scanners:" << found.scanners;
                emit self->keyboardChanged(self->m_keyboard);
            }
            emit self->keyboardChecked();
            if (self->m_keyboardAgain) {
                self->m_keyboardAgain = false;
                self->detectKeyboards();
            }
        }, Qt::QueuedConnection);
    });
}

// ---- sensors --------------------------------------------------------------------------------------------

void DeviceManager::setSensorStatus(const QString& zh, const QString& en) { m_sensorStatus = zh + QStringLiteral(" — ") + en; }

void DeviceManager::setupSensors() {
    m_silenceTimer.start(m_opt.silenceCheckMs);
    if (!m_opt.sensorPoller) {
        setSensorStatus(QStringLiteral("本终端不记录温湿度（已关闭）"), QStringLiteral("this kiosk does not log the climate (turned off)"));
        return;
    }
    if (!m_lock->held()) {
        const QString who = m_lock->holder();
        setSensorStatus(QStringLiteral("温湿度由另一个程序记录（%1）").arg(who),
                        QStringLiteral("climate readings are logged by another program (%1)").arg(who));
        qCInfo(lcDevices) << "sensor logger lock held by" << who << "- the kiosk does not poll";
        m_lockTimer.start(m_opt.lockRetryMs);
        return;
    }
    startPoller();
}

void DeviceManager::tryTakeLock() {
    if (m_polling || !m_lock->tryAcquire()) return;
    m_lockTimer.stop();
    qCInfo(lcDevices) << "sensor logger lock taken: the kiosk polls the sensors now";
    startPoller();
}

void DeviceManager::startPoller() {
    m_sched = std::make_unique<sensor::SensorScheduler>();
    connect(m_sched.get(), &sensor::SensorScheduler::reading, this, [this](const sensor::Reading& r) {
        if (m_pending.size() < 100000) m_pending.append(r);  // bounded while the database is unavailable
    });
    connect(m_sched.get(), &sensor::SensorScheduler::statusChanged, this, [](const sensor::SensorStatus& s) {
        qCInfo(lcDevices) << "sensor" << s.sensorId << sensor::stateName(s.state) << s.reason.message();
    });
    m_polling = true;
    m_flushTimer.start(m_opt.flushMs);
    emit pollingChanged(true);

    bool boundUsb = false;
    for (const auto& s : m_facts->sensors) boundUsb = boundUsb || (s.kind == QLatin1String("usb") && s.roomId != 0);
    if (m_opt.simulate || !m_usb || !m_usb->isRunning()) {
        if (boundUsb && !m_opt.simulate) {
            // Sticks are bound but USB is unusable: poll them anyway (offline → silence alerts), no simulation.
            for (const auto& s : m_facts->sensors)
                if (s.kind == QLatin1String("usb") && s.roomId != 0) addUsbSensor(s.sensorKey);
            m_sched->start();
            updateSimulated();
            return;
        }
        startSimulatedSensors();
        return;
    }
    // Identify the sticks on a worker (it opens each one briefly), then poll.
    usb::UsbContext* usbp = m_usb.get();
    QPointer<DeviceManager> self(this);
    m_pool.start([self, usbp] {
        auto found = std::make_shared<QList<sensor::FoundSensor>>(sensor::identifyTemperSensors(*usbp));
        QMetaObject::invokeMethod(self.data(), [self, found] {
            if (!self || !self->m_sched) return;
            QStringList ids;
            for (const auto& f : *found) {
                if (!f.problem.code.isEmpty()) qCWarning(lcDevices) << f.info.sensorId << f.problem.message();
                if (!f.info.sensorId.isEmpty()) ids << f.info.sensorId;
            }
            bool boundUsb = false;
            for (const auto& s : self->m_facts->sensors)
                if (s.kind == QLatin1String("usb") && s.roomId != 0) {
                    boundUsb = true;
                    ids << s.sensorKey;
                }
            if (ids.isEmpty()) {
                self->startSimulatedSensors();
                return;
            }
            for (const QString& id : ids) self->addUsbSensor(id);
            self->m_sched->start();
            self->setSensorStatus(QStringLiteral("温湿度传感器：%1 支").arg(self->m_sched->sensorIds().size()),
                                  QStringLiteral("climate sensors: %1").arg(self->m_sched->sensorIds().size()));
            self->updateSimulated();
            (void)boundUsb;
        }, Qt::QueuedConnection);
    });
}

void DeviceManager::startSimulatedSensors() {
    QHash<QString, db::SensorRecord> known;
    for (const auto& s : m_facts->sensors) known.insert(s.sensorKey, s);
    for (const RoomFacts& room : m_facts->rooms) {
        const QString id = QStringLiteral("sim:") + room.code;
        sensor::SimulationParams p;
        p.name = room.code;
        p.seed = quint32(qHash(room.code));
        p.baseTempC = room.tMid;
        p.baseRhPct = room.rhMid;
        p.tempAmplitudeC = qBound(0.2, room.tSpan / 6, 1.5);
        p.rhAmplitudePct = qBound(0.5, room.rhSpan / 6, 4.0);
        sensor::SensorConfig c;
        c.sensorId = id;
        const auto rec = known.value(id);
        const int intervalS = m_opt.sensorIntervalS > 0 ? m_opt.sensorIntervalS
                              : rec.intervalS > 0 && !rec.sensorKey.isEmpty() ? rec.intervalS : 60;
        c.intervalMs = intervalS * 1000;
        m_sched->addSensor(c, [p]() -> Result<std::unique_ptr<sensor::SensorDevice>> {
            return std::unique_ptr<sensor::SensorDevice>(new sensor::SimulatedSensor(p));
        });
        if (rec.roomCode != room.code) {
            // First start on this archive: the simulated sensor belongs to its room (ledger "sensor.bind").
            const QString code = room.code;
            m_db->run<int>(this, [id, code](db::Database& d) -> Result<int> {
                db::ReadingStore store(d);
                if (auto st = store.bindSensor(id, code, QStringLiteral("kiosk")); !st) return st.error();
                return 1;
            }, [id](Result<int> r) {
                if (!r) qCWarning(lcDevices) << "cannot bind" << id << r.errorMessage() << r.error().detail;
            });
        }
    }
    m_simSensors = true;
    m_sched->start();
    setSensorStatus(QStringLiteral("模拟温湿度传感器：每个库房一支（%1 支）").arg(m_facts->rooms.size()),
                    QStringLiteral("simulated climate sensors: one per room (%1)").arg(m_facts->rooms.size()));
    updateSimulated();
}

void DeviceManager::addUsbSensor(const QString& id) {
    if (!m_sched || m_sched->sensorIds().contains(id)) return;
    sensor::SensorConfig c;
    c.sensorId = id;
    int intervalS = 60;
    for (const auto& s : m_facts->sensors)
        if (s.sensorKey == id && s.intervalS > 0) intervalS = s.intervalS;
    if (m_opt.sensorIntervalS > 0) intervalS = m_opt.sensorIntervalS;
    c.intervalMs = intervalS * 1000;  // calibration offsets are applied by ReadingStore when stored
    usb::UsbContext* usbp = m_usb.get();
    m_sched->addSensor(c, [usbp, id]() -> Result<std::unique_ptr<sensor::SensorDevice>> {
        if (!usbp) return makeError(QStringLiteral("usb_no_device"), QStringLiteral("USB 不可用。"), QStringLiteral("USB is not available."));
        return sensor::openTemperByKey(*usbp, id);
    });
    qCInfo(lcDevices) << "logging sensor" << id;
}

// A climate stick plugged in while running: identified on a worker, then polled. The first real stick
// replaces the simulated sensors.
void DeviceManager::onUsbArrived(const QString&, quint16 vid, quint16 pid, const QString& portPath) {
    if (!m_polling || !m_sched || !m_usb || !sensor::temper::isSupported(vid, pid)) return;
    if (m_sched->sensorIds().contains(sensor::TemperSensor::keyFor({}, portPath))) return;  // its worker re-opens it
    usb::UsbContext* usbp = m_usb.get();
    QPointer<DeviceManager> self(this);
    m_pool.start([self, usbp, portPath] {
        QString id;
        for (const auto& f : sensor::identifyTemperSensors(*usbp))
            if (f.device.portPath == portPath) id = f.info.sensorId;
        if (id.isEmpty()) return;
        QMetaObject::invokeMethod(self.data(), [self, id] {
            if (!self || !self->m_sched) return;
            if (self->m_simSensors) {
                for (const QString& s : self->m_sched->sensorIds())
                    if (s.startsWith(QLatin1String("sim:"))) self->m_sched->removeSensor(s);
                self->m_simSensors = false;
            }
            self->addUsbSensor(id);
            self->updateSimulated();
        }, Qt::QueuedConnection);
    });
}

void DeviceManager::flush() {
    if (m_pending.isEmpty() || m_flushing) return;
    QList<db::ReadingRow> rows;
    rows.reserve(m_pending.size());
    for (const auto& r : std::as_const(m_pending)) {
        db::ReadingRow row;
        row.sensorKey = r.sensorId;
        row.atMs = r.atMs;
        row.tempC = r.tempC;
        row.rhPct = r.rhPct;
        row.probe = r.probe;
        rows << row;
    }
    const QList<sensor::Reading> sent = m_pending;
    m_pending.clear();
    m_flushing = true;
    auto holder = std::static_pointer_cast<StoreHolder>(m_storeHolder);
    m_db->run<int>(this, [holder, rows](db::Database& d) -> Result<int> {
        return holder->get(d).addReadings(rows);
    }, [this, sent](Result<int> r) {
        m_flushing = false;
        if (!r) {
            // The database may be busy (a backup, another writer): keep them for the next flush.
            qCWarning(lcDevices) << "readings not stored yet:" << r.errorMessage() << r.error().detail;
            m_pending = sent + m_pending;
            return;
        }
        m_stored += r.value();
        if (r.value() > 0) emit readingsStored(r.value());
    });
}

void DeviceManager::checkSilence() {
    auto holder = std::static_pointer_cast<StoreHolder>(m_storeHolder);
    m_db->run<int>(this, [holder](db::Database& d) -> Result<int> {
        db::ReadingStore& store = holder->get(d);
        store.invalidateCaches();  // the admin screen or the service may have changed sensors or profiles
        return store.checkSilence();
    }, [this](Result<int> r) {
        if (!r) {
            qCWarning(lcDevices) << "silence check failed:" << r.errorMessage() << r.error().detail;
            return;
        }
        emit alertsChecked(r.value());
    });
}

void DeviceManager::updateSimulated() {
    QStringList s;
    const bool hardwareScanner = (m_hidpos && !m_hidpos->scanners().isEmpty()) || (m_evdev && m_evdev->isOpen()) ||
                                 m_evdevSeen || m_cameraOn;
    if (m_opt.simulate || !hardwareScanner || m_simScanner) s << QStringLiteral("scanner");
    if (m_simSensors) s << QStringLiteral("sensor");
    if (s == m_simulated) return;
    m_simulated = s;
    qCInfo(lcDevices) << "simulated devices:" << (s.isEmpty() ? QStringLiteral("none") : s.join(QStringLiteral(", ")));
    emit simulatedDevicesChanged(s);
}

}  // namespace archive::kiosk
