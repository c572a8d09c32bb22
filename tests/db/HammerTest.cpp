// Several kiosks at once (issue 8): 4 processes check the same boxes out and in, make and cancel requests,
// each on its own connection. Afterwards every box's state matches its open loans, no box is lent twice, every
// confirmed operation is in the books and in the ledger, and the ledger verifies. Runs on SQLite and PostgreSQL.
#include "BooksFixture.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace archive::db;

namespace {
const QStringList kBoxes = {QStringLiteral("BX0001"), QStringLiteral("BX0002"), QStringLiteral("BX0008")};
const QStringList kBorrowers = {QStringLiteral("B1"), QStringLiteral("B2"), QStringLiteral("B3")};
// Refusals a kiosk may rightly get when another kiosk was faster (the box is already out / already back).
bool expectedRefusal(const archive::Error& e) {
    return e.code == QLatin1String("bad_state") || e.code == QLatin1String("not_found");
}
}  // namespace

// test_db --child-hammer LOCATION SEED ROUNDS: prints "out N in M req R cancel C"; exit 1 on any unexpected error.
int hammerMain(int argc, char** argv) {
    if (argc < 5) return 3;
    auto d = Database::open(QString::fromLocal8Bit(argv[2]));
    if (!d) {
        std::fprintf(stderr, "open: %s\n", qPrintable(d.errorMessage()));
        return 2;
    }
    Books books(*d.value());
    QRandomGenerator rng(quint32(QString::fromLocal8Bit(argv[3]).toUInt()));
    const int rounds = QString::fromLocal8Bit(argv[4]).toInt();
    int out = 0, in = 0, req = 0, cancelled = 0, unexpected = 0;
    auto fail = [&](const char* what, const archive::Error& e) {
        ++unexpected;
        std::fprintf(stderr, "%s: %s %s (%s)\n", what, qPrintable(e.code), qPrintable(e.messageEn), qPrintable(e.detail));
    };
    for (int i = 0; i < rounds; ++i) {
        const QString box = kBoxes[rng.bounded(int(kBoxes.size()))];
        const QString who = kBorrowers[rng.bounded(int(kBorrowers.size()))];
        switch (rng.bounded(3)) {
        case 0: {
            auto r = books.checkOutBox(box, who, QStringLiteral("A1"));
            if (r) ++out;
            else if (!expectedRefusal(r.error())) fail("checkout", r.error());
            break;
        }
        case 1: {
            auto r = books.checkIn(box, QStringLiteral("A1"));
            if (r) ++in;
            else if (!expectedRefusal(r.error())) fail("checkin", r.error());
            break;
        }
        default: {
            NewRequest n{who, box, {}, QStringLiteral("并发测试"), QStringLiteral("on_site")};
            auto r = books.request(n);
            if (!r) {
                if (!expectedRefusal(r.error()) && r.error().code != QLatin1String("R8")) fail("request", r.error());
                break;
            }
            ++req;
            auto c = books.cancelRequest(r->id, who);
            if (c) ++cancelled;
            else fail("cancel", c.error());
            break;
        }
        }
    }
    std::printf("out %d in %d req %d cancel %d\n", out, in, req, cancelled);
    return unexpected == 0 ? 0 : 1;
}

TEST_F(BooksFixture, SeveralKiosksHammerTheSameBoxes) {
    const int kiosks = 4, rounds = 60;
    QList<QProcess*> procs;
    for (int k = 0; k < kiosks; ++k) {
        auto* p = new QProcess;
        p->setProcessChannelMode(QProcess::SeparateChannels);
        p->start(QString::fromUtf8(TEST_DB_BINARY), {QStringLiteral("--child-hammer"), path, QString::number(17 + k), QString::number(rounds)});
        procs << p;
    }
    int out = 0, in = 0, req = 0, cancelled = 0;
    for (QProcess* p : procs) {
        ASSERT_TRUE(p->waitForStarted(10000));
        ASSERT_TRUE(p->waitForFinished(300000));
        const QString err = QString::fromUtf8(p->readAllStandardError());
        EXPECT_EQ(p->exitStatus(), QProcess::NormalExit);
        EXPECT_EQ(p->exitCode(), 0) << err.toStdString();
        const QStringList f = QString::fromUtf8(p->readAllStandardOutput()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        ASSERT_EQ(f.size(), 8) << f.join(QLatin1Char(' ')).toStdString();
        out += f[1].toInt();
        in += f[3].toInt();
        req += f[5].toInt();
        cancelled += f[7].toInt();
    }
    qDeleteAll(procs);
    EXPECT_GT(out, 0);
    EXPECT_GT(in, 0);
    // Every confirmed operation is in the books, once.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans")), out);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NOT NULL")), in);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM requests WHERE purpose = '并发测试'")), req);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM requests WHERE purpose = '并发测试' AND state = 'cancelled'")), cancelled);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'checkout'")), out);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'checkin'")), in);
    // No box lent twice; each box's state matches its open loans.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM (SELECT box_id FROM loans WHERE returned_at IS NULL"
                                   " GROUP BY box_id HAVING count(*) > 1) x")), 0);
    for (const QString& b : kBoxes) {
        const qint64 open = count(QStringLiteral("SELECT count(*) FROM loans l JOIN boxes b ON b.id = l.box_id"
                                                 " WHERE b.barcode = '%1' AND l.returned_at IS NULL").arg(b));
        EXPECT_EQ(boxState(b), open == 1 ? QStringLiteral("on_loan") : QStringLiteral("in_place")) << b.toStdString();
    }
    // Intervals of loans of one box never overlap.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans a JOIN loans b ON a.box_id = b.box_id AND a.id < b.id"
                                   " WHERE b.out_at < coalesce(a.returned_at, b.out_at + 1)")), 0);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok()) << v.errorMessage().toStdString();
    EXPECT_TRUE(v->ok) << v->firstBadSeq << " " << v->reason.toStdString();
}

// Two (here: four) kiosks scan the same box at the same moment: exactly one lends it, every other one gets the
// ordinary "already on loan" refusal — never an SQL or lock error.
TEST_F(BooksFixture, SameBoxAtTheSameMomentOnlyOneCheckOutSucceeds) {
    constexpr int kKiosks = 4;
    for (int round = 0; round < 5; ++round) {
        const QString box = kBoxes[round % kBoxes.size()];
        std::atomic<int> ready{0};
        std::atomic<bool> go{false};
        QList<QThread*> threads;
        std::vector<archive::Result<LoanInfo>> results(kKiosks, archive::Result<LoanInfo>(archive::makeError(QStringLiteral("not_run"), {}, {})));
        for (int k = 0; k < kKiosks; ++k) {
            threads << QThread::create([&, k] {
                auto d = Database::open(path);
                ++ready;
                if (!d) {
                    results[k] = d.error();
                    return;
                }
                Books kiosk(*d.value());
                kiosk.box(box);  // warm the connection's statements, as a kiosk that is already running
                while (!go.load()) QThread::yieldCurrentThread();
                results[k] = kiosk.checkOutBox(box, kBorrowers[k % kBorrowers.size()], QStringLiteral("A1"));
            });
            threads.last()->start();
        }
        while (ready.load() < kKiosks) QThread::yieldCurrentThread();
        go = true;
        for (QThread* t : threads) {
            t->wait();
            delete t;
        }
        int ok = 0;
        for (const auto& r : results) {
            if (r.ok()) {
                ++ok;
                continue;
            }
            EXPECT_EQ(r.error().code, QStringLiteral("bad_state")) << r.error().detail.toStdString();
            EXPECT_TRUE(r.error().messageEn.contains(QStringLiteral("already on loan"))) << r.error().messageEn.toStdString();
            EXPECT_TRUE(r.error().messageZh.contains(QStringLiteral("已借出"))) << r.error().messageZh.toStdString();
        }
        EXPECT_EQ(ok, 1) << "round " << round;
        EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans l JOIN boxes b ON b.id = l.box_id WHERE b.barcode = '%1'"
                                       " AND l.returned_at IS NULL").arg(box)),
                  1);
        ASSERT_OK(books->checkIn(box, QStringLiteral("A1")));
    }
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
}
