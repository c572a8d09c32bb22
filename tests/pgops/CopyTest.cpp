// db/sync/ArchiveCopy: SQLite archive → empty PostgreSQL database, on a real server.
#include "Support.h"

#include "db/Ledger.h"
#include "db/Transaction.h"
#include "db/sync/ArchiveCopy.h"

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace archive;
using namespace archive::db;
using namespace pgops;

namespace {

qint64 countOf(const sync::CopyReport& rep, const QString& table, bool target) {
    for (const auto& c : rep.counts)
        if (c.table == table) return target ? c.target : c.source;
    return -1;
}

}  // namespace

TEST(ArchiveCopy, EnvAndLedgerTablesArriveWithTheirIds) {
    REQUIRE_PG(server);
    QTemporaryDir dir;
    auto src = openDb(dir.filePath(QStringLiteral("archive.db")));
    ASSERT_TRUE(src);
    fillEnvArchive(*src, 300);
    const QString url = server->createDatabase(QStringLiteral("copy"));
    ASSERT_FALSE(url.isEmpty());
    auto dst = openDb(url);
    ASSERT_TRUE(dst);

    sync::CopyOptions opt;
    opt.batchRows = 97;  // several batches and a partial last one
    int batches = 0;
    opt.progress = [&](const QString&, qint64, qint64) { ++batches; };
    auto r = sync::ArchiveCopy::copy(*src, *dst, opt);
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString() << " " << (r ? "" : r.error().detail.toStdString());
    const auto& rep = r.value();
    EXPECT_TRUE(rep.countsMatch());
    EXPECT_TRUE(rep.ledger.ok) << rep.ledger.reason.toStdString();
    EXPECT_EQ(rep.sourceLedgerHead, rep.targetLedgerHead);
    EXPECT_TRUE(rep.ok());
    EXPECT_GT(batches, 6);

    // Every table of both sides with its real count (not only what the report says).
    for (const QString& t : {QStringLiteral("readings"), QStringLiteral("readings_hourly"), QStringLiteral("readings_daily"),
                             QStringLiteral("sensors"), QStringLiteral("env_alerts"), QStringLiteral("ledger"),
                             QStringLiteral("rooms"), QStringLiteral("climate_profiles"), QStringLiteral("books_settings")}) {
        const qint64 n = scalar(*src, QStringLiteral("SELECT count(*) FROM ") + t);
        EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT count(*) FROM ") + t), n) << t.toStdString();
        EXPECT_EQ(countOf(rep, t, true), n) << t.toStdString();
    }
    EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT count(*) FROM readings")), 600);
    EXPECT_GE(scalar(*dst, QStringLiteral("SELECT count(*) FROM env_alerts")), 1);
    // ids kept: the same sensor id holds the same readings; sums of the stored values are equal.
    for (const QString& sql : {QStringLiteral("SELECT id FROM sensors WHERE sensor_key = 'sim:b'"),
                               QStringLiteral("SELECT sum(t) + sum(rh) FROM readings"),
                               QStringLiteral("SELECT sum(r.t) FROM readings r JOIN sensors s ON s.id = r.sensor_id "
                                              "WHERE s.sensor_key = 'sim:a'"),
                               QStringLiteral("SELECT max(id) FROM env_alerts"), QStringLiteral("SELECT max(seq) FROM ledger")})
        EXPECT_EQ(scalar(*dst, sql), scalar(*src, sql)) << sql.toStdString();
    // Derived search index of SQLite not copied; PostgreSQL keeps its own.
    EXPECT_TRUE(rep.derivedSkipped.contains(QStringLiteral("catalog_fts")));

    // Identity sequences continue after the copied ids: new rows on the target get fresh ids.
    const qint64 maxSensor = scalar(*dst, QStringLiteral("SELECT max(id) FROM sensors"));
    ReadingStore store(*dst);
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:new"), QStringLiteral("R1"), QStringLiteral("tester")).ok());
    EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT id FROM sensors WHERE sensor_key = 'sim:new'")), maxSensor + 1);
    {
        QSqlQuery q(dst->sql());
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO rooms(code, name) VALUES ('R3', '三号库房')")));
    }
    EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT id FROM rooms WHERE code = 'R3'")), 3);
    // The chain goes on on the target and still verifies.
    auto v = Ledger::verify(*dst);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
    EXPECT_EQ(v->rowsChecked, scalar(*src, QStringLiteral("SELECT count(*) FROM ledger")) + 1);  // + sensor.bind
}

TEST(ArchiveCopy, RefusesATargetThatHoldsData) {
    REQUIRE_PG(server);
    QTemporaryDir dir;
    auto src = openDb(dir.filePath(QStringLiteral("archive.db")));
    ASSERT_TRUE(src);
    fillEnvArchive(*src, 20);
    const QString url = server->createDatabase(QStringLiteral("twice"));
    auto dst = openDb(url);
    ASSERT_TRUE(dst);
    ASSERT_TRUE(sync::ArchiveCopy::copy(*src, *dst).ok());
    const qint64 readings = scalar(*dst, QStringLiteral("SELECT count(*) FROM readings"));
    const qint64 ledger = scalar(*dst, QStringLiteral("SELECT count(*) FROM ledger"));

    auto again = sync::ArchiveCopy::copy(*src, *dst);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, QStringLiteral("target_not_empty"));
    EXPECT_TRUE(again.error().messageZh.contains(QStringLiteral("不是空的")));
    EXPECT_TRUE(again.error().messageEn.contains(QStringLiteral("ledger")));
    EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT count(*) FROM readings")), readings);
    EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT count(*) FROM ledger")), ledger);
    auto ne = sync::ArchiveCopy::nonEmptyTables(*dst);
    ASSERT_TRUE(ne.ok());
    EXPECT_TRUE(ne->contains(QStringLiteral("readings")));
}

TEST(ArchiveCopy, AFailedCopyLeavesTheTargetEmpty) {
    REQUIRE_PG(server);
    QTemporaryDir dir;
    auto src = openDb(dir.filePath(QStringLiteral("archive.db")));
    ASSERT_TRUE(src);
    fillEnvArchive(*src, 50);
    const QString url = server->createDatabase(QStringLiteral("fail"));
    auto dst = openDb(url);
    ASSERT_TRUE(dst);
    // Make the target refuse some rows half way: a CHECK only the target has (t < 19.50 °C; sim:a goes to 19.6).
    {
        QSqlQuery q(dst->sql());
        ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE readings ADD CONSTRAINT test_refuse CHECK (t < 1950)")));
    }
    auto r = sync::ArchiveCopy::copy(*src, *dst);
    ASSERT_FALSE(r.ok());
    // All or nothing: no table received anything, so the copy can simply be run again.
    auto ne = sync::ArchiveCopy::nonEmptyTables(*dst);
    ASSERT_TRUE(ne.ok());
    EXPECT_TRUE(ne->isEmpty()) << ne->join(QLatin1Char(',')).toStdString();
    {
        QSqlQuery q(dst->sql());
        ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE readings DROP CONSTRAINT test_refuse")));
    }
    auto again = sync::ArchiveCopy::copy(*src, *dst);
    ASSERT_TRUE(again.ok()) << again.errorMessage().toStdString();
    EXPECT_TRUE(again->ok());
}
