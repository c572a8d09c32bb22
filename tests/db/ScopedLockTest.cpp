// Races that the narrower PostgreSQL locks of db/Transaction.h must not open (issue 8): a whole-box check-out and
// check-outs of the box's own files at the same moment, and a check-out racing the cancellation of the request it
// relies on (R4). Each kiosk is a thread on its own connection; runs on SQLite and PostgreSQL. A scheme that
// locked an item apart from its box, or let a check-out interleave with a decision on its request, fails here.
#include "BooksFixture.h"

#include <QSqlQuery>
#include <QRandomGenerator>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <functional>

using namespace archive::db;

namespace {
const QString kBox = QStringLiteral("BX0001");
const QString kItem1 = QStringLiteral("J001-WS-2010-0001-0001");
const QString kItem2 = QStringLiteral("J001-WS-2010-0001-0002");

bool expectedRefusal(const archive::Error& e) { return e.code == QLatin1String("bad_state"); }

// Runs the loops at once, each on its own connection; returns how many unexpected errors they met.
int runKiosks(const QString& location, const QList<std::function<int(Books&)>>& loops) {
    std::atomic<int> ready{0}, unexpected{0};
    std::atomic<bool> go{false};
    QList<QThread*> threads;
    for (const auto& loop : loops) {
        threads << QThread::create([&, loop] {
            auto d = Database::open(location);
            ++ready;
            if (!d) {
                ++unexpected;
                return;
            }
            Books books(*d.value());
            while (!go) QThread::yieldCurrentThread();
            unexpected += loop(books);
        });
        threads.back()->start();
    }
    while (ready.load() < int(loops.size())) QThread::msleep(1);
    go = true;
    for (QThread* t : threads) {
        t->wait();
        delete t;
    }
    return unexpected.load();
}
}  // namespace

// R2 and the box/item rule: a box lent as a whole has none of its files out on their own, and the other way round.
TEST_F(BooksFixture, WholeBoxAndItsOwnFilesAreNeverOutAtOnce) {
    const int rounds = 40;
    auto boxLoop = [&](Books& b) {
        QRandomGenerator jitter{quint32(reinterpret_cast<quintptr>(&b))};
        int bad = 0;
        for (int i = 0; i < rounds; ++i) {
            // Spread over the files' loops (below), so the box is tried at moments with both files in.
            if (i) QThread::usleep(1000 + jitter.bounded(4000));
            auto out = b.checkOutBox(kBox, QStringLiteral("B1"), QStringLiteral("A1"));
            if (!out && !expectedRefusal(out.error())) {
                ++bad;
                std::fprintf(stderr, "box out: %s (%s)\n", qPrintable(out.error().code), qPrintable(out.error().detail));
            }
            auto in = b.checkIn(kBox, QStringLiteral("A1"));
            if (!in && !expectedRefusal(in.error())) ++bad;
        }
        return bad;
    };
    auto itemLoop = [&](const QString& item, const QString& who) {
        return [&, item, who](Books& b) {
            QRandomGenerator jitter(quint32(qHash(item)));
            int bad = 0;
            for (int i = 0; i < rounds; ++i) {
                auto out = b.checkOutItems({item}, who, QStringLiteral("A1"));
                if (!out && !expectedRefusal(out.error())) {
                    ++bad;
                    std::fprintf(stderr, "item out: %s (%s)\n", qPrintable(out.error().code), qPrintable(out.error().detail));
                }
                auto in = b.checkIn(item, QStringLiteral("A1"));
                if (!in && !expectedRefusal(in.error())) ++bad;
                // Writers of one process take turns (db/WriterGate.h); a random pause keeps the loops from moving in
                // lockstep and leaves each file in for a few milliseconds, so there are moments with both files in
                // and the whole box can go out (with pauses of 0–3 ms the box loops were sometimes never let in).
                QThread::usleep(2000 + jitter.bounded(4000));
            }
            return bad;
        };
    };
    EXPECT_EQ(runKiosks(path, {boxLoop, itemLoop(kItem1, QStringLiteral("B3")), itemLoop(kItem2, QStringLiteral("B1")),
                               boxLoop}),
              0);

    // Replay the ledger in chain order (the order the writes committed): never the whole box and a file of it out.
    QSqlQuery q(db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT action, subject FROM ledger WHERE action IN ('checkout','checkin') ORDER BY seq")));
    bool boxOut = false;
    int itemsOut = 0, boxLoans = 0, itemLoans = 0;
    while (q.next()) {
        const bool out = q.value(0).toString() == QLatin1String("checkout");
        const QString subject = q.value(1).toString();
        if (subject == QLatin1String("box:") + kBox) {
            ASSERT_NE(boxOut, out) << "box lent twice or returned twice";
            boxOut = out;
            if (out) ++boxLoans;
        } else {
            itemsOut += out ? 1 : -1;
            ASSERT_GE(itemsOut, 0);
            if (out) ++itemLoans;
        }
        ASSERT_FALSE(boxOut && itemsOut > 0) << "the box was lent while one of its files was out (" << subject.toStdString() << ")";
    }
    EXPECT_GT(boxLoans, 0);
    EXPECT_GT(itemLoans, 0);
    EXPECT_EQ(boxState(kBox), QStringLiteral("in_place"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NULL")), 0);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok) << v->firstBadSeq << " " << v->reason.toStdString();
}

// R4: a confidential box is lent only on a request the head approved and that is still standing. The borrower
// withdraws the approved request at the moment the archivist lends on it: exactly one of the two happens.
TEST_F(BooksFixture, CheckOutAndCancellingItsRequestAtOnceNeverBothSucceed) {
    const QString box = QStringLiteral("BX0003");  // 机密: needs the head's approval (R4)
    int lent = 0, cancelled = 0;
    for (int round = 0; round < 12; ++round) {
        auto req = books->request({QStringLiteral("B1"), box, {}, QStringLiteral("竞争测试"), QStringLiteral("take_out")});
        ASSERT_OK(req);
        ASSERT_OK(books->approve(req->id, QStringLiteral("H1"), QStringLiteral("同意")));
        const qint64 id = req->id;
        std::atomic<bool> outOk{false}, cancelOk{false};
        std::atomic<int> odd{0};
        const int bad = runKiosks(path, {
            [&](Books& b) {
                auto r = b.checkOutBox(box, QStringLiteral("B1"), QStringLiteral("A1"), id);
                if (r) outOk = true;
                else if (r.error().code != QLatin1String("bad_state") && r.error().code != QLatin1String("R4")) {
                    ++odd;
                    std::fprintf(stderr, "checkout: %s (%s)\n", qPrintable(r.error().code), qPrintable(r.error().detail));
                }
                return 0;
            },
            [&](Books& b) {
                auto c = b.cancelRequest(id, QStringLiteral("B1"));
                if (c) cancelOk = true;
                else if (c.error().code != QLatin1String("bad_state")) ++odd;
                return 0;
            },
        });
        ASSERT_EQ(bad, 0);
        ASSERT_EQ(odd.load(), 0);
        ASSERT_NE(outOk.load(), cancelOk.load()) << "round " << round << ": lent " << outOk << ", cancelled " << cancelOk;
        const qint64 openLoans = count(QStringLiteral("SELECT count(*) FROM loans l JOIN boxes b ON b.id = l.box_id"
                                                      " WHERE b.barcode = 'BX0003' AND l.returned_at IS NULL"));
        if (outOk) {
            ++lent;
            EXPECT_EQ(openLoans, 1);
            EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM requests WHERE id = %1 AND state = 'fulfilled'").arg(id)), 1);
            ASSERT_OK(books->checkIn(box, QStringLiteral("A1")));
        } else {
            ++cancelled;
            EXPECT_EQ(openLoans, 0);
            EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM requests WHERE id = %1 AND state = 'cancelled'").arg(id)), 1);
        }
    }
    std::printf("lent %d, cancelled %d\n", lent, cancelled);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
}
