#include "BooksFixture.h"

using namespace archive::db;

TEST_F(BooksFixture, MigrationCreatesEveryTable) {
    for (const char* t : {"fonds", "categories", "rooms", "locations", "boxes", "items", "people", "departments",
                          "department_categories", "requests", "approvals", "loans", "incidents", "transfers",
                          "transfer_lines", "appraisals", "destructions", "box_moves", "onsite_uses", "ledger"})
        EXPECT_GE(count(QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(t))), 0) << t;
    EXPECT_GE(db->schemaVersion(), 2);
}

TEST_F(BooksFixture, CheckOutAndInWholeBox) {
    auto loan = books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1"));
    ASSERT_TRUE(loan.ok()) << loan.errorMessage().toStdString();
    EXPECT_EQ(loan->borrowerCard, QStringLiteral("B1"));
    EXPECT_EQ(loan->dueAt - loan->outAt, 30LL * 24 * 3600 * 1000);
    auto b = books->box(QStringLiteral("BX0001"));
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->state, QStringLiteral("on_loan"));
    EXPECT_EQ(b->borrowerCard, QStringLiteral("B1"));
    EXPECT_EQ(b->dueAt, loan->dueAt);
    EXPECT_EQ(b->location.barcode, QStringLiteral("S1-01"));
    auto back = books->checkIn(QStringLiteral("BX0001"), QStringLiteral("A1"));
    ASSERT_TRUE(back.ok()) << back.errorMessage().toStdString();
    EXPECT_EQ(back->returnCondition, QStringLiteral("ok"));
    EXPECT_EQ(boxState(QStringLiteral("BX0001")), QStringLiteral("in_place"));
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action IN ('checkout','checkin')")), 2);
}
