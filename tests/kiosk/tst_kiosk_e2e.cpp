// End to end: the real archive-kiosk binary (offscreen platform) on a real archive, driven by --script with
// keys typed at scanner timing and clicks; afterwards the books and the ledger must show every step.
// Screenshots of the screens in both languages at 1024×600, 600×1024, 1920×1080 and 1080×1920 go to
// tests/artifacts/kiosk/; after each one the kiosk checks that no text of the screen is elided or cut off.
#include "KioskFixture.h"
#include "KioskRun.h"
#include "KioskSizes.h"
#include "db/Books.h"
#include "db/Database.h"
#include "db/Ledger.h"
#include "devices/scanner/Identifier.h"
#include "tests/support/PrinterFixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace archive;

class KioskE2E : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    kiosktest::Fixture m_fx;

    // Runs the kiosk on script text (--lang zh, screenshots into KIOSK_ARTIFACTS); returns its exit code,
    // in *log the exit, the failed checks and what it printed (KioskRun::report).
    int runKiosk(const QString& name, const QString& script, QString* log, const QString& dbPath = {},
                 const QStringList& extra = {}) {
        kiosktest::KioskRun kiosk(m_dir.path(), dbPath.isEmpty() ? m_fx.dbPath : dbPath);
        kiosk.shots = QStringLiteral(KIOSK_ARTIFACTS);
        kiosk.lang = QStringLiteral("zh");
        kiosk.args = extra;
        kiosk.timeoutMs = 400000;
        const int rc = kiosk.run(name, script);
        *log = kiosk.report();
        return rc;
    }

    QVariant one(db::Database& d, const QString& sql, const QVariantList& binds = {}) {
        QSqlQuery q(d.sql());
        q.prepare(sql);
        for (const QVariant& b : binds) q.addBindValue(b);
        if (!q.exec() || !q.next()) return {};
        return q.value(0);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("KIOSK_E2E_KEEP")) {  // for looking at a failure afterwards
            m_dir.setAutoRemove(false);
            qInfo() << "kept:" << m_dir.path();
        }
        auto fx = kiosktest::makeFixture(m_dir.path());
        QVERIFY2(fx.ok(), qPrintable(fx.ok() ? QString() : fx.error().message() + QStringLiteral(" ") + fx.error().detail));
        m_fx = fx.value();
        QDir().mkpath(QStringLiteral(KIOSK_ARTIFACTS));
    }

    // An archivist checks a box out to a borrower and back in, with key events at scanner timing.
    void checkOutAndIn() {
        const QString script = QStringLiteral(
            "settle\nexpect-stage idle\n"
            "scan %1\nsettle\nexpect-stage pin\n"
            "type %2\nkey Enter\nsettle\nexpect-stage active\nexpect-section staff\n"
            "scan %3\nsettle\nexpect-feedback ok %3\nexpect-visible checkOutButton\n"
            "click checkOutButton\n"
            "scan %4\nsettle\nexpect-feedback ok 已借给 张伟\n"
            "scan %3\nsettle\nexpect-visible checkInButton\n"
            "click checkInButton\nclick conditionOk\nsettle\nexpect-feedback ok 完好\n"
            "click logoutButton\nexpect-stage idle\n")
                                   .arg(m_fx.archivistCard, m_fx.archivistPin, m_fx.boxPlain, m_fx.borrowerCard);
        QString log;
        const int rc = runKiosk(QStringLiteral("checkout"), script, &log);
        QVERIFY2(rc == 0, qPrintable(log));

        auto d = db::Database::open(m_fx.dbPath);
        QVERIFY(d.ok());
        db::Database& db = *d.value();
        QCOMPARE(one(db, QStringLiteral("SELECT state FROM boxes WHERE barcode = ?"), {m_fx.boxPlain}).toString(),
                 QStringLiteral("in_place"));
        QCOMPARE(one(db, QStringLiteral("SELECT COUNT(*) FROM loans l JOIN boxes b ON b.id = l.box_id JOIN people p ON p.id = l.borrower_id "
                                        "WHERE b.barcode = ? AND p.card = ? AND l.returned_at IS NOT NULL AND l.return_condition = 'ok' "
                                        "AND l.out_by = ?"),
                     {m_fx.boxPlain, m_fx.borrowerCard, m_fx.archivistCard}).toInt(), 1);
        QCOMPARE(one(db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE subject LIKE ? AND actor = ? AND action LIKE 'checkout%'"),
                     {QStringLiteral("%") + m_fx.boxPlain + QStringLiteral("%"), m_fx.archivistCard}).toInt(), 1);
        QCOMPARE(one(db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE subject LIKE ? AND actor = ? AND action LIKE 'checkin%'"),
                     {QStringLiteral("%") + m_fx.boxPlain + QStringLiteral("%"), m_fx.archivistCard}).toInt(), 1);
        auto v = db::Ledger::verify(db);
        QVERIFY(v.ok() && v->ok);
    }

    // A borrower requests a 机密 file and is told it needs approval; the archivist cannot lend it yet; the head
    // approves; the archivist checks it out against the approved request.
    void confidentialRequestApprovedThenLent() {
        const QString script = QStringLiteral(
            "settle\n"
            "scan %1\nsettle\nexpect-stage active\nexpect-section borrower\n"
            "set searchField text 机密\nclick searchButton\nsettle\nexpect-visible request_%2\n"
            "click request_%2\nset purposeField text 干部档案审查\nclick submitRequest\nsettle\n"
            "expect-feedback warn 档案室负责人\n"
            "click requestsPage\nsettle\n"
            "click logoutButton\n"
            // the archivist tries to lend the box before approval: refused by R4
            "scan %3\nsettle\n%4settle\nexpect-stage active\n"
            "scan %5\nsettle\nclick checkOutButton\nscan %1\nsettle\nexpect-feedback warn\nexpect-section staff\n"
            "click logoutButton\n"
            // the archive-room head approves
            "scan %6\nsettle\n%7settle\nexpect-stage active\n"
            "click tab_approver\nsettle\nexpect-visible approve_1\n"
            "set note_1 text 同意，限室内查阅\nclick approve_1\nsettle\nexpect-feedback ok\n"
            "click logoutButton\n"
            // the archivist lends it for the approved request
            "scan %3\nsettle\n%4settle\n"
            "scan %5\nsettle\nclick checkOutButton\nexpect-visible requestButton1\nclick requestButton1\nsettle\n"
            "expect-feedback ok 已按申请借给 张伟\n"
            "click logoutButton\n")
                                   .arg(m_fx.borrowerCard, m_fx.secretItem, m_fx.archivistCard, kiosktest::pinClicks(m_fx.archivistPin),
                                        m_fx.boxSecret, m_fx.headCard, kiosktest::pinClicks(m_fx.headPin));
        QString log;
        const int rc = runKiosk(QStringLiteral("confidential"), script, &log);
        QVERIFY2(rc == 0, qPrintable(log));

        auto d = db::Database::open(m_fx.dbPath);
        QVERIFY(d.ok());
        db::Database& db = *d.value();
        QCOMPARE(one(db, QStringLiteral("SELECT r.state FROM requests r JOIN people p ON p.id = r.requester_id WHERE r.id = 1 AND p.card = ?"),
                     {m_fx.borrowerCard}).toString(), QStringLiteral("fulfilled"));
        QCOMPARE(one(db, QStringLiteral("SELECT COUNT(*) FROM approvals a JOIN people p ON p.id = a.approver_id "
                                        "WHERE a.request_id = 1 AND a.role = 'head' AND a.decision = 'approved' AND p.card = ?"),
                     {m_fx.headCard}).toInt(), 1);
        QCOMPARE(one(db, QStringLiteral("SELECT state FROM items WHERE archival_code = ?"), {m_fx.secretItem}).toString(),
                 QStringLiteral("on_loan"));
        QCOMPARE(one(db, QStringLiteral("SELECT COUNT(*) FROM loans WHERE request_id = 1 AND returned_at IS NULL")).toInt(), 1);
        QVERIFY(one(db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action LIKE 'request%'")).toInt() >= 1);
        QVERIFY(one(db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action LIKE 'approve%' AND actor = ?"), {m_fx.headCard}).toInt() >= 1);
        auto v = db::Ledger::verify(db);
        QVERIFY(v.ok() && v->ok);
    }

    // Unknown barcode, a shelf where a box was expected, a misread code, a borrower with overdue loans.
    void badInputIsExplained() {
        QString bad = m_fx.boxPlain2;
        bad[bad.size() - 1] = bad.back() == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        const QString script = QStringLiteral(
            "settle\n"
            "scan NOT-IN-THE-BOOKS-42\nsettle\nexpect-feedback error 未知条码\nshot bad-unknown\n"
            "scan %1\nsettle\nexpect-feedback error\n"
            "scan %2\nsettle\nexpect-feedback warn 请先刷\n"
            "scan %3\nsettle\n%4settle\n"
            "scan %2\nsettle\nexpect-feedback warn 架位\nshot bad-shelf\n"
            "scan %5\nsettle\nclick checkOutButton\nscan %6\nsettle\nexpect-feedback warn\nexpect-section staff\nshot bad-overdue-checkout\n"
            "click logoutButton\n"
            "scan %6\nsettle\nexpect-feedback warn 逾期\nexpect-section borrower\nshot borrower-overdue\n"
            "click logoutButton\n")
                                   .arg(bad, m_fx.shelfB, m_fx.archivistCard, kiosktest::pinClicks(m_fx.archivistPin), m_fx.boxPlain2,
                                        m_fx.lateBorrowerCard);
        QString log;
        const int rc = runKiosk(QStringLiteral("bad"), script, &log);
        QVERIFY2(rc == 0, qPrintable(log));
        auto d = db::Database::open(m_fx.dbPath);
        QVERIFY(d.ok());
        QCOMPARE(one(*d.value(), QStringLiteral("SELECT state FROM boxes WHERE barcode = ?"), {m_fx.boxPlain2}).toString(),
                 QStringLiteral("in_place"));
    }

    // The database file cannot be written: the kiosk says so plainly and does not crash.
    void readOnlyDatabase() {
        QTemporaryDir dir;
        auto fx = kiosktest::makeFixture(dir.path());
        QVERIFY(fx.ok());
        const QString path = fx->dbPath;
        {   // checkpoint the WAL so the file alone holds everything
            auto d = db::Database::open(path);
            QVERIFY(d.ok());
            QSqlQuery(d.value()->sql()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const bool root = ::geteuid() == 0;
        // root ignores file modes; the immutable attribute binds root too
        if (root) {
            if (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) != 0)
                QSKIP("running as root and chattr +i is not available here");
        } else {
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        }
        const QString script = QStringLiteral(
            "settle\nshot readonly-home\n"
            "scan %1\nsettle\nexpect-stage active\n"
            "set searchField text 林业\nclick searchButton\nsettle\n"
            "click request_J001-WS·2020-Y-0001\nset purposeField text 编研\nclick submitRequest\nsettle\n"
            "expect-feedback error 只读\nshot readonly-write\n")
                                   .arg(fx->borrowerCard);
        QString log;
        const int rc = runKiosk(QStringLiteral("readonly"), script, &log, path);
        if (root) QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
        QVERIFY2(rc == 0, qPrintable(log));
    }

    // The archivist's flows end to end on a fresh archive per size and language: pick list ticked by scanning,
    // transfer in signed with the PIN, inventory sweep finished and saved, a label printed from the box card to
    // the real CUPS test printer. Screenshots of each step (20-…28-) for people to look at.
    void staffFlows() {
        testsupport::PrinterFixture pf;
        QVERIFY2(pf.start(), qPrintable(pf.lastError()));
        qputenv("CUPS_SERVER", pf.cupsServer().toUtf8());
        using archive::scanner::IdKind;
        using archive::scanner::Identifier;
        const QString box1 = Identifier::make(IdKind::Box, QStringLiteral("2026000101"));
        const QString box2 = Identifier::make(IdKind::Box, QStringLiteral("2026000102"));
        const QString extra = Identifier::make(IdKind::Box, QStringLiteral("2026000199"));
        const QString stranger = Identifier::make(IdKind::Box, QStringLiteral("2099000001"));
        int spooled = 0;
        for (const QString& size : kiosktest::kioskSizes()) {
            for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
                QTemporaryDir dir;
                auto fx = kiosktest::makeFixture(dir.path());
                QVERIFY(fx.ok());
                {
                    auto d = db::Database::open(fx->dbPath);
                    QVERIFY(d.ok());
                    db::Books books(*d.value());
                    db::NewRequest r;
                    r.requesterCard = fx->borrowerCard;
                    r.boxBarcode = fx->boxPlain2;
                    r.purpose = QStringLiteral("编写大事记");
                    QVERIFY(books.request(r).ok());
                    r.boxBarcode.clear();
                    r.itemCode = QStringLiteral("J001-WS·2020-Y-0001");
                    r.mode = QStringLiteral("on_site");
                    QVERIFY(books.request(r).ok());
                    QVERIFY(books.moveBox(fx->boxSecret, fx->shelfB, fx->archivistCard).ok());
                    QList<db::TransferLine> reg{
                        {QStringLiteral("J001-WS·2026-Y-0001"), QStringLiteral("2026年第一季度工作简报"), 2026, 8, box1},
                        {QStringLiteral("J001-WS·2026-Y-0002"), QStringLiteral("2026年护林员培训通知"), 2026, 3, box1},
                        {QStringLiteral("J001-WS·2026-Y-0003"), QStringLiteral("2026年森林防火检查记录"), 2026, 5, box2}};
                    QVERIFY(books.openTransfer(QStringLiteral("YJ-2026-01"), QStringLiteral("BGS"), QStringLiteral("王芳"),
                                               QStringLiteral("刘强"), reg, fx->archivistCard).ok());
                    QSqlQuery q(d.value()->sql());
                    q.prepare(QStringLiteral("INSERT INTO books_settings(key, value) VALUES('label_printer', ?)"));
                    q.addBindValue(pf.queueName());
                    QVERIFY(q.exec());
                }
                QString script = QStringLiteral("size %1\nlang %2\nsettle\n").arg(size, lang);
                script += QStringLiteral("scan %1\nsettle\n%2settle\ndismiss\n").arg(fx->archivistCard, kiosktest::pinClicks(fx->archivistPin));
                // pick list
                script += QStringLiteral("click flow_pick\nsettle\nexpect-visible pickLine1\nshot 20-pick\n"
                                         "scan %1\nsettle\nexpect-feedback ok %1\n"
                                         // undo the tick (line 1 is boxPlain2: same shelf, later barcode), then tick it again
                                         "click pickUndo1\nsettle\nexpect-visible unpickWrongBox\nshot 21-pick-undo-confirm\n"
                                         "click unpickWrongBox\nsettle\nexpect-feedback ok %1\nshot 21-pick-undone\n"
                                         "scan %1\nsettle\nexpect-feedback ok %1\nscan %2\nsettle\nexpect-feedback warn\nshot 21-pick-ticked\n")
                              .arg(fx->boxPlain2, fx->boxLate);
                // transfer in
                script += QStringLiteral("click flow_transfer\nsettle\nshot 22-transfer-list\nclick transferImport\nsettle\n"
                                         "set importPath text /media/usb/移交清单.csv\nshot 22-transfer-import\nclick importCancel\n"
                                         "click transfer_YJ-2026-01\nsettle\n"
                                         "scan %1\nsettle\nexpect-feedback ok\nscan %2\nsettle\nexpect-feedback warn\n"
                                         "scan %3\nsettle\nexpect-feedback ok\nshot 23-transfer-scanned\n"
                                         "click transferAccept\nsettle\nexpect-feedback warn\n"
                                         "set transferNote text 第2盒未送到；多出1盒已退回\nset transferPin text %4\n"
                                         "click transferAccept\nsettle\nexpect-feedback warn YJ-2026-01\nshot 24-transfer-signed\n")
                              .arg(box1, extra, fx->shelfB, fx->archivistPin);
                // inventory sweep
                script += QStringLiteral("click flow_sweep\nsettle\nshot 25-sweep-start\nscan %1\nsettle\nexpect-feedback ok\n"
                                         "scan %2\nsettle\nexpect-feedback ok\nscan %3\nsettle\nexpect-feedback warn\n"
                                         "scan %4\nsettle\nexpect-feedback error\nshot 26-sweep-live\n"
                                         "click sweepFinish\nsettle\nexpect-feedback warn\nwait 1500\nsettle\nshot 27-sweep-done\n")
                              .arg(fx->shelfA, fx->boxPlain2, fx->boxSecret, stranger);
                // print a label from the box card
                script += QStringLiteral("click flow_desk\nsettle\nscan %1\nsettle\nexpect-visible printButton\nshot 28-box-card\n"
                                         "click printButton\nsettle\nwait 1500\nshot 29-print-label\nclick logoutButton\n")
                              .arg(fx->boxPlain2);
                QString log;
                const int rc = runKiosk(QStringLiteral("staff-flows"), kiosktest::withFitChecks(script), &log, fx->dbPath,
                                        {QStringLiteral("--mute")});
                QVERIFY2(rc == 0, qPrintable(log));

                auto d = db::Database::open(fx->dbPath);
                QVERIFY(d.ok());
                db::Database& db = *d.value();
                QCOMPARE(one(db, QStringLiteral("SELECT state FROM transfers WHERE code = 'YJ-2026-01'")).toString(), QStringLiteral("complete"));
                QCOMPARE(one(db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'sweep' AND actor = ?"), {fx->archivistCard}).toInt(), 1);
                QCOMPARE(one(db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'unpick' AND actor = ?"), {fx->archivistCard}).toInt(), 1);
                QCOMPARE(one(db, QStringLiteral("SELECT state FROM boxes WHERE barcode = ?"), {fx->boxPlain}).toString(), QStringLiteral("missing"));
                QVERIFY(QDir(dir.filePath(QStringLiteral("reports"))).entryList({QStringLiteral("*.pdf")}, QDir::Files).size() == 1);
                auto v = db::Ledger::verify(db);
                QVERIFY(v.ok() && v->ok);
                // The label job reached the printer (it is recorded in the books once CUPS reports it completed).
                ++spooled;
                QVERIFY(pf.waitForSpooledFiles(spooled, 30000));
            }
        }
        qunsetenv("CUPS_SERVER");
    }

    // Every screen in both languages, landscape and portrait, smallest and largest, for people to look at; no
    // text elided or cut off on any of them.
    void screenshots() {
        QString script;
        for (const QString& size : kiosktest::kioskSizes()) {
            for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
                script += QStringLiteral("size %1\nlang %2\nsettle\ndismiss\nshot 01-home\n").arg(size, lang);
                script += QStringLiteral("scan %1\nsettle\nshot 02-pin\n%2settle\ndismiss\nshot 03-staff-empty\n")
                              .arg(m_fx.archivistCard, kiosktest::pinClicks(m_fx.archivistPin));
                script += QStringLiteral("scan %1\nsettle\nshot 04-staff-box\nclick checkOutButton\nshot 05-staff-checkout\n"
                                         "scan %2\nsettle\nshot 06-staff-lent\n")
                              .arg(m_fx.boxPlain2, m_fx.borrowerCard);
                script += QStringLiteral("scan %1\nsettle\nclick checkInButton\nshot 07-staff-checkin\nclick conditionOk\nsettle\n"
                                         "click moveButton\nscan %2\nsettle\nshot 08-staff-moved\n")
                              .arg(m_fx.boxPlain2, m_fx.shelfB);
                script += QStringLiteral("click batchCheckin\nsettle\nshot 09-staff-batch\nclick batchOff\nclick logoutButton\n");
                script += QStringLiteral("scan %1\nsettle\nshot 10-borrower\nset searchField text 林业\nclick searchButton\nsettle\n"
                                         "dismiss\nshot 11-borrower-search\nclick request_J001-WS·2020-Y-0001\nshot 12-borrower-request\n"
                                         "set purposeField text 编写年鉴\nclick submitRequest\nsettle\nclick loansPage\nsettle\nshot 13-borrower-loans\n"
                                         "click requestsPage\nsettle\nshot 14-borrower-requests\nclick logoutButton\n")
                              .arg(m_fx.lateBorrowerCard);
                script += QStringLiteral("scan %1\nsettle\n%2settle\nclick tab_approver\nsettle\ndismiss\nshot 15-approver\n"
                                         "click tab_manager\nsettle\nshot 16-manager\nclick logoutButton\n")
                              .arg(m_fx.headCard, kiosktest::pinClicks(m_fx.headPin));
                script += QStringLiteral("scan %1\nsettle\n%2settle\ndismiss\nshot 17-admin\nclick logoutButton\n")
                              .arg(m_fx.adminCard, kiosktest::pinClicks(m_fx.adminPin));
            }
        }
        QString log;
        const int rc = runKiosk(QStringLiteral("screens"), kiosktest::withFitChecks(script), &log, {}, {QStringLiteral("--mute")});
        QVERIFY2(rc == 0, qPrintable(log));
        const QDir shots(QStringLiteral(KIOSK_ARTIFACTS));
        for (const QString& n : {QStringLiteral("01-home-zh-1024x600.png"), QStringLiteral("04-staff-box-en-1920x1080.png"),
                                QStringLiteral("15-approver-zh-1920x1080.png"), QStringLiteral("09-staff-batch-en-600x1024.png"),
                                QStringLiteral("17-admin-zh-1080x1920.png")})
            QVERIFY2(shots.exists(n), qPrintable(n));
    }
};

QTEST_GUILESS_MAIN(KioskE2E)
#include "tst_kiosk_e2e.moc"
