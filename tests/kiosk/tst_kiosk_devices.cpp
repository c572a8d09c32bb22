// The kiosk's device wiring (kiosk/DeviceManager) with real components: the real libusb code path against an
// emulated HID POS scanner (tests/usbmock under umockdev, as in tests/scanner), the real ScanController and
// session on a real SQLite archive (KioskFixture), the sensor poller storing simulated readings through
// ReadingStore on the db worker, the climate tiles' model, the sensor logger lock shared with the
// archive-sensors service (which runs `archivectl sensors log` under flock(1)), the top bar's "simulated devices" notice (the real TopBar.qml), and the real
// archive-kiosk binary with live climate tiles (screenshot into tests/artifacts/kiosk-devices/).
#include "AppController.h"
#include "BoxController.h"
#include "ClimateController.h"
#include "DbService.h"
#include "DeviceManager.h"
#include "FeedbackController.h"
#include "KioskDesk.h"
#include "KioskFixture.h"
#include "KioskRun.h"
#include "LanguageController.h"
#include "QmlTypes.h"
#include "ScanController.h"
#include "SessionController.h"
#include "StaffDesk.h"
#include "db/Database.h"
#include "devices/scanner/HidPosReport.h"
#include "devices/sensor/LoggerLock.h"
#include "usbmock.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <atomic>
#include <cstring>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

using namespace archive;
using namespace archive::kiosk;

namespace {

// Usage Page 0x8C (HID POS), Usage 0x02 (bar code scanner), report ID 2, 63 bytes input.
const QByteArray kPosDescriptor = QByteArray::fromHex("058c0902a10185021500 26ff00 7508 953f 0912 8102 c0");

int posControl(UsbMockDevice*, const uint8_t setup[8], uint8_t* data, int len, void*) {
    if (setup[0] == 0x81 && setup[1] == 0x06 && setup[3] == 0x22) {  // GET_DESCRIPTOR(report)
        const int n = std::min<int>(len, int(kPosDescriptor.size()));
        memcpy(data, kPosDescriptor.constData(), size_t(n));
        return n;
    }
    return USBMOCK_STALL;
}

UsbMockDevice* addPosScanner(UsbMockBed* bed, const char* port) {
    UsbMockDeviceSpec spec = usbmock_hid_spec(0x1eab, 0x1a03, 1);
    spec.port = port;
    spec.product = "Barcode Scanner";
    spec.interfaces[0].iface_class = 3;
    spec.interfaces[0].iface_subclass = 0;
    spec.interfaces[0].iface_protocol = 0;
    spec.interfaces[0].ep_in = 0x81;
    spec.interfaces[0].ep_out = 0;
    spec.interfaces[0].max_packet = 64;
    spec.interfaces[0].report_desc_len = uint16_t(kPosDescriptor.size());
    UsbMockCallbacks cb{};
    cb.control = &posControl;
    return usbmock_device_add(bed, &spec, &cb, nullptr);
}

void queueCode(UsbMockDevice* dev, const QByteArray& code) {
    QByteArray r(scanner::hidpos::kReportSize, '\0');
    r[0] = char(scanner::hidpos::kReportId);
    r[1] = char(code.size());
    r.replace(2, 3, "]C0");
    r.replace(5, code.size(), code);
    r.resize(scanner::hidpos::kReportSize);
    usbmock_device_queue_in(dev, 0x81, reinterpret_cast<const uint8_t*>(r.constData()), int(r.size()), 0);
}

// The kiosk's controllers as main.cpp makes them (the parts the devices talk to).
struct Kiosk : kiosktest::KioskDesk {
    LanguageController language;
    ClimateController climate{&db};
    AppController app{&session, true};
    explicit Kiosk(const QString& path) { open(path); }
};

// The real TopBar.qml with the App / Session / Language singletons of one Kiosk.
struct TopBarView {
    QQmlEngine engine;
    std::unique_ptr<QObject> root;
    QObject* notice = nullptr;
    explicit TopBarView(Kiosk& k) {
        AppForeign::s_instance = &k.app;
        SessionForeign::s_instance = &k.session;
        LanguageForeign::s_instance = &k.language;
        FeedbackForeign::s_instance = &k.feedback;
        engine.addImportPath(QStringLiteral(":/"));
        k.language.setEngine(&engine);
        k.language.setCode(QStringLiteral("zh"));
        QQmlComponent c(&engine, QUrl(QStringLiteral("qrc:/Kiosk/TopBar.qml")));
        root.reset(c.create());
        if (!root) qWarning() << c.errors();
        if (root) notice = root->findChild<QObject*>(QStringLiteral("simulatedNotice"));
    }
    bool visible() const { return notice && notice->property("visible").toBool(); }
    QString text() const { return notice ? notice->property("text").toString() : QString(); }
};

int readingsOf(const QString& dbPath, const QString& sensorKey, QString* room = nullptr) {
    auto db = db::Database::open(dbPath);
    if (!db) return -1;
    QSqlQuery q(db.value()->sql());
    q.prepare(QStringLiteral("SELECT COUNT(r.at), MAX(rm.code) FROM sensors s LEFT JOIN readings r ON r.sensor_id = s.id "
                             "LEFT JOIN rooms rm ON rm.id = s.room_id WHERE s.sensor_key = ?"));
    q.addBindValue(sensorKey);
    if (!q.exec() || !q.next()) return -1;
    if (room) *room = q.value(1).toString();
    return q.value(0).toInt();
}

}  // namespace

class KioskDevices : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    kiosktest::Fixture m_fx;
    int m_archives = 0;

    // A fresh copy of the fixture archive for each test (the poller writes into it).
    QString freshArchive() {
        const QString path = m_dir.filePath(QStringLiteral("archive-%1.db").arg(++m_archives));
        if (!QFile::copy(m_fx.dbPath, path)) return {};
        return path;
    }
    DeviceManager::Options baseOptions() {
        DeviceManager::Options o;
        o.evdevAutodetect = false;  // the build machine's own input devices are not part of the test
        o.usbRescanMs = 100;
        o.flushMs = 200;
        o.lockPath = m_dir.filePath(QStringLiteral("sensors-%1.lock").arg(m_archives));
        return o;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto fx = kiosktest::makeFixture(m_dir.path());
        QVERIFY2(fx.ok(), qPrintable(fx.ok() ? QString() : fx.error().message()));
        m_fx = fx.value();
    }

    // A HID POS scanner present at start and a second one plugged in while running are both found (real
    // libusb under umockdev); a code from the hot-plugged one reaches ScanController and logs the archivist in
    // (PIN asked). The notice drops "scanner" as soon as a real one is there and is hidden when nothing is
    // simulated (the poller is off here, so no sensor is simulated either).
    void hidPosScannersReachTheScanController() {
        const QString path = freshArchive();
        UsbMockBed* bed = usbmock_bed_new();
        UsbMockDevice* first = addPosScanner(bed, "2");
        QVERIFY(first);
        {
            Kiosk k(path);
            TopBarView bar(k);
            QVERIFY(bar.notice);
            DeviceManager::Options o = baseOptions();
            o.sensorPoller = false;
            DeviceManager dm(&k.db, &k.scans, o);
            QObject::connect(&dm, &DeviceManager::simulatedDevicesChanged, &k.app, &AppController::setSimulatedDevices);
            QSignalSpy changes(&dm, &DeviceManager::scannersChanged);
            dm.start();
            QTRY_VERIFY_WITH_TIMEOUT(dm.started(), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(dm.scanners().size(), 1, 10000);
            QCOMPARE(dm.simulatedDevices(), QStringList());
            QVERIFY(!bar.visible());

            UsbMockDevice* second = addPosScanner(bed, "3");  // plugged in while the kiosk runs
            QVERIFY(second);
            QTRY_COMPARE_WITH_TIMEOUT(dm.scanners().size(), 2, 10000);
            QSignalSpy scanned(&k.scans, &ScanController::scanned);
            QTRY_VERIFY(k.db.ready());
            queueCode(second, m_fx.archivistCard.toLatin1());
            QTRY_COMPARE_WITH_TIMEOUT(scanned.count(), 1, 10000);
            QCOMPARE(k.scans.lastCode(), m_fx.archivistCard);
            QTRY_COMPARE(k.session.stage(), QStringLiteral("pin"));  // the card went down the login path

            usbmock_device_unplug(first);
            usbmock_device_unplug(second);
            QTRY_COMPARE_WITH_TIMEOUT(dm.scanners().size(), 0, 10000);
            QCOMPARE(dm.simulatedDevices(), QStringList{QStringLiteral("scanner")});
            QVERIFY(bar.visible());
            QVERIFY2(bar.text().contains(QStringLiteral("扫码枪")), qPrintable(bar.text()));
            QVERIFY(!bar.text().contains(QStringLiteral("温湿度")));
            QVERIFY(changes.count() >= 4);
        }
        usbmock_bed_free(bed);
    }

    // A configured evdev node (--evdev) is opened and grabbed on the EvdevScanner's worker after start() has
    // returned, never on the GUI thread: a node that is missing or cannot be grabbed (a pipe) is reported back
    // (one more scannersChanged) and leaves the scanner to the window's wedge filter ("keyboard wedge …", not
    // simulated). A manager destroyed while that open is still in flight joins the worker cleanly.
    void evdevNodeIsOpenedOnTheScannersWorker() {
        const QString path = freshArchive();
        int fds[2] = {-1, -1};
        QCOMPARE(::pipe(fds), 0);
        const QStringList nodes{m_dir.filePath(QStringLiteral("event-missing")), QStringLiteral("/proc/self/fd/%1").arg(fds[0])};
        Kiosk k(path);
        for (const QString& node : nodes) {
            DeviceManager::Options o = baseOptions();
            o.hardware = false;
            o.sensorPoller = false;
            o.keyboardDetect = false;
            o.evdevPath = node;
            DeviceManager dm(&k.db, &k.scans, o);
            QSignalSpy changes(&dm, &DeviceManager::scannersChanged);
            dm.start();
            QTRY_VERIFY_WITH_TIMEOUT(dm.started(), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(changes.count() >= 2, 10000);  // seen, then the open's outcome
            QCOMPARE(dm.scanners(), QStringList{QStringLiteral("keyboard wedge ") + node});
            QCOMPARE(dm.simulatedDevices(), QStringList());
        }
        for (int i = 0; i < 20; ++i) {
            DeviceManager::Options o = baseOptions();
            o.hardware = false;
            o.sensorPoller = false;
            o.keyboardDetect = false;
            o.evdevPath = nodes.last();
            DeviceManager dm(&k.db, &k.scans, o);
            QSignalSpy ready(&dm, &DeviceManager::ready);
            dm.start();
            QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1, 10000);  // destroyed with the open in flight (or just done)
        }
        ::close(fds[0]);
        ::close(fds[1]);
    }

    // --simulate: one simulated sensor per room, polled on the scheduler's workers, stored through ReadingStore
    // on the db worker into the real SQLite archive under the room; the climate tile of the room shows the
    // values and follows new batches. The notice names both simulated devices.
    void pollerStoresSimulatedReadingsAndTilesFollow() {
        const QString path = freshArchive();
        Kiosk k(path);
        TopBarView bar(k);
        DeviceManager::Options o = baseOptions();
        o.simulate = true;
        o.sensorIntervalS = 1;
        DeviceManager dm(&k.db, &k.scans, o);
        QObject::connect(&dm, &DeviceManager::simulatedDevicesChanged, &k.app, &AppController::setSimulatedDevices);
        QObject::connect(&dm, &DeviceManager::readingsStored, &k.climate, &ClimateController::refresh);
        k.climate.refresh();
        QTRY_COMPARE(k.climate.rooms()->rowCount(), 1);
        QCOMPARE(k.climate.rooms()->get(0).value(QStringLiteral("temperature")).toString(), QString());  // no readings yet

        QSignalSpy reset(k.climate.rooms(), &QAbstractItemModel::modelReset);
        QSignalSpy stored(&dm, &DeviceManager::readingsStored);
        dm.start();
        QTRY_VERIFY_WITH_TIMEOUT(dm.polling(), 10000);
        QCOMPARE(dm.sensorIds(), QStringList{QStringLiteral("sim:K1")});
        QTRY_COMPARE(dm.simulatedDevices(), (QStringList{QStringLiteral("scanner"), QStringLiteral("sensor")}));
        QVERIFY(bar.visible());
        QVERIFY2(bar.text().contains(QStringLiteral("扫码枪")) && bar.text().contains(QStringLiteral("温湿度传感器")),
                 qPrintable(bar.text()));

        QTRY_VERIFY_WITH_TIMEOUT(stored.count() >= 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!k.climate.rooms()->get(0).value(QStringLiteral("temperature")).toString().isEmpty(), 10000);
        const QVariantMap tile = k.climate.rooms()->get(0);
        QVERIFY2(tile.value(QStringLiteral("temperature")).toString().endsWith(QStringLiteral("°C")), qPrintable(tile.value("temperature").toString()));
        QVERIFY(tile.value(QStringLiteral("humidity")).toString().endsWith(QStringLiteral("%RH")));
        QCOMPARE(tile.value(QStringLiteral("level")).toString(), QStringLiteral("ok"));  // the simulation sits in the room's band

        QString room;
        const int first = readingsOf(path, QStringLiteral("sim:K1"), &room);
        QVERIFY(first >= 1);
        QCOMPARE(room, QStringLiteral("K1"));  // bound to its room on first start
        // Later batches land too and the tile is refreshed for each.
        const int resetsBefore = reset.count();
        QTRY_VERIFY_WITH_TIMEOUT(readingsOf(path, QStringLiteral("sim:K1")) >= first + 2, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(reset.count() > resetsBefore, 10000);
        QTRY_VERIFY(dm.storedReadings() >= first + 2);  // counted when the batch's answer is back on this thread
    }

    // Only one logger per archive: while another program (here: a LoggerLock held like `archivectl sensors log`
    // holds it) logs, the kiosk polls nothing; when that program stops, the kiosk takes over.
    void anotherLoggerKeepsThePollerOffUntilItStops() {
        const QString path = freshArchive();
        DeviceManager::Options o = baseOptions();
        o.simulate = true;
        o.sensorIntervalS = 1;
        o.lockRetryMs = 100;
        sensor::LoggerLock service(o.lockPath);
        QVERIFY(service.tryAcquire());
        Kiosk k(path);
        DeviceManager dm(&k.db, &k.scans, o);
        dm.start();
        QTRY_VERIFY_WITH_TIMEOUT(dm.started(), 10000);
        QVERIFY(!dm.polling());
        QVERIFY(dm.sensorIds().isEmpty());
        QVERIFY(!dm.simulatedDevices().contains(QStringLiteral("sensor")));  // not this kiosk's sensors
        QVERIFY2(dm.sensorStatus().contains(QStringLiteral("another program")), qPrintable(dm.sensorStatus()));

        service.release();
        QTRY_VERIFY_WITH_TIMEOUT(dm.polling(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(readingsOf(path, QStringLiteral("sim:K1")) >= 1, 15000);
        sensor::LoggerLock late(o.lockPath);
        QVERIFY(!late.tryAcquire());  // the kiosk holds it now
    }

    // The archive-sensors service runs `archivectl sensors log` under flock(1) on the same lock file
    // (deploy/systemd/archive-sensors.service): while the kiosk polls, flock cannot take it (the service
    // waits); once the kiosk is gone it can, and while the service holds it the kiosk does not poll.
    void serviceFlockAndKioskShareTheLock() {
        const QString path = freshArchive();
        DeviceManager::Options o = baseOptions();
        o.lockPath = sensor::LoggerLock::pathFor(path);
        QCOMPARE(o.lockPath, path + QStringLiteral(".sensors.lock"));
        o.simulate = true;
        o.sensorIntervalS = 1;
        auto flockNow = [&o] {
            QProcess p;
            p.start(QStringLiteral("flock"), {QStringLiteral("-n"), o.lockPath, QStringLiteral("true")});
            if (!p.waitForFinished(30000)) return -1;
            return p.exitCode();
        };
        {
            Kiosk k(path);
            DeviceManager dm(&k.db, &k.scans, o);
            dm.start();
            QTRY_VERIFY_WITH_TIMEOUT(dm.polling(), 10000);
            QCOMPARE(flockNow(), 1);  // busy: the service would wait
        }
        QCOMPARE(flockNow(), 0);      // the kiosk has exited: the service gets it

        QProcess service;             // the service holds it (flock keeps it while its command runs)
        service.start(QStringLiteral("flock"), {o.lockPath, QStringLiteral("sleep"), QStringLiteral("60")});
        QVERIFY(service.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(flockNow(), 1, 10000);
        {
            Kiosk k(path);
            DeviceManager dm(&k.db, &k.scans, o);
            dm.start();
            QTRY_VERIFY_WITH_TIMEOUT(dm.started(), 10000);
            QVERIFY(!dm.polling());
        }
        service.kill();
        service.waitForFinished();
    }

    // The real archive-kiosk binary with --simulate on an archive with three rooms: the home screen's
    // climate tiles fill with live values from the kiosk's own poller; screenshot for the issue.
    void homeScreenShowsLiveTiles() {
#ifdef KIOSK_BIN
        const QString path = freshArchive();
        {
            auto db = db::Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->sql());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO rooms(code, name, climate_profile) VALUES "
                                          "('K2', '二号库房（特藏）', 'special'), ('K3', '三号库房（音像）', 'av')")));
        }
        const QString shots = QStringLiteral(KIOSK_DEVICES_ARTIFACTS);
        QDir().mkpath(shots);
        kiosktest::KioskRun kiosk(m_dir.path(), path);
        kiosk.shots = shots;
        kiosk.mute = true;
        kiosk.simulate = true;
        kiosk.args = {QStringLiteral("--sensor-interval"), QStringLiteral("1"), QStringLiteral("--windowed")};
        kiosk.timeoutMs = 120000;
        QVERIFY2(kiosk.run(QStringLiteral("live"), QStringLiteral("size 1024x600\nwait 5000\nsettle\nexpect-visible simulatedNotice\n"
                                                                  "shot home-live\nlang en\nsettle\nshot home-live\nquit\n")) == 0,
                 qPrintable(kiosk.report()));
        QVERIFY(QFile::exists(shots + QStringLiteral("/home-live-zh-1024x600.png")));
        for (const QString& room : {QStringLiteral("K1"), QStringLiteral("K2"), QStringLiteral("K3")}) {
            QString bound;
            QVERIFY2(readingsOf(path, QStringLiteral("sim:") + room, &bound) >= 1, qPrintable(room));
            QCOMPARE(bound, room);
        }
#else
        QSKIP("kiosk binary path not configured");
#endif
    }
};

int main(int argc, char** argv) {
    if (usbmock_ensure_preload(argc, argv) != 0) return 1;
    QGuiApplication app(argc, argv);
    KioskDevices t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_kiosk_devices.moc"
