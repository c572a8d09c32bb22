// The pick list's ticks (调卷单) are books operations: Books::pickRequest / pickBox write a ledger "pick" per
// request in one transaction, pickList() builds the ticks from those entries (so another connection — another
// kiosk, or the same kiosk after a restart — sees them), and every refusal is a value that changes nothing.
#include "BooksFixture.h"

using namespace archive;
using namespace archive::db;

namespace {
qint64 idOf(const Result<RequestInfo>& r) { return r.ok() ? r->id : 0; }
}  // namespace

TEST_F(BooksFixture, PickTicksAreLedgeredAndSeenByEveryConnection) {
    const QString a1 = QStringLiteral("A1");
    auto r1 = books->request({QStringLiteral("B1"), QStringLiteral("BX0001"), {}, QStringLiteral("编史"), QStringLiteral("take_out")});
    auto r1b = books->request({QStringLiteral("B3"), QStringLiteral("BX0001"), {}, QStringLiteral("核对"), QStringLiteral("on_site")});
    auto r2 = books->request({QStringLiteral("B1"), QStringLiteral("BX0002"), {}, QStringLiteral("编史"), QStringLiteral("take_out")});
    auto pending = books->request({QStringLiteral("B1"), QStringLiteral("BX0004"), {}, QStringLiteral("复核"), QStringLiteral("take_out")});
    ASSERT_OK(r1);
    ASSERT_OK(r1b);
    ASSERT_OK(r2);
    ASSERT_OK(pending);
    ASSERT_EQ(r1->state, QStringLiteral("approved"));
    ASSERT_EQ(pending->state, QStringLiteral("pending"));  // KJ needs review (R5)

    auto list = books->pickList();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 3);
    for (const RequestInfo& q : list.value()) EXPECT_EQ(q.pickedAt, 0) << q.id;

    const qint64 ledgerBefore = count(QStringLiteral("SELECT count(*) FROM ledger"));
    // Refusals, each a value; none of them writes anything.
    EXPECT_REFUSED(books->pickRequest(idOf(pending), QStringLiteral("BX0004"), a1), "bad_state");
    EXPECT_REFUSED(books->pickRequest(idOf(r1), QStringLiteral("BX0002"), a1), "wrong_box");
    EXPECT_REFUSED(books->pickRequest(idOf(r1), QStringLiteral("BX0001"), QStringLiteral("B1")), "forbidden");
    EXPECT_REFUSED(books->pickRequest(999999, QStringLiteral("BX0001"), a1), "not_found");
    EXPECT_REFUSED(books->pickRequest(idOf(r1), QStringLiteral(" "), a1), "bad_input");
    EXPECT_REFUSED(books->pickBox(QStringLiteral("BX0005"), a1), "not_on_pick_list");
    EXPECT_REFUSED(books->pickBox(QStringLiteral("NOPE"), a1), "not_found");
    {
        auto wrong = books->pickRequest(idOf(r1), QStringLiteral("BX0002"), a1);
        ASSERT_FALSE(wrong.ok());
        EXPECT_TRUE(wrong.error().messageZh.contains(QStringLiteral("BX0001"))) << wrong.error().messageZh.toStdString();
        EXPECT_TRUE(wrong.error().messageEn.contains(QStringLiteral("S1-01"))) << wrong.error().messageEn.toStdString();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger")), ledgerBefore);

    // One request picked by id.
    auto p1 = books->pickRequest(idOf(r1), QStringLiteral("BX0001"), a1);
    ASSERT_OK(p1);
    EXPECT_GT(p1->pickedAt, 0);
    EXPECT_EQ(p1->pickedByCard, a1);
    EXPECT_EQ(p1->pickedByName, QStringLiteral("王档案"));
    EXPECT_EQ(p1->state, QStringLiteral("approved"));  // picking changes no state; lending fulfils it
    {
        auto again = books->pickRequest(idOf(r1), QStringLiteral("BX0001"), a1);
        ASSERT_FALSE(again.ok());
        EXPECT_EQ(again.error().code, QStringLiteral("already_picked"));
        EXPECT_TRUE(again.error().messageZh.contains(QStringLiteral("王档案")));
    }
    // Scanning the box picks the other request waiting for it, and only that one.
    auto byBox = books->pickBox(QStringLiteral("BX0001"), a1);
    ASSERT_OK(byBox);
    ASSERT_EQ(byBox->size(), 1);
    EXPECT_EQ(byBox->first().id, idOf(r1b));
    EXPECT_GT(byBox->first().pickedAt, 0);
    EXPECT_REFUSED(books->pickBox(QStringLiteral("BX0001"), a1), "already_picked");

    // The ledger holds one "pick" per request, naming the box and the shelf.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'pick'")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger")), ledgerBefore + 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'pick' AND actor = 'A1' AND subject = 'request:%1'"
                                   " AND details LIKE '%\"box\":\"BX0001\"%' AND details LIKE '%\"location\":\"S1-01\"%'")
                        .arg(idOf(r1))),
              1);

    // Another connection (a second kiosk, or this one restarted) builds the same ticks from the books.
    auto other = openAgain();
    ASSERT_TRUE(other);
    Books otherBooks(*other);
    auto seen = otherBooks.pickList();
    ASSERT_TRUE(seen.ok());
    ASSERT_EQ(seen->size(), 3);
    for (const RequestInfo& q : seen.value()) {
        const bool shouldBePicked = q.id == idOf(r1) || q.id == idOf(r1b);
        EXPECT_EQ(q.pickedAt > 0, shouldBePicked) << q.id;
        if (shouldBePicked) EXPECT_EQ(q.pickedByName, QStringLiteral("王档案"));
    }
    // ... and refuses a second pick there too.
    EXPECT_REFUSED(otherBooks.pickRequest(idOf(r1b), QStringLiteral("BX0001"), QStringLiteral("A1")), "already_picked");
    ASSERT_OK(otherBooks.pickRequest(idOf(r2), QStringLiteral("BX0002"), QStringLiteral("A1")));
    other.reset();

    // Lending the picked box for its request fulfils the request: it leaves the pick list and cannot be picked.
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), a1, idOf(r1)));
    auto after = books->pickList();
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->size(), 2);
    for (const RequestInfo& q : after.value()) {
        EXPECT_NE(q.id, idOf(r1));
        EXPECT_GT(q.pickedAt, 0) << q.id;  // r1b and r2 keep their ticks
    }
    EXPECT_REFUSED(books->pickRequest(idOf(r1), QStringLiteral("BX0001"), a1), "bad_state");
    EXPECT_TRUE(Ledger::verify(*db)->ok);
}

// A tick can be undone (the wrong box was scanned, or the box went back on its shelf): Books::unpickRequest appends
// an "unpick" — the "pick" stays in the append-only ledger — and the latest pick/unpick of a request decides its
// tick, on this connection and on every other one. Refusals are values that write nothing; the request can be
// picked again afterwards, and undone again.
TEST_F(BooksFixture, PickTickCanBeUndoneOnEveryConnection) {
    const QString a1 = QStringLiteral("A1");
    const QString why = QStringLiteral("扫错了档案盒 / Wrong box scanned");
    auto r1 = books->request({QStringLiteral("B1"), QStringLiteral("BX0001"), {}, QStringLiteral("编史"), QStringLiteral("take_out")});
    auto r2 = books->request({QStringLiteral("B1"), QStringLiteral("BX0002"), {}, QStringLiteral("编史"), QStringLiteral("take_out")});
    auto pending = books->request({QStringLiteral("B1"), QStringLiteral("BX0004"), {}, QStringLiteral("复核"), QStringLiteral("take_out")});
    ASSERT_OK(r1);
    ASSERT_OK(r2);
    ASSERT_OK(pending);
    ASSERT_EQ(pending->state, QStringLiteral("pending"));
    ASSERT_OK(books->pickRequest(idOf(r1), QStringLiteral("BX0001"), a1));

    const qint64 ledgerBefore = count(QStringLiteral("SELECT count(*) FROM ledger"));
    // Refusals, each a value naming what to do; none writes anything.
    EXPECT_REFUSED(books->unpickRequest(999999, a1, why), "not_found");
    EXPECT_REFUSED(books->unpickRequest(idOf(pending), a1, why), "bad_state");
    EXPECT_REFUSED(books->unpickRequest(idOf(r1), QStringLiteral("B1"), why), "forbidden");  // a borrower, no archivist role
    EXPECT_REFUSED(books->unpickRequest(idOf(r1), QStringLiteral("NOBODY"), why), "not_found");
    EXPECT_REFUSED(books->unpickRequest(idOf(r1), a1, QStringLiteral("  ")), "bad_input");
    EXPECT_REFUSED(books->unpickRequest(idOf(r1), a1, QString(501, QChar(u'错'))), "bad_input");
    {
        auto notTicked = books->unpickRequest(idOf(r2), a1, why);
        ASSERT_FALSE(notTicked.ok());
        EXPECT_EQ(notTicked.error().code, QStringLiteral("not_picked"));
        EXPECT_TRUE(notTicked.error().messageZh.contains(QStringLiteral("BX0002"))) << notTicked.error().messageZh.toStdString();
        EXPECT_TRUE(notTicked.error().messageEn.contains(QStringLiteral("not ticked"))) << notTicked.error().messageEn.toStdString();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger")), ledgerBefore);

    // Undone by another staff member (the head may do what an archivist does).
    auto undone = books->unpickRequest(idOf(r1), QStringLiteral("H1"), why);
    ASSERT_OK(undone);
    EXPECT_EQ(undone->id, idOf(r1));
    EXPECT_EQ(undone->pickedAt, 0);
    EXPECT_TRUE(undone->pickedByCard.isEmpty());
    EXPECT_EQ(undone->state, QStringLiteral("approved"));  // still on the pick list, to be fetched again
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger")), ledgerBefore + 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'pick' AND subject = 'request:%1'").arg(idOf(r1))), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'unpick' AND actor = 'H1' AND subject = 'request:%1'"
                                   " AND details LIKE '%\"box\":\"BX0001\"%' AND details LIKE '%\"location\":\"S1-01\"%'"
                                   " AND details LIKE '%\"picked_by\":\"A1\"%' AND details LIKE '%扫错了档案盒%'")
                        .arg(idOf(r1))),
              1);
    EXPECT_REFUSED(books->unpickRequest(idOf(r1), a1, why), "not_picked");  // a second undo has nothing to undo
    {
        auto list = books->pickList();
        ASSERT_TRUE(list.ok());
        ASSERT_EQ(list->size(), 2);
        for (const RequestInfo& q : list.value()) EXPECT_EQ(q.pickedAt, 0) << q.id;
    }

    // Another connection (a second kiosk, or this one restarted) shows it unticked and ticks it again by scanning.
    {
        auto other = openAgain();
        ASSERT_TRUE(other);
        Books otherBooks(*other);
        auto seen = otherBooks.pickList();
        ASSERT_TRUE(seen.ok());
        ASSERT_EQ(seen->size(), 2);
        for (const RequestInfo& q : seen.value()) EXPECT_EQ(q.pickedAt, 0) << q.id;
        EXPECT_REFUSED(otherBooks.unpickRequest(idOf(r1), a1, why), "not_picked");
        auto again = otherBooks.pickBox(QStringLiteral("BX0001"), QStringLiteral("H1"));
        ASSERT_OK(again);
        ASSERT_EQ(again->size(), 1);
        EXPECT_EQ(again->first().id, idOf(r1));
        EXPECT_GT(again->first().pickedAt, 0);
        EXPECT_EQ(again->first().pickedByCard, QStringLiteral("H1"));  // the new tick is the latest pick's
    }
    {
        auto list = books->pickList();
        ASSERT_TRUE(list.ok());
        for (const RequestInfo& q : list.value()) {
            EXPECT_EQ(q.pickedAt > 0, q.id == idOf(r1)) << q.id;
            if (q.id == idOf(r1)) EXPECT_EQ(q.pickedByName, QStringLiteral("李主任"));
        }
    }
    EXPECT_REFUSED(books->pickRequest(idOf(r1), QStringLiteral("BX0001"), a1), "already_picked");
    // Undo and tick again once more: pick, unpick, pick, unpick, pick — the latest wins every time.
    ASSERT_OK(books->unpickRequest(idOf(r1), a1, QStringLiteral("档案盒已放回架上 / Box put back on its shelf")));
    ASSERT_OK(books->pickRequest(idOf(r1), QStringLiteral("BX0001"), a1));
    {
        auto other = openAgain();
        ASSERT_TRUE(other);
        auto seen = Books(*other).pickList();
        ASSERT_TRUE(seen.ok());
        for (const RequestInfo& q : seen.value()) {
            EXPECT_EQ(q.pickedAt > 0, q.id == idOf(r1)) << q.id;
            if (q.id == idOf(r1)) EXPECT_EQ(q.pickedByCard, a1);
        }
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'pick' AND subject = 'request:%1'").arg(idOf(r1))), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'unpick' AND subject = 'request:%1'").arg(idOf(r1))), 2);

    // A ticked request that was cancelled is off the list: nothing to undo.
    ASSERT_OK(books->pickRequest(idOf(r2), QStringLiteral("BX0002"), a1));
    ASSERT_OK(books->cancelRequest(idOf(r2), a1));
    EXPECT_REFUSED(books->unpickRequest(idOf(r2), a1, why), "bad_state");
    // Handed out: lending the box fulfils the request, and its tick can no longer be undone.
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), a1, idOf(r1)));
    {
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM ledger"));
        auto handedOut = books->unpickRequest(idOf(r1), a1, why);
        ASSERT_FALSE(handedOut.ok());
        EXPECT_EQ(handedOut.error().code, QStringLiteral("bad_state"));
        EXPECT_TRUE(handedOut.error().messageZh.contains(QStringLiteral("已借出"))) << handedOut.error().messageZh.toStdString();
        EXPECT_TRUE(handedOut.error().messageEn.contains(QStringLiteral("handed out"))) << handedOut.error().messageEn.toStdString();
        EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger")), before);
    }
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
}
