// Check-out of a whole box reads everything its rules need in one joined statement, and returns the loan from what
// it wrote (issue 8: fewer PostgreSQL round trips); check-in reads the staff card and the incident setting together.
// These tests pin what must not change with that: the loan returned is the loan stored, the new ids are the stored
// ids (INSERT … RETURNING on PostgreSQL), and with several things wrong at once the same refusal comes first.
#include "BooksFixture.h"

#include "db/Ledger.h"
#include "db/Transaction.h"

#include <QSqlQuery>

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

// Check-in on PostgreSQL reads the staff card, the incident setting and the box's open loan in one statement and
// closes the loan and shelves the box in one more; a file's code, or a code with no open loan, falls back to the
// separate reads. Both backends must give the same loans and refusals.
TEST_F(BooksFixture, CheckInReadsTheLoanWithTheStaffCardAndGivesTheSameAnswers) {
    // A whole box: the returned loan is the stored one, the box is back on its shelf.
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0002"), QStringLiteral("B1"), QStringLiteral("A1")));
    auto out = books->loansOf(QStringLiteral("B1"));
    ASSERT_OK(out);
    ASSERT_EQ(out->size(), 1);
    auto in = books->checkIn(QStringLiteral(" BX0002 "), QStringLiteral("A1"));
    ASSERT_OK(in);
    EXPECT_EQ(in->id, out->first().id);
    EXPECT_EQ(in->boxBarcode, QStringLiteral("BX0002"));
    EXPECT_EQ(in->borrowerCard, QStringLiteral("B1"));
    EXPECT_EQ(in->dueAt, out->first().dueAt);
    EXPECT_EQ(in->outBy, QStringLiteral("A1"));
    EXPECT_EQ(in->inBy, QStringLiteral("A1"));
    EXPECT_EQ(in->returnCondition, QStringLiteral("ok"));
    EXPECT_EQ(boxState(QStringLiteral("BX0002")), QStringLiteral("in_place"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NOT NULL AND in_by = 'A1'")), 1);

    // Lost: the box goes missing, the incident is recorded, in the same transaction.
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0002"), QStringLiteral("B1"), QStringLiteral("A1")));
    auto lost = books->checkIn(QStringLiteral("BX0002"), QStringLiteral("A1"), ReturnCondition::Lost, QStringLiteral("借阅人遗失"));
    ASSERT_OK(lost);
    EXPECT_GT(lost->incidentId, 0);
    EXPECT_EQ(boxState(QStringLiteral("BX0002")), QStringLiteral("missing"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans WHERE note = '借阅人遗失'")), 1);

    // A file lent on its own: found by its code (the fallback read), the file back in place, its box untouched.
    const QString file = QStringLiteral("J001-WS-2010-0001-0001");
    ASSERT_OK(books->checkOutItems({file}, QStringLiteral("B1"), QStringLiteral("A1")));
    auto fileIn = books->checkIn(file, QStringLiteral("A1"));
    ASSERT_OK(fileIn);
    EXPECT_EQ(fileIn->itemCode, file);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM items WHERE archival_code = '%1' AND state = 'in_place'").arg(file)), 1);
    EXPECT_EQ(boxState(QStringLiteral("BX0001")), QStringLiteral("in_place"));

    // Refusals in the old order: the staff card first, then the code.
    EXPECT_REFUSED(books->checkIn(QStringLiteral("NOPE9"), QStringLiteral("NOPE9")), "not_found");
    EXPECT_REFUSED(books->checkIn(QStringLiteral("NOPE9"), QStringLiteral("B1")), "forbidden");
    EXPECT_REFUSED(books->checkIn(QStringLiteral("NOPE9"), QStringLiteral("A1")), "not_found");  // no such box or file
    EXPECT_REFUSED(books->checkIn(QStringLiteral("BX0003"), QStringLiteral("A1")), "bad_state");  // not lent
    EXPECT_REFUSED(books->checkIn(QString(), QStringLiteral("A1")), "bad_input");
    EXPECT_REFUSED(books->checkIn(QStringLiteral("BX0003"), QStringLiteral("  ")), "bad_input");
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'checkin'")), 3);
}

// A write queued to go with the ledger entry and COMMIT (PostgreSQL's scoped transactions) that fails makes the
// whole commit fail: nothing of the transaction is stored, the ledger entry included, and the caller hears "not saved".
TEST_F(BooksFixture, AQueuedWriteThatFailsSavesNothing) {
    const qint64 ledgerBefore = count(QStringLiteral("SELECT count(*) FROM ledger"));
    {
        Transaction tx(*db, WriteScope::loan(QStringLiteral("BX0001")));
        ASSERT_OK(tx.begun());
        const bool queued = Transaction::queueStatement(
            *db, QStringLiteral("SELECT loan_checkin_write(-1, 0, 'ok', 'A1', '', 1, 'in_place')"));  // no loan -1: raises
        if (!pg()) {
            EXPECT_FALSE(queued);  // SQLite runs every statement at once; nothing is ever queued
            return;
        }
        ASSERT_TRUE(queued);
        LedgerEntry e;
        e.actor = QStringLiteral("A1");
        e.action = QStringLiteral("checkin");
        e.subject = QStringLiteral("box:BX0001");
        ASSERT_OK(Ledger::append(*db, e));
        {
            QSqlQuery q(db->sql());
            ASSERT_TRUE(q.exec(QStringLiteral("UPDATE boxes SET title = 'changed' WHERE barcode = 'BX0001'")));
        }
        auto st = tx.commit();
        EXPECT_FALSE(st.ok());
        EXPECT_FALSE(st.error().messageEn.isEmpty());
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger")), ledgerBefore);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM boxes WHERE title = 'changed'")), 0);
    // The connection works on: the next scoped write goes through.
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
}
