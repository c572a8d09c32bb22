// Losing the server: killed with pg_ctl stop -m immediate (a power cut on the server) in the middle of
// writes, then started again on the same port. Nothing a client was told "stored" may be lost, and
// clients find the server again by themselves.
#include "Support.h"

#include "DbService.h"
#include "db/Ledger.h"
#include "db/Transaction.h"
#include "db/sync/Connection.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <iostream>
#include <set>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace archive;
using namespace archive::db;
using namespace pgops;

// A writer thread appends ledger entries, each with a reading, one transaction each, and remembers which
// commits returned OK. The server is killed while it writes and restarted; every confirmed entry must be
// there afterwards, the chain must verify, and a new connection works.
TEST(ServerLoss, ConfirmedWritesSurviveAnImmediateKill) {
    REQUIRE_PG(server);
    const QString url = server->createDatabase(QStringLiteral("kill"));
    {
        auto db = openDb(url);
        ASSERT_TRUE(db);
        ReadingStore store(*db);
        ASSERT_TRUE(store.addReadings(makeReadings(QStringLiteral("sim:kill"), 1000, 1)).ok());
    }
    std::atomic<int> confirmed{0};
    std::atomic<bool> failedOnce{false};
    QMutex mutex;
    std::set<qint64> confirmedSeqs;
    QString lastError;
    QThread* writer = QThread::create([&] {
        auto r = Database::open(url);
        if (!r) return;
        auto& db = *r.value();
        for (int i = 0; i < 100000 && !failedOnce; ++i) {
            Transaction tx(db);
            if (!tx.begun()) { failedOnce = true; lastError = tx.begun().error().detail; break; }
            LedgerEntry e;
            e.actor = QStringLiteral("test");
            e.action = QStringLiteral("test.write");
            e.subject = QStringLiteral("n:%1").arg(i);
            auto seq = Ledger::append(db, e);
            QSqlQuery q(db.sql());
            q.prepare(QStringLiteral("INSERT INTO readings(sensor_id, at, t, rh, flags) "
                                     "VALUES ((SELECT id FROM sensors WHERE sensor_key = 'sim:kill'), ?, 2000, 5000, 0)"));
            q.addBindValue(qint64(10000 + i));
            const bool inserted = seq.ok() && q.exec();
            if (!inserted) { failedOnce = true; break; }
            auto c = tx.commit();
            if (!c) { failedOnce = true; lastError = c.error().detail; break; }
            QMutexLocker lk(&mutex);
            confirmedSeqs.insert(seq.value());
            ++confirmed;
        }
    });
    writer->start();
    // Let it confirm some writes, then pull the plug while it is writing.
    ASSERT_TRUE(QTest::qWaitFor([&] { return confirmed.load() >= 50 || failedOnce.load(); }, 120000));
    ASSERT_FALSE(failedOnce.load()) << lastError.toStdString();
    ASSERT_TRUE(server->killImmediate());
    ASSERT_TRUE(writer->wait(60000));
    delete writer;
    EXPECT_TRUE(failedOnce.load());  // the writer noticed: its next write was not confirmed

    // While it is down: a new connection is refused with the "server unreachable" error.
    {
        auto r = Database::open(url);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, QStringLiteral("server_unreachable"));
    }
    ASSERT_TRUE(server->restart());
    auto db = openDb(url);
    ASSERT_TRUE(db);
    const int n = confirmed.load();
    ASSERT_GE(n, 50);
    for (qint64 seq : confirmedSeqs)
        ASSERT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM ledger WHERE seq = %1").arg(seq)), 1) << seq;
    // Each confirmed ledger entry's reading is there too (same transaction); at most the one in flight
    // beyond them may have committed without its confirmation reaching the client.
    const qint64 readings = scalar(*db, QStringLiteral("SELECT count(*) FROM readings WHERE at >= 10000"));
    EXPECT_GE(readings, n);
    EXPECT_LE(readings, n + 1);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'test.write'")), readings);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok) << v->reason.toStdString();
}

// The libpq connect options of Database::open are in effect on the connection's socket: keepalive probes after
// 1 s, every 1 s, 2 lost, and a 1.5 s TCP user timeout — read back from the kernel.
TEST(ServerLoss, PingAndTunedSocket) {
    REQUIRE_PG(server);
    const QString url = server->createDatabase(QStringLiteral("ping"));
    auto db = openDb(url);
    ASSERT_TRUE(db);
    const int fd = sync::socketOf(*db);
    ASSERT_GE(fd, 0);
    int on = 0, idle = 0, interval = 0, count = 0;
    unsigned int userTimeout = 0;
    socklen_t len = sizeof on;
    ASSERT_EQ(getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, &len), 0);
    len = sizeof idle;
    ASSERT_EQ(getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, &len), 0);
    len = sizeof interval;
    ASSERT_EQ(getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval, &len), 0);
    len = sizeof count;
    ASSERT_EQ(getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, &len), 0);
    len = sizeof userTimeout;
    ASSERT_EQ(getsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeout, &len), 0);
    EXPECT_EQ(on, 1);
    EXPECT_EQ(idle, 1);
    EXPECT_EQ(interval, 1);
    EXPECT_EQ(count, 2);
    EXPECT_EQ(userTimeout, 1500u);
    EXPECT_TRUE(sync::ping(*db));
    ASSERT_TRUE(server->killImmediate());
    EXPECT_FALSE(sync::ping(*db));
    ASSERT_TRUE(server->restart());
    EXPECT_FALSE(sync::ping(*db));  // the old connection stays dead: clients must reconnect
    auto again = openDb(url);
    ASSERT_TRUE(again);
    EXPECT_TRUE(sync::ping(*again));
}

// The kiosk's db worker: reports the server unreachable (state transition), refuses work meanwhile with
// "server unreachable", reconnects by itself when it returns; writes confirmed before are all there.
TEST(KioskDbService, NoticesTheLostServerRefusesWorkAndReconnects) {
    REQUIRE_PG(server);
    const QString url = server->createDatabase(QStringLiteral("kiosk"));
    {
        auto db = openDb(url);  // schema first
        ASSERT_TRUE(db);
    }
    kiosk::DbService svc;
    QList<bool> transitions;
    QObject::connect(&svc, &kiosk::DbService::reachableChanged, [&] { transitions << svc.reachable(); });
    svc.open(url);
    ASSERT_TRUE(QTest::qWaitFor([&] { return svc.ready(); }, 60000));
    EXPECT_TRUE(svc.reachable());

    QObject ctx;
    auto write = [&](const QString& subject) {
        std::optional<Result<qint64>> out;
        svc.run<qint64>(&ctx, [subject](Database& d) -> Result<qint64> {
            Transaction tx(d);
            if (!tx.begun()) return tx.begun().error();
            LedgerEntry e;
            e.actor = QStringLiteral("kiosk-test");
            e.action = QStringLiteral("test.kiosk");
            e.subject = subject;
            auto seq = Ledger::append(d, e);
            if (!seq) return seq.error();
            if (auto c = tx.commit(); !c) return c.error();
            return seq.value();
        }, [&](Result<qint64> r) { out = r; });
        EXPECT_TRUE(QTest::qWaitFor([&] { return out.has_value(); }, 60000));
        return out.value_or(Result<qint64>(makeError(QStringLiteral("timeout"), {}, {})));
    };
    auto first = write(QStringLiteral("before"));
    ASSERT_TRUE(first.ok()) << first.errorMessage().toStdString();

    QElapsedTimer sinceKill;
    ASSERT_TRUE(server->killImmediate());
    sinceKill.start();
    // The heartbeat notices by itself (no work is posted).
    ASSERT_TRUE(QTest::qWaitFor([&] { return !svc.reachable(); }, 30000));
    // Informational only (not asserted; the machine is shared): how long after pg_ctl returned.
    std::cout << "[ figure ] unreachable noticed " << sinceKill.elapsed() << " ms after the kill returned" << std::endl;
    ASSERT_EQ(transitions, QList<bool>{false});
    // Work while the server is away: refused with the clear message, never confirmed.
    auto during = write(QStringLiteral("during"));
    ASSERT_FALSE(during.ok());
    EXPECT_EQ(during.error().code, QStringLiteral("server_unreachable"));
    EXPECT_TRUE(during.error().messageZh.contains(QStringLiteral("无法连接档案服务器")));

    ASSERT_TRUE(server->restart());
    QElapsedTimer sinceRestart;
    sinceRestart.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return svc.reachable(); }, 60000));
    std::cout << "[ figure ] reconnected " << sinceRestart.elapsed() << " ms after the restart returned" << std::endl;
    EXPECT_EQ(transitions, (QList<bool>{false, true}));
    auto after = write(QStringLiteral("after"));
    ASSERT_TRUE(after.ok()) << after.errorMessage().toStdString();

    auto db = openDb(url);
    ASSERT_TRUE(db);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM ledger WHERE subject = 'before'")), 1);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM ledger WHERE subject = 'during'")), 0);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM ledger WHERE subject = 'after'")), 1);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
}

// A failed query (not only the heartbeat) marks the server lost at once.
TEST(KioskDbService, AFailedQueryReportsTheServerLost) {
    REQUIRE_PG(server);
    const QString url = server->createDatabase(QStringLiteral("kquery"));
    kiosk::DbService svc;
    svc.open(url);
    ASSERT_TRUE(QTest::qWaitFor([&] { return svc.ready(); }, 60000));
    // Keep the worker busy so the heartbeat cannot run first: the kill happens while this work sleeps,
    // and its query afterwards fails.
    std::atomic<bool> started{false};
    std::optional<Result<int>> out;
    QObject ctx;
    svc.run<int>(&ctx, [&started](Database& d) -> Result<int> {
        started = true;
        QThread::msleep(1500);
        QSqlQuery q(d.sql());
        if (!q.exec(QStringLiteral("SELECT count(*) FROM ledger"))) return sqlError(q.lastError(), QStringLiteral("count"));
        return 1;
    }, [&](Result<int> r) { out = r; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return started.load(); }, 30000));
    ASSERT_TRUE(server->killImmediate());
    ASSERT_TRUE(QTest::qWaitFor([&] { return out.has_value(); }, 60000));
    ASSERT_FALSE(out->ok());
    EXPECT_EQ(out->error().code, QStringLiteral("server_unreachable"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !svc.reachable(); }, 30000));
    ASSERT_TRUE(server->restart());
    EXPECT_TRUE(QTest::qWaitFor([&] { return svc.reachable(); }, 60000));
}

// A kiosk started while the server is down: the band shows at once, work is answered "server unreachable",
// and the kiosk comes up by itself when the server starts.
TEST(KioskDbService, StartsWhileTheServerIsDownAndComesUpByItself) {
    REQUIRE_PG(server);
    const QString url = server->createDatabase(QStringLiteral("kstart"));
    ASSERT_TRUE(server->killImmediate());
    kiosk::DbService svc;
    svc.open(url);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !svc.reachable(); }, 60000));
    EXPECT_FALSE(svc.ready());
    std::optional<Result<int>> out;
    QObject ctx;
    svc.run<int>(&ctx, [](Database&) -> Result<int> { return 1; }, [&](Result<int> r) { out = r; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return out.has_value(); }, 60000));
    ASSERT_FALSE(out->ok());
    EXPECT_EQ(out->error().code, QStringLiteral("server_unreachable"));

    ASSERT_TRUE(server->restart());
    ASSERT_TRUE(QTest::qWaitFor([&] { return svc.ready() && svc.reachable(); }, 60000));
    out.reset();
    svc.run<int>(&ctx, [](Database& d) -> Result<int> { return d.schemaVersion(); }, [&](Result<int> r) { out = r; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return out.has_value(); }, 60000));
    ASSERT_TRUE(out->ok()) << out->errorMessage().toStdString();
    EXPECT_GT(out->value(), 0);  // the schema was created by the kiosk's own open after the restart
}
