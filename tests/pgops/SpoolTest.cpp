// The local reading spool (db/sync/ReadingSpool) and `archivectl sensors log` while the server is away:
// readings are kept locally and arrive when it is back — no duplicates, no gaps, order preserved.
#include "Support.h"

#include "db/sync/ReadingSpool.h"

#include <QDateTime>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace archive;
using namespace archive::db;
using namespace pgops;

namespace {
qint64 spoolCount(const QString& path) {
    const QString name = QStringLiteral("spool-peek");
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM spool")) && q.next()) n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}
}  // namespace

TEST(ReadingSpool, KeepsOrderAndIgnoresDuplicatesLocally) {
    QTemporaryDir dir;
    auto sp = sync::ReadingSpool::open(dir.filePath(QStringLiteral("spool.db")));
    ASSERT_TRUE(sp.ok()) << sp.errorMessage().toStdString();
    auto& spool = *sp.value();
    const auto a = makeReadings(QStringLiteral("sim:a"), 5000, 10);
    ASSERT_TRUE(spool.append(a).ok());
    ASSERT_TRUE(spool.append(a.mid(5)).ok());  // the same readings again (e.g. a retried tick)
    auto ext = makeReadings(QStringLiteral("sim:a"), 5000, 2);
    for (auto& r : ext) r.probe = QStringLiteral("external");  // same time, other probe: a different reading
    ASSERT_TRUE(spool.append(ext).ok());
    ASSERT_EQ(spool.size().value(), 12);
    auto rows = spool.peek(100);
    ASSERT_TRUE(rows.ok());
    for (int i = 0; i < 10; ++i) EXPECT_EQ(rows->at(i).atMs, 5000 + i * 1000);
    EXPECT_EQ(rows->at(10).probe, QStringLiteral("external"));
    EXPECT_DOUBLE_EQ(rows->at(3).tempC, a[3].tempC);
}

// The archive is killed while the spool is being flushed; the spool keeps what was not committed, and
// after the restart the second flush completes: every reading exactly once.
TEST(ReadingSpool, FlushSurvivesTheServerDyingHalfWay) {
    REQUIRE_PG(server);
    const QString url = server->createDatabase(QStringLiteral("spool"));
    QTemporaryDir dir;
    auto sp = sync::ReadingSpool::open(dir.filePath(QStringLiteral("spool.db")));
    ASSERT_TRUE(sp.ok());
    auto& spool = *sp.value();
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 2000 * 1000;
    ASSERT_TRUE(spool.append(makeReadings(QStringLiteral("sim:s1"), t0, 1000)).ok());
    ASSERT_TRUE(spool.append(makeReadings(QStringLiteral("sim:s2"), t0, 1000)).ok());
    {
        auto db = openDb(url);
        ASSERT_TRUE(db);
        ReadingStore store(*db);
        // Some of them already reached the archive earlier (a flush whose spool delete was lost).
        ASSERT_TRUE(store.addReadings(makeReadings(QStringLiteral("sim:s1"), t0, 150)).ok());
        // First flush: 20 batches, the 150 readings the archive already had are not stored twice.
        auto first = spool.flush(store, 100);
        ASSERT_TRUE(first.ok()) << first.errorMessage().toStdString();
        EXPECT_EQ(first->sent, 2000);
        EXPECT_EQ(first->stored, 1850);
        EXPECT_EQ(first->left, 0);
    }
    // Again with new readings, and this time the server goes away before the flush.
    ASSERT_TRUE(spool.append(makeReadings(QStringLiteral("sim:s1"), t0 + 1000 * 1000, 500)).ok());
    {
        auto db = openDb(url);
        ASSERT_TRUE(db);
        ReadingStore store(*db);
        ASSERT_TRUE(server->killImmediate());
        auto failed = spool.flush(store, 100);
        ASSERT_FALSE(failed.ok());
        EXPECT_EQ(spool.size().value(), 500);  // nothing lost from the spool
    }
    ASSERT_TRUE(server->restart());
    auto db = openDb(url);
    ASSERT_TRUE(db);
    ReadingStore store(*db);
    auto second = spool.flush(store, 100);
    ASSERT_TRUE(second.ok()) << second.errorMessage().toStdString();
    EXPECT_EQ(second->left, 0);
    // sim:s1: t0 .. t0 + 1499 s, every second once (overlap of the two series counted once).
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM readings r JOIN sensors s ON s.id = r.sensor_id "
                                         "WHERE s.sensor_key = 'sim:s1'")), 1500);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(DISTINCT r.at) FROM readings r JOIN sensors s ON s.id = r.sensor_id "
                                         "WHERE s.sensor_key = 'sim:s1'")), 1500);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT (max(r.at) - min(r.at)) / 1000 + 1 FROM readings r "
                                         "JOIN sensors s ON s.id = r.sensor_id WHERE s.sensor_key = 'sim:s1'")), 1500);
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM readings r JOIN sensors s ON s.id = r.sensor_id "
                                         "WHERE s.sensor_key = 'sim:s2'")), 1000);
}

// The systemd logger: `archivectl sensors log` on a PostgreSQL archive; the server is killed while it
// logs and started again; afterwards the archive holds every reading of the outage, once, without gaps.
TEST(SensorsLogSpool, ReadingsTakenWhileTheServerIsAwayArriveLater) {
    REQUIRE_PG(server);
    const QString url = server->createDatabase(QStringLiteral("logger"));
    {
        auto db = openDb(url);
        ASSERT_TRUE(db);
    }
    QTemporaryDir dir;
    const QString spoolPath = dir.filePath(QStringLiteral("spool.db"));
    QProcess logger;
    logger.setProcessEnvironment(cliEnvironment());
    logger.start(QStringLiteral(ARCHIVECTL_BIN), {QStringLiteral("--db"), url, QStringLiteral("sensors"), QStringLiteral("log"),
                                                 QStringLiteral("--simulate"), QStringLiteral("2"), QStringLiteral("--interval"),
                                                 QStringLiteral("1"), QStringLiteral("--spool"), spoolPath});
    ASSERT_TRUE(logger.waitForStarted(30000));
    auto stored = [&]() -> qint64 {
        auto r = Database::open(url);
        if (!r) return -1;
        QSqlQuery q(r.value()->sql());
        return q.exec(QStringLiteral("SELECT count(*) FROM readings")) && q.next() ? q.value(0).toLongLong() : -1;
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return stored() >= 6; }, 120000)) << logger.readAllStandardError().toStdString();
    ASSERT_TRUE(server->killImmediate());
    // The logger keeps polling into its spool while the server is away: wait for several readings there.
    ASSERT_TRUE(QTest::qWaitFor([&] { return spoolCount(spoolPath) >= 16; }, 120000));
    ASSERT_TRUE(server->restart());
    // … and sends them when it is back (the spool empties), then keeps logging straight through.
    ASSERT_TRUE(QTest::qWaitFor([&] { return spoolCount(spoolPath) == 0; }, 120000));
    const qint64 afterFlush = stored();
    ASSERT_TRUE(QTest::qWaitFor([&] { return stored() >= afterFlush + 4; }, 120000));
    logger.terminate();  // SIGTERM: the logger stops cleanly
    ASSERT_TRUE(logger.waitForFinished(60000));
    const QString err = QString::fromUtf8(logger.readAllStandardError());
    EXPECT_EQ(logger.exitCode(), 0) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("archive server unreachable"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("archive server is back"))) << err.toStdString();
    EXPECT_EQ(spoolCount(spoolPath), 0);

    auto db = openDb(url);
    ASSERT_TRUE(db);
    // Per sensor: no duplicates (the key is unique anyway, so count distinct times) and no gaps: with a
    // 1 s interval no two consecutive stored readings are further apart than a few intervals, although the
    // server was away for at least 8 of them (16 readings of 2 sensors waited in the spool).
    QSqlQuery q(db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT s.sensor_key, count(*), count(DISTINCT r.at), max(r.at) - min(r.at), "
                                      "max(r.at - prev) FROM (SELECT sensor_id, at, lag(at) OVER (PARTITION BY sensor_id ORDER BY at) AS prev "
                                      "FROM readings) r JOIN sensors s ON s.id = r.sensor_id GROUP BY s.sensor_key ORDER BY 1")));
    int sensors = 0;
    while (q.next()) {
        ++sensors;
        const QString key = q.value(0).toString();
        EXPECT_EQ(q.value(1).toLongLong(), q.value(2).toLongLong()) << key.toStdString();
        // At least what the waits above guarantee per sensor: 3 stored before the kill (6 of 2 sensors), 8 in
        // the spool (16 of 2) and 2 after the flush (4 of 2) — minus one for a sensor a poll behind the other.
        EXPECT_GE(q.value(1).toLongLong(), 12) << key.toStdString();
        EXPECT_LE(q.value(4).toLongLong(), 5000) << key.toStdString() << " has a gap";
    }
    EXPECT_EQ(sensors, 2);
}
