// Issue 7: the pick list's ticks are stored in the books, and the kiosk knows at start whether a person's keyboard
// is attached.
//  - Two kiosks (two db workers on the same SQLite archive, as two terminals would be) and a restarted kiosk show
//    the same ticks; a second scan of a picked box says who took it; the ledger holds one "pick" per request.
//  - The real archive-kiosk binary (offscreen): tick a box, quit, start again — the tick (who, when) is still shown.
//  - Keyboard detection: DeviceManager reads an input device list (a file in the format of /proc/bus/input/devices)
//    on its worker; a configured scanner is not a keyboard; a keyboard plugged in later (its /dev/input node appears)
//    is found and reaches BorrowerController::physicalKeyboard through the same connection main.cpp makes.
#include "BorrowerController.h"
#include "BoxController.h"
#include "DbService.h"
#include "DeviceManager.h"
#include "FeedbackController.h"
#include "KioskFixture.h"
#include "KioskRun.h"
#include "ScanController.h"
#include "SessionController.h"
#include "StaffDesk.h"
#include "db/Books.h"
#include "db/Database.h"
#include "db/Ledger.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace archive;
using namespace archive::kiosk;

namespace {

scanner::Scan scanOf(const QString& code) {
    return {code, scanner::Symbology::Code128, scanner::ScanSource::Simulated, QDateTime::currentMSecsSinceEpoch()};
}

QVariant one(db::Database& d, const QString& sql) {
    QSqlQuery q(d.sql());
    if (!q.exec(sql) || !q.next()) return {};
    return q.value(0);
}

// One kiosk: its own db worker and controllers, composed as main.cpp composes them.
struct Kiosk {
    DbService db;
    FeedbackController feedback;
    SessionController session{&db, &feedback};
    StaffDesk desk{&db, &session, &feedback};  // composed as main.cpp composes it
    BoxController& box = desk.box;
    ScanController scans{&db, &session, &feedback, &box};
    explicit Kiosk(const QString& path) {
        feedback.setMuted(true);
        db.open(path);
    }
};

const char* const kKeyboardBlock =
    "I: Bus=0003 Vendor=046d Product=c31c Version=0110\n"
    "N: Name=\"Logitech USB Keyboard\"\n"
    "P: Phys=usb-0000:00:14.0-2/input0\n"
    "H: Handlers=sysrq kbd leds event3 \n"
    "B: EV=120013\n"
    "B: KEY=1000000000007 ff800000000007ff febeffdfffefffff fffffffffffffffe\n"
    "\n";
const char* const kScannerBlock =  // a no-name wedge scanner: a full HID keyboard, known only by its USB id
    "I: Bus=0003 Vendor=1a86 Product=e026 Version=0110\n"
    "N: Name=\"USB Adapter USB Device\"\n"
    "P: Phys=usb-0000:00:14.0-4/input0\n"
    "H: Handlers=sysrq kbd leds event7 \n"
    "B: EV=120013\n"
    "B: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe\n"
    "\n";
const char* const kPowerBlock =
    "I: Bus=0019 Vendor=0000 Product=0001 Version=0000\n"
    "N: Name=\"Power Button\"\n"
    "H: Handlers=kbd event0 \n"
    "B: EV=3\n"
    "B: KEY=10000000000000 0\n"
    "\n";

bool writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    return f.write(text) == text.size();
}

}  // namespace

class KioskPick : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    void login(Kiosk& k, const QString& card, const QString& pin) {
        k.scans.onScan(scanOf(card));
        QTRY_COMPARE(k.session.stage(), QStringLiteral("pin"));
        k.session.submitPin(pin);
        QTRY_COMPARE(k.session.stage(), QStringLiteral("active"));
    }
    void scan(Kiosk& k, const QString& code) {
        const int before = k.feedback.serial();
        k.scans.onScan(scanOf(code));
        QTRY_VERIFY(k.feedback.serial() > before);
    }
    QVariantMap lineOf(Kiosk& k, const QString& box) {
        for (const QVariantMap& r : k.box.pickList()->lines()->rows())
            if (r.value(QStringLiteral("boxBarcode")).toString() == box) return r;
        return {};
    }

    int runKiosk(const QString& name, const QString& script, const QString& dbPath, QString* log) {
        kiosktest::KioskRun kiosk(m_dir.path(), dbPath);
        kiosk.shots = QStringLiteral(KIOSK_PICK_ARTIFACTS);
        kiosk.lang = QStringLiteral("zh");
        kiosk.mute = true;
        kiosk.simulate = true;
        kiosk.noSensorPoller = true;
        const int rc = kiosk.run(name, script);
        *log = kiosk.report();
        return rc;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // A tick made on one kiosk is on the other kiosk's list and survives a restart; it is the books' tick.
    void ticksAreSharedAndSurviveARestart() {
        QTemporaryDir dir;
        auto fx = kiosktest::makeFixture(dir.path());
        QVERIFY2(fx.ok(), qPrintable(fx.ok() ? QString() : fx.error().message()));
        auto mine = db::Database::open(fx->dbPath);
        QVERIFY(mine.ok());
        db::Books books(*mine.value());
        for (const QString& box : {fx->boxPlain, fx->boxPlain2}) {
            db::NewRequest r;
            r.requesterCard = fx->borrowerCard;
            r.boxBarcode = box;
            r.purpose = QStringLiteral("编写大事记");
            auto req = books.request(r);
            QVERIFY(req.ok());
            QCOMPARE(req->state, QStringLiteral("approved"));
        }
        const QString archivistName = books.person(fx->archivistCard)->name;

        auto a = std::make_unique<Kiosk>(fx->dbPath);
        QAbstractItemModelTester tester(a->box.pickList()->lines(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        login(*a, fx->archivistCard, fx->archivistPin);
        a->box.setFlow(QStringLiteral("pick"));
        QTRY_COMPARE(a->box.pickList()->lines()->count(), 2);
        QCOMPARE(a->box.pickList()->picked(), 0);
        scan(*a, fx->boxPlain2);
        QCOMPARE(a->feedback.kind(), QStringLiteral("ok"));
        QCOMPARE(a->box.pickList()->picked(), 1);
        QCOMPARE(lineOf(*a, fx->boxPlain2).value(QStringLiteral("picked")).toBool(), true);
        QCOMPARE(lineOf(*a, fx->boxPlain2).value(QStringLiteral("pickedBy")).toString(), archivistName);
        QVERIFY(!lineOf(*a, fx->boxPlain2).value(QStringLiteral("pickedAt")).toString().isEmpty());
        QCOMPARE(lineOf(*a, fx->boxPlain).value(QStringLiteral("picked")).toBool(), false);
        QCOMPARE(one(*mine.value(), QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'pick'")).toInt(), 1);

        // A second kiosk on the same archive shows the tick, and a second scan there says who took the box.
        Kiosk b(fx->dbPath);
        login(b, fx->archivistCard, fx->archivistPin);
        b.box.setFlow(QStringLiteral("pick"));
        QTRY_COMPARE(b.box.pickList()->lines()->count(), 2);
        QCOMPARE(b.box.pickList()->picked(), 1);
        QCOMPARE(lineOf(b, fx->boxPlain2).value(QStringLiteral("picked")).toBool(), true);
        scan(b, fx->boxPlain2);
        QCOMPARE(b.feedback.kind(), QStringLiteral("info"));
        QVERIFY2(b.feedback.textZh().contains(archivistName), qPrintable(b.feedback.textZh()));
        QCOMPARE(one(*mine.value(), QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'pick'")).toInt(), 1);

        // Kiosk A is restarted: its new run shows the tick it made before.
        a.reset();
        a = std::make_unique<Kiosk>(fx->dbPath);
        login(*a, fx->archivistCard, fx->archivistPin);
        a->box.setFlow(QStringLiteral("pick"));
        QTRY_COMPARE(a->box.pickList()->lines()->count(), 2);
        QCOMPARE(a->box.pickList()->picked(), 1);
        QCOMPARE(lineOf(*a, fx->boxPlain2).value(QStringLiteral("pickedBy")).toString(), archivistName);
        // It picks the other box; kiosk B sees both after a reload.
        scan(*a, fx->boxPlain);
        QCOMPARE(a->feedback.kind(), QStringLiteral("ok"));
        QCOMPARE(a->box.pickList()->picked(), 2);
        b.box.pickList()->load();
        QTRY_COMPARE(b.box.pickList()->picked(), 2);
        // A box on no request is refused (a value from the books), nothing written.
        scan(*a, fx->boxLate);
        QCOMPARE(a->feedback.kind(), QStringLiteral("warn"));
        QVERIFY(a->feedback.textZh().contains(QStringLiteral("不在调卷单上")));
        QCOMPARE(one(*mine.value(), QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'pick'")).toInt(), 2);
        // Logging out clears the screen's list; logging in again shows the books' ticks.
        a->session.logout();
        QCOMPARE(a->box.pickList()->lines()->count(), 0);
        login(*a, fx->archivistCard, fx->archivistPin);
        a->box.setFlow(QStringLiteral("pick"));
        QTRY_COMPARE(a->box.pickList()->picked(), 2);
        a.reset();
        auto verified = db::Ledger::verify(*mine.value());
        QVERIFY(verified.ok() && verified->ok);
    }

    // The real binary: tick a box, quit; start it again — the tick is still shown (who, when).
    void realKioskTickSurvivesARestart() {
        QTemporaryDir dir;
        auto fx = kiosktest::makeFixture(dir.path());
        QVERIFY(fx.ok());
        {
            auto d = db::Database::open(fx->dbPath);
            QVERIFY(d.ok());
            db::NewRequest r;
            r.requesterCard = fx->borrowerCard;
            r.boxBarcode = fx->boxPlain2;
            r.purpose = QStringLiteral("编写大事记");
            QVERIFY(db::Books(*d.value()).request(r).ok());
        }
        const QString login = QStringLiteral("size 1024x600\nsettle\nscan %1\nsettle\n%2settle\ndismiss\nclick flow_pick\nsettle\n"
                                             "expect-visible pickTick0\n").arg(fx->archivistCard, kiosktest::pinClicks(fx->archivistPin));
        QString log;
        // Not picked yet: the "taken out by" line is hidden (the check below would fail).
        int rc = runKiosk(QStringLiteral("pick-before"), login + QStringLiteral("expect-visible pickedBy0\nquit\n"), fx->dbPath, &log);
        QVERIFY2(rc == 1 && log.contains(QStringLiteral("expected pickedBy0 to be visible")),
                 qPrintable(QStringLiteral("exit %1\n").arg(rc) + log));
        // First run: scan the box → ticked.
        rc = runKiosk(QStringLiteral("pick-first"),
                      login + QStringLiteral("scan %1\nsettle\nexpect-feedback ok %1\nexpect-visible pickedBy0\nshot pick-ticked\nquit\n")
                                  .arg(fx->boxPlain2),
                      fx->dbPath, &log);
        QVERIFY2(rc == 0, qPrintable(QStringLiteral("exit %1\n").arg(rc) + log));
        // Restart: the tick is there before anything is scanned; scanning again says it was taken already.
        rc = runKiosk(QStringLiteral("pick-restart"),
                      login + QStringLiteral("expect-visible pickedBy0\nshot pick-after-restart\nscan %1\nsettle\n"
                                             "expect-feedback info %1\nquit\n").arg(fx->boxPlain2),
                      fx->dbPath, &log);
        QVERIFY2(rc == 0, qPrintable(QStringLiteral("exit %1\n").arg(rc) + log));
        auto d = db::Database::open(fx->dbPath);
        QVERIFY(d.ok());
        QCOMPARE(one(*d.value(), QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'pick'")).toInt(), 1);
        auto list = db::Books(*d.value()).pickList();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QVERIFY(list->first().pickedAt > 0);
        QCOMPARE(list->first().pickedByCard, fx->archivistCard);
        // Undo it in the window ("Undo tick", the confirmation, a reason): unticked, and still after a restart.
        rc = runKiosk(QStringLiteral("pick-undo"),
                      login + QStringLiteral("click pickUndo0\nsettle\nexpect-visible unpickWrongBox\nshot pick-undo-confirm\n"
                                             "click unpickPutBack\nsettle\nexpect-feedback ok %1\nshot pick-undone\nquit\n")
                                  .arg(fx->boxPlain2),
                      fx->dbPath, &log);
        QVERIFY2(rc == 0, qPrintable(QStringLiteral("exit %1\n").arg(rc) + log));
        rc = runKiosk(QStringLiteral("pick-undone-restart"), login + QStringLiteral("expect-visible pickedBy0\nquit\n"), fx->dbPath, &log);
        QVERIFY2(rc == 1 && log.contains(QStringLiteral("expected pickedBy0 to be visible")),
                 qPrintable(QStringLiteral("exit %1\n").arg(rc) + log));
        QCOMPARE(one(*d.value(), QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'unpick'")).toInt(), 1);
        QCOMPARE(db::Books(*d.value()).pickList()->first().pickedAt, 0);
    }

    // At start and on hotplug: a person's keyboard is found, the configured scanner is not one.
    void keyboardDetectedAtStartAndOnHotplug() {
        QTemporaryDir dir;
        auto fx = kiosktest::makeFixture(dir.path());
        QVERIFY(fx.ok());
        const QString proc = dir.filePath(QStringLiteral("input-devices"));
        const QString inputDir = dir.filePath(QStringLiteral("input"));
        QVERIFY(QDir().mkpath(inputDir));
        QVERIFY(writeFile(proc, QByteArray(kPowerBlock) + kScannerBlock));

        DbService db;
        db.open(fx->dbPath);
        FeedbackController feedback;
        feedback.setMuted(true);
        SessionController session(&db, &feedback);
        StaffDesk desk(&db, &session, &feedback);
        ScanController scans(&db, &session, &feedback, &desk.box);
        BorrowerController borrower(&db, &session, &feedback);
        DeviceManager::Options opt;
        opt.hardware = false;        // no USB here; the input list is what is looked at
        opt.sensorPoller = false;
        opt.evdevAutodetect = false;
        opt.procInputDevices = proc;
        opt.inputDir = inputDir;
        opt.scannerUsbIds = QStringLiteral("1a86:e026");
        DeviceManager devices(&db, &scans, opt);
        QObject::connect(&devices, &DeviceManager::keyboardChanged, &borrower, &BorrowerController::setPhysicalKeyboard);
        QSignalSpy checked(&devices, &DeviceManager::keyboardChecked);
        QSignalSpy changed(&devices, &DeviceManager::keyboardChanged);

        // At start: the power button and the configured scanner — no keyboard.
        devices.start();
        QTRY_VERIFY(checked.count() >= 1);
        QVERIFY(devices.keyboardKnown());
        QCOMPARE(devices.keyboardPresent(), false);
        QCOMPARE(borrower.physicalKeyboard(), false);
        QCOMPARE(changed.count(), 0);

        // A keyboard is plugged in: the kernel lists it and creates its node.
        QVERIFY(writeFile(proc, QByteArray(kPowerBlock) + kScannerBlock + kKeyboardBlock));
        QVERIFY(writeFile(inputDir + QStringLiteral("/event3"), QByteArray()));
        QTRY_COMPARE(borrower.physicalKeyboard(), true);
        QCOMPARE(devices.keyboards(), QStringList{QStringLiteral("Logitech USB Keyboard")});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().first().toBool(), true);

        // Unplugged again.
        QVERIFY(writeFile(proc, QByteArray(kPowerBlock) + kScannerBlock));
        QVERIFY(QFile::remove(inputDir + QStringLiteral("/event3")));
        QTRY_COMPARE(borrower.physicalKeyboard(), false);
        QCOMPARE(changed.count(), 2);
    }

    // Without the scanner's USB id configured, a no-name scanner (a full HID keyboard) counts as a keyboard;
    // with --simulate nothing is looked at.
    void scannerNeedsItsIdAndSimulateLooksAtNothing() {
        QTemporaryDir dir;
        auto fx = kiosktest::makeFixture(dir.path());
        QVERIFY(fx.ok());
        const QString proc = dir.filePath(QStringLiteral("input-devices"));
        QVERIFY(writeFile(proc, QByteArray(kPowerBlock) + kScannerBlock));
        DbService db;
        db.open(fx->dbPath);
        FeedbackController feedback;
        feedback.setMuted(true);
        SessionController session(&db, &feedback);
        StaffDesk desk(&db, &session, &feedback);
        ScanController scans(&db, &session, &feedback, &desk.box);
        DeviceManager::Options opt;
        opt.hardware = false;
        opt.sensorPoller = false;
        opt.evdevAutodetect = false;
        opt.procInputDevices = proc;
        opt.inputDir = dir.path();
        {
            DeviceManager devices(&db, &scans, opt);
            QSignalSpy checked(&devices, &DeviceManager::keyboardChecked);
            devices.start();
            QTRY_VERIFY(checked.count() >= 1);
            QCOMPARE(devices.keyboardPresent(), true);
            QCOMPARE(devices.keyboards(), QStringList{QStringLiteral("USB Adapter USB Device")});
        }
        {
            opt.evdevPath = QStringLiteral("/dev/input/event7");  // the same scanner named by its evdev node
            DeviceManager devices(&db, &scans, opt);
            QSignalSpy checked(&devices, &DeviceManager::keyboardChecked);
            devices.start();
            QTRY_VERIFY(checked.count() >= 1);
            QCOMPARE(devices.keyboardPresent(), false);
        }
        {
            opt.simulate = true;
            DeviceManager devices(&db, &scans, opt);
            QSignalSpy ready(&devices, &DeviceManager::ready);
            devices.start();
            QTRY_VERIFY(ready.count() == 1);
            QCOMPARE(devices.keyboardKnown(), false);
            QCOMPARE(devices.keyboardPresent(), false);
        }
    }
};

QTEST_MAIN(KioskPick)
#include "tst_kiosk_pick.moc"
