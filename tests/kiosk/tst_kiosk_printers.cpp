// Choosing the label and report printers in Administration (AdminController::choosePrinter → Books::setSetting on
// the db worker) against a real SQLite archive and the real CUPS test printer (tests/support/PrinterFixture:
// private cupsd + ippeveprinter, with a second cupsd queue "spare" in front of the same printer):
// - the administrator picks "labels" for labels → books setting + ledger row with the admin's card; an archivist's
//   box label then goes to that queue and is recorded with it;
// - the administrator switches labels to "spare" while the same kiosk objects keep running → the next label goes
//   to "spare" (no restart), and cupsd has a completed job on "spare";
// - an archivist cannot choose printers (refused by the books, nothing changes);
// - the real archive-kiosk binary: the admin taps "用于标签" / "用于报告" on the devices panel; screenshots
//   tests/artifacts/kiosk-printers/admin-printers-{zh,en}-{1024x600,1920x1080}.png and the books checked.
#include "AdminController.h"
#include "BoxController.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "KioskFixture.h"
#include "PrintController.h"
#include "ScanController.h"
#include "SessionController.h"
#include "db/Database.h"
#include "db/Ledger.h"
#include "tests/support/PrinterFixture.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

QVariant one(db::Database& d, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery q(d.sql());
    q.prepare(sql);
    for (const QVariant& b : binds) q.addBindValue(b);
    if (!q.exec() || !q.next()) return {};
    return q.value(0);
}
}  // namespace

class KioskPrinters : public QObject {
    Q_OBJECT

    struct Kiosk {
        DbService db;
        FeedbackController feedback;
        SessionController session{&db, &feedback};
        BoxController box{&db, &session, &feedback};
        ScanController scans{&db, &session, &feedback, &box};
        AdminController admin{&db, &session};
        explicit Kiosk(const QString& path) {
            feedback.setMuted(true);
            box.printer()->setPollMs(300);
            db.open(path);
        }
    };

    struct Archive {
        QTemporaryDir dir;
        kiosktest::Fixture fx;
        std::unique_ptr<db::Database> db;
    };
    std::unique_ptr<Archive> makeArchive() {
        auto a = std::make_unique<Archive>();
        auto fx = kiosktest::makeFixture(a->dir.path());
        if (!fx) {
            qWarning() << fx.error().message() << fx.error().detail;
            return nullptr;
        }
        a->fx = fx.value();
        auto d = db::Database::open(a->fx.dbPath);
        if (!d) return nullptr;
        a->db = std::move(d.value());
        return a;
    }

    void login(Kiosk& k, const QString& card, const QString& pin) {
        if (k.session.stage() == QLatin1String("active")) k.session.logout();
        QTRY_COMPARE(k.session.stage(), QStringLiteral("idle"));
        k.scans.onScan(scanOf(card));
        QTRY_COMPARE(k.session.stage(), QStringLiteral("pin"));
        k.session.submitPin(pin);
        QTRY_COMPARE(k.session.stage(), QStringLiteral("active"));
        QTRY_COMPARE(k.session.card(), card);
    }

    // The archivist prints the spine label of box and waits until it is recorded; returns the queue recorded.
    QString printLabel(Kiosk& k, Archive& a, int alreadyRecorded) {
        QSignalSpy recorded(k.box.printer(), &PrintController::labelRecorded);
        login(k, a.fx.archivistCard, a.fx.archivistPin);
        const int before = k.feedback.serial();
        k.scans.onScan(scanOf(a.fx.boxPlain));
        [&] { QTRY_VERIFY(k.feedback.serial() > before); }();
        [&] { QTRY_VERIFY(k.box.hasBox()); }();
        k.box.printLabel();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(recorded.count() == 1, 90000); }();
        return one(*a.db, QStringLiteral("SELECT printer FROM label_prints WHERE barcode = ? ORDER BY id DESC"),
                   {a.fx.boxPlain}).toString()
               + (one(*a.db, QStringLiteral("SELECT COUNT(*) FROM label_prints")).toInt() == alreadyRecorded + 1
                      ? QString() : QStringLiteral(" (wrong count)"));
    }

private slots:
    void initTestCase() {
        qunsetenv("ARCHIVE_LABEL_PRINTER");
        qunsetenv("ARCHIVE_REPORT_PRINTER");
        qunsetenv("ARCHIVE_PRINT_QUEUE");
        qunsetenv("ARCHIVE_REPORT_DIR");
    }

    // The admin's choice in the devices panel decides where the next box label prints — without a restart.
    void chosenPrinterGetsTheLabel() {
        testsupport::PrinterFixture pf;
        QVERIFY2(pf.start(), qPrintable(pf.lastError()));
        QVERIFY2(pf.addQueue(QStringLiteral("spare"), pf.printerUri()), "lpadmin could not add the spare queue");
        qputenv("CUPS_SERVER", pf.cupsServer().toUtf8());
        auto a = makeArchive();
        QVERIFY(a);
        Kiosk k(a->fx.dbPath);
        QAbstractItemModelTester tester(k.admin.printers(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Nothing chosen: the panel says so.
        login(k, a->fx.adminCard, a->fx.adminPin);
        QSignalSpy choice(&k.admin, &AdminController::printerChoiceChanged);
        k.admin.loadPrinters();
        QTRY_VERIFY_WITH_TIMEOUT(k.admin.printers()->count() == 2, 30000);
        QStringList names;
        for (const QVariantMap& r : k.admin.printers()->rows()) names << r.value(QStringLiteral("name")).toString();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("labels"), QStringLiteral("spare")}));
        QTRY_VERIFY(choice.count() >= 1);
        QCOMPARE(k.admin.printerChoice().value(QStringLiteral("labelPrinter")).toString(), QString());
        QCOMPARE(k.admin.printerChoice().value(QStringLiteral("stockName")).toString(), QStringLiteral("brother-62"));

        // The admin taps "用于标签" on "labels" and "用于报告" on "spare".
        k.admin.choosePrinter(QStringLiteral("label"), QStringLiteral("labels"));
        QTRY_COMPARE(k.admin.printerChoice().value(QStringLiteral("labelPrinter")).toString(), QStringLiteral("labels"));
        QVERIFY(k.admin.messageOk());
        QVERIFY(k.admin.messageZh().contains(QStringLiteral("labels")));
        k.admin.choosePrinter(QStringLiteral("report"), QStringLiteral("spare"));
        QTRY_COMPARE(k.admin.printerChoice().value(QStringLiteral("reportPrinter")).toString(), QStringLiteral("spare"));
        QCOMPARE(k.admin.printerChoice().value(QStringLiteral("labelFrom")).toString(), QStringLiteral("books"));
        db::Database& d = *a->db;
        QCOMPARE(one(d, QStringLiteral("SELECT value FROM books_settings WHERE key = 'label_printer'")).toString(), QStringLiteral("labels"));
        QCOMPARE(one(d, QStringLiteral("SELECT value FROM books_settings WHERE key = 'report_printer'")).toString(), QStringLiteral("spare"));
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'setting' AND subject = 'setting:label_printer' AND actor = ?"),
                     {a->fx.adminCard}).toInt(), 1);

        // An archivist's box label goes to "labels" and is recorded with it.
        QCOMPARE(printLabel(k, *a, 0), QStringLiteral("labels"));
        QVERIFY(pf.waitForSpooledFiles(1, 30000));

        // The admin switches labels to "spare"; the same kiosk (no restart) prints the next label there.
        login(k, a->fx.adminCard, a->fx.adminPin);
        k.admin.choosePrinter(QStringLiteral("label"), QStringLiteral("spare"));
        QTRY_COMPARE(k.admin.printerChoice().value(QStringLiteral("labelPrinter")).toString(), QStringLiteral("spare"));
        const QString details = one(d, QStringLiteral("SELECT details FROM ledger WHERE subject = 'setting:label_printer' ORDER BY seq DESC")).toString();
        const QJsonObject o = QJsonDocument::fromJson(details.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("value")).toString(), QStringLiteral("spare"));
        QCOMPARE(o.value(QStringLiteral("previous")).toString(), QStringLiteral("labels"));
        QCOMPARE(printLabel(k, *a, 1), QStringLiteral("spare"));
        QVERIFY(pf.waitForSpooledFiles(2, 30000));
        // cupsd itself has the job on the spare queue.
        int rc = -1;
        const QString done = pf.runCupsTool(QStringLiteral("lpstat"), {QStringLiteral("-W"), QStringLiteral("completed"),
                                                                       QStringLiteral("-o"), QStringLiteral("spare")}, &rc);
        QCOMPARE(rc, 0);
        QVERIFY2(done.contains(QStringLiteral("spare-")), qPrintable(done));

        // An archivist cannot choose printers: the books refuse, nothing changes.
        k.admin.choosePrinter(QStringLiteral("label"), QStringLiteral("labels"));
        QTRY_VERIFY(!k.admin.messageOk());
        QVERIFY(k.admin.messageZh().contains(QStringLiteral("系统管理员")));
        QCOMPARE(one(d, QStringLiteral("SELECT value FROM books_settings WHERE key = 'label_printer'")).toString(), QStringLiteral("spare"));
        auto v = db::Ledger::verify(d);
        QVERIFY(v.ok() && v->ok);
        qunsetenv("CUPS_SERVER");
    }

    // The real kiosk: the admin opens 系统管理 › 传感器与打印机 and taps the buttons; screenshots in both languages.
    void adminPanelScreenshots() {
        testsupport::PrinterFixture pf;
        QVERIFY2(pf.start(), qPrintable(pf.lastError()));
        QVERIFY2(pf.addQueue(QStringLiteral("spare"), pf.printerUri()), "lpadmin could not add the spare queue");
        auto a = makeArchive();
        QVERIFY(a);
        const QString artifacts = QStringLiteral(KIOSK_PRINTERS_ARTIFACTS);
        QDir().mkpath(artifacts);
        auto pin = [](const QString& p) {
            QString s;
            for (QChar c : p) s += QStringLiteral("click pinKey%1\n").arg(c);
            return s + QStringLiteral("click pinKeyOK\n");
        };
        QString script;
        bool first = true;
        for (const QString& size : {QStringLiteral("1024x600"), QStringLiteral("1920x1080")}) {
            for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
                script += QStringLiteral("size %1\nlang %2\nsettle\n").arg(size, lang);
                script += QStringLiteral("scan %1\nsettle\nexpect-stage pin\n").arg(a->fx.adminCard) + pin(a->fx.adminPin);
                script += QStringLiteral("settle\nexpect-stage active\nclick tab_admin\nsettle\nwait 400\nsettle\n");
                script += QStringLiteral("click adminPage_devices\nsettle\nwait 1500\nsettle\n");
                if (first) {
                    script += QStringLiteral("shot admin-printers-none\n");
                    script += QStringLiteral("click useForLabels_labels\nsettle\nwait 300\nsettle\n");
                    script += QStringLiteral("click useForReports_spare\nsettle\nwait 300\nsettle\n");
                    first = false;
                }
                script += QStringLiteral("expect-visible useForLabels_spare\nshot admin-printers\nclick logoutButton\nsettle\n");
            }
        }
        script += QStringLiteral("quit\n");
        const QString file = a->dir.filePath(QStringLiteral("printers.script"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(script.toUtf8());
        f.close();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("CUPS_SERVER"), pf.cupsServer());
        env.remove(QStringLiteral("ARCHIVE_LABEL_PRINTER"));
        env.remove(QStringLiteral("ARCHIVE_REPORT_PRINTER"));
        const QString xdg = a->dir.filePath(QStringLiteral("xdg"));
        QDir().mkpath(xdg);
        QFile::setPermissions(xdg, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), xdg);
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(KIOSK_BIN), {QStringLiteral("--db"), a->fx.dbPath, QStringLiteral("--script"), file,
                                            QStringLiteral("--shots"), artifacts, QStringLiteral("--mute"), QStringLiteral("--simulate")});
        QVERIFY(p.waitForStarted());
        if (!p.waitForFinished(200000)) {
            p.kill();
            p.waitForFinished();
            QFAIL("the kiosk did not finish the screenshot script");
        }
        const QString log = QString::fromUtf8(p.readAll());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(log.right(3000)));
        for (const QString& size : {QStringLiteral("1024x600"), QStringLiteral("1920x1080")})
            for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")})
                QVERIFY(QFile::exists(artifacts + QStringLiteral("/admin-printers-%1-%2.png").arg(lang, size)));
        db::Database& d = *a->db;
        QCOMPARE(one(d, QStringLiteral("SELECT value FROM books_settings WHERE key = 'label_printer'")).toString(), QStringLiteral("labels"));
        QCOMPARE(one(d, QStringLiteral("SELECT value FROM books_settings WHERE key = 'report_printer'")).toString(), QStringLiteral("spare"));
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'setting' AND actor = ?"), {a->fx.adminCard}).toInt(), 2);
    }
};

QTEST_MAIN(KioskPrinters)
#include "tst_kiosk_printers.moc"
