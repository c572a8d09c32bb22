// Transfers in (移交/接收, R10): accepting a reconciled transfer puts the received boxes and files into the
// books, on the receiving shelf, in the same transaction as its ledger entry; differences come first.
#include "BooksFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace archive::db;

namespace {

TransferLine line(const char* code, const char* title, int year, int pages, const char* box) {
    return TransferLine{QString::fromUtf8(code), QString::fromUtf8(title), year, pages, QString::fromUtf8(box)};
}

// The register of the office's 2023 files: three files in two boxes, DA/T 22 codes (fonds J001, 文书 WS, 30 years).
QList<TransferLine> officeRegister() {
    return {line("J001-WS·2023-D30-BGS-0001", "关于2023年森林防火工作的通知", 2023, 12, "TB0001"),
            line("J001-WS·2023-D30-BGS-0002", "2023年度工作总结", 2023, 30, "TB0001"),
            line("J001-WS·2023-D30-BGS-0003", "林区道路养护会议纪要", 2023, 6, "TB0002")};
}

}  // namespace

class TransferFixture : public BooksFixture {
protected:
    qint64 open(const QString& code, const QList<TransferLine>& reg) {
        auto id = books->openTransfer(code, QStringLiteral("OFF"), QStringLiteral("周秘书"), QStringLiteral("办公室主任"), reg,
                                      QStringLiteral("A1"));
        EXPECT_TRUE(id.ok()) << id.errorMessage().toStdString();
        return id ? *id : 0;
    }
    qint64 boxes() { return count(QStringLiteral("SELECT count(*) FROM boxes")); }
    qint64 items() { return count(QStringLiteral("SELECT count(*) FROM items")); }
    qint64 ledgerRows() { return count(QStringLiteral("SELECT count(*) FROM ledger")); }
    QJsonObject lastLedgerDetails() {
        QSqlQuery q(db->sql());
        if (!q.exec(QStringLiteral("SELECT action, details FROM ledger ORDER BY seq DESC LIMIT 1")) || !q.next()) return {};
        QJsonObject o = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        o.insert(QStringLiteral("_action"), q.value(0).toString());
        return o;
    }
};

TEST_F(TransferFixture, AcceptingPutsTheReceivedBoxesAndFilesOnTheShelf) {
    const qint64 id = open(QStringLiteral("YJ-2024-OFF"), officeRegister());
    ASSERT_OK(books->receiveTransferLines(id, officeRegister(), QStringLiteral("A1")));
    const qint64 boxesBefore = boxes(), itemsBefore = items();

    auto done = books->completeTransfer(id, QStringLiteral("A1"), {}, TransferReceipt{QStringLiteral("S1-02"), {}, {}, {}});
    ASSERT_TRUE(done.ok()) << done.errorMessage().toStdString() << " / " << done.error().detail.toStdString();
    EXPECT_EQ(done->state, QStringLiteral("complete"));
    EXPECT_TRUE(done->differences.isEmpty());
    EXPECT_EQ(done->boxesCreated, (QStringList{QStringLiteral("TB0001"), QStringLiteral("TB0002")}));
    EXPECT_EQ(done->itemsCreated, 3);
    EXPECT_EQ(boxes(), boxesBefore + 2);
    EXPECT_EQ(items(), itemsBefore + 3);

    // Fonds, category, year and retention come from the archival codes; the boxes stand on S1-02.
    auto b1 = books->box(QStringLiteral("TB0001"));
    ASSERT_TRUE(b1.ok()) << b1.errorMessage().toStdString();
    EXPECT_EQ(b1->fondsCode, QStringLiteral("J001"));
    EXPECT_EQ(b1->categoryCode, QStringLiteral("WS"));
    EXPECT_EQ(b1->year, 2023);
    EXPECT_EQ(b1->retention, QStringLiteral("30y"));
    EXPECT_EQ(b1->state, QStringLiteral("in_place"));
    EXPECT_EQ(b1->location.barcode, QStringLiteral("S1-02"));
    EXPECT_EQ(b1->itemCount, 2);
    EXPECT_EQ(b1->firstItemNo, 1);
    EXPECT_EQ(b1->lastItemNo, 2);
    auto its = books->itemsOfBox(QStringLiteral("TB0001"));
    ASSERT_TRUE(its.ok());
    ASSERT_EQ(its->size(), 2);
    EXPECT_EQ(its->at(1).archivalCode, QStringLiteral("J001-WS·2023-D30-BGS-0002"));
    EXPECT_EQ(its->at(1).title, QStringLiteral("2023年度工作总结"));
    EXPECT_EQ(its->at(1).pages, 30);
    EXPECT_EQ(its->at(1).security, QStringLiteral("internal"));  // WS's default
    EXPECT_EQ(its->at(1).retention, QStringLiteral("30y"));

    // Every placement is traceable (R2): one box_moves row per box, from nowhere, reason 'transfer'.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM box_moves m JOIN boxes b ON b.id = m.box_id"
                                   " WHERE b.barcode LIKE 'TB%' AND m.reason = 'transfer' AND m.from_location_id IS NULL"
                                   " AND m.actor = 'A1'")),
              2);
    // One ledger entry (transfer.complete) names what went into the books; the chain verifies.
    const QJsonObject d = lastLedgerDetails();
    EXPECT_EQ(d.value(QStringLiteral("_action")).toString(), QStringLiteral("transfer.complete"));
    EXPECT_EQ(d.value(QStringLiteral("items")).toInt(), 3);
    EXPECT_EQ(d.value(QStringLiteral("location")).toString(), QStringLiteral("S1-02"));
    EXPECT_EQ(d.value(QStringLiteral("boxes")).toArray().size(), 2);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok) << v->reason.toStdString();

    // The catalogue finds the new files, and the received box is a real box: it can be lent and returned.
    Catalog cat(*db);
    SearchQuery q;
    q.text = QStringLiteral("道路养护");
    auto page = cat.search(q);
    ASSERT_TRUE(page.ok()) << page.errorMessage().toStdString();
    ASSERT_EQ(page->hits.size(), 1);
    EXPECT_EQ(page->hits[0].boxBarcode, QStringLiteral("TB0002"));
    EXPECT_EQ(page->hits[0].locationBarcode, QStringLiteral("S1-02"));
    ASSERT_OK(books->checkOutBox(QStringLiteral("TB0002"), QStringLiteral("B1"), QStringLiteral("A1")));
    EXPECT_EQ(boxState(QStringLiteral("TB0002")), QStringLiteral("on_loan"));
    ASSERT_OK(books->checkIn(QStringLiteral("TB0002"), QStringLiteral("A1")));
    EXPECT_EQ(boxState(QStringLiteral("TB0002")), QStringLiteral("in_place"));
}

TEST_F(TransferFixture, DifferencesAreRecordedFirstAndOnlyWhatArrivedOnTheRegisterGoesIn) {
    const qint64 id = open(QStringLiteral("YJ-2024-DIFF"), officeRegister());
    // 0002 arrived with 28 pages (not 30), 0003 did not arrive, an unregistered file came along.
    ASSERT_OK(books->receiveTransferLines(id,
                                          {line("J001-WS·2023-D30-BGS-0001", "关于2023年森林防火工作的通知", 2023, 12, "TB0001"),
                                           line("J001-WS·2023-D30-BGS-0002", "2023年度工作总结", 2023, 28, "TB0001"),
                                           line("J001-WS·2023-D30-BGS-0009", "未登记的便函", 2023, 1, "TB0001")},
                                          QStringLiteral("A1")));
    const qint64 boxesBefore = boxes(), itemsBefore = items(), ledgerBefore = ledgerRows();
    const TransferReceipt rc{QStringLiteral("S1-02"), {}, {}, {}};

    // Not reconciled yet: refused, nothing in the books.
    auto refused = books->completeTransfer(id, QStringLiteral("A1"), {}, rc);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, QStringLiteral("R10"));
    EXPECT_EQ(boxes(), boxesBefore);
    EXPECT_EQ(items(), itemsBefore);
    EXPECT_EQ(ledgerRows(), ledgerBefore);
    EXPECT_EQ(books->transfer(id)->state, QStringLiteral("open"));

    auto done = books->completeTransfer(id, QStringLiteral("A1"), QStringLiteral("0003 待补交；0009 退回办公室；0002 页数以实物为准"), rc);
    ASSERT_TRUE(done.ok()) << done.errorMessage().toStdString() << " / " << done.error().detail.toStdString();
    EXPECT_EQ(done->differences.size(), 3);
    EXPECT_EQ(done->boxesCreated, QStringList{QStringLiteral("TB0001")});
    EXPECT_EQ(done->itemsCreated, 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'transfer_difference'")), 3);
    EXPECT_TRUE(books->item(QStringLiteral("J001-WS·2023-D30-BGS-0001")).ok());
    auto mismatch = books->item(QStringLiteral("J001-WS·2023-D30-BGS-0002"));
    ASSERT_TRUE(mismatch.ok());
    EXPECT_EQ(mismatch->pages, 28);  // what arrived counts
    EXPECT_EQ(books->item(QStringLiteral("J001-WS·2023-D30-BGS-0003")).error().code, QStringLiteral("not_found"));  // missing
    EXPECT_EQ(books->item(QStringLiteral("J001-WS·2023-D30-BGS-0009")).error().code, QStringLiteral("not_found"));  // extra
    EXPECT_EQ(books->box(QStringLiteral("TB0002")).error().code, QStringLiteral("not_found"));  // its only file is missing
    EXPECT_EQ(ledgerRows(), ledgerBefore + 1);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
}

TEST_F(TransferFixture, RefusalsLeaveTheBooksAndTheTransferUnchanged) {
    const qint64 boxesBefore = boxes(), itemsBefore = items();
    // Codes that name no fonds or category, one box barcode that is already in the books.
    const QList<TransferLine> reg = {line("T-0001", "移交文件一", 2024, 10, "TB0101"),
                                     line("T-0002", "移交文件二", 2024, 12, "TB0102"),
                                     line("T-0003", "移交文件三", 2024, 8, "TB0103"),
                                     line("T-0004", "移交文件四", 2024, 4, "BX0001")};
    const qint64 id = open(QStringLiteral("YJ-2024-FIN"), reg);
    ASSERT_OK(books->receiveTransferLines(id, reg, QStringLiteral("A1")));
    const qint64 ledgerBefore = ledgerRows();
    auto unchanged = [&] {
        EXPECT_EQ(boxes(), boxesBefore);
        EXPECT_EQ(items(), itemsBefore);
        EXPECT_EQ(ledgerRows(), ledgerBefore);
        EXPECT_EQ(books->transfer(id)->state, QStringLiteral("open"));
        EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM transfer_lines WHERE status IS NOT NULL AND status <> ''")), 0);
    };
    // No receiving location.
    EXPECT_REFUSED(books->completeTransfer(id, QStringLiteral("A1")), "R10");
    unchanged();
    // An unknown location.
    EXPECT_REFUSED(books->completeTransfer(id, QStringLiteral("A1"), {}, {QStringLiteral("S9-99"), QStringLiteral("J002"), QStringLiteral("WS"), {}}),
                   "not_found");
    unchanged();
    // The codes do not say the fonds or category, and none is given.
    auto noFonds = books->completeTransfer(id, QStringLiteral("A1"), {}, {QStringLiteral("S1-01"), {}, {}, {}});
    ASSERT_FALSE(noFonds.ok());
    EXPECT_EQ(noFonds.error().code, QStringLiteral("R10"));
    EXPECT_TRUE(noFonds.error().detail.contains(QStringLiteral("T-0001: the code names no registered fonds")));
    unchanged();
    // With fonds and category: the box BX0001 already exists.
    const TransferReceipt rc{QStringLiteral("S1-01"), QStringLiteral("J002"), QStringLiteral("文书"), QStringLiteral("10年")};
    auto dupBox = books->completeTransfer(id, QStringLiteral("A1"), {}, rc);
    ASSERT_FALSE(dupBox.ok());
    EXPECT_EQ(dupBox.error().code, QStringLiteral("R10"));
    EXPECT_TRUE(dupBox.error().detail.contains(QStringLiteral("box BX0001 is already in the books")));
    EXPECT_FALSE(dupBox.error().messageZh.isEmpty());
    unchanged();
}

TEST_F(TransferFixture, AFullShelfOrAFileAlreadyInTheBooksIsRefusedAsAWhole) {
    const qint64 boxesBefore = boxes(), itemsBefore = items();
    const QList<TransferLine> reg = {line("T-0001", "移交文件一", 2024, 10, "TB0201"),
                                     line("T-0002", "移交文件二", 2024, 12, "TB0202"),
                                     line("T-0003", "移交文件三", 2024, 8, "TB0203")};
    const qint64 id = open(QStringLiteral("YJ-2024-CAP"), reg);
    ASSERT_OK(books->receiveTransferLines(id, reg, QStringLiteral("A1")));
    // S2-01 holds 2 boxes: three do not fit.
    auto full = books->completeTransfer(id, QStringLiteral("A1"), {}, {QStringLiteral("S2-01"), QStringLiteral("J002"), QStringLiteral("WS"), {}});
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.error().code, QStringLiteral("R10"));
    EXPECT_TRUE(full.error().detail.contains(QStringLiteral("location S2-01 has room for 2 more box(es), not 3")))
        << full.error().detail.toStdString();
    EXPECT_EQ(boxes(), boxesBefore);

    // A file whose code is already in the books (J001-WS-2010-0001-0001 is in BX0001).
    const QList<TransferLine> reg2 = {line("T-0101", "新文件", 2024, 3, "TB0301"),
                                      line("J001-WS-2010-0001-0001", "重复的文件", 2010, 3, "TB0302")};
    const qint64 id2 = open(QStringLiteral("YJ-2024-DUP"), reg2);
    ASSERT_OK(books->receiveTransferLines(id2, reg2, QStringLiteral("A1")));
    auto dup = books->completeTransfer(id2, QStringLiteral("A1"), {}, {QStringLiteral("S1-01"), QStringLiteral("J002"), QStringLiteral("WS"), {}});
    ASSERT_FALSE(dup.ok());
    EXPECT_TRUE(dup.error().detail.contains(QStringLiteral("J001-WS-2010-0001-0001: this archival code is already in the books")))
        << dup.error().detail.toStdString();
    EXPECT_EQ(boxes(), boxesBefore);
    EXPECT_EQ(items(), itemsBefore);
    EXPECT_EQ(books->box(QStringLiteral("TB0301")).error().code, QStringLiteral("not_found"));

    // On a shelf with room and with defaults given, the first transfer goes in: fonds J002, 10 years from 文书's default.
    auto ok = books->completeTransfer(id, QStringLiteral("A1"), {}, {QStringLiteral("S1-01"), QStringLiteral("J002"), QStringLiteral("WS"), {}});
    ASSERT_TRUE(ok.ok()) << ok.errorMessage().toStdString() << " / " << ok.error().detail.toStdString();
    EXPECT_EQ(ok->itemsCreated, 3);
    auto b = books->box(QStringLiteral("TB0203"));
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->fondsCode, QStringLiteral("J002"));
    EXPECT_EQ(b->retention, QStringLiteral("30y"));  // WS default retention (NewCategory default 30y)
    EXPECT_EQ(b->firstItemNo, 0);                      // T-0003 has no item number segment
    EXPECT_EQ(b->location.barcode, QStringLiteral("S1-01"));
}
