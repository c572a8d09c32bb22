// The manager and admin controllers against a real archive: the demo generator's archive (db/demo) in a temp
// SQLite file, two days of sensor readings with a humidity excursion, the kiosk's own DbService worker, and a
// manager / admin logged in through the real SessionController (card + PIN). Models are checked with
// QAbstractItemModelTester.

#include "AdminController.h"
#include "DbService.h"
#include "EnvController.h"
#include "FeedbackController.h"
#include "SessionController.h"
#include "StatsController.h"
#include "db/Database.h"
#include "db/Ledger.h"
#include "db/demo/DemoArchive.h"
#include "db/env/ReadingStore.h"
#include "tests/kiosk/KioskRun.h"
#include "tests/kiosk/KioskSizes.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace archive;
using namespace archive::kiosk;

namespace {

struct Staff { QString card, pin; };

// A kiosk's db worker, feedback and session, as main.cpp makes them (TestKioskManager::signIn opens and signs in).
struct Desk {
    DbService dbs;
    FeedbackController feedback;
    SessionController session{&dbs, &feedback};
};

// Opens the archive file directly (a second connection) to check what the controllers wrote.
qint64 countLedger(const QString& path, const QString& action) {
    auto d = db::Database::open(path);
    if (!d) return -1;
    QSqlQuery q(d.value()->sql());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = ?"));
    q.addBindValue(action);
    if (!q.exec() || !q.next()) return -1;
    return q.value(0).toLongLong();
}

QVariant scalar(const QString& path, const QString& sql, const QVariantList& binds = {}) {
    auto d = db::Database::open(path);
    if (!d) return {};
    QSqlQuery q(d.value()->sql());
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i) q.bindValue(i, binds[i]);
    if (!q.exec() || !q.next()) return {};
    return q.value(0);
}

}  // namespace

class TestKioskManager : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    Staff m_manager, m_admin;
    QString m_room;

    // Opens the desk's archive on its db worker and signs `who` in (card, then PIN); false when a step did not
    // happen within 10 s (the session's stage tells which).
    bool signIn(Desk& d, const Staff& who) {
        d.feedback.setMuted(true);
        d.dbs.open(m_path);
        if (!QTest::qWaitFor([&] { return d.dbs.ready(); }, 10000)) return false;
        d.session.cardScanned(who.card);
        if (!QTest::qWaitFor([&] { return d.session.stage() == QLatin1String("pin"); }, 10000)) return false;
        d.session.submitPin(who.pin);
        return QTest::qWaitFor([&] { return d.session.stage() == QLatin1String("active"); }, 10000);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("archive.db"));
        auto d = db::Database::open(m_path);
        QVERIFY2(d, qPrintable(d.errorMessage()));
        db::DemoOptions opt;
        opt.boxes = 150;
        opt.borrowers = 30;
        auto sum = db::DemoArchive::generate(*d.value(), opt);
        QVERIFY2(sum, qPrintable(sum.errorMessage()));
        for (const auto& s : sum->staff) {
            if (s.role == QLatin1String("manager") && m_manager.card.isEmpty()) m_manager = {s.card, s.pin};
            if (s.role == QLatin1String("admin") && m_admin.card.isEmpty()) m_admin = {s.card, s.pin};
        }
        QVERIFY(!m_manager.card.isEmpty());
        QVERIFY(!m_admin.card.isEmpty());
        QSqlQuery q(d.value()->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT code FROM rooms ORDER BY code LIMIT 1")) && q.next());
        m_room = q.value(0).toString();

        // two days of readings every 10 minutes; humidity 75 % for three hours 10 hours ago (an excursion)
        db::ReadingStore store(*d.value());
        QVERIFY(store.bindSensor(QStringLiteral("sim:test"), m_room, QStringLiteral("system")));
        QVERIFY(store.configureSensor(QStringLiteral("sim:test"), 900, 0, 0, QStringLiteral("system")));  // no silence alerts
        const qint64 now = d.value()->nowMs();
        QList<db::ReadingRow> rows;
        for (qint64 t = now - 30LL * 24 * 3600 * 1000; t < now - 48LL * 3600 * 1000; t += 30 * 60 * 1000) {
            const double day = double(t % (24LL * 3600 * 1000)) / (24.0 * 3600 * 1000);
            rows << db::ReadingRow{QStringLiteral("sim:test"), t, 18.5 + 0.5 * std::sin(day * 6.283), 51.0 + 1.5 * std::cos(day * 6.283),
                                   QStringLiteral("internal"), false, {}};
        }
        for (qint64 t = now - 48LL * 3600 * 1000; t <= now; t += 10 * 60 * 1000) {
            const bool wet = t > now - 13LL * 3600 * 1000 && t < now - 10LL * 3600 * 1000;
            rows << db::ReadingRow{QStringLiteral("sim:test"), t, 19.0 + (t / 600000 % 5) * 0.2, wet ? 75.0 : 52.0,
                                   QStringLiteral("internal"), false, {}};
        }
        auto n = store.addReadings(rows);
        QVERIFY2(n, qPrintable(n.errorMessage()));
        QVERIFY(n.value() > 250);
    }

    void environment() {
        Desk d;
        QVERIFY2(signIn(d, m_manager), qPrintable(d.session.stage()));

        EnvController env(&d.dbs, &d.session);
        QAbstractItemModelTester roomsTester(env.rooms(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester alertsTester(env.alerts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        env.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(env.rooms()->count() >= 1 && !env.points().isEmpty(), 10000);
        QCOMPARE(env.roomCode(), m_room);
        QVERIFY(env.points().size() <= 2000);
        QCOMPARE(env.chartSource(), QStringLiteral("raw"));  // 24 h: raw readings
        QVERIFY(env.band().value(QStringLiteral("rhMax")).toDouble() > 0);
        QVERIFY(env.metrics().value(QStringLiteral("hasData")).toBool());
        QVERIFY(!env.metrics().value(QStringLiteral("twpi")).toString().isEmpty());
        QVERIFY2(!env.excursions().isEmpty(), "the 75 % RH hours are marked on the chart");

        env.setRange(QStringLiteral("1y"));
        QTRY_VERIFY_WITH_TIMEOUT(env.chartTo() - env.chartFrom() > 300.0 * 24 * 3600 * 1000, 10000);
        QVERIFY(env.chartSource() != QLatin1String("raw"));  // a year reads the rollups
        QVERIFY(env.points().size() <= 2000);

        // the alert, acknowledged with an action → ledger "env.ack"
        QTRY_VERIFY_WITH_TIMEOUT(env.alerts()->count() >= 1, 10000);
        qint64 id = 0;
        for (int i = 0; i < env.alerts()->count(); ++i)
            if (env.alerts()->get(i).value(QStringLiteral("kind")).toString() == QLatin1String("rh_high"))
                id = env.alerts()->get(i).value(QStringLiteral("alertId")).toLongLong();
        QStringList kinds;
        for (int i = 0; i < env.alerts()->count(); ++i) kinds << env.alerts()->get(i).value(QStringLiteral("kind")).toString();
        QVERIFY2(id > 0, qPrintable(kinds.join(QLatin1Char(','))));
        env.acknowledge(id, QStringLiteral(" "));
        QVERIFY(!env.messageOk());  // an action is required
        const qint64 before = countLedger(m_path, QStringLiteral("env.ack"));
        QSignalSpy acked(&env, &EnvController::acknowledged);
        env.acknowledge(id, QStringLiteral("已开除湿机"));
        QTRY_COMPARE_WITH_TIMEOUT(acked.count(), 1, 10000);
        QVERIFY(env.messageOk());
        QCOMPARE(countLedger(m_path, QStringLiteral("env.ack")), before + 1);
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (int i = 0; i < env.alerts()->count(); ++i)
                if (env.alerts()->get(i).value(QStringLiteral("alertId")).toLongLong() == id)
                    return env.alerts()->get(i).value(QStringLiteral("acknowledged")).toBool();
            return false;
        }(), 10000);
    }

    void statistics() {
        DbService dbs;
        dbs.open(m_path);
        QTRY_VERIFY_WITH_TIMEOUT(dbs.ready(), 10000);
        StatsController stats(&dbs, nullptr);
        QAbstractItemModelTester t1(stats.holdings(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(stats.months(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(stats.overdue(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(stats.usage(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy totals(&stats, &StatsController::totalsChanged);
        stats.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(totals.count() >= 1, 15000);
        QCOMPARE(stats.months()->count(), 12);
        QCOMPARE(stats.totals().value(QStringLiteral("boxes")).toInt(), 150);
        QTRY_VERIFY_WITH_TIMEOUT(stats.holdings()->count() >= 1, 10000);
        qint64 boxes = 0;
        for (const auto& r : stats.holdings()->rows()) boxes += r.value(QStringLiteral("boxes")).toLongLong();
        QCOMPARE(boxes, 150);
        stats.setGroupBy(QStringLiteral("category"));
        QTRY_VERIFY_WITH_TIMEOUT(stats.holdings()->count() >= 2, 10000);
        QCOMPARE(stats.overdue()->count(), stats.totals().value(QStringLiteral("overdue")).toInt());
        if (stats.overdue()->count() > 0)
            QVERIFY(!stats.overdue()->get(0).value(QStringLiteral("borrowerName")).toString().isEmpty());

        // exports into a folder (as to a USB stick)
        const QString out = m_dir.filePath(QStringLiteral("stick/导出"));
        QSignalSpy done(&stats, &StatsController::exportFinished);
        stats.exportTo({QStringLiteral("holdings"), QStringLiteral("overdue"), QStringLiteral("env_csv"), QStringLiteral("env_pdf")}, out);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QVERIFY2(done.first().first().toBool(), qPrintable(stats.messageEn()));
        QVERIFY(stats.exportedFiles().size() >= 4);
        for (const QString& f : stats.exportedFiles()) {
            QFile file(f);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(f));
            const QByteArray head = file.read(4);
            QVERIFY2(f.endsWith(QLatin1String(".pdf")) ? head == "%PDF" : head.startsWith("\xEF\xBB\xBF"), qPrintable(f));
        }
        stats.exportTo({QStringLiteral("holdings")}, QStringLiteral("/proc/no-such-stick"));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 10000);
        QVERIFY(!done.last().first().toBool());
        QVERIFY(!stats.messageZh().isEmpty());

        // the ledger
        stats.verifyLedger();
        QTRY_VERIFY_WITH_TIMEOUT(stats.ledgerState() != QLatin1String("running"), 20000);
        QCOMPARE(stats.ledgerState(), QStringLiteral("ok"));
        QVERIFY(stats.ledgerRows() > 10);
    }

    // Screenshots of the manager and admin screens (both languages; 1024×600, 600×1024, 1920×1080, 1080×1920)
    // through the kiosk's script mode, into tests/artifacts/kiosk-manager/; no text elided or cut off on any.
    void screenshots() {
        QDir().mkpath(QStringLiteral(KIOSK_MANAGER_ARTIFACTS));
        QString script;
        for (const QString& size : kiosktest::kioskSizes()) {
            for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
                script += QStringLiteral("size %1\nlang %2\nsettle\n").arg(size, lang);
                script += QStringLiteral("scan %1\nsettle\nexpect-stage pin\n").arg(m_manager.card) + kiosktest::pinClicks(m_manager.pin);
                script += QStringLiteral("settle\nexpect-stage active\nclick tab_manager\nsettle\nwait 400\nsettle\n");
                for (const QString& page : {QStringLiteral("env"), QStringLiteral("alerts"), QStringLiteral("holdings"),
                                            QStringLiteral("loans"), QStringLiteral("export")})
                    script += QStringLiteral("click managerPage_%1\nsettle\nwait 300\nsettle\nshot manager-%1\n").arg(page);
                script += QStringLiteral("click managerPage_env\nsettle\nclick range_30d\nsettle\nwait 300\nsettle\n");
                script += QStringLiteral("shot manager-env-30d\nclick range_24h\nsettle\n");
                script += QStringLiteral("click logoutButton\nsettle\n");
                script += QStringLiteral("scan %1\nsettle\nexpect-stage pin\n").arg(m_admin.card) + kiosktest::pinClicks(m_admin.pin);
                script += QStringLiteral("settle\nexpect-stage active\nclick tab_admin\nsettle\nwait 400\nsettle\n");
                for (const QString& page : {QStringLiteral("rooms"), QStringLiteral("devices"), QStringLiteral("rules"),
                                            QStringLiteral("people"), QStringLiteral("system")})
                    script += QStringLiteral("click adminPage_%1\nsettle\nwait 300\nsettle\nshot admin-%1\n").arg(page);
                script += QStringLiteral("click logoutButton\nsettle\n");
            }
        }
        script = kiosktest::withFitChecks(script) + QStringLiteral("quit\n");
        kiosktest::KioskRun kiosk(m_dir.path(), m_path);
        kiosk.shots = QStringLiteral(KIOSK_MANAGER_ARTIFACTS);
        kiosk.mute = true;
        kiosk.timeoutMs = 500000;
        const int rc = kiosk.run(QStringLiteral("shots"), script);
        for (const QString& line : kiosk.log().split(QLatin1Char('\n')))  // every failed check (fit, click …), not only the last
            if (line.startsWith(QLatin1String("script:"))) qWarning().noquote() << line;
        QVERIFY2(rc == 0, qPrintable(kiosk.report()));
        QVERIFY(QFile::exists(QStringLiteral(KIOSK_MANAGER_ARTIFACTS "/manager-env-zh-1024x600.png")));
        QVERIFY(QFile::exists(QStringLiteral(KIOSK_MANAGER_ARTIFACTS "/admin-system-en-1920x1080.png")));
        QVERIFY(QFile::exists(QStringLiteral(KIOSK_MANAGER_ARTIFACTS "/manager-loans-en-600x1024.png")));
        QVERIFY(QFile::exists(QStringLiteral(KIOSK_MANAGER_ARTIFACTS "/admin-rules-zh-1080x1920.png")));
    }

    void mountedMedia() {
        const QByteArray mounts =
            "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/archive/KINGSTON vfat rw 0 0\n"
            "/dev/sdc1 /run/media/pi/My\\040Stick exfat rw 0 0\nproc /proc proc rw 0 0\n";
        const QVariantList m = StatsController::mediaFromMounts(mounts);
        QCOMPARE(m.size(), 2);
        QCOMPARE(m[0].toMap().value(QStringLiteral("path")).toString(), QStringLiteral("/media/archive/KINGSTON"));
        QCOMPARE(m[1].toMap().value(QStringLiteral("label")).toString(), QStringLiteral("My Stick"));
    }

    void administration() {
        Desk d;
        QVERIFY2(signIn(d, m_admin), qPrintable(d.session.stage()));
        AdminController admin(&d.dbs, &d.session);
        scanner::WedgeConfig applied;
        int sinkCalls = 0;
        admin.setScannerSink([&](const scanner::WedgeConfig& c) { applied = c; ++sinkCalls; });
        for (auto* m : {admin.rooms(), admin.shelves(), admin.sensors(), admin.profiles(), admin.categories(),
                        admin.departments(), admin.stocks()})
            new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest, &admin);
        QVERIFY(admin.stocks()->count() >= 1);  // from labels/ templates
        admin.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(admin.categories()->count() >= 5 && admin.shelves()->count() >= 1, 10000);
        QVERIFY(admin.profiles()->count() >= 4);
        QVERIFY(admin.sensors()->count() >= 1);
        QSignalSpy saved(&admin, &AdminController::saved);

        // loan rules
        const QString cat = admin.categories()->get(0).value(QStringLiteral("code")).toString();
        admin.saveCategory(cat, 45, 3, false, true);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QCOMPARE(scalar(m_path, QStringLiteral("SELECT loan_days FROM categories WHERE code = ?"), {cat}).toInt(), 45);
        QCOMPARE(countLedger(m_path, QStringLiteral("category.rules")), 1);
        admin.saveCategory(cat, 0, 3, false, true);
        QVERIFY(!admin.messageOk());

        // department permissions (R7)
        const QString dept = admin.departments()->get(0).value(QStringLiteral("code")).toString();
        admin.setDepartmentCategory(dept, cat, false);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!admin.departments()->get(0).value(QStringLiteral("allowed")).toStringList().contains(cat), 10000);
        admin.setDepartmentCategory(dept, cat, true);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(admin.departments()->get(0).value(QStringLiteral("allowed")).toStringList().contains(cat), 10000);

        // rooms, shelves, sensor binding, profiles
        admin.addRoom(QStringLiteral("R9"), QStringLiteral("九号库房"), QStringLiteral("film"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 4, 10000);
        admin.addShelf(QStringLiteral("LTEST0001"), QStringLiteral("R9"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1"), 30);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 5, 10000);
        admin.setShelfRoom(QStringLiteral("R9"));
        QTRY_COMPARE_WITH_TIMEOUT(admin.shelves()->count(), 1, 10000);
        admin.bindSensor(QStringLiteral("sim:test"), QStringLiteral("R9"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 6, 10000);
        QCOMPARE(scalar(m_path, QStringLiteral("SELECT r.code FROM sensors s JOIN rooms r ON r.id = s.room_id WHERE s.sensor_key = 'sim:test'")).toString(),
                 QStringLiteral("R9"));
        admin.saveProfile(QStringLiteral("film"), 12, 16, 30, 40, 2, 5);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 7, 10000);
        admin.saveProfile(QStringLiteral("film"), 20, 10, 30, 40, 2, 5);  // min above max
        QTRY_VERIFY_WITH_TIMEOUT(!admin.messageOk(), 10000);

        // people import: problems with line numbers, nothing written; then a good file
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("卡号,姓名,部门\nPX1,张三,no-such-dept\n,李四,\n");
        b.close();
        QSignalSpy imported(&admin, &AdminController::importChanged);
        admin.importPeople(bad);
        QTRY_VERIFY_WITH_TIMEOUT(!admin.importing() && imported.count() >= 2, 10000);
        QVERIFY(!admin.importProblems().isEmpty());
        QVERIFY2(admin.importProblems().join(QLatin1Char('\n')).contains(QStringLiteral("3")), qPrintable(admin.importProblems().join('\n')));
        QCOMPARE(admin.importedRows(), 0);
        const QString good = m_dir.filePath(QStringLiteral("good.csv"));
        QFile g(good);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("卡号,姓名\nPTEST00001,王五\nPTEST00002,赵六\n");
        g.close();
        admin.importPeople(good);
        QTRY_VERIFY_WITH_TIMEOUT(!admin.importing() && admin.importedRows() == 2, 10000);
        QVERIFY2(admin.importProblems().isEmpty(), qPrintable(admin.importProblems().join('\n')));

        // scanner settings: stored, applied to the wedge filter, read back by a new controller
        admin.saveScanner(QStringLiteral("@@"), QString(), 35, 7);
        QTRY_VERIFY2_WITH_TIMEOUT(sinkCalls >= 1 && applied.prefix == QLatin1String("@@"), qPrintable(admin.messageEn()), 10000);
        QCOMPARE(applied.maxGapMs, 35);
        QCOMPARE(applied.minLength, 7);
        admin.saveScanner(QStringLiteral("中文"), QString(), 35, 7);
        QVERIFY(!admin.messageOk());
        AdminController again(&d.dbs, nullptr);
        again.loadScannerSettings();
        QTRY_COMPARE_WITH_TIMEOUT(again.scanner().value(QStringLiteral("minLength")).toInt(), 7, 10000);
        QCOMPARE(again.scanner().value(QStringLiteral("prefix")).toString(), QStringLiteral("@@"));
    }
};

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);  // the climate report renders PDF
    TestKioskManager t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_kiosk_manager.moc"
