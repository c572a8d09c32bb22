// Each rule R1–R12 (domain.md): try to break it, expect the refusal code; then the allowed path.
#include "BooksFixture.h"

#include <QProcess>
#include <QSqlQuery>

using namespace archive::db;

static constexpr qint64 kDay = 24LL * 3600 * 1000;

TEST_F(BooksFixture, R1_NoLoanWithoutLoanPeriod) {
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0007"), QStringLiteral("B1"), QStringLiteral("A1")), "R1");
    EXPECT_EQ(boxState(QStringLiteral("BX0007")), QStringLiteral("in_place"));
    auto l = books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1"));
    ASSERT_TRUE(l.ok());
    EXPECT_GT(l->dueAt, l->outAt);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans WHERE due_at IS NULL")), 0);
}

TEST_F(BooksFixture, R2_NoMoveOfALentBoxAndEveryMoveLogged) {
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    EXPECT_REFUSED(books->moveBox(QStringLiteral("BX0001"), QStringLiteral("S1-02"), QStringLiteral("A1")), "R2");
    EXPECT_REFUSED(books->moveBox(QStringLiteral("BX0002"), QStringLiteral("S1-02"), QStringLiteral("B1")), "forbidden");
    const qint64 before = count(QStringLiteral("SELECT count(*) FROM box_moves"));
    ASSERT_OK(books->moveBox(QStringLiteral("BX0002"), QStringLiteral("S1-02"), QStringLiteral("A1")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM box_moves")), before + 1);
    QSqlQuery q(db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT m.actor, f.barcode, t.barcode, m.at FROM box_moves m JOIN boxes b ON b.id = m.box_id"
                                      " LEFT JOIN locations f ON f.id = m.from_location_id JOIN locations t ON t.id = m.to_location_id"
                                      " WHERE b.barcode = 'BX0002' ORDER BY m.id DESC LIMIT 1")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("A1"));
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("S1-01"));
    EXPECT_EQ(q.value(2).toString(), QStringLiteral("S1-02"));
    EXPECT_GT(q.value(3).toLongLong(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'move' AND subject = 'box:BX0002'")), 1);
    EXPECT_EQ(books->box(QStringLiteral("BX0002"))->location.barcode, QStringLiteral("S1-02"));
}

TEST_F(BooksFixture, R3_InRoomOnlyIsReadOnSiteOrCopied) {
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0006"), QStringLiteral("B1"), QStringLiteral("A1")), "R3");
    EXPECT_REFUSED(books->checkOutItems({QStringLiteral("J001-LZ-2012-0006-0001")}, QStringLiteral("B1"), QStringLiteral("A1")), "R3");
    EXPECT_REFUSED(books->request({QStringLiteral("B1"), QStringLiteral("BX0006"), {}, QStringLiteral("查阅林权"), QStringLiteral("take_out")}), "R3");
    OnSiteUse use;
    use.code = QStringLiteral("BX0006");
    use.personCard = QStringLiteral("B1");
    use.staffCard = QStringLiteral("A1");
    use.purpose = QStringLiteral("核对林权");
    ASSERT_OK(books->recordOnSiteUse(use));
    use.kind = QStringLiteral("copy");
    use.pages = 0;
    EXPECT_REFUSED(books->recordOnSiteUse(use), "bad_input");
    use.pages = 3;
    ASSERT_OK(books->recordOnSiteUse(use));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM onsite_uses")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action IN ('onsite.reading','onsite.copy')")), 2);
    EXPECT_EQ(boxState(QStringLiteral("BX0006")), QStringLiteral("in_place"));
}

TEST_F(BooksFixture, R4_ConfidentialNeedsTheHeadsApproval) {
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0003"), QStringLiteral("B1"), QStringLiteral("A1")), "R4");
    auto req = books->request({QStringLiteral("B1"), QStringLiteral("BX0003"), {}, QStringLiteral("干部考察"), QStringLiteral("take_out")});
    ASSERT_TRUE(req.ok()) << req.errorMessage().toStdString();
    EXPECT_EQ(req->state, QStringLiteral("pending"));
    EXPECT_TRUE(req->needsHead);
    EXPECT_EQ(req->pendingRoles, QStringList{QStringLiteral("head")});
    // Still refused while pending; the message names the request.
    auto r = books->checkOutBox(QStringLiteral("BX0003"), QStringLiteral("B1"), QStringLiteral("A1"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("R4"));
    EXPECT_TRUE(r.error().messageEn.contains(QStringLiteral("#%1").arg(req->id))) << r.error().messageEn.toStdString();
    EXPECT_TRUE(r.error().messageZh.contains(QStringLiteral("档案室负责人")));
    // An archivist or the leader cannot stand in for the head.
    EXPECT_REFUSED(books->approve(req->id, QStringLiteral("A1")), "R4");
    EXPECT_REFUSED(books->approve(req->id, QStringLiteral("L1")), "R4");
    ASSERT_EQ(books->pendingApprovals(QStringLiteral("H1"))->size(), 1);
    EXPECT_TRUE(books->pendingApprovals(QStringLiteral("A1"))->isEmpty());
    auto ok = books->approve(req->id, QStringLiteral("H1"), QStringLiteral("同意"));
    ASSERT_TRUE(ok.ok()) << ok.errorMessage().toStdString();
    EXPECT_EQ(ok->state, QStringLiteral("approved"));
    // Approved for B1 only: B3 is still refused.
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0003"), QStringLiteral("B3"), QStringLiteral("A1")), "R4");
    auto loan = books->checkOutBox(QStringLiteral("BX0003"), QStringLiteral("B1"), QStringLiteral("A1"));
    ASSERT_TRUE(loan.ok()) << loan.errorMessage().toStdString();
    EXPECT_EQ(loan->requestId, req->id);
    EXPECT_EQ(books->requestById(req->id)->state, QStringLiteral("fulfilled"));
    // Personnel category (needs_head) works the same way.
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0005"), QStringLiteral("B1"), QStringLiteral("A1")), "R4");
}

TEST_F(BooksFixture, R5_ReviewByAnAuthorisedArchivist) {
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0004"), QStringLiteral("B1"), QStringLiteral("A1")), "R5");
    auto req = books->request({QStringLiteral("B1"), QStringLiteral("BX0004"), {}, QStringLiteral("工程复核"), QStringLiteral("take_out")});
    ASSERT_TRUE(req.ok());
    EXPECT_TRUE(req->needsReview);
    EXPECT_REFUSED(books->approve(req->id, QStringLiteral("B3")), "R5");
    EXPECT_REFUSED(books->approve(req->id, QStringLiteral("B1")), "forbidden");  // own request
    ASSERT_OK(books->approve(req->id, QStringLiteral("A1")));
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0004"), QStringLiteral("B1"), QStringLiteral("A1")));
}

TEST_F(BooksFixture, R6_ExternalBorrowersReadOnSiteWithTheLeadersApproval) {
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("E1"), QStringLiteral("A1")), "R6");
    EXPECT_REFUSED(books->request({QStringLiteral("E1"), QStringLiteral("BX0001"), {}, QStringLiteral("查证"), QStringLiteral("take_out")}), "R6");
    OnSiteUse use{QStringLiteral("reading"), QStringLiteral("BX0001"), QStringLiteral("E1"), QStringLiteral("A1"), 0, QStringLiteral("查证"), 0};
    EXPECT_REFUSED(books->recordOnSiteUse(use), "R6");
    auto req = books->request({QStringLiteral("E1"), QStringLiteral("BX0001"), {}, QStringLiteral("查证"), QStringLiteral("on_site")});
    ASSERT_TRUE(req.ok()) << req.errorMessage().toStdString();
    EXPECT_TRUE(req->needsLeader);
    EXPECT_REFUSED(books->approve(req->id, QStringLiteral("H1")), "R6");
    ASSERT_OK(books->approve(req->id, QStringLiteral("L1")));
    // Approved for reading on site, still not for taking out.
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("E1"), QStringLiteral("A1")), "R6");
    ASSERT_OK(books->recordOnSiteUse(use));
}

TEST_F(BooksFixture, R7_DepartmentPermissionProfile) {
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0004"), QStringLiteral("B2"), QStringLiteral("A1")), "R7");
    EXPECT_REFUSED(books->request({QStringLiteral("B2"), QStringLiteral("BX0005"), {}, QStringLiteral("查"), QStringLiteral("take_out")}), "R7");
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B2"), QStringLiteral("A1")));
}

TEST_F(BooksFixture, R8_OverdueBlocksAndRenewalsAreLimited) {
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    ASSERT_OK(books->renew(QStringLiteral("BX0001"), QStringLiteral("B1")));
    EXPECT_REFUSED(books->renew(QStringLiteral("BX0001"), QStringLiteral("B1")), "R8");  // max_renewals = 1
    // Someone else's request blocks renewal.
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0002"), QStringLiteral("B1"), QStringLiteral("A1")));
    ASSERT_OK(books->request({QStringLiteral("B3"), QStringLiteral("BX0002"), {}, QStringLiteral("也要看"), QStringLiteral("take_out")}));
    EXPECT_REFUSED(books->renew(QStringLiteral("BX0002"), QStringLiteral("B1")), "R8");
    // 61 days later BX0001 (due after 60 days) is overdue: no new loans for B1.
    db->setClockOffsetMs(61 * kDay);
    auto od = books->overdue();
    ASSERT_TRUE(od.ok());
    ASSERT_GE(od->size(), 1);
    EXPECT_TRUE(od->first().overdue);
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0008"), QStringLiteral("B1"), QStringLiteral("A1")), "R8");
    EXPECT_REFUSED(books->request({QStringLiteral("B1"), QStringLiteral("BX0008"), {}, QStringLiteral("再借"), QStringLiteral("take_out")}), "R8");
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0008"), QStringLiteral("B3"), QStringLiteral("A1")));
}

TEST_F(BooksFixture, R9_DamageLossAndLongOverdueMakeIncidents) {
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    auto in = books->checkIn(QStringLiteral("BX0001"), QStringLiteral("A1"), ReturnCondition::Damaged, QStringLiteral("水渍"));
    ASSERT_TRUE(in.ok());
    EXPECT_GT(in->incidentId, 0);
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0002"), QStringLiteral("B1"), QStringLiteral("A1")));
    ASSERT_OK(books->checkIn(QStringLiteral("BX0002"), QStringLiteral("A1"), ReturnCondition::Lost));
    EXPECT_EQ(boxState(QStringLiteral("BX0002")), QStringLiteral("missing"));
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0008"), QStringLiteral("B3"), QStringLiteral("A1")));
    db->setClockOffsetMs(100 * kDay);  // 70 days overdue > 30-day threshold
    auto late = books->checkIn(QStringLiteral("BX0008"), QStringLiteral("A1"));
    ASSERT_TRUE(late.ok());
    EXPECT_GT(late->incidentId, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM incidents i JOIN people p ON p.id = i.person_id WHERE p.card = 'B1'"
                                   " AND i.kind IN ('damaged','lost')")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM incidents i JOIN people p ON p.id = i.person_id WHERE p.card = 'B3'"
                                   " AND i.kind = 'overdue'")), 1);
    // An on-time, intact return makes none.
    db->setClockOffsetMs(0);
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B3"), QStringLiteral("A1")));
    auto fine = books->checkIn(QStringLiteral("BX0001"), QStringLiteral("A1"));
    ASSERT_TRUE(fine.ok());
    EXPECT_EQ(fine->incidentId, 0);
}

TEST_F(BooksFixture, R10_TransferCompletesOnlyWhenReconciled) {
    QList<TransferLine> reg = {{QStringLiteral("T-0001"), QStringLiteral("移交文件一"), 2024, 10, {}},
                               {QStringLiteral("T-0002"), QStringLiteral("移交文件二"), 2024, 12, {}},
                               {QStringLiteral("T-0003"), QStringLiteral("移交文件三"), 2024, 8, {}}};
    auto id = books->openTransfer(QStringLiteral("YJ-2024-01"), QStringLiteral("FIN"), QStringLiteral("刘会计"),
                                  QStringLiteral("财务科长"), reg, QStringLiteral("A1"));
    ASSERT_TRUE(id.ok()) << id.errorMessage().toStdString();
    EXPECT_REFUSED(books->completeTransfer(*id, QStringLiteral("A1")), "R10");  // nothing received yet
    ASSERT_OK(books->receiveTransferLines(*id, {{QStringLiteral("T-0001"), QStringLiteral("移交文件一"), 2024, 10, QStringLiteral("TB0001")},
                                                {QStringLiteral("T-0002"), QStringLiteral("移交文件二"), 2024, 11, QStringLiteral("TB0001")},
                                                {QStringLiteral("T-0009"), QStringLiteral("多出的文件"), 2024, 3, {}}},
                                          QStringLiteral("A1")));
    auto refused = books->completeTransfer(*id, QStringLiteral("A1"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, QStringLiteral("R10"));
    EXPECT_TRUE(refused.error().detail.contains(QStringLiteral("T-0003 missing")));
    EXPECT_EQ(books->transfer(*id)->state, QStringLiteral("open"));
    auto done = books->completeTransfer(*id, QStringLiteral("A1"), QStringLiteral("T-0003 待补交；T-0009 退回；T-0002 页数以实物为准"),
                                        {QStringLiteral("S1-02"), QStringLiteral("J001"), QStringLiteral("WS"), {}});  // TransferTest.cpp: what goes in
    ASSERT_TRUE(done.ok()) << done.errorMessage().toStdString();
    EXPECT_EQ(done->state, QStringLiteral("complete"));
    ASSERT_EQ(done->differences.size(), 3);
    QStringList kinds;
    for (const auto& d : done->differences) kinds << d.archivalCode + QLatin1Char(':') + d.kind;
    kinds.sort();
    EXPECT_EQ(kinds, (QStringList{QStringLiteral("T-0002:mismatch"), QStringLiteral("T-0003:missing"), QStringLiteral("T-0009:extra")}));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM transfer_lines WHERE status = 'matched'")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'transfer_difference'")), 3);
    EXPECT_REFUSED(books->receiveTransferLines(*id, {{QStringLiteral("T-0003"), {}, 2024, 8, {}}}, QStringLiteral("A1")), "bad_state");
}

TEST_F(BooksFixture, R11_DestructionOnlyAfterAppraisalAndApproval) {
    EXPECT_REFUSED(books->appraise(QStringLiteral("BX0003"), QStringLiteral("destroy"), QStringLiteral("过期"), QStringLiteral("A1")), "R11");  // permanent
    EXPECT_REFUSED(books->appraise(QStringLiteral("BX0002"), QStringLiteral("destroy"), QStringLiteral("过期"), QStringLiteral("A1")), "R11");  // 2020+30
    auto a = books->appraise(QStringLiteral("BX0001"), QStringLiteral("destroy"), QStringLiteral("保管期限已满，无保存价值"), QStringLiteral("A1"));
    ASSERT_TRUE(a.ok()) << a.errorMessage().toStdString();
    EXPECT_REFUSED(books->destroy(a->id, QStringLiteral("A1"), QStringLiteral("监销人甲"), QStringLiteral("粉碎")), "R11");  // not approved
    EXPECT_REFUSED(books->approveAppraisal(a->id, QStringLiteral("A1")), "R11");  // not the head
    ASSERT_OK(books->approveAppraisal(a->id, QStringLiteral("H1")));
    ASSERT_OK(books->destroy(a->id, QStringLiteral("A1"), QStringLiteral("监销人甲"), QStringLiteral("粉碎")));
    EXPECT_EQ(boxState(QStringLiteral("BX0001")), QStringLiteral("destroyed"));
    // Nothing deleted: the rows are still there, marked.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM items i JOIN boxes b ON b.id = i.box_id WHERE b.barcode = 'BX0001' AND i.state = 'destroyed'")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM destructions")), 1);
    // A destroyed box can never be lent again.
    EXPECT_REFUSED(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")), "R11");
    EXPECT_REFUSED(books->checkOutItems({QStringLiteral("J001-WS-2010-0001-0001")}, QStringLiteral("B1"), QStringLiteral("A1")), "R11");
    EXPECT_REFUSED(books->request({QStringLiteral("B1"), QStringLiteral("BX0001"), {}, QStringLiteral("再看"), QStringLiteral("take_out")}), "R11");
    EXPECT_REFUSED(books->destroy(a->id, QStringLiteral("A1"), QStringLiteral("监销人甲"), QStringLiteral("粉碎")), "bad_state");
}

TEST_F(BooksFixture, R12_LedgerRefusesChangesAndVerifyNamesTheTamperedRow) {
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    ASSERT_OK(books->checkIn(QStringLiteral("BX0001"), QStringLiteral("A1")));
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    ASSERT_TRUE(v->ok);
    const qint64 rows = v->rowsChecked;
    ASSERT_GT(rows, 5);
    QSqlQuery q(db->sql());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE ledger SET actor = 'X' WHERE seq = 3")));
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM ledger WHERE seq = 3")));
    if (pg()) EXPECT_FALSE(q.exec(QStringLiteral("TRUNCATE ledger")));  // refused by a statement trigger (SQLite has no TRUNCATE)
    // The database shell, as an attacker would use it: drop (disable) the trigger, change one row.
    const bool onPg = pg();
    db.reset();
    books.reset();
    const qint64 target = rows - 1;
    QProcess sh;
    if (onPg)
        sh.start(QStringLiteral("psql"), {QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), path, QStringLiteral("-c"),
                                          QStringLiteral("ALTER TABLE ledger DISABLE TRIGGER ledger_no_update; UPDATE ledger SET details = "
                                                         "replace(details, 'B1', 'B9') WHERE seq = %1;").arg(target)});
    else
        sh.start(QStringLiteral("sqlite3"), {path, QStringLiteral("DROP TRIGGER ledger_no_update; UPDATE ledger SET details = "
                                                                  "replace(details, 'B1', 'B9') WHERE seq = %1;").arg(target)});
    ASSERT_TRUE(sh.waitForFinished(30000));
    ASSERT_EQ(sh.exitCode(), 0) << sh.readAllStandardError().toStdString();
    db = openAgain();
    ASSERT_TRUE(db);
    auto bad = Ledger::verify(*db);
    ASSERT_TRUE(bad.ok());
    EXPECT_FALSE(bad->ok);
    EXPECT_EQ(bad->firstBadSeq, target);
    EXPECT_EQ(bad->reason, QStringLiteral("hash mismatch"));
}
