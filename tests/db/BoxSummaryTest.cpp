// Every box carries a summary of its files — how many, how many lent out on their own, the highest security level
// (migration 0005, kept by triggers on items). The box card, check-out's rules and the request list read it instead
// of the files. These tests write files in every way the books do, and the way someone with the sqlite3 shell or
// psql would, and compare the summary with a recount each time, on both backends.
#include "BooksFixture.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace archive::db;

namespace {
bool exec(Database& db, const QString& sql) {
    QSqlQuery q(db.sql());
    const bool ok = q.exec(sql);
    EXPECT_TRUE(ok) << sql.toStdString() << ": " << q.lastError().text().toStdString();
    return ok;
}
}  // namespace

TEST_F(BooksFixture, BoxSummaryMatchesTheFilesAfterTheBooksWrite) {
    EXPECT_EQ(boxSummaryMismatches(), 0);
    auto b1 = books->box(QStringLiteral("BX0001"));
    ASSERT_OK(b1);
    EXPECT_EQ(b1->itemCount, 2);
    EXPECT_EQ(b1->itemsOnLoan, 0);
    EXPECT_EQ(b1->maxSecurity, QStringLiteral("internal"));  // files imported without a level get 内部
    auto b3 = books->box(QStringLiteral("BX0003"));
    ASSERT_OK(b3);
    EXPECT_EQ(b3->maxSecurity, QStringLiteral("confidential"));

    // One file lent on its own: the box shows it, and the whole box cannot go (the rule reads the summary).
    const QString file = QStringLiteral("J001-WS-2010-0001-0001");
    ASSERT_OK(books->checkOutItems({file}, QStringLiteral("B1"), QStringLiteral("A1")));
    EXPECT_EQ(books->box(QStringLiteral("BX0001"))->itemsOnLoan, 1);
    EXPECT_EQ(boxSummaryMismatches(), 0);
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")), "bad_state");
    ASSERT_OK(books->checkIn(file, QStringLiteral("A1")));
    EXPECT_EQ(books->box(QStringLiteral("BX0001"))->itemsOnLoan, 0);
    EXPECT_EQ(boxSummaryMismatches(), 0);

    // The return cart, a lost file and a whole box lent and returned.
    ASSERT_OK(books->checkOutItems({file, QStringLiteral("J001-WS-2010-0001-0002")}, QStringLiteral("B1"), QStringLiteral("A1")));
    EXPECT_EQ(books->box(QStringLiteral("BX0001"))->itemsOnLoan, 2);
    ASSERT_OK(books->checkInBatch({CheckinLine{file}}, QStringLiteral("A1")));
    ASSERT_OK(books->markLost(QStringLiteral("J001-WS-2010-0001-0002"), QStringLiteral("A1"), QStringLiteral("借阅人遗失")));
    EXPECT_EQ(books->box(QStringLiteral("BX0001"))->itemsOnLoan, 0);
    EXPECT_EQ(boxSummaryMismatches(), 0);
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0002"), QStringLiteral("B1"), QStringLiteral("A1")));
    ASSERT_OK(books->checkIn(QStringLiteral("BX0002"), QStringLiteral("A1")));
    EXPECT_EQ(boxSummaryMismatches(), 0);

    // Appraised and destroyed: the files stay counted, none on loan.
    auto a = books->appraise(QStringLiteral("BX0001"), QStringLiteral("destroy"), QStringLiteral("保管期限已满"), QStringLiteral("A1"));
    ASSERT_OK(a);
    ASSERT_OK(books->approveAppraisal(a->id, QStringLiteral("H1")));
    ASSERT_OK(books->destroy(a->id, QStringLiteral("A1"), QStringLiteral("监销人甲"), QStringLiteral("粉碎")));
    EXPECT_EQ(books->box(QStringLiteral("BX0001"))->itemCount, 2);
    EXPECT_EQ(boxSummaryMismatches(), 0);

    // More files into a box that has some.
    addBox(QStringLiteral("BX0009"), QStringLiteral("WS"), QStringLiteral("S1-01"), 2023, QStringLiteral("30y"),
           {QStringLiteral("一"), QStringLiteral("二"), QStringLiteral("三")}, QStringLiteral("secret"));
    EXPECT_EQ(books->box(QStringLiteral("BX0009"))->itemCount, 3);
    EXPECT_EQ(books->box(QStringLiteral("BX0009"))->maxSecurity, QStringLiteral("secret"));
    EXPECT_EQ(boxSummaryMismatches(), 0);
}

TEST_F(BooksFixture, BoxSummaryFollowsFilesChangedByHand) {
    // What an administrator with the sqlite3 shell or psql might do: the triggers keep up with each.
    const QString box8 = QStringLiteral("(SELECT id FROM boxes WHERE barcode = 'BX0008')");
    ASSERT_TRUE(exec(*db, QStringLiteral("UPDATE items SET security = 'confidential' WHERE archival_code = 'J001-WS-2022-0008-0001'")));
    EXPECT_EQ(books->box(QStringLiteral("BX0008"))->maxSecurity, QStringLiteral("confidential"));
    ASSERT_TRUE(exec(*db, QStringLiteral("UPDATE items SET security = 'public' WHERE archival_code = 'J001-WS-2022-0008-0001'")));
    EXPECT_EQ(books->box(QStringLiteral("BX0008"))->maxSecurity, QStringLiteral("internal"));  // lowered: recounted
    EXPECT_EQ(boxSummaryMismatches(), 0);

    // A file moved to another box: both boxes recounted.
    ASSERT_TRUE(exec(*db, QStringLiteral("UPDATE items SET box_id = (SELECT id FROM boxes WHERE barcode = 'BX0003')"
                                         " WHERE archival_code = 'J001-WS-2022-0008-0002'")));
    EXPECT_EQ(books->box(QStringLiteral("BX0008"))->itemCount, 1);
    EXPECT_EQ(books->box(QStringLiteral("BX0003"))->itemCount, 2);
    EXPECT_EQ(boxSummaryMismatches(), 0);

    // State and security changed in one statement; then a file out of any box, and back.
    ASSERT_TRUE(exec(*db, QStringLiteral("UPDATE items SET state = 'on_loan', security = 'secret' WHERE box_id = ") + box8));
    EXPECT_EQ(books->box(QStringLiteral("BX0008"))->itemsOnLoan, 1);
    EXPECT_EQ(books->box(QStringLiteral("BX0008"))->maxSecurity, QStringLiteral("secret"));
    ASSERT_TRUE(exec(*db, QStringLiteral("UPDATE items SET state = 'in_place', box_id = NULL WHERE box_id = ") + box8));
    EXPECT_EQ(books->box(QStringLiteral("BX0008"))->itemCount, 0);
    EXPECT_EQ(books->box(QStringLiteral("BX0008"))->maxSecurity, QStringLiteral("internal"));  // no files: WS's default
    EXPECT_EQ(boxSummaryMismatches(), 0);
    ASSERT_TRUE(exec(*db, QStringLiteral("UPDATE items SET box_id = ") + box8 + QStringLiteral(" WHERE box_id IS NULL")));
    EXPECT_EQ(books->box(QStringLiteral("BX0008"))->itemCount, 1);
    EXPECT_EQ(boxSummaryMismatches(), 0);

    // Inserted and deleted directly.
    ASSERT_TRUE(exec(*db, QStringLiteral("INSERT INTO items(archival_code, title, year, retention, security, box_id, state)"
                                         " VALUES('HAND-1', '手工补录', 2022, '30y', 'confidential', ") + box8 + QStringLiteral(", 'on_loan')")));
    auto b = books->box(QStringLiteral("BX0008"));
    ASSERT_OK(b);
    EXPECT_EQ(b->itemCount, 2);
    EXPECT_EQ(b->itemsOnLoan, 1);
    EXPECT_EQ(b->maxSecurity, QStringLiteral("confidential"));
    ASSERT_TRUE(exec(*db, QStringLiteral("DELETE FROM items WHERE archival_code = 'HAND-1'")));
    b = books->box(QStringLiteral("BX0008"));
    ASSERT_OK(b);
    EXPECT_EQ(b->itemCount, 1);
    EXPECT_EQ(b->itemsOnLoan, 0);
    EXPECT_EQ(b->maxSecurity, QStringLiteral("secret"));
    EXPECT_EQ(boxSummaryMismatches(), 0);
}
