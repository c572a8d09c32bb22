// Sweeps, moves, lookups, batch check-in, PINs and bad inputs to every operation.
#include "BooksFixture.h"

#include <QSqlQuery>

using namespace archive::db;

TEST_F(BooksFixture, SweepClassifiesFoundMissingMisplacedUnknown) {
    // S1-01 holds BX0001..BX0003. Scan BX0001, BX0004 (recorded on S1-02), XX999 (not in the books).
    auto r = books->sweepShelf(QStringLiteral("S1-01"),
                               {QStringLiteral("BX0001"), QStringLiteral(" BX0004 "), QStringLiteral("XX999"), QStringLiteral("BX0001"), QString()},
                               QStringLiteral("A1"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->found, QStringList{QStringLiteral("BX0001")});
    EXPECT_EQ(r->missing, (QStringList{QStringLiteral("BX0002"), QStringLiteral("BX0003")}));
    ASSERT_EQ(r->misplaced.size(), 1);
    EXPECT_EQ(r->misplaced[0].barcode, QStringLiteral("BX0004"));
    EXPECT_EQ(r->misplaced[0].expectedLocation, QStringLiteral("S1-02"));
    EXPECT_EQ(r->unknown, QStringList{QStringLiteral("XX999")});
    EXPECT_EQ(boxState(QStringLiteral("BX0002")), QStringLiteral("missing"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'missing'")), 2);
    // A missing box cannot be lent; found again in the next sweep it is back in place.
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0002"), QStringLiteral("B1"), QStringLiteral("A1")), "bad_state");
    auto again = books->sweepShelf(QStringLiteral("S1-01"), {QStringLiteral("BX0001"), QStringLiteral("BX0002")}, QStringLiteral("A1"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->recovered, QStringList{QStringLiteral("BX0002")});
    EXPECT_EQ(boxState(QStringLiteral("BX0002")), QStringLiteral("in_place"));
    // A lent box is not expected on the shelf.
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    auto third = books->sweepShelf(QStringLiteral("S1-01"), {QStringLiteral("BX0002")}, QStringLiteral("A1"));
    ASSERT_TRUE(third.ok());
    EXPECT_TRUE(third->missing.isEmpty());
    EXPECT_REFUSED(books->sweepShelf(QStringLiteral("NOPE"), {}, QStringLiteral("A1")), "not_found");
    EXPECT_REFUSED(books->sweepShelf(QStringLiteral("S1-01"), {}, QStringLiteral("B1")), "forbidden");
}

TEST_F(BooksFixture, MoveRespectsCapacityAndFindsMissingBoxes) {
    ASSERT_OK(books->moveBox(QStringLiteral("BX0001"), QStringLiteral("S2-01"), QStringLiteral("A1")));
    ASSERT_OK(books->moveBox(QStringLiteral("BX0002"), QStringLiteral("S2-01"), QStringLiteral("A1")));
    EXPECT_REFUSED(books->moveBox(QStringLiteral("BX0003"), QStringLiteral("S2-01"), QStringLiteral("A1")), "bad_state");  // capacity 2
    EXPECT_REFUSED(books->moveBox(QStringLiteral("BX0001"), QStringLiteral("S2-01"), QStringLiteral("A1")), "bad_state");  // already there
    ASSERT_OK(books->markLost(QStringLiteral("BX0008"), QStringLiteral("A1"), QStringLiteral("盘点未见")));
    EXPECT_EQ(boxState(QStringLiteral("BX0008")), QStringLiteral("missing"));
    ASSERT_OK(books->moveBox(QStringLiteral("BX0008"), QStringLiteral("S1-01"), QStringLiteral("A1")));
    EXPECT_EQ(boxState(QStringLiteral("BX0008")), QStringLiteral("in_place"));
}

TEST_F(BooksFixture, BatchCheckInIsOneTransactionAndListsRefusals) {
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0002"), QStringLiteral("B3"), QStringLiteral("A1")));
    ASSERT_OK(books->checkOutItems({QStringLiteral("J001-WS-2022-0008-0001")}, QStringLiteral("B1"), QStringLiteral("A1")));
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0008"), QStringLiteral("B3"), QStringLiteral("A1")), "bad_state");
    auto r = books->checkInBatch({{QStringLiteral("BX0001"), ReturnCondition::Ok, {}},
                                  {QStringLiteral("NOPE"), ReturnCondition::Ok, {}},
                                  {QStringLiteral("BX0002"), ReturnCondition::Incomplete, QStringLiteral("缺 2 页")},
                                  {QStringLiteral("J001-WS-2022-0008-0001"), ReturnCondition::Ok, {}},
                                  {QStringLiteral("BX0003"), ReturnCondition::Ok, {}}},
                                 QStringLiteral("A1"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->done.size(), 3);
    ASSERT_EQ(r->refused.size(), 2);
    EXPECT_EQ(r->refused[0].index, 1);
    EXPECT_EQ(r->refused[0].code, QStringLiteral("not_found"));
    EXPECT_EQ(r->refused[1].code, QStringLiteral("bad_state"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NULL")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'incomplete'")), 1);
    EXPECT_TRUE(Ledger::verify(*db)->ok);
}

TEST_F(BooksFixture, LookupsForKioskAndReports) {
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    auto p = books->person(QStringLiteral("B1"));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->departmentName, QStringLiteral("办公室"));
    EXPECT_EQ(books->loansOf(QStringLiteral("B1"))->size(), 1);
    ASSERT_OK(books->request({QStringLiteral("B1"), QStringLiteral("BX0002"), {}, QStringLiteral("编史"), QStringLiteral("take_out")}));
    ASSERT_OK(books->request({QStringLiteral("B3"), QStringLiteral("BX0004"), {}, QStringLiteral("复核"), QStringLiteral("take_out")}));
    ASSERT_OK(books->request({QStringLiteral("B3"), QStringLiteral("BX0008"), {}, QStringLiteral("查"), QStringLiteral("take_out")}));
    EXPECT_EQ(books->requestsOf(QStringLiteral("B1"))->size(), 1);
    auto pick = books->pickList();
    ASSERT_TRUE(pick.ok());
    ASSERT_EQ(pick->size(), 2);  // BX0004 waits for review
    EXPECT_EQ(pick->at(0).location.barcode, QStringLiteral("S1-01"));
    EXPECT_EQ(pick->at(1).location.barcode, QStringLiteral("S1-02"));
    auto byFonds = books->holdings(Books::GroupBy::Fonds);
    ASSERT_TRUE(byFonds.ok());
    ASSERT_EQ(byFonds->size(), 1);
    EXPECT_EQ(byFonds->at(0).boxes, 8);
    EXPECT_EQ(byFonds->at(0).items, 11);
    EXPECT_EQ(byFonds->at(0).onLoan, 1);
    auto byRoom = books->holdings(Books::GroupBy::Room);
    ASSERT_TRUE(byRoom.ok());
    EXPECT_EQ(byRoom->at(0).label, QStringLiteral("一号库房"));
    EXPECT_EQ(books->holdings(Books::GroupBy::Category)->size(), 5);
    EXPECT_EQ(books->holdings(Books::GroupBy::Year)->size(), 8);
    const qint64 now = db->nowMs();
    auto months = books->loansPerMonth(now - 40LL * 24 * 3600 * 1000, now + 1000);
    ASSERT_TRUE(months.ok());
    qint64 loans = 0;
    for (const auto& m : months.value()) loans += m.loans;
    EXPECT_EQ(loans, 1);
    auto items = books->itemsOfBox(QStringLiteral("BX0002"));
    ASSERT_EQ(items->size(), 2);
    EXPECT_EQ(items->at(0).itemNo, 1);
}

TEST_F(BooksFixture, PinIsHashedAndLocksAfterFailures) {
    EXPECT_REFUSED(books->verifyPin(QStringLiteral("B1"), QStringLiteral("1234")), "no_pin");
    EXPECT_REFUSED(books->setPin(QStringLiteral("B1"), QStringLiteral("12ab"), QStringLiteral("B1")), "bad_input");
    EXPECT_REFUSED(books->setPin(QStringLiteral("B1"), QStringLiteral("1234"), QStringLiteral("B3")), "forbidden");
    ASSERT_OK(books->setSetting(QStringLiteral("pin_max_failures"), QStringLiteral("3"), QStringLiteral("A1")));
    ASSERT_OK(books->setPin(QStringLiteral("B1"), QStringLiteral("4321"), QStringLiteral("B1")));
    QSqlQuery q(db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT pin_hash FROM people WHERE card = 'B1'")) && q.next());
    EXPECT_TRUE(q.value(0).toString().startsWith(QStringLiteral("$argon2id$")));
    EXPECT_FALSE(q.value(0).toString().contains(QStringLiteral("4321")));
    ASSERT_OK(books->verifyPin(QStringLiteral("B1"), QStringLiteral("4321")));
    EXPECT_REFUSED(books->verifyPin(QStringLiteral("B1"), QStringLiteral("0000")), "pin_wrong");
    EXPECT_REFUSED(books->verifyPin(QStringLiteral("B1"), QString(10000, QLatin1Char('9'))), "pin_wrong");
    EXPECT_REFUSED(books->verifyPin(QStringLiteral("B1"), QStringLiteral("1111")), "pin_locked");
    EXPECT_REFUSED(books->verifyPin(QStringLiteral("B1"), QStringLiteral("4321")), "pin_locked");  // even the right PIN
    db->setClockOffsetMs(16LL * 60 * 1000);
    ASSERT_OK(books->verifyPin(QStringLiteral("B1"), QStringLiteral("4321")));
}

TEST_F(BooksFixture, BadInputsGiveClearMessagesAndChangeNothing) {
    const qint64 ledgerBefore = count(QStringLiteral("SELECT count(*) FROM ledger"));
    const QString huge(10000, QChar(0x6863));  // 10,000 × 档
    const QStringList nasty = {QString(), QStringLiteral("   "), huge, QStringLiteral("'; DROP TABLE boxes; --"),
                               QStringLiteral("BX0001' OR '1'='1"), QStringLiteral("\"\\%_*")};
    for (const QString& s : nasty) {
        int op = 0;
        for (auto r : {books->checkOutBox(s, QStringLiteral("B1"), QStringLiteral("A1")).ok(),
                       books->checkOutBox(QStringLiteral("BX0001"), s, QStringLiteral("A1")).ok(),
                       books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), s).ok(),
                       books->checkIn(s, QStringLiteral("A1")).ok(), books->renew(s, QStringLiteral("B1")).ok(),
                       books->moveBox(s, QStringLiteral("S1-02"), QStringLiteral("A1")).ok(),
                       books->moveBox(QStringLiteral("BX0001"), s, QStringLiteral("A1")).ok(), books->box(s).ok(),
                       books->person(s).ok(), books->item(s).ok(), books->markLost(s, QStringLiteral("A1"), {}).ok(),
                       books->request({QStringLiteral("B1"), s, {}, QStringLiteral("x"), QStringLiteral("take_out")}).ok(),
                       books->approve(-1, s).ok(), books->appraise(s, QStringLiteral("destroy"), QStringLiteral("r"), QStringLiteral("A1")).ok()})
            EXPECT_FALSE(r) << s.left(40).toStdString() << " operation #" << op++;
    }
    auto e = books->box(huge);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().code, QStringLiteral("bad_input"));
    EXPECT_TRUE(e.error().messageZh.contains(QStringLiteral("太长")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger")), ledgerBefore);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM boxes")), 8);
    EXPECT_EQ(boxState(QStringLiteral("BX0001")), QStringLiteral("in_place"));
    // Free text with quotes and SQL metacharacters is just text: stored verbatim.
    const QString purpose = QStringLiteral("'; DROP TABLE boxes; -- \"引号\" %_");
    auto req = books->request({QStringLiteral("B1"), QStringLiteral("BX0001"), {}, purpose, QStringLiteral("take_out")});
    ASSERT_TRUE(req.ok()) << req.errorMessage().toStdString();
    EXPECT_EQ(books->requestById(req->id)->purpose, purpose);
    EXPECT_REFUSED(books->request({QStringLiteral("B1"), QStringLiteral("BX0001"), {}, huge, QStringLiteral("take_out")}), "bad_input");
}

TEST_F(BooksFixture, ImportIsAllOrNothingWithEveryProblemListed) {
    QList<NewBox> rows(3);
    rows[0] = {QStringLiteral("NB1"), QStringLiteral("J001"), 2020, QStringLiteral("永久"), QStringLiteral("1"), 1, 5, {}, QStringLiteral("新盒"), QStringLiteral("文书"), QStringLiteral("S1-01")};
    rows[1] = {QStringLiteral("NB1"), QStringLiteral("J999"), 800, QStringLiteral("forever"), {}, 0, 0, {}, {}, QStringLiteral("WS"), QStringLiteral("NOWHERE")};
    rows[2] = {QString(), QStringLiteral("J001"), 2020, QStringLiteral("10y"), {}, 0, 0, {}, {}, QStringLiteral("XX"), {}};
    QList<RowProblem> problems;
    EXPECT_REFUSED(books->importBoxes(rows, QStringLiteral("test"), &problems), "bad_input");
    QStringList cols;
    for (const auto& p : problems) cols << QStringLiteral("%1:%2").arg(p.index).arg(p.column);
    for (const char* c : {"1:barcode", "1:fonds", "1:year", "1:retention", "1:location", "2:barcode", "2:category"})
        EXPECT_TRUE(cols.contains(QString::fromLatin1(c))) << c << " in " << cols.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM boxes WHERE barcode = 'NB1'")), 0);
    rows.removeLast();
    rows.removeLast();
    ASSERT_OK(books->importBoxes(rows, QStringLiteral("test")));
    EXPECT_EQ(books->box(QStringLiteral("NB1"))->retention, QStringLiteral("permanent"));
}
