// WAL checkpoints run on the archive's checkpoint thread (db/WalCheckpointer), not inside the COMMIT that pushed
// the log past 1,000 pages: the commit returns with the frames in the log, the thread copies them into the main
// file, and the log is reused from its start, so it does not grow with the number of large commits.
#include "BooksFixture.h"

#include "db/WalCheckpointer.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QThread>

using namespace archive::db;

namespace {
constexpr int kRowsPerCommit = 1500;  // 1,500 rows of 3 KB: well over 1,000 pages of 4 KB per commit

// Wait (not a timing assertion: a generous deadline for a thread that must act at all) until it has
// completed more than `n` checkpoints.
bool waitForCheckpoints(const WalCheckpointer& c, quint64 n) {
    QDeadlineTimer deadline(20000);
    while (c.completed() <= n && !deadline.hasExpired()) QThread::msleep(5);
    return c.completed() > n;
}

void bigCommit(Database& d, int round) {
    QSqlQuery q(d.sql());
    ASSERT_TRUE(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
    ASSERT_TRUE(q.prepare(QStringLiteral("INSERT INTO scratch(round, body) VALUES(?, ?)")));
    for (int i = 0; i < kRowsPerCommit; ++i) {
        q.bindValue(0, round);
        q.bindValue(1, QByteArray(3000, char('a' + (i + round) % 26)));
        ASSERT_TRUE(q.exec());
    }
    ASSERT_TRUE(q.exec(QStringLiteral("COMMIT")));
}
}  // namespace

TEST_F(BooksFixture, LargeCommitsAreCheckpointedByTheArchiveThreadAndTheLogIsReused) {
    if (pg()) GTEST_SKIP() << "write-ahead log checkpoints are SQLite's";
    auto checkpointer = WalCheckpointer::forFile(path);
    ASSERT_TRUE(checkpointer);
    QSqlQuery q(db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE scratch(id INTEGER PRIMARY KEY, round INTEGER, body BLOB)")));

    const QString wal = path + QStringLiteral("-wal");
    qint64 largestLog = 0;
    for (int round = 0; round < 8; ++round) {
        const quint64 before = checkpointer->completed();
        bigCommit(*db, round);
        largestLog = std::max(largestLog, QFileInfo(wal).size());
        ASSERT_TRUE(waitForCheckpoints(*checkpointer, before)) << "no checkpoint after commit " << round;
        // Everything in the log is in the main file now: a checkpoint from here has nothing left to copy.
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) && q.next());
        EXPECT_EQ(q.value(0).toInt(), 0);                          // not busy
        EXPECT_EQ(q.value(1).toInt(), q.value(2).toInt()) << "frames in the log vs. frames already copied";
        q.finish();
    }
    // Eight commits of ≈ 4.5 MB each: the log was reused from its start each time, not appended to 8 times.
    const qint64 oneCommit = qint64(kRowsPerCommit) * 3000;
    EXPECT_LT(largestLog, 3 * oneCommit) << "log grew to " << largestLog << " bytes";
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT round) FROM scratch")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 8 * kRowsPerCommit);
    EXPECT_EQ(q.value(1).toInt(), 8);
}

TEST_F(BooksFixture, EveryWritingConnectionToOneArchiveSharesOneCheckpointer) {
    if (pg()) GTEST_SKIP() << "write-ahead log checkpoints are SQLite's";
    auto other = openAgain();
    ASSERT_TRUE(other);
    auto first = WalCheckpointer::forFile(path);
    ASSERT_TRUE(first);
    EXPECT_EQ(first, WalCheckpointer::forFile(path));
    QTemporaryDir elsewhere;
    auto separate = Database::open(elsewhere.filePath(QStringLiteral("b.db")));
    ASSERT_TRUE(separate);
    EXPECT_NE(first, WalCheckpointer::forFile(elsewhere.filePath(QStringLiteral("b.db"))));
}
