// Read side: chart series (≤ maxPoints, from rollups for long ranges), window metrics, daily table,
// room overview, and per-box environment history from box_moves and loans.
#include "EnvFixture.h"
#include "db/env/EnvQueries.h"
#include "db/env/ReadingStore.h"

#include <cmath>

using namespace archive::db;
using namespace archive::db::env;

namespace {
constexpr qint64 T0 = 1'767'225'600'000;  // 2026-01-01 00:00 UTC
constexpr qint64 kMin = 60000;

void feed(ReadingStore& store, const QString& key, int days, double (*t)(int), double (*rh)(int)) {
    QList<ReadingRow> b;
    for (int i = 0; i < days * 1440; ++i) {
        b << ReadingRow{key, T0 + i * kMin, t(i), rh(i), QString(), false, QString()};
        if (b.size() == 5000) { ASSERT_TRUE(store.addReadings(b).ok()); b.clear(); }
    }
    ASSERT_TRUE(store.addReadings(b).ok());
}
double wave(int i) { return 20 + 2 * std::sin(i / 200.0); }
double rhWave(int i) { return 50 + 5 * std::cos(i / 300.0); }
double c20(int) { return 20.0; }
double c45(int) { return 45.0; }
double c25(int) { return 25.0; }
double c60(int) { return 60.0; }
}  // namespace

class EnvQueryTest : public EnvDbTest {
protected:
    qint64 room(const char* code) { return scalar(QStringLiteral("SELECT id FROM rooms WHERE code = '%1'").arg(QLatin1String(code))); }
};

TEST_F(EnvQueryTest, ChartIsDownsampledAndConsistentWithRawRows) {
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:c1"), QStringLiteral("R1"), QStringLiteral("t")).ok());
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:c2"), QStringLiteral("R1"), QStringLiteral("t")).ok());
    feed(store, QStringLiteral("sim:c1"), 10, wave, rhWave);
    feed(store, QStringLiteral("sim:c2"), 10, c20, c45);
    EnvQueries q(*db);
    for (auto [from, to, source] : {std::tuple{T0, T0 + 10 * kDayMs, "raw"}, std::tuple{T0 - 300 * kDayMs, T0 + 65 * kDayMs, "hourly"},
                                    std::tuple{T0 - 20 * 365 * kDayMs, T0 + 30 * kDayMs, "daily"}}) {
        auto s = q.chart(room("R1"), from, to, 2000);
        ASSERT_TRUE(s.ok()) << s.errorMessage().toStdString();
        EXPECT_EQ(s->source, QLatin1String(source));
        EXPECT_LE(s->points.size(), 2000);
        EXPECT_GT(s->points.size(), 0);
        qint64 n = 0;
        for (const auto& p : s->points) {
            n += p.n;
            EXPECT_LE(p.tMin, p.tMean + 1e-9);
            EXPECT_GE(p.tMax, p.tMean - 1e-9);
            EXPECT_LE(p.rhMin, p.rhMean + 1e-9);
            EXPECT_GE(p.rhMax, p.rhMean - 1e-9);
            EXPECT_GE(p.atMs, floorTo(from, kDayMs));
            EXPECT_LT(p.atMs, to);
        }
        EXPECT_EQ(n, 2 * 10 * 1440) << source;  // every reading counted once
    }
    // one raw bucket checked against the readings themselves
    auto s = q.chart(room("R1"), T0, T0 + kDayMs, 2000);  // 1 day: 1-minute buckets
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->bucketMs, kMin);
    ASSERT_EQ(s->points.size(), 1440);
    const ChartPoint& p = s->points[100];
    EXPECT_EQ(p.atMs, T0 + 100 * kMin);
    EXPECT_NEAR(p.tMean, (std::round(wave(100) * 100) / 100 + 20.0) / 2, 0.006);
    EXPECT_NEAR(p.tMax, std::max(20.0, std::round(wave(100) * 100) / 100), 1e-9);
    auto bad = q.chart(room("R1"), T0, T0, 2000);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, QStringLiteral("bad_input"));
}

TEST_F(EnvQueryTest, WindowMetricsOfAConstantRoom) {
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:m"), QStringLiteral("R1"), QStringLiteral("t")).ok());
    feed(store, QStringLiteral("sim:m"), 3, c20, c45);
    EnvQueries q(*db);
    auto m = q.metrics(room("R1"), T0, T0 + 3 * kDayMs);
    ASSERT_TRUE(m.ok());
    EXPECT_NEAR(m->twpi, preservationIndex(20, 45), 1e-6);
    EXPECT_NEAR(m->meanEmc, equilibriumMoistureContent(20, 45), 1e-6);
    EXPECT_NEAR(m->dewPoint, dewPoint(20, 45), 1e-9);
    EXPECT_NEAR(m->hoursMeasured, 72.0, 1e-9);
    EXPECT_EQ(m->twpiBand, Band::Ok);
    EXPECT_TRUE(m->mechanicalOk);
    EXPECT_DOUBLE_EQ(m->mouldRisk, 0.0);
    auto days = q.daily(room("R1"), T0, T0 + 3 * kDayMs);
    ASSERT_TRUE(days.ok());
    qint64 total = 0;
    for (const auto& d : *days) total += d.agg.n;
    EXPECT_EQ(total, 3 * 1440);
    EXPECT_GE(days->size(), 3);
    EXPECT_LE(days->size(), 4);  // local days may straddle
    auto empty = q.metrics(room("R3"), T0, T0 + kDayMs);
    ASSERT_TRUE(empty.ok());
    EXPECT_FALSE(empty->hasData());
    EXPECT_TRUE(std::isnan(empty->twpi));
}

TEST_F(EnvQueryTest, RoomsOverview) {
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:o"), QStringLiteral("R2"), QStringLiteral("t")).ok());
    ASSERT_TRUE(store.addReadings({ReadingRow{QStringLiteral("sim:o"), T0, 18.5, 52.25, QString(), false, QString()}}).ok());
    EnvQueries q(*db);
    auto rooms = q.rooms();
    ASSERT_TRUE(rooms.ok());
    ASSERT_EQ(rooms->size(), 3);
    const RoomSummary& r2 = (*rooms)[1];
    EXPECT_EQ(r2.room.code, QStringLiteral("R2"));
    EXPECT_EQ(r2.profile.code, QStringLiteral("special"));
    EXPECT_DOUBLE_EQ(r2.profile.tMax, 20.0);
    EXPECT_EQ(r2.sensorKeys, QStringList{QStringLiteral("sim:o")});
    EXPECT_EQ(r2.lastAt, T0);
    EXPECT_DOUBLE_EQ(r2.lastT, 18.5);
    EXPECT_DOUBLE_EQ(r2.lastRh, 52.25);
    EXPECT_TRUE((*rooms)[0].sensorKeys.isEmpty());
}

TEST_F(EnvQueryTest, BoxHistoryFollowsMovesAndCountsLoansSeparately) {
    exec("INSERT INTO fonds(code, name) VALUES('F1', '林业局')");
    exec("INSERT INTO categories(code, name) VALUES('WS', '文书')");
    exec("INSERT INTO locations(barcode, room_id) VALUES('L1', (SELECT id FROM rooms WHERE code = 'R1'))");
    exec("INSERT INTO locations(barcode, room_id) VALUES('L2', (SELECT id FROM rooms WHERE code = 'R2'))");
    exec("INSERT INTO people(card, name) VALUES('P1', '张三')");
    const QString ins = QStringLiteral(
        "INSERT INTO boxes(barcode, fonds_id, year, retention, category_id, location_id, created_at) "
        "VALUES('BOX1', 1, 2020, 'permanent', 1, (SELECT id FROM locations WHERE barcode = 'L2'), %1)").arg(T0);
    exec(ins.toUtf8().constData());
    exec(QStringLiteral("INSERT INTO box_moves(box_id, from_location_id, to_location_id, at, actor) VALUES(1, NULL, 1, %1, 'a')").arg(T0).toUtf8().constData());
    exec(QStringLiteral("INSERT INTO box_moves(box_id, from_location_id, to_location_id, at, actor) VALUES(1, 1, 2, %1, 'a')").arg(T0 + 5 * kDayMs).toUtf8().constData());
    exec(QStringLiteral("INSERT INTO loans(box_id, borrower_id, out_at, due_at, returned_at, out_by) VALUES(1, 1, %1, %2, %3, 'a')")
             .arg(T0 + 6 * kDayMs).arg(T0 + 36 * kDayMs).arg(T0 + 7 * kDayMs).toUtf8().constData());
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:b1"), QStringLiteral("R1"), QStringLiteral("t")).ok());
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:b2"), QStringLiteral("R2"), QStringLiteral("t")).ok());
    feed(store, QStringLiteral("sim:b1"), 10, c20, c45);
    feed(store, QStringLiteral("sim:b2"), 10, c25, c60);  // special collections: 25 °C / 60 % is out of range
    EnvQueries q(*db);
    auto h = q.boxHistory(QStringLiteral("BOX1"), 0, T0 + 10 * kDayMs);
    ASSERT_TRUE(h.ok()) << h.errorMessage().toStdString() << h.error().detail.toStdString();
    EXPECT_EQ(h->barcode, QStringLiteral("BOX1"));
    ASSERT_EQ(h->stays.size(), 3);  // R1, R2 before the loan, R2 after it
    EXPECT_EQ(h->stays[0].roomCode, QStringLiteral("R1"));
    EXPECT_NEAR(h->hoursInRooms, 9 * 24.0, 1e-9);
    EXPECT_NEAR(h->hoursOnLoan, 24.0, 1e-9);
    EXPECT_NEAR(h->hoursUnknown, 0.0, 1e-9);
    EXPECT_NEAR(h->hoursOutOfRange, 4 * 24.0, 1e-9);  // all of the time in R2, none in R1
    EXPECT_NEAR(h->stays[0].hoursOutOfRange, 0.0, 1e-9);
    const double p1 = preservationIndex(20, 45), p2 = preservationIndex(25, 60);
    EXPECT_NEAR(h->twpi, (120.0 + 96.0) / (120.0 / p1 + 96.0 / p2), 0.01);
    auto missing = q.boxHistory(QStringLiteral("NOPE"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, QStringLiteral("not_found"));
}
