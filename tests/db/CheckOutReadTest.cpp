// Check-out of a whole box reads everything its rules need in one joined statement, and returns the loan from what
// it wrote (issue 8: fewer PostgreSQL round trips); check-in reads the staff card and the incident setting together.
// These tests pin what must not change with that: the loan returned is the loan stored, the new ids are the stored
// ids (INSERT … RETURNING on PostgreSQL), and with several things wrong at once the same refusal comes first.
#include "BooksFixture.h"

#include "db/Ledger.h"

using namespace archive::db;
using archive::Error;

TEST_F(BooksFixture, CheckOutReturnsExactlyTheLoanAsStored) {
    auto out = books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1"));
    ASSERT_TRUE(out.ok()) << out.errorMessage().toStdString();
    auto stored = books->loansOf(QStringLiteral("B1"));
    ASSERT_TRUE(stored.ok()) << stored.errorMessage().toStdString();
    ASSERT_EQ(stored->size(), 1);
    const LoanInfo& a = *out;
    const LoanInfo& b = stored->first();
    EXPECT_GT(a.id, 0);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.id, count(QStringLiteral("SELECT max(id) FROM loans")));
    EXPECT_EQ(a.boxId, b.boxId);
    EXPECT_EQ(a.boxBarcode, b.boxBarcode);
    EXPECT_EQ(a.boxTitle, b.boxTitle);
    EXPECT_EQ(a.itemId, b.itemId);
    EXPECT_EQ(a.itemCode, b.itemCode);
    EXPECT_EQ(a.itemTitle, b.itemTitle);
    EXPECT_EQ(a.borrowerId, b.borrowerId);
    EXPECT_EQ(a.borrowerCard, b.borrowerCard);
    EXPECT_EQ(a.borrowerName, b.borrowerName);
    EXPECT_EQ(a.requestId, b.requestId);
    EXPECT_EQ(a.outAt, b.outAt);
    EXPECT_EQ(a.dueAt, b.dueAt);
    EXPECT_EQ(a.returnedAt, b.returnedAt);
    EXPECT_EQ(a.returnCondition, b.returnCondition);
    EXPECT_EQ(a.renewals, b.renewals);
    EXPECT_EQ(a.maxRenewals, b.maxRenewals);
    EXPECT_EQ(a.outBy, b.outBy);
    EXPECT_EQ(a.inBy, b.inBy);
    EXPECT_EQ(a.overdue, b.overdue);
    EXPECT_EQ(a.daysOverdue, b.daysOverdue);

    // Check-in with damage: the incident's id is the stored one.
    auto back = books->checkIn(QStringLiteral("BX0001"), QStringLiteral("A1"), ReturnCondition::Damaged, QStringLiteral("角破损"));
    ASSERT_TRUE(back.ok()) << back.errorMessage().toStdString();
    EXPECT_GT(back->incidentId, 0);
    EXPECT_EQ(back->incidentId, count(QStringLiteral("SELECT max(id) FROM incidents")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'damaged' AND loan_id = %1").arg(a.id)), 1);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
}

TEST_F(BooksFixture, CheckOutWithSeveralThingsWrongRefusesTheFirstInTheOldOrder) {
    const QString box = QStringLiteral("BX0001"), none = QStringLiteral("NOPE9");
    auto refusal = [&](const QString& b, const QString& borrower, const QString& staff) {
        auto r = books->checkOutBox(b, borrower, staff);
        return r.ok() ? Error{} : r.error();
    };
    // Unknown staff card first, whatever else is wrong.
    Error e = refusal(none, none, none);
    EXPECT_EQ(e.code, QStringLiteral("not_found"));
    EXPECT_TRUE(e.messageEn.contains(QLatin1String("archivist"))) << e.messageEn.toStdString();
    // A borrower's card as the staff card: not an archivist.
    e = refusal(none, none, QStringLiteral("B1"));
    EXPECT_EQ(e.code, QStringLiteral("forbidden"));
    // Then the borrower, then the box.
    e = refusal(none, none, QStringLiteral("A1"));
    EXPECT_EQ(e.code, QStringLiteral("not_found"));
    EXPECT_TRUE(e.messageEn.contains(QLatin1String("borrower"))) << e.messageEn.toStdString();
    e = refusal(none, QStringLiteral("B1"), QStringLiteral("A1"));
    EXPECT_EQ(e.code, QStringLiteral("not_found"));
    EXPECT_TRUE(e.messageEn.contains(QLatin1String("No box"))) << e.messageEn.toStdString();
    // Malformed input (the separate reads): still refused where it always was.
    e = refusal(box, QStringLiteral("B1"), QStringLiteral("   "));
    EXPECT_EQ(e.code, QStringLiteral("bad_input"));
    e = refusal(QString(), none, QStringLiteral("A1"));
    EXPECT_EQ(e.code, QStringLiteral("not_found"));
    EXPECT_TRUE(e.messageEn.contains(QLatin1String("borrower"))) << e.messageEn.toStdString();
    e = refusal(box, QString(), QStringLiteral("A1"));
    EXPECT_EQ(e.code, QStringLiteral("bad_input"));
    e = refusal(QString(), QStringLiteral("B1"), QStringLiteral("A1"));
    EXPECT_EQ(e.code, QStringLiteral("bad_input"));
    // Nothing was written by any of them.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans")), 0);
    EXPECT_EQ(boxState(box), QStringLiteral("in_place"));
    // Check-in: unknown and non-staff cards refused before the loan is looked at.
    EXPECT_REFUSED(books->checkIn(box, none), "not_found");
    EXPECT_REFUSED(books->checkIn(box, QStringLiteral("B1")), "forbidden");
    EXPECT_REFUSED(books->checkIn(box, QStringLiteral("A1")), "bad_state");  // not lent: nothing to return
}
