// ReadingStore: compact storage, rollups kept equal to raw aggregates (also after late/out-of-order
// inserts), sensors and binding, manual readings, bad input.
#include "EnvFixture.h"
#include "db/Ledger.h"
#include "db/env/ReadingStore.h"
#include "db/env/RollupStore.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>
#include <map>

using namespace archive::db;
using namespace archive::db::env;

namespace {
constexpr qint64 T0 = 1'767'225'600'000;  // 2026-01-01 00:00 UTC
constexpr qint64 kMin = 60000;

// Checks every hourly and daily rollup row of a sensor against aggregates computed from its raw rows.
void expectRollupsMatchRaw(RollupStore& rs, qint64 sid, qint64 intervalMs) {
    auto raw = rs.raw(sid, 0, std::numeric_limits<qint64>::max());
    ASSERT_TRUE(raw.ok());
    std::map<qint64, std::vector<CompactReading>> byHour;
    std::map<qint64, RollupAgg> dayAgg;
    std::map<qint64, RollupAgg> hourAgg;
    std::optional<qint64> prev;
    for (const auto& r : *raw) {
        const qint64 dt = cappedDtMs(prev.value_or(0), prev.has_value(), r.at, intervalMs);
        hourAgg[floorTo(r.at, kHourMs)].add(r, dt);
        dayAgg[floorTo(r.at, kDayMs)].add(r, dt);
        prev = r.at;
    }
    auto hours = rs.rows(Grain::Hour, {sid}, 0, std::numeric_limits<qint64>::max());
    auto days = rs.rows(Grain::Day, {sid}, 0, std::numeric_limits<qint64>::max());
    ASSERT_TRUE(hours.ok() && days.ok());
    ASSERT_EQ(size_t(hours->size()), hourAgg.size());
    ASSERT_EQ(size_t(days->size()), dayAgg.size());
    for (const auto& row : *hours) {
        ASSERT_TRUE(hourAgg.count(row.start));
        EXPECT_TRUE(row.agg == hourAgg[row.start]) << "hour " << row.start << " n " << row.agg.n << " vs " << hourAgg[row.start].n
                                                    << " dt " << row.agg.dtS << " vs " << hourAgg[row.start].dtS;
    }
    for (const auto& row : *days) {
        ASSERT_TRUE(dayAgg.count(row.start));
        EXPECT_TRUE(row.agg == dayAgg[row.start]) << "day " << row.start;
    }
}

ReadingRow row(const QString& key, qint64 at, double t, double rh) { return ReadingRow{key, at, t, rh, QString(), false, QString()}; }
}  // namespace

TEST_F(EnvDbTest, AddReadingsCreatesSensorAndStoresCompactly) {
    ReadingStore store(*db);
    QList<ReadingRow> batch;
    for (int i = 0; i < 120; ++i) batch << row(QStringLiteral("sim:a"), T0 + i * kMin, 20.0 + i * 0.01, 50.0);
    auto n = store.addReadings(batch);
    ASSERT_TRUE(n.ok()) << n.errorMessage().toStdString();
    EXPECT_EQ(*n, 120);
    auto again = store.addReadings(batch);  // the same readings again: ignored
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, 0);
    auto s = store.sensors();
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->size(), 1);
    EXPECT_EQ(s->first().sensorKey, QStringLiteral("sim:a"));
    EXPECT_EQ(s->first().kind, QStringLiteral("sim"));
    EXPECT_EQ(s->first().lastSeenAt, T0 + 119 * kMin);
    EXPECT_EQ(scalar(QStringLiteral("SELECT t FROM readings WHERE at = %1").arg(T0 + 50 * kMin)), 2050);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM readings_hourly")), 2);
    RollupStore rs(*db);
    expectRollupsMatchRaw(rs, s->first().id, 60000);
}

TEST_F(EnvDbTest, RollupsEqualRawAggregatesAfterRandomOutOfOrderInserts) {
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:r"), QStringLiteral("R1"), QStringLiteral("tester")).ok());
    QRandomGenerator rng(42);
    // Three days of minute readings with holes, delivered in shuffled batches, some rows repeated.
    QList<ReadingRow> all;
    for (int i = 0; i < 3 * 1440; ++i) {
        if ((i / 97) % 7 == 3) continue;  // holes (gaps longer than 2 intervals)
        const double t = 18 + 4 * std::sin(i / 300.0) + rng.bounded(100) / 100.0;
        const double rh = 50 + 12 * std::sin(i / 500.0) + rng.bounded(100) / 100.0;
        all << row(QStringLiteral("sim:r"), T0 + i * kMin + rng.bounded(3) * 1000, t, (i % 211 == 0) ? NAN : rh);
    }
    // first a time-ordered day, then the rest shuffled in batches of random size
    QList<ReadingRow> first = all.mid(0, 1200), rest = all.mid(1200);
    ASSERT_TRUE(store.addReadings(first).ok());
    std::shuffle(rest.begin(), rest.end(), std::mt19937(7));
    int pos = 0, stored = 1200;
    while (pos < rest.size()) {
        const int len = 1 + rng.bounded(400);
        QList<ReadingRow> b = rest.mid(pos, len);
        if (pos > 0) b << rest[pos - 1];  // a duplicate of an earlier reading
        auto n = store.addReadings(b);
        ASSERT_TRUE(n.ok()) << n.errorMessage().toStdString() << n.error().detail.toStdString();
        stored += *n;
        pos += len;
    }
    EXPECT_EQ(stored, all.size());
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM readings")), all.size());
    RollupStore rs(*db);
    expectRollupsMatchRaw(rs, scalar(QStringLiteral("SELECT id FROM sensors WHERE sensor_key = 'sim:r'")), 60000);
}

TEST_F(EnvDbTest, BindSensorWritesLedgerAndRejectsUnknownRoom) {
    ReadingStore store(*db);
    auto bad = store.bindSensor(QStringLiteral("usb:1-1"), QStringLiteral("不存在的库房"), QStringLiteral("A001"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, QStringLiteral("not_found"));
    EXPECT_FALSE(bad.error().messageZh.isEmpty());
    EXPECT_FALSE(bad.error().messageEn.isEmpty());
    ASSERT_TRUE(store.bindSensor(QStringLiteral("usb:1-1"), QStringLiteral("特藏"), QStringLiteral("A001")).ok());  // part of a name
    auto ambiguous = store.bindSensor(QStringLiteral("usb:1-1"), QStringLiteral("库"), QStringLiteral("A001"));
    ASSERT_FALSE(ambiguous.ok());
    EXPECT_EQ(ambiguous.error().code, QStringLiteral("ambiguous"));
    auto s = store.sensors();
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->size(), 1);
    EXPECT_EQ(s->first().roomCode, QStringLiteral("R2"));
    EXPECT_EQ(s->first().roomName, QStringLiteral("特藏库"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'sensor.bind'")), 1);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
}

TEST_F(EnvDbTest, UnusableRowsAreSkippedNotFatal) {
    ReadingStore store(*db);
    QList<ReadingRow> b = {row(QStringLiteral("sim:x"), T0, 20, 50), row(QStringLiteral("sim:x"), T0 + kMin, NAN, NAN),
                           row(QStringLiteral("sim:x"), T0 + 2 * kMin, 20, 140), row(QString(), T0, 20, 50),
                           row(QStringLiteral("sim:x"), -5, 20, 50), row(QStringLiteral("sim:x"), T0 + 3 * kMin, 500, 50)};
    auto n = store.addReadings(b);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, 1);
}

TEST_F(EnvDbTest, ExternalProbeIsItsOwnSensorAndCalibrationApplies) {
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(QStringLiteral("usb:2"), QStringLiteral("R1"), QStringLiteral("A001")).ok());
    ASSERT_TRUE(store.configureSensor(QStringLiteral("usb:2"), 60, -0.5, 2.0, QStringLiteral("A001")).ok());
    ReadingRow ext = row(QStringLiteral("usb:2"), T0, 10, 40);
    ext.probe = QStringLiteral("external");
    ASSERT_TRUE(store.addReadings({row(QStringLiteral("usb:2"), T0, 20, 50), ext}).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT t FROM readings r JOIN sensors s ON s.id = r.sensor_id WHERE s.sensor_key = 'usb:2'")), 1950);
    EXPECT_EQ(scalar(QStringLiteral("SELECT rh FROM readings r JOIN sensors s ON s.id = r.sensor_id WHERE s.sensor_key = 'usb:2'")), 5200);
    EXPECT_EQ(scalar(QStringLiteral("SELECT room_id FROM sensors WHERE sensor_key = 'usb:2#external'")),
              scalar(QStringLiteral("SELECT id FROM rooms WHERE code = 'R1'")));
    EXPECT_EQ(scalar(QStringLiteral("SELECT flags FROM readings r JOIN sensors s ON s.id = r.sensor_id WHERE s.sensor_key = 'usb:2#external'")), 2);
    EXPECT_FALSE(store.configureSensor(QStringLiteral("usb:2"), 0, 0, 0, QStringLiteral("A001")).ok());
}

TEST_F(EnvDbTest, ManualReadingIsMarkedWithWhoRecordedIt) {
    ReadingStore store(*db);
    db->setClockOffsetMs(T0 + kDayMs - db->nowMs());
    ASSERT_TRUE(store.addManualReading(QStringLiteral("一号库房"), T0 + 9 * kHourMs, 21.5, 55, QStringLiteral("A007"), QStringLiteral("墙上温湿度计")).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT flags FROM readings")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM manual_readings WHERE recorded_by = 'A007'")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sensors WHERE sensor_key = 'manual:R1' AND kind = 'manual'")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'env.manual' AND actor = 'A007'")), 1);
    ASSERT_TRUE(store.addManualReading(QStringLiteral("R1"), T0 + 15 * kHourMs, 22.0, NAN, QStringLiteral("A007")).ok());  // no note, no RH
    auto dup = store.addManualReading(QStringLiteral("R1"), T0 + 9 * kHourMs, 21.5, 55, QStringLiteral("A007"));
    EXPECT_FALSE(dup.ok());
    auto noWho = store.addManualReading(QStringLiteral("R1"), T0 + 10 * kHourMs, 21.5, 55, QString());
    ASSERT_FALSE(noWho.ok());
    EXPECT_EQ(noWho.error().code, QStringLiteral("bad_input"));
    EXPECT_FALSE(store.addManualReading(QStringLiteral("R1"), T0 + 10 * kHourMs, 21.5, 120, QStringLiteral("A007")).ok());
}
