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
#include "KioskPrintFixture.h"
#include "KioskRun.h"
#include "db/Database.h"
#include "db/Ledger.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace archive;
using namespace archive::kiosk;

using kiosktest::exec;
using kiosktest::one;
using kiosktest::scanOf;

class KioskPrinters : public QObject {
    Q_OBJECT

    using Kiosk = kiosktest::StaffKiosk;
    using Archive = kiosktest::Archive;
    static std::unique_ptr<Archive> makeArchive() { return kiosktest::makeArchive(); }
    void login(Kiosk& k, const QString& card, const QString& pin) { kiosktest::login(k, card, pin); }

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
    void initTestCase() { kiosktest::clearPrinterEnvironment(); }

    // The admin's choice in the devices panel decides where the next box label prints — without a restart.
    void chosenPrinterGetsTheLabel() {
        kiosktest::TestPrinter printer;
        QVERIFY2(printer.start(), qPrintable(printer.error()));
        testsupport::PrinterFixture& pf = printer.pf;
        QVERIFY2(pf.addQueue(QStringLiteral("spare"), pf.printerUri()), "lpadmin could not add the spare queue");
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
        QString script;
        bool first = true;
        for (const QString& size : {QStringLiteral("1024x600"), QStringLiteral("1920x1080")}) {
            for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
                script += QStringLiteral("size %1\nlang %2\nsettle\n").arg(size, lang);
                script += QStringLiteral("scan %1\nsettle\nexpect-stage pin\n").arg(a->fx.adminCard) + kiosktest::pinClicks(a->fx.adminPin);
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
        kiosktest::KioskRun kiosk(a->dir.path(), a->fx.dbPath);
        kiosk.shots = artifacts;
        kiosk.mute = true;
        kiosk.simulate = true;
        kiosk.setEnv(QStringLiteral("CUPS_SERVER"), pf.cupsServer());
        kiosk.unsetEnv({QStringLiteral("ARCHIVE_LABEL_PRINTER"), QStringLiteral("ARCHIVE_REPORT_PRINTER")});
        kiosk.timeoutMs = 200000;
        QVERIFY2(kiosk.run(QStringLiteral("printers"), script) == 0, qPrintable(kiosk.report()));
        for (const QString& size : {QStringLiteral("1024x600"), QStringLiteral("1920x1080")})
            for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")})
                QVERIFY(QFile::exists(artifacts + QStringLiteral("/admin-printers-%1-%2.png").arg(lang, size)));
        db::Database& d = *a->db;
        QCOMPARE(one(d, QStringLiteral("SELECT value FROM books_settings WHERE key = 'label_printer'")).toString(), QStringLiteral("labels"));
        QCOMPARE(one(d, QStringLiteral("SELECT value FROM books_settings WHERE key = 'report_printer'")).toString(), QStringLiteral("spare"));
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'setting' AND actor = ?"), {a->fx.adminCard}).toInt(), 2);
    }

    // The real kiosk with --simulate and no printer: the file printer. The archivist opens 标签, scans a shelf and
    // prints its out-of-date box labels (zh), then its shelf label (en); the PDFs land in
    // $XDG_DATA_HOME/archive-kiosk/printed with readable names, valid (pdfinfo: one page per label), and the books
    // record them like prints. The top bar and the panel say that the printer is simulated and where the files go.
    // Screenshots tests/artifacts/kiosk-printers/labels-*-{zh,en}-1024x600.png.
    void filePrinterInTheRealKiosk() {
        auto a = makeArchive();
        QVERIFY(a);
        const QString artifacts = QStringLiteral(KIOSK_PRINTERS_ARTIFACTS);
        QDir().mkpath(artifacts);
        QString script = QStringLiteral("size 1024x600\n");
        for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
            script += QStringLiteral("lang %1\nsettle\n").arg(lang);
            script += QStringLiteral("scan %1\nsettle\nexpect-stage pin\n").arg(a->fx.archivistCard) + kiosktest::pinClicks(a->fx.archivistPin);
            script += QStringLiteral("settle\nexpect-stage active\ndismiss\nexpect-visible printStatus\nshot labels-desk\n");
            script += QStringLiteral("click flow_labels\nsettle\nexpect-visible printerSimulatedNote\nshot labels-start\n");
            script += QStringLiteral("scan %1\nsettle\nwait 800\nsettle\nshot labels-shelf\n").arg(a->fx.shelfA);
            if (lang == QLatin1String("zh"))
                script += QStringLiteral("click printStaleLabels\nsettle\nwait 3000\nsettle\nshot labels-printed\n");
            else
                script += QStringLiteral("click printShelfLabel\nsettle\nwait 3000\nsettle\nshot labels-printed\n");
            script += QStringLiteral("click logoutButton\nsettle\n");
        }
        script += QStringLiteral("quit\n");
        kiosktest::KioskRun kiosk(a->dir.path(), a->fx.dbPath);
        kiosk.shots = artifacts;
        kiosk.mute = true;
        kiosk.simulate = true;
        kiosk.unsetEnv({QStringLiteral("ARCHIVE_LABEL_PRINTER"), QStringLiteral("ARCHIVE_REPORT_PRINTER"), QStringLiteral("ARCHIVE_PRINTED_DIR"),
                        QStringLiteral("ARCHIVE_PRINT_QUEUE"), QStringLiteral("CUPS_SERVER")});
        const QString dataHome = a->dir.filePath(QStringLiteral("data-home"));
        kiosk.setEnv(QStringLiteral("XDG_DATA_HOME"), dataHome);  // the default folder: $XDG_DATA_HOME/archive-kiosk/printed
        kiosk.timeoutMs = 200000;
        QVERIFY2(kiosk.run(QStringLiteral("labels"), script) == 0, qPrintable(kiosk.report()));
        for (const QString& shot : {QStringLiteral("labels-desk"), QStringLiteral("labels-start"), QStringLiteral("labels-shelf"), QStringLiteral("labels-printed")})
            for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")})
                QVERIFY(QFile::exists(artifacts + QStringLiteral("/%1-%2-1024x600.png").arg(shot, lang)));

        // Two files in the default folder: the shelf's box labels (one page each), then the shelf label.
        const QDir printed(dataHome + QStringLiteral("/archive-kiosk/printed"));
        const QStringList files = printed.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2);
        db::Database& d = *a->db;
        const int onShelf = one(d, QStringLiteral("SELECT COUNT(*) FROM boxes b JOIN locations l ON l.id = b.location_id WHERE l.barcode = ?"),
                                {a->fx.shelfA}).toInt();
        const QString boxes = printed.filePath(files.at(0)), shelf = printed.filePath(files.at(1));
        QVERIFY2(files.at(0).contains(QStringLiteral("spine-40")) && files.at(0).contains(a->fx.shelfA), qPrintable(files.at(0)));
        QVERIFY2(files.at(1).contains(QStringLiteral("架位 shelf")) && files.at(1).contains(a->fx.shelfA), qPrintable(files.at(1)));
        QCOMPARE(kiosktest::pdfInfo(boxes).pages, onShelf);
        QCOMPARE(kiosktest::pdfInfo(shelf).pages, 1);
        const QString uri = one(d, QStringLiteral("SELECT printer FROM label_prints WHERE kind = 'location' AND barcode = ?"), {a->fx.shelfA}).toString();
        QCOMPARE(uri, QUrl::fromLocalFile(printed.absolutePath()).toString());
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM label_prints WHERE kind = 'box' AND printer = ?"), {uri}).toInt(), onShelf);
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'label.print' AND actor = ?"), {a->fx.archivistCard}).toInt(), 2);
        auto v = db::Ledger::verify(d);
        QVERIFY(v.ok() && v->ok);
    }
};

QTEST_MAIN(KioskPrinters)
#include "tst_kiosk_printers.moc"
