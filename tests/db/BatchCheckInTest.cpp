// The check-in path reads each open loan once (box barcode or item code → the whole loan row) and reads the
// overdue-incident setting once per batch; the interactive operations map the SQLite file for reading.
// These check that what a check-in returns and records is unchanged: the loan as loadLoan() reads it, R9
// incidents for long-overdue returns in a batch, the ledger chain.
#include "BooksFixture.h"

#include <QSqlQuery>

using namespace archive::db;

namespace {
constexpr qint64 kDay = 24LL * 3600 * 1000;
}

TEST_F(BooksFixture, BatchCheckInReturnsFullLoansAndMakesOverdueIncidents) {
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0002"), QStringLiteral("B1"), QStringLiteral("A1")));
    ASSERT_OK(books->checkOutItems({QStringLiteral("J001-WS-2022-0008-0001")}, QStringLiteral("B1"), QStringLiteral("A1")));
    auto before = books->loansOf(QStringLiteral("B1"));
    ASSERT_TRUE(before.ok());
    ASSERT_EQ(before->size(), 3);
    db->setClockOffsetMs(100 * kDay);  // all three far past due (> the 30-day incident threshold)
    auto r = books->checkInBatch({{QStringLiteral("BX0001"), ReturnCondition::Ok, {}},
                                  {QStringLiteral("J001-WS-2022-0008-0001"), ReturnCondition::Ok, {}},
                                  {QStringLiteral("BX0002"), ReturnCondition::Damaged, QStringLiteral("水渍")}},
                                 QStringLiteral("A1"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    ASSERT_EQ(r->done.size(), 3);
    EXPECT_TRUE(r->refused.isEmpty());
    for (const LoanInfo& l : r->done) {
        const auto it = std::find_if(before->begin(), before->end(), [&](const LoanInfo& b) { return b.id == l.id; });
        ASSERT_NE(it, before->end());
        EXPECT_EQ(l.boxId, it->boxId);
        EXPECT_EQ(l.boxBarcode, it->boxBarcode);
        EXPECT_EQ(l.boxTitle, it->boxTitle);
        EXPECT_EQ(l.itemId, it->itemId);
        EXPECT_EQ(l.itemCode, it->itemCode);
        EXPECT_EQ(l.borrowerCard, QStringLiteral("B1"));
        EXPECT_EQ(l.borrowerName, it->borrowerName);
        EXPECT_EQ(l.dueAt, it->dueAt);
        EXPECT_EQ(l.outBy, QStringLiteral("A1"));
        EXPECT_EQ(l.inBy, QStringLiteral("A1"));
        EXPECT_GT(l.returnedAt, 0);
        EXPECT_GT(l.incidentId, 0) << l.boxBarcode.toStdString();
    }
    EXPECT_EQ(r->done[1].itemCode, QStringLiteral("J001-WS-2022-0008-0001"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'overdue'")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'damaged'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NULL")), 0);
    EXPECT_EQ(boxState(QStringLiteral("BX0001")), QStringLiteral("in_place"));
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok) << v->reason.toStdString();
}

TEST_F(BooksFixture, RenewAndMarkLostStillFindTheOpenLoan) {
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    auto renewed = books->renew(QStringLiteral("BX0001"), QStringLiteral("B1"));
    ASSERT_TRUE(renewed.ok()) << renewed.errorMessage().toStdString();
    EXPECT_EQ(renewed->renewals, 1);
    ASSERT_OK(books->markLost(QStringLiteral("BX0001"), QStringLiteral("A1"), QStringLiteral("借阅者遗失")));
    EXPECT_EQ(boxState(QStringLiteral("BX0001")), QStringLiteral("missing"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NULL")), 0);
    EXPECT_REFUSED(books->checkIn(QStringLiteral("BX0001"), QStringLiteral("A1")), "bad_state");
}

// SQLite: a box lookup maps the file for this connection (PRAGMA mmap_size > 0); a second connection that made
// no lookup (as verify's and export's) keeps reading through pread.
TEST_F(BooksFixture, BoxLookupMapsTheFileOnlyOnItsConnection) {
    if (pg()) GTEST_SKIP() << "memory-mapped reads are an SQLite setting";
    auto mmapSize = [](Database& d) {
        QSqlQuery q(d.sql());
        if (!q.exec(QStringLiteral("PRAGMA mmap_size")) || !q.next()) return qint64(-1);
        return q.value(0).toLongLong();
    };
    auto other = openAgain();
    ASSERT_TRUE(other);
    EXPECT_EQ(mmapSize(*db), 0);
    auto b = books->box(QStringLiteral("BX0001"));
    ASSERT_TRUE(b.ok());
    EXPECT_GT(mmapSize(*db), 0);
    EXPECT_EQ(mmapSize(*other), 0);
    auto again = books->box(QStringLiteral("BX0002"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->barcode, QStringLiteral("BX0002"));
}
