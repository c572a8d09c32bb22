// The books' side: spine fields read from boxes/fonds/categories/locations, printed labels recorded with a
// ledger entry, and "stale" once the box's contents change.
#include "BooksFixture.h"
#include "Samples.h"
#include "db/Ledger.h"

using namespace archive::db;
using namespace labels_test;

TEST(LabelRecords, SpineFieldsComeFromTheBooks) {
    TempBooks b;
    ASSERT_TRUE(b.open());
    LabelRepository repo(*b.db);
    auto row = repo.box(QStringLiteral("B20240001238"));
    ASSERT_TRUE(row.ok()) << row.errorMessage().toStdString();
    EXPECT_EQ(toLabelData(row.value()), sampleBox());  // same fields as the sample used by the render tests
    EXPECT_EQ(row->locationBarcode, QStringLiteral("L0101030"));
    auto shelf = repo.boxesAt(QStringLiteral("L0101030"));
    ASSERT_TRUE(shelf.ok());
    ASSERT_EQ(shelf->size(), 2);
    EXPECT_EQ(shelf->at(0).boxNo, QStringLiteral("12"));
    EXPECT_EQ(shelf->at(1).boxNo, QStringLiteral("13"));
    auto loc = repo.location(QStringLiteral("L0101030"));
    ASSERT_TRUE(loc.ok());
    EXPECT_EQ(loc->roomName, QStringLiteral("一号库房"));
    EXPECT_EQ(loc->text(), QStringLiteral("A03 柜 · 第 2 层 · 1 位"));
    auto unknown = repo.box(QStringLiteral("B999"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, QStringLiteral("unknown_box"));
    EXPECT_FALSE(repo.boxesAt(QStringLiteral("L404")).ok());
}

TEST(LabelRecords, BoxesOfATransfer) {
    TempBooks b;
    ASSERT_TRUE(b.open());
    ASSERT_TRUE(exec(*b.db, QStringLiteral("INSERT INTO transfers(code, created_at) VALUES ('YJ-2024-07', 0)")));
    ASSERT_TRUE(exec(*b.db, QStringLiteral("INSERT INTO transfer_lines(transfer_id, side, line_no, archival_code, box_barcode) "
                                           "VALUES (1, 'received', 1, 'J012-2022-0001', 'B20240001254'), "
                                           "(1, 'received', 2, 'J012-2023-0026', 'B20240001246'), "
                                           "(1, 'received', 3, 'J012-2023-0027', 'B20240001246')")));
    LabelRepository repo(*b.db);
    auto boxes = repo.boxesOfTransfer(QStringLiteral("YJ-2024-07"));
    ASSERT_TRUE(boxes.ok()) << boxes.errorMessage().toStdString();
    ASSERT_EQ(boxes->size(), 2);
    EXPECT_EQ(boxes->at(0).barcode, QStringLiteral("B20240001254"));
    EXPECT_FALSE(repo.boxesOfTransfer(QStringLiteral("nope")).ok());
}

TEST(LabelRecords, PrintedLabelBecomesStaleWhenTheBoxChanges) {
    TempBooks b;
    ASSERT_TRUE(b.open());
    LabelRepository repo(*b.db);
    const QString code = QStringLiteral("B20240001238");
    const QString hash = toLabelData(repo.box(code).value()).hash();
    EXPECT_EQ(repo.labelState(code, hash).value(), LabelState::NeverPrinted);
    LabelPrintRecord r;
    r.barcode = code;
    r.templateName = QStringLiteral("spine-40");
    r.dataHash = hash;
    r.printer = QStringLiteral("labels");
    r.jobRef = QStringLiteral("q-1");
    r.cupsJobId = 7;
    r.actor = QStringLiteral("P0001");
    ASSERT_TRUE(repo.recordPrinted({r}).ok());
    EXPECT_EQ(repo.labelState(code, hash).value(), LabelState::Current);
    auto last = repo.lastPrinted(code);
    ASSERT_TRUE(last.ok() && last->has_value());
    EXPECT_EQ((*last)->templateName, QStringLiteral("spine-40"));
    EXPECT_EQ((*last)->cupsJobId, 7);
    EXPECT_GT((*last)->printedAt, 0);
    // the box gets more items: its label no longer matches
    ASSERT_TRUE(exec(*b.db, QStringLiteral("UPDATE boxes SET last_item_no = 31 WHERE barcode = 'B20240001238'")));
    const QString newHash = toLabelData(repo.box(code).value()).hash();
    EXPECT_NE(newHash, hash);
    EXPECT_EQ(repo.labelState(code, newHash).value(), LabelState::Stale);
    // the ledger holds the print and still verifies
    QSqlQuery q(b.db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT subject, actor FROM ledger WHERE action = 'label.print'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("box:B20240001238"));
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("P0001"));
    auto v = Ledger::verify(*b.db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
}

TEST(LabelRecords, ABatchIsOneTransactionAndOneLedgerEntry) {
    TempBooks b;
    ASSERT_TRUE(b.open());
    LabelRepository repo(*b.db);
    QList<LabelPrintRecord> batch;
    const auto rows = repo.boxesAt(QStringLiteral("L0101030"));  // keep the Result alive for the loop
    ASSERT_TRUE(rows.ok());
    for (const auto& row : rows.value()) {
        LabelPrintRecord r;
        r.barcode = row.barcode;
        r.templateName = QStringLiteral("spine-30");
        r.dataHash = toLabelData(row).hash();
        r.jobRef = QStringLiteral("q-batch");
        batch << r;
    }
    ASSERT_EQ(batch.size(), 2);
    const auto recorded = repo.recordPrinted(batch);
    ASSERT_TRUE(recorded.ok()) << recorded.errorMessage().toStdString() << recorded.error().detail.toStdString();
    QSqlQuery q(b.db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM label_prints")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 2);
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT subject, details FROM ledger WHERE action = 'label.print'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("labels:q-batch"));
    EXPECT_TRUE(q.value(1).toString().contains(QStringLiteral("B20240001246")));
    EXPECT_FALSE(q.next());
}
