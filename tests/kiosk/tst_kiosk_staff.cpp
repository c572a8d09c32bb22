// The archivist's flows against a real SQLite archive on the real db worker thread, and printing against the
// real CUPS test printer (tests/support/PrinterFixture: private cupsd + ippeveprinter): inventory sweep with its
// saved report, pick list, transfer in signed with the PIN, and the box card's "print label" (a job arrives; the
// printer offline → a plain message, scans keep working, the job prints when the printer is back).
#include "KioskPrintFixture.h"
#include "db/Books.h"
#include "db/Database.h"
#include "db/Ledger.h"
#include "devices/scanner/Identifier.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QFileInfo>
#include <QRegularExpression>

using namespace archive;
using namespace archive::kiosk;
using archive::scanner::IdKind;
using archive::scanner::Identifier;

using kiosktest::exec;
using kiosktest::one;
using kiosktest::scanOf;

namespace {
QStringList codes(const RowsModel* m) {
    QStringList out;
    for (const QVariantMap& r : m->rows()) out << r.value(QStringLiteral("code")).toString();
    return out;
}
}  // namespace

class KioskStaff : public QObject {
    Q_OBJECT

    using Kiosk = kiosktest::StaffKiosk;
    using Archive = kiosktest::Archive;
    static std::unique_ptr<Archive> makeArchive() { return kiosktest::makeArchive(); }

    void login(Kiosk& k, const QString& card, const QString& pin) {
        kiosktest::login(k, card, pin);
        QCOMPARE(k.session.section(), QStringLiteral("staff"));
    }

    void scan(Kiosk& k, const QString& code) { kiosktest::scan(k, code); }

private slots:
    void initTestCase() { kiosktest::clearPrinterEnvironment(); }

    // Scan a shelf, then boxes: found / not scanned / misplaced / unknown live; finish → saved in the books
    // (the box not found flagged missing with an incident, ledger "sweep") and a PDF report beside the archive.
    void sweepShelf() {
        auto a = makeArchive();
        QVERIFY(a);
        const auto& fx = a->fx;
        // boxSecret really stands on shelf B in the books: found on shelf A it is misplaced.
        QVERIFY(db::Books(*a->db).moveBox(fx.boxSecret, fx.shelfB, fx.archivistCard).ok());
        Kiosk k(fx.dbPath);
        SweepController* s = k.box.sweep();
        QAbstractItemModelTester t1(s->found(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(s->missing(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(s->misplaced(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(s->unknown(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        login(k, fx.archivistCard, fx.archivistPin);
        k.box.setFlow(QStringLiteral("sweep"));

        // A box before the shelf: told to scan the shelf first.
        scan(k, fx.boxPlain);
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("架位")));

        scan(k, fx.shelfA);
        QTRY_COMPARE(s->stage(), QStringLiteral("scanning"));
        // Expected on A: the two plain boxes (boxLate is on loan, boxSecret was moved away).
        QCOMPARE(s->missing()->count(), 2);
        scan(k, fx.boxPlain);
        QCOMPARE(k.feedback.kind(), QStringLiteral("ok"));
        QCOMPARE(codes(s->found()), QStringList{fx.boxPlain});
        QCOMPARE(codes(s->missing()), QStringList{fx.boxPlain2});
        scan(k, fx.boxSecret);
        QTRY_COMPARE(s->misplaced()->count(), 1);
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("错架")));
        const QString strangerBox = Identifier::make(IdKind::Box, QStringLiteral("2099000001"));
        scan(k, strangerBox);
        QTRY_COMPARE(s->unknown()->count(), 1);
        k.scans.onScan(scanOf(QStringLiteral("FOREIGN-LABEL-77")));  // not our format, not in the books
        QTRY_COMPARE(s->unknown()->count(), 2);
        QCOMPARE(k.feedback.kind(), QStringLiteral("error"));
        // Another shelf in the middle of a sweep is refused.
        scan(k, fx.shelfB);
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QCOMPARE(s->shelf(), fx.shelfA);

        s->finish();
        QTRY_COMPARE(s->stage(), QStringLiteral("done"));
        QCOMPARE(codes(s->missing()), QStringList{fx.boxPlain2});
        QCOMPARE(codes(s->misplaced()), QStringList{fx.boxSecret});
        QCOMPARE(s->unknown()->count(), 2);
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("缺失 1")));
        QTRY_VERIFY(!s->reportPath().isEmpty());

        // The books
        db::Database& d = *a->db;
        QCOMPARE(one(d, QStringLiteral("SELECT state FROM boxes WHERE barcode = ?"), {fx.boxPlain2}).toString(), QStringLiteral("missing"));
        QCOMPARE(one(d, QStringLiteral("SELECT state FROM boxes WHERE barcode = ?"), {fx.boxPlain}).toString(), QStringLiteral("in_place"));
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM incidents i JOIN boxes b ON b.id = i.box_id WHERE i.kind = 'missing' AND b.barcode = ?"),
                     {fx.boxPlain2}).toInt(), 1);
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'sweep' AND actor = ?"), {fx.archivistCard}).toInt(), 1);
        auto v = db::Ledger::verify(d);
        QVERIFY(v.ok() && v->ok);
        // The report
        QVERIFY(s->reportPath().startsWith(a->dir.path() + QStringLiteral("/reports/")));
        QFile report(s->reportPath());
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray pdf = report.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY(pdf.size() > 2000);
        // Printing it without a report printer: the file printer saves the same PDF into the printed folder.
        QSignalSpy printed(k.printer(), &PrintController::documentPrinted);
        s->printReport();
        QTRY_VERIFY_WITH_TIMEOUT(printed.count() == 1, 30000);
        QCOMPARE(a->printedFiles().size(), 1);
        QVERIFY(a->printedFiles().first().contains(QStringLiteral("盘点报告")));
        QCOMPARE(kiosktest::pdfInfo(a->printedFiles().first()).pages, kiosktest::pdfInfo(s->reportPath()).pages);
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("模拟打印机")));
        s->reset();
        QCOMPARE(s->stage(), QString());
    }

    // Approved requests in shelf order; scanning a box ticks its line; a box not on the list is refused.
    void pickList() {
        auto a = makeArchive();
        QVERIFY(a);
        const auto& fx = a->fx;
        db::Books books(*a->db);
        for (const QString& box : {fx.boxPlain2, fx.boxPlain}) {
            db::NewRequest r;
            r.requesterCard = fx.borrowerCard;
            r.boxBarcode = box;
            r.purpose = QStringLiteral("编写大事记");
            auto req = books.request(r);
            QVERIFY2(req.ok(), qPrintable(req.ok() ? QString() : req.error().message()));
            QCOMPARE(req->state, QStringLiteral("approved"));
        }
        auto expected = books.pickList();
        QVERIFY(expected.ok());
        Kiosk k(fx.dbPath);
        PickListController* p = k.box.pickList();
        QAbstractItemModelTester tester(p->lines(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        login(k, fx.archivistCard, fx.archivistPin);
        k.box.setFlow(QStringLiteral("pick"));
        QTRY_COMPARE(p->lines()->count(), int(expected->size()));
        for (int i = 0; i < p->lines()->count(); ++i)  // the books' shelf order
            QCOMPARE(p->lines()->get(i).value(QStringLiteral("requestId")).toLongLong(), expected->at(i).id);
        scan(k, fx.boxPlain2);
        QCOMPARE(k.feedback.kind(), QStringLiteral("ok"));
        QCOMPARE(p->picked(), 1);
        for (const QVariantMap& row : p->lines()->rows())
            QCOMPARE(row.value(QStringLiteral("picked")).toBool(), row.value(QStringLiteral("boxBarcode")).toString() == fx.boxPlain2);
        scan(k, fx.boxLate);
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("不在调卷单上")));
        p->load();  // a reload keeps the ticks
        QTRY_VERIFY(!p->busy());
        QCOMPARE(p->picked(), 1);
        scan(k, fx.boxPlain);
        QCOMPARE(p->picked(), 2);
        // Leaving the desk (log out) forgets the walk.
        k.session.logout();
        QCOMPARE(p->lines()->count(), 0);
    }

    // A tick is undone from the list ("Undo tick" → a reason): the books append an "unpick" (the "pick" stays), the
    // line is to be fetched again here and on a second kiosk, scanning ticks it again; the band says what happened,
    // and the books' refusals (not ticked any more, handed out) are shown as they come.
    void pickUndo() {
        auto a = makeArchive();
        QVERIFY(a);
        const auto& fx = a->fx;
        db::Books books(*a->db);
        QList<qint64> ids;
        for (const QString& box : {fx.boxPlain2, fx.boxPlain}) {
            db::NewRequest r;
            r.requesterCard = fx.borrowerCard;
            r.boxBarcode = box;
            r.purpose = QStringLiteral("编写大事记");
            auto req = books.request(r);
            QVERIFY(req.ok());
            ids << req->id;
        }
        const auto rowOf = [](PickListController* p, const QString& box) {
            for (const QVariantMap& r : p->lines()->rows())
                if (r.value(QStringLiteral("boxBarcode")).toString() == box) return r;
            return QVariantMap();
        };
        const auto unpick = [](Kiosk& k, qint64 id, const QString& reason) {
            QSignalSpy done(k.box.pickList(), &PickListController::unpickDone);
            k.box.pickList()->unpick(id, reason);
            if (done.isEmpty()) QVERIFY(done.wait(30000));
            QCOMPARE(done.count(), 1);
        };
        const auto ledgerCount = [&](const QString& action) {
            return one(*a->db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = ?"), {action}).toInt();
        };

        Kiosk k(fx.dbPath);
        PickListController* p = k.box.pickList();
        QAbstractItemModelTester tester(p->lines(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        login(k, fx.archivistCard, fx.archivistPin);
        k.box.setFlow(QStringLiteral("pick"));
        QTRY_COMPARE(p->lines()->count(), 2);
        scan(k, fx.boxPlain2);
        QCOMPARE(p->picked(), 1);
        // "Undo tick" on a line opens the confirmation for a ticked line only.
        {
            QSignalSpy asked(p, &PickListController::unpickAsked);
            for (int i = 0; i < p->lines()->count(); ++i) p->askUnpick(i);
            p->askUnpick(99);
            QCOMPARE(asked.count(), 1);
            const QVariantMap line = asked.first().first().toMap();
            QCOMPARE(line.value(QStringLiteral("boxBarcode")).toString(), fx.boxPlain2);
            QCOMPARE(line.value(QStringLiteral("requestId")).toLongLong(), ids[0]);
        }

        // Undo: the line is unticked, the band names the box and the reason; the books hold pick + unpick.
        unpick(k, ids[0], QStringLiteral("put_back"));
        QCOMPARE(k.feedback.kind(), QStringLiteral("ok"));
        QVERIFY2(k.feedback.textZh().contains(QStringLiteral("已撤销")) && k.feedback.textZh().contains(fx.boxPlain2),
                 qPrintable(k.feedback.textZh()));
        QVERIFY2(k.feedback.textEn().contains(QStringLiteral("Tick undone")), qPrintable(k.feedback.textEn()));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("还剩 2 项")));
        QCOMPARE(k.feedback.detailZh(), QStringLiteral("档案盒已放回架上"));
        QCOMPARE(p->picked(), 0);
        QCOMPARE(rowOf(p, fx.boxPlain2).value(QStringLiteral("picked")).toBool(), false);
        QCOMPARE(rowOf(p, fx.boxPlain2).value(QStringLiteral("pickedBy")).toString(), QString());
        QCOMPARE(ledgerCount(QStringLiteral("pick")), 1);
        QCOMPARE(ledgerCount(QStringLiteral("unpick")), 1);
        QCOMPARE(one(*a->db, QStringLiteral("SELECT actor FROM ledger WHERE action = 'unpick'")).toString(), fx.archivistCard);
        QVERIFY(one(*a->db, QStringLiteral("SELECT details FROM ledger WHERE action = 'unpick'")).toString().contains(QStringLiteral("档案盒已放回架上")));

        // Undoing it again: the books say there is no tick (info), nothing written.
        unpick(k, ids[0], QStringLiteral("wrong_box"));
        QCOMPARE(k.feedback.kind(), QStringLiteral("info"));
        QVERIFY2(k.feedback.textZh().contains(QStringLiteral("尚未勾选")), qPrintable(k.feedback.textZh()));
        QCOMPARE(ledgerCount(QStringLiteral("unpick")), 1);
        // A reason the screen does not know writes nothing either.
        unpick(k, ids[0], QStringLiteral("because"));
        QCOMPARE(k.feedback.kind(), QStringLiteral("error"));
        QCOMPARE(ledgerCount(QStringLiteral("unpick")), 1);

        // Scanning the box ticks it again; a second kiosk shows it ticked, and after an undo there, unticked here.
        scan(k, fx.boxPlain2);
        QCOMPARE(k.feedback.kind(), QStringLiteral("ok"));
        QCOMPARE(p->picked(), 1);
        {
            Kiosk other(fx.dbPath);
            PickListController* q = other.box.pickList();
            login(other, fx.headCard, fx.headPin);
            other.box.setFlow(QStringLiteral("pick"));
            QTRY_COMPARE(q->lines()->count(), 2);
            QCOMPARE(q->picked(), 1);
            unpick(other, ids[0], QStringLiteral("wrong_box"));
            QCOMPARE(other.feedback.kind(), QStringLiteral("ok"));
            QCOMPARE(other.feedback.detailEn(), QStringLiteral("Wrong box scanned: put it back on its shelf"));
            QCOMPARE(q->picked(), 0);
        }
        p->load();
        QTRY_VERIFY(!p->busy());
        QCOMPARE(p->picked(), 0);
        QCOMPARE(ledgerCount(QStringLiteral("unpick")), 2);

        // A reload asked for while the undo is on its way (a scan with the confirmation open): the undo's answer is
        // still shown and closes the confirmation; the list comes from the newer answer.
        scan(k, fx.boxPlain2);
        QCOMPARE(p->picked(), 1);
        {
            QSignalSpy done(p, &PickListController::unpickDone);
            p->unpick(ids[0], QStringLiteral("put_back"));
            p->load();
            QTRY_COMPARE(done.count(), 1);
            QCOMPARE(done.first().first().toBool(), true);
            QCOMPARE(k.feedback.kind(), QStringLiteral("ok"));
            QVERIFY(k.feedback.textZh().contains(QStringLiteral("还剩 2 项")));
            QTRY_VERIFY(!p->busy());
            QCOMPARE(p->picked(), 0);
        }
        QCOMPARE(ledgerCount(QStringLiteral("unpick")), 3);

        // Ticked and handed out at the box desk: the request leaves the list and its tick can no longer be undone.
        scan(k, fx.boxPlain2);
        QCOMPARE(p->picked(), 1);
        QVERIFY(books.checkOutBox(fx.boxPlain2, fx.borrowerCard, fx.archivistCard, ids[0]).ok());
        unpick(k, ids[0], QStringLiteral("put_back"));
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QVERIFY2(k.feedback.textZh().contains(QStringLiteral("已借出")), qPrintable(k.feedback.textZh()));
        QCOMPARE(p->lines()->count(), 1);  // rebuilt from the books: only the other request is left
        QCOMPARE(ledgerCount(QStringLiteral("unpick")), 3);
        auto v = db::Ledger::verify(*a->db);
        QVERIFY(v.ok() && v->ok);
    }

    // A register of two boxes; one arrives plus a box that is not on the register; the archivist's PIN signs.
    void transferIn() {
        auto a = makeArchive();
        QVERIFY(a);
        const auto& fx = a->fx;
        const QString box1 = Identifier::make(IdKind::Box, QStringLiteral("2026000101"));
        const QString box2 = Identifier::make(IdKind::Box, QStringLiteral("2026000102"));
        const QString extra = Identifier::make(IdKind::Box, QStringLiteral("2026000199"));
        QList<db::TransferLine> reg{
            {QStringLiteral("J001-WS·2026-Y-0001"), QStringLiteral("2026年第一季度工作简报"), 2026, 8, box1},
            {QStringLiteral("J001-WS·2026-Y-0002"), QStringLiteral("2026年护林员培训通知"), 2026, 3, box1},
            {QStringLiteral("J001-WS·2026-Y-0003"), QStringLiteral("2026年森林防火检查记录"), 2026, 5, box2}};
        auto id = db::Books(*a->db).openTransfer(QStringLiteral("YJ-2026-01"), QStringLiteral("BGS"), QStringLiteral("王芳"),
                                                  QStringLiteral("刘强"), reg, fx.archivistCard);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message()));

        Kiosk k(fx.dbPath);
        TransferController* t = k.box.transfer();
        QAbstractItemModelTester t1(t->transfers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(t->boxes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        login(k, fx.archivistCard, fx.archivistPin);
        k.box.setFlow(QStringLiteral("transfer"));
        QTRY_COMPARE(t->transfers()->count(), 1);
        QCOMPARE(t->transfers()->get(0).value(QStringLiteral("code")).toString(), QStringLiteral("YJ-2026-01"));
        t->open(t->transfers()->get(0).value(QStringLiteral("transferId")).toLongLong());
        QTRY_COMPARE(t->transferId(), id.value());
        QCOMPARE(t->expected(), 2);
        QCOMPARE(t->missingCount(), 2);

        scan(k, box1);
        QCOMPARE(k.feedback.kind(), QStringLiteral("ok"));
        QCOMPARE(t->received(), 1);
        scan(k, extra);
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QCOMPARE(t->extraCount(), 1);
        QCOMPARE(t->missingCount(), 1);

        // Differences without a note: refused before anything is written (R10).
        t->accept(fx.archivistPin, QString());
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("差异说明")));
        // No receiving shelf yet.
        t->accept(fx.archivistPin, QStringLiteral("少一盒，多一盒，已告知办公室"));
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("架位")));
        scan(k, fx.shelfB);
        QTRY_COMPARE(t->shelf(), fx.shelfB);
        // A wrong PIN is no signature.
        const int before = k.feedback.serial();
        t->accept(QStringLiteral("000000"), QStringLiteral("少一盒，多一盒，已告知办公室"));
        QTRY_VERIFY(k.feedback.serial() > before && !t->busy());
        QCOMPARE(k.feedback.kind(), QStringLiteral("error"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("签收未完成")));
        QCOMPARE(one(*a->db, QStringLiteral("SELECT state FROM transfers WHERE id = ?"), {id.value()}).toString(), QStringLiteral("open"));

        QSignalSpy accepted(t, &TransferController::accepted);
        t->accept(fx.archivistPin, QStringLiteral("少一盒，多一盒，已告知办公室"));
        QTRY_COMPARE(accepted.count(), 1);
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));  // accepted with differences
        QCOMPARE(t->transferId(), 0);
        QTRY_COMPARE(t->transfers()->count(), 0);

        db::Database& d = *a->db;
        QCOMPARE(one(d, QStringLiteral("SELECT state FROM transfers WHERE id = ?"), {id.value()}).toString(), QStringLiteral("complete"));
        QCOMPARE(one(d, QStringLiteral("SELECT received_by FROM transfers WHERE id = ?"), {id.value()}).toString(), fx.archivistCard);
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM transfer_lines WHERE transfer_id = ? AND side = 'received'"), {id.value()}).toInt(), 3);
        // missing: the line of box2; extra: the unregistered box
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM incidents WHERE kind = 'transfer_difference'")).toInt(), 2);
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'transfer.complete' AND actor = ?"), {fx.archivistCard}).toInt(), 1);
        // The received box is in the books on the shelf scanned (Books::completeTransfer with the receipt).
        QCOMPARE(one(d, QStringLiteral("SELECT l.barcode FROM boxes b JOIN locations l ON l.id = b.location_id WHERE b.barcode = ?"), {box1}).toString(),
                 fx.shelfB);
        QVERIFY(one(d, QStringLiteral("SELECT COUNT(*) FROM boxes WHERE barcode = ?"), {extra}).toInt() == 0);
        auto v = db::Ledger::verify(d);
        QVERIFY(v.ok() && v->ok);
    }

    // A register brought as a CSV file: a bad file changes nothing and says which line; a good one opens the
    // transfer (Books::openTransfer) and shows it ready for scanning.
    void transferRegisterImport() {
        auto a = makeArchive();
        QVERIFY(a);
        const auto& fx = a->fx;
        const QString bad = a->dir.filePath(QStringLiteral("bad.csv"));
        const QString good = a->dir.filePath(QStringLiteral("移交清单.csv"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("题名,年度\n2026年工作简报,2026\n");
        }
        {
            QFile f(good);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xEF\xBB\xBF档号,题名,年度,页数,盒条码\r\n"
                    "J001-WS·2026-Y-0011,2026年第二季度工作简报,2026,6,B1\r\n"
                    "J001-WS·2026-Y-0012,2026年林长制会议纪要,2026,4,B1\r\n"
                    "\r\n");
        }
        Kiosk k(fx.dbPath);
        TransferController* t = k.box.transfer();
        login(k, fx.archivistCard, fx.archivistPin);
        k.box.setFlow(QStringLiteral("transfer"));
        QTRY_VERIFY(!t->busy());
        QCOMPARE(t->transfers()->count(), 0);
        const int before = k.feedback.serial();
        t->importRegister(bad, QStringLiteral("YJ-2026-02"), QStringLiteral("BGS"), QStringLiteral("王芳"), QStringLiteral("刘强"));
        QTRY_VERIFY(k.feedback.serial() > before && !t->busy());
        QCOMPARE(k.feedback.kind(), QStringLiteral("error"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("档号")));
        QCOMPARE(one(*a->db, QStringLiteral("SELECT COUNT(*) FROM transfers")).toInt(), 0);
        QSignalSpy imported(t, &TransferController::imported);
        t->importRegister(good, QStringLiteral("YJ-2026-02"), QStringLiteral("BGS"), QStringLiteral("王芳"), QStringLiteral("刘强"));
        QTRY_COMPARE(imported.count(), 1);
        QTRY_COMPARE(t->transferId(), imported.at(0).at(0).toLongLong());
        QCOMPARE(t->code(), QStringLiteral("YJ-2026-02"));
        QCOMPARE(t->expected(), 1);  // one box, two lines
        QCOMPARE(t->boxes()->get(0).value(QStringLiteral("lineCount")).toInt(), 2);
        QCOMPARE(one(*a->db, QStringLiteral("SELECT COUNT(*) FROM transfer_lines WHERE side = 'register'")).toInt(), 2);
        QCOMPARE(one(*a->db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'transfer.open' AND actor = ?"),
                     {fx.archivistCard}).toInt(), 1);
        QTRY_COMPARE(t->transfers()->count(), 1);
    }

    // No label printer configured (a laptop running ./run): the file printer. The very PDF a CUPS printer would get
    // is saved into the printed folder with a readable, timestamped name, recorded in the books like a print, and
    // the kiosk says that the printer is simulated and where the files go.
    void printLabelToFilePrinter() {
        auto a = makeArchive();
        QVERIFY(a);
        Kiosk k(a->fx.dbPath);
        PrintController* p = k.printer();
        QTRY_VERIFY(p->simulated());
        QVERIFY(p->noticeZh().startsWith(QStringLiteral("模拟打印机：标签保存为文件")));
        QVERIFY(p->noticeZh().contains(a->printedDir()));
        QVERIFY(p->noticeEn().startsWith(QStringLiteral("Simulated printer: labels are saved as files")));
        QSignalSpy recorded(p, &PrintController::labelRecorded);
        login(k, a->fx.archivistCard, a->fx.archivistPin);
        scan(k, a->fx.boxPlain);
        QTRY_VERIFY(k.box.hasBox());
        QCOMPARE(k.box.box().value(QStringLiteral("labelState")).toString(), QStringLiteral("never"));
        k.box.printLabel();
        QTRY_VERIFY_WITH_TIMEOUT(recorded.count() == 1, 60000);
        QCOMPARE(recorded.at(0).at(0).toString(), a->fx.boxPlain);
        QTRY_COMPARE(k.box.box().value(QStringLiteral("labelState")).toString(), QStringLiteral("current"));

        const QStringList files = a->printedFiles();
        QCOMPARE(files.size(), 1);
        QCOMPARE(p->lastFile(), files.first());
        const QString name = QFileInfo(files.first()).fileName();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2} \\d{2}-\\d{2}-\\d{2} .*spine-40.*\\.pdf$")).match(name).hasMatch(),
                 qPrintable(name));
        QVERIFY(name.contains(a->fx.boxPlain));
        QVERIFY(k.feedback.textZh().contains(files.first()));
        // A real PDF: one page on the spine label's stock (Brother 62 mm tape), WenQuanYi embedded.
        const kiosktest::PdfInfo info = kiosktest::pdfInfo(files.first());
        QCOMPARE(info.pages, 1);
        QVERIFY2(qAbs(qMin(info.widthMm, info.heightMm) - 62.0) < 1.0, qPrintable(QString::number(info.widthMm)));
        QVERIFY2(qAbs(qMax(info.widthMm, info.heightMm) - 200.0) < 20.0, qPrintable(QString::number(info.heightMm)));

        db::Database& d = *a->db;
        const QString printer = one(d, QStringLiteral("SELECT printer FROM label_prints WHERE barcode = ?"), {a->fx.boxPlain}).toString();
        QVERIFY2(printer.startsWith(QStringLiteral("file:")) && printer.endsWith(QStringLiteral("/printed")), qPrintable(printer));
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'label.print' AND actor = ?"), {a->fx.archivistCard}).toInt(), 1);
        QCOMPARE(p->waiting(), 0);
        auto v = db::Ledger::verify(d);
        QVERIFY(v.ok() && v->ok);
    }

    // The box card's "print label" through the real pipeline to the real CUPS test printer: the job arrives,
    // the print is recorded in the books and the card shows the label up to date.
    void printLabelToCups() {
        kiosktest::TestPrinter printer;
        QVERIFY2(printer.start(), qPrintable(printer.error()));
        testsupport::PrinterFixture& pf = printer.pf;
        auto a = makeArchive();
        QVERIFY(a);
        QVERIFY(exec(*a->db, QStringLiteral("INSERT INTO books_settings(key, value) VALUES('label_printer', ?)"), {pf.queueName()}));
        Kiosk k(a->fx.dbPath);
        QSignalSpy recorded(k.box.printer(), &PrintController::labelRecorded);
        login(k, a->fx.archivistCard, a->fx.archivistPin);
        scan(k, a->fx.boxPlain);
        QTRY_VERIFY(k.box.hasBox());
        k.box.printLabel();
        QTRY_VERIFY_WITH_TIMEOUT(recorded.count() == 1, 90000);
        QCOMPARE(recorded.at(0).at(0).toString(), a->fx.boxPlain);
        QVERIFY(pf.waitForSpooledFiles(1, 30000));
        QTRY_COMPARE(k.box.box().value(QStringLiteral("labelState")).toString(), QStringLiteral("current"));
        db::Database& d = *a->db;
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM label_prints WHERE barcode = ? AND printer = ?"),
                     {a->fx.boxPlain, pf.queueName()}).toInt(), 1);
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'label.print' AND actor = ?"), {a->fx.archivistCard}).toInt(), 1);
        QCOMPARE(k.box.printer()->waiting(), 0);
    }

    // The printer is offline: the archivist is told so in plain words, scanning goes on, and the queued job
    // prints (and is recorded) once the printer is back.
    void printLabelPrinterOffline() {
        kiosktest::TestPrinter printer;
        QVERIFY2(printer.start(), qPrintable(printer.error()));
        testsupport::PrinterFixture& pf = printer.pf;
        auto a = makeArchive();
        QVERIFY(a);
        QVERIFY(exec(*a->db, QStringLiteral("INSERT INTO books_settings(key, value) VALUES('label_printer', ?)"), {pf.queueName()}));
        QVERIFY(pf.stopPrinter());
        Kiosk k(a->fx.dbPath);
        QSignalSpy recorded(k.box.printer(), &PrintController::labelRecorded);
        login(k, a->fx.archivistCard, a->fx.archivistPin);
        scan(k, a->fx.boxPlain);
        QTRY_VERIFY(k.box.hasBox());
        k.box.printLabel();
        QTRY_VERIFY_WITH_TIMEOUT(k.feedback.textZh().contains(QStringLiteral("离线")), 60000);
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("可以继续扫描")));
        QVERIFY(k.feedback.textEn().contains(QStringLiteral("offline")));
        QCOMPARE(k.box.printer()->waiting(), 1);
        QVERIFY(k.box.printer()->statusZh().contains(QStringLiteral("离线")));
        // The kiosk keeps accepting scans while the job waits.
        scan(k, a->fx.boxPlain2);
        QTRY_COMPARE(k.box.box().value(QStringLiteral("barcode")).toString(), a->fx.boxPlain2);
        QCOMPARE(recorded.count(), 0);
        QVERIFY(pf.spooledFiles().isEmpty());
        // The printer comes back: the job prints and is recorded.
        QVERIFY(pf.startPrinter());
        QTRY_VERIFY_WITH_TIMEOUT(recorded.count() == 1, 120000);
        QVERIFY(pf.waitForSpooledFiles(1, 30000));
        QCOMPARE(one(*a->db, QStringLiteral("SELECT COUNT(*) FROM label_prints WHERE barcode = ?"), {a->fx.boxPlain}).toInt(), 1);
        QTRY_COMPARE(k.box.printer()->waiting(), 0);
        QCOMPARE(k.box.printer()->statusZh(), QString());
    }

    // The label desk (标签) against the real CUPS test printer: scan a shelf → its boxes with their label states;
    // its shelf label prints and is recorded (kind location); every out-of-date box label of the shelf prints as
    // ONE job (one document with a page per box) and all become current; boxes scanned one after another print
    // together as one more job.
    void shelfAndBatchLabelsToCups() {
        kiosktest::TestPrinter printer;
        QVERIFY2(printer.start(), qPrintable(printer.error()));
        testsupport::PrinterFixture& pf = printer.pf;
        auto a = makeArchive();
        QVERIFY(a);
        db::Database& d = *a->db;
        QVERIFY(exec(d, QStringLiteral("INSERT INTO books_settings(key, value) VALUES('label_printer', ?)"), {pf.queueName()}));
        Kiosk k(a->fx.dbPath);
        LabelDeskController* desk = k.box.labelDesk();
        QAbstractItemModelTester t1(desk->boxes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(desk->picked(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy jobs(k.printer(), &PrintController::jobRecorded);
        login(k, a->fx.archivistCard, a->fx.archivistPin);
        QTRY_VERIFY(!k.printer()->simulated());
        QCOMPARE(k.printer()->labelPrinter(), pf.queueName());
        k.box.setFlow(QStringLiteral("labels"));
        QCOMPARE(k.box.flow(), QStringLiteral("labels"));

        // The shelf: every box on it, none printed yet.
        scan(k, a->fx.shelfA);
        QTRY_COMPARE(desk->shelf(), a->fx.shelfA);
        const int onShelf = one(d, QStringLiteral("SELECT COUNT(*) FROM boxes b JOIN locations l ON l.id = b.location_id WHERE l.barcode = ?"),
                                {a->fx.shelfA}).toInt();
        QVERIFY(onShelf >= 3);
        QCOMPARE(desk->boxes()->count(), onShelf);
        QCOMPARE(desk->staleCount(), onShelf);
        QVERIFY(desk->shelfZh().contains(QStringLiteral("层")));

        // Its shelf label.
        desk->printShelfLabel();
        QTRY_VERIFY_WITH_TIMEOUT(jobs.count() == 1, 90000);
        QCOMPARE(jobs.at(0).at(0).toStringList(), QStringList{a->fx.shelfA});
        QVERIFY(pf.waitForSpooledFiles(1, 30000));
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM label_prints WHERE kind = 'location' AND barcode = ? AND printer = ?"),
                     {a->fx.shelfA, pf.queueName()}).toInt(), 1);

        // One box printed before: only the others are out of date; they print as one job.
        QVERIFY(exec(d, QStringLiteral("UPDATE boxes SET title = title || '（补充）' WHERE barcode = ?"), {a->fx.boxPlain2}));
        desk->scanShelf(a->fx.shelfA);
        QTRY_COMPARE(desk->staleCount(), onShelf);
        desk->printStaleLabels();
        QTRY_VERIFY_WITH_TIMEOUT(jobs.count() == 2, 90000);
        QCOMPARE(jobs.at(1).at(0).toStringList().size(), onShelf);
        QVERIFY(pf.waitForSpooledFiles(2, 30000));
        const QString spooled = pf.spooledFiles().last();
        if (spooled.endsWith(QStringLiteral(".pdf")))  // what the printer got is one document with a page per box
            QCOMPARE(kiosktest::pdfInfo(spooled).pages, onShelf);
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM label_prints WHERE kind = 'box' AND printer = ?"), {pf.queueName()}).toInt(), onShelf);
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(DISTINCT job_ref) FROM label_prints WHERE kind = 'box'")).toInt(), 1);
        QTRY_COMPARE(desk->staleCount(), 0);
        for (const QVariantMap& r : desk->boxes()->rows()) QCOMPARE(r.value(QStringLiteral("labelState")).toString(), QStringLiteral("current"));

        // A box's contents change → out of date again, only that one.
        QVERIFY(exec(d, QStringLiteral("UPDATE boxes SET title = title || '（补充2）' WHERE barcode = ?"), {a->fx.boxPlain}));
        desk->scanShelf(a->fx.shelfA);
        QTRY_COMPARE(desk->staleCount(), 1);
        QCOMPARE(desk->staleBoxes(), QStringList{a->fx.boxPlain});

        // Batch: boxes scanned one after another, printed together.
        scan(k, a->fx.boxPlain);
        scan(k, a->fx.boxSecret);
        scan(k, a->fx.boxSecret);  // twice: said, not added again
        QCOMPARE(k.feedback.kind(), QStringLiteral("info"));
        QCOMPARE(desk->picked()->count(), 2);
        desk->printPicked();
        QTRY_VERIFY_WITH_TIMEOUT(jobs.count() == 3, 90000);
        QCOMPARE(jobs.at(2).at(0).toStringList(), (QStringList{a->fx.boxPlain, a->fx.boxSecret}));
        QVERIFY(pf.waitForSpooledFiles(3, 30000));
        QTRY_COMPARE(desk->staleCount(), 0);
        QCOMPARE(one(d, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'label.print' AND actor = ?"), {a->fx.archivistCard}).toInt(), 3);
        auto v = db::Ledger::verify(d);
        QVERIFY(v.ok() && v->ok);

        // A card is not a label: said, nothing printed; logout clears the desk.
        k.session.logout();
        QTRY_COMPARE(desk->shelf(), QString());
        QCOMPARE(desk->picked()->count(), 0);
    }

    // The sweep report goes to the report printer through the same queue.
    void sweepReportPrinted() {
        kiosktest::TestPrinter printer;
        QVERIFY2(printer.start(), qPrintable(printer.error()));
        testsupport::PrinterFixture& pf = printer.pf;
        auto a = makeArchive();
        QVERIFY(a);
        QVERIFY(exec(*a->db, QStringLiteral("INSERT INTO books_settings(key, value) VALUES('report_printer', ?)"), {pf.queueName()}));
        Kiosk k(a->fx.dbPath);
        QSignalSpy printed(k.box.printer(), &PrintController::documentPrinted);
        login(k, a->fx.archivistCard, a->fx.archivistPin);
        k.box.setFlow(QStringLiteral("sweep"));
        scan(k, a->fx.shelfA);
        QTRY_COMPARE(k.box.sweep()->stage(), QStringLiteral("scanning"));
        scan(k, a->fx.boxPlain);
        scan(k, a->fx.boxPlain2);
        scan(k, a->fx.boxSecret);
        k.box.sweep()->finish();
        QTRY_VERIFY(!k.box.sweep()->reportPath().isEmpty());
        QCOMPARE(k.box.sweep()->missing()->count(), 0);
        k.box.sweep()->printReport();
        QTRY_VERIFY_WITH_TIMEOUT(printed.count() == 1, 90000);
        QVERIFY(pf.waitForSpooledFiles(1, 30000));
    }
};

QTEST_MAIN(KioskStaff)
#include "tst_kiosk_staff.moc"
