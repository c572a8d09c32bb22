// Several writers on one file (the kiosk and archivectl): no "database is locked" may reach a user.
// A child process (this binary with --child) and threads in this process check boxes out and in at once.
#include "BooksFixture.h"

#include <QProcess>
#include <QThread>
#include <atomic>
#include <cstdio>

using namespace archive::db;

namespace {
// Loops check-out/check-in of one box; returns the number of failures (and prints them).
int loanLoop(const QString& path, const QString& box, const QString& borrower, int rounds) {
    auto d = Database::open(path);
    if (!d) {
        std::fprintf(stderr, "open: %s\n", qPrintable(d.errorMessage()));
        return rounds;
    }
    Books books(*d.value());
    int failures = 0;
    for (int i = 0; i < rounds; ++i) {
        auto out = books.checkOutBox(box, borrower, QStringLiteral("A1"));
        if (!out) {
            ++failures;
            std::fprintf(stderr, "checkout %s: %s (%s)\n", qPrintable(box), qPrintable(out.error().code), qPrintable(out.error().detail));
            continue;
        }
        auto in = books.checkIn(box, QStringLiteral("A1"));
        if (!in) {
            ++failures;
            std::fprintf(stderr, "checkin %s: %s (%s)\n", qPrintable(box), qPrintable(in.error().code), qPrintable(in.error().detail));
        }
    }
    return failures;
}
}  // namespace

int hammerMain(int argc, char** argv);  // HammerTest.cpp

// test_db --child PATH BOX BORROWER ROUNDS   (or --child-hammer …, HammerTest.cpp)
int childMain(int argc, char** argv) {
    if (qstrcmp(argv[1], "--child-hammer") == 0) return hammerMain(argc, argv);
    if (argc < 6) return 3;
    const int failures = loanLoop(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                                  QString::fromLocal8Bit(argv[4]), QString::fromLocal8Bit(argv[5]).toInt());
    return failures == 0 ? 0 : 1;
}

TEST_F(BooksFixture, TwoProcessesAndThreadsWriteAtOnceWithoutLockErrors) {
    const int rounds = 60;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QString::fromUtf8(TEST_DB_BINARY),
                {QStringLiteral("--child"), path, QStringLiteral("BX0008"), QStringLiteral("B3"), QString::number(rounds)});
    ASSERT_TRUE(child.waitForStarted(10000));
    std::atomic<int> threadFailures{0};
    QThread* t = QThread::create([&] { threadFailures += loanLoop(path, QStringLiteral("BX0001"), QStringLiteral("B2"), rounds); });
    t->start();
    // This thread too, on the fixture's own connection.
    int mine = 0;
    for (int i = 0; i < rounds; ++i) {
        if (!books->checkOutBox(QStringLiteral("BX0002"), QStringLiteral("B1"), QStringLiteral("A1"))) ++mine;
        if (!books->checkIn(QStringLiteral("BX0002"), QStringLiteral("A1"))) ++mine;
    }
    t->wait();
    delete t;
    ASSERT_TRUE(child.waitForFinished(120000));
    EXPECT_EQ(child.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(child.exitCode(), 0);
    EXPECT_EQ(threadFailures.load(), 0);
    EXPECT_EQ(mine, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NOT NULL")), 3 * rounds);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok) << v->firstBadSeq << " " << v->reason.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM ledger WHERE action IN ('checkout','checkin')")), 6 * rounds);
}
