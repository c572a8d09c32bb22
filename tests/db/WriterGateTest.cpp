// SQLite writers of one process queue on the archive file's gate (db/WriterGate.h) before BEGIN IMMEDIATE:
// every connection to the file shares it, a second writer waits for the first and then writes, and one that
// waits longer than the busy timeout gets the ordinary "busy, nothing saved" refusal.
#include "BooksFixture.h"

#include "db/Transaction.h"
#include "db/WriterGate.h"

#include <QSqlQuery>

#include <future>

using namespace archive::db;
using archive::Status;

TEST_F(BooksFixture, WritersOfOneFileShareOneGate) {
    if (pg()) GTEST_SKIP() << "the gate queues SQLite writers of one process";
    auto other = openAgain();
    ASSERT_TRUE(other);
    ASSERT_NE(db->writerGate(), nullptr);
    EXPECT_EQ(db->writerGate(), other->writerGate());
    EXPECT_EQ(writerGateFor(path).get(), db->writerGate());
}

TEST_F(BooksFixture, ASecondWriterWaitsForTheFirstThenWrites) {
    if (pg()) GTEST_SKIP() << "the gate queues SQLite writers of one process";
    QSqlQuery setup(db->sql());
    ASSERT_TRUE(setup.exec(QStringLiteral("CREATE TABLE gate_log(n INTEGER)")));
    Transaction first(*db);
    ASSERT_TRUE(first.begun().ok());
    auto second = std::async(std::launch::async, [this] {
        auto conn = openAgain();  // its own connection, on its own thread
        Transaction t(*conn);
        if (!t.begun()) return QStringLiteral("begin: ") + t.begun().errorMessage();
        QSqlQuery q(conn->sql());
        if (!q.exec(QStringLiteral("INSERT INTO gate_log VALUES (2)"))) return QStringLiteral("insert");
        auto st = t.commit();
        return st.ok() ? QString() : QStringLiteral("commit: ") + st.errorMessage();
    });
    QSqlQuery q(db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO gate_log VALUES (1)")));
    ASSERT_TRUE(first.commit().ok());
    EXPECT_EQ(second.get(), QString());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT group_concat(n) FROM (SELECT n FROM gate_log ORDER BY rowid)")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("1,2"));  // the second wrote after the first committed
}

TEST_F(BooksFixture, AWriterWaitingLongerThanTheBusyTimeoutIsRefusedAsBusy) {
    if (pg()) GTEST_SKIP() << "the gate queues SQLite writers of one process";
    Transaction holder(*db);
    ASSERT_TRUE(holder.begun().ok());
    auto waiter = std::async(std::launch::async, [this] {
        OpenOptions o;
        o.busyTimeoutMs = 200;
        auto conn = Database::open(path, o);
        if (!conn) return Status(conn.error());
        Transaction t(**conn);
        return t.begun();
    });
    const Status st = waiter.get();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, QStringLiteral("busy"));
    EXPECT_FALSE(st.error().messageZh.isEmpty());
    EXPECT_FALSE(st.error().messageEn.isEmpty());
    holder.rollback();
}
