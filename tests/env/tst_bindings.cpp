// Sensor-to-room binding history (migration 0011): a sensor moved from one room to another keeps its old
// readings in the old room — room metrics, charts, daily tables and per-box history use the binding in
// force when each reading was taken, not today's.
#include "EnvFixture.h"
#include "db/env/EnvQueries.h"
#include "db/env/Metrics.h"
#include "db/env/ReadingStore.h"

#include <cmath>

using namespace archive::db;
using namespace archive::db::env;

namespace {
constexpr qint64 T0 = 1'767'225'600'000;  // 2026-01-01 00:00 UTC
constexpr qint64 kMin = 60000;
constexpr qint64 kDay = 24 * 3600 * 1000LL;

void feed(ReadingStore& store, const QString& key, qint64 from, qint64 to, double t, double rh) {
    QList<ReadingRow> b;
    for (qint64 at = from; at < to; at += kMin) {
        b << ReadingRow{key, at, t, rh, QString(), false, QString()};
        if (b.size() == 5000) { ASSERT_TRUE(store.addReadings(b).ok()); b.clear(); }
    }
    if (!b.isEmpty()) ASSERT_TRUE(store.addReadings(b).ok());
}
}  // namespace

class EnvBindingTest : public EnvDbTest {
protected:
    qint64 room(const char* code) { return scalar(QStringLiteral("SELECT id FROM rooms WHERE code = '%1'").arg(QLatin1String(code))); }
    // sim:mv hangs in R1 for ten days (20 °C / 45 %), then in R2 for ten days (25 °C / 60 %).
    void moveOnce(ReadingStore& store) {
        ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:mv"), QStringLiteral("R1"), QStringLiteral("t"), T0).ok());
        feed(store, QStringLiteral("sim:mv"), T0, T0 + 10 * kDay, 20.0, 45.0);
        ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:mv"), QStringLiteral("R2"), QStringLiteral("t"), T0 + 10 * kDay).ok());
        feed(store, QStringLiteral("sim:mv"), T0 + 10 * kDay, T0 + 20 * kDay, 25.0, 60.0);
    }
};

TEST_F(EnvBindingTest, BindingHistoryIsRecordedAndNotRewritten) {
    ReadingStore store(*db);
    moveOnce(store);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sensor_bindings")), 2);
    EXPECT_EQ(scalar(QStringLiteral("SELECT to_at FROM sensor_bindings WHERE room_id = %1").arg(room("R1"))), T0 + 10 * kDay);
    EXPECT_EQ(scalar(QStringLiteral("SELECT from_at FROM sensor_bindings WHERE room_id = %1").arg(room("R1"))), 0);  // the first binding
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sensor_bindings WHERE room_id = %1 AND to_at IS NULL").arg(room("R2"))), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT room_id FROM sensors WHERE sensor_key = 'sim:mv'")), room("R2"));
    // Binding again to the same room changes nothing; a binding dated before the last one is refused.
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:mv"), QStringLiteral("R2"), QStringLiteral("t")).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sensor_bindings")), 2);
    auto back = store.bindSensor(QStringLiteral("sim:mv"), QStringLiteral("R3"), QStringLiteral("t"), T0 + 5 * kDay);
    ASSERT_FALSE(back.ok());
    EXPECT_EQ(back.error().code, QStringLiteral("bad_input"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT room_id FROM sensors WHERE sensor_key = 'sim:mv'")), room("R2"));  // rolled back
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sensor_bindings")), 2);
}

TEST_F(EnvBindingTest, RoomMetricsChartsAndDailyTablesUseTheBindingAtTheTime) {
    ReadingStore store(*db);
    moveOnce(store);
    EnvQueries q(*db);
    auto r1 = q.metrics(room("R1"), T0, T0 + 20 * kDay);
    ASSERT_TRUE(r1.ok()) << r1.errorMessage().toStdString();
    EXPECT_NEAR(r1->meanT, 20.0, 1e-9);
    EXPECT_NEAR(r1->meanRh, 45.0, 1e-9);
    EXPECT_EQ(r1->agg.n, 10 * 1440);
    EXPECT_NEAR(r1->twpi, preservationIndex(20, 45), 0.01);
    auto r2 = q.metrics(room("R2"), T0, T0 + 20 * kDay);
    ASSERT_TRUE(r2.ok());
    EXPECT_NEAR(r2->meanT, 25.0, 1e-9);
    EXPECT_EQ(r2->agg.n, 10 * 1440);
    // A window before the move: R2 had no sensor then.
    auto early = q.metrics(room("R2"), T0, T0 + 5 * kDay);
    ASSERT_TRUE(early.ok());
    EXPECT_FALSE(early->hasData());

    for (int maxPoints : {2000, 100, 10}) {  // raw, hourly and daily sources
        auto c1 = q.chart(room("R1"), T0, T0 + 20 * kDay, maxPoints);
        ASSERT_TRUE(c1.ok()) << c1.errorMessage().toStdString();
        ASSERT_FALSE(c1->points.isEmpty()) << c1->source.toStdString();
        qint64 n = 0;
        for (const ChartPoint& p : c1->points) {
            EXPECT_NEAR(p.tMean, 20.0, 1e-9) << c1->source.toStdString();
            EXPECT_LT(p.atMs, T0 + 10 * kDay);
            n += p.n;
        }
        EXPECT_EQ(n, 10 * 1440) << c1->source.toStdString();
        auto c2 = q.chart(room("R2"), T0, T0 + 20 * kDay, maxPoints);
        ASSERT_TRUE(c2.ok());
        for (const ChartPoint& p : c2->points) EXPECT_NEAR(p.tMean, 25.0, 1e-9) << c2->source.toStdString();
    }

    auto d1 = q.daily(room("R1"), T0, T0 + 20 * kDay);
    ASSERT_TRUE(d1.ok());
    qint64 n = 0;
    for (const DailyRow& d : *d1) {
        EXPECT_NEAR(d.agg.meanT(), 20.0, 1e-9);
        n += d.agg.n;
    }
    EXPECT_EQ(n, 10 * 1440);

    // The overview shows where the sensor is now.
    auto rooms = q.rooms();
    ASSERT_TRUE(rooms.ok());
    EXPECT_TRUE((*rooms)[0].sensorKeys.isEmpty());
    EXPECT_EQ((*rooms)[1].sensorKeys, QStringList{QStringLiteral("sim:mv")});
}

TEST_F(EnvBindingTest, ABoxThatStayedInTheOldRoomGetsOnlyThatRoomsReadings) {
    exec("INSERT INTO fonds(code, name) VALUES('F1', '林业局')");
    exec("INSERT INTO categories(code, name) VALUES('WS', '文书')");
    exec("INSERT INTO locations(barcode, room_id) VALUES('L1', (SELECT id FROM rooms WHERE code = 'R1'))");
    exec(QStringLiteral("INSERT INTO boxes(barcode, fonds_id, year, retention, category_id, location_id, created_at) "
                        "VALUES('BOX1', 1, 2020, 'permanent', 1, 1, %1)").arg(T0).toUtf8().constData());
    exec(QStringLiteral("INSERT INTO box_moves(box_id, from_location_id, to_location_id, at, actor) VALUES(1, NULL, 1, %1, 'a')")
             .arg(T0).toUtf8().constData());
    ReadingStore store(*db);
    moveOnce(store);
    // R1 gets another sensor after the move, so the box's second half is measured by that one (22 °C).
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:new"), QStringLiteral("R1"), QStringLiteral("t"), T0 + 10 * kDay).ok());
    feed(store, QStringLiteral("sim:new"), T0 + 10 * kDay, T0 + 20 * kDay, 22.0, 45.0);
    EnvQueries q(*db);
    auto h = q.boxHistory(QStringLiteral("BOX1"), 0, T0 + 20 * kDay);
    ASSERT_TRUE(h.ok()) << h.errorMessage().toStdString();
    ASSERT_EQ(h->stays.size(), 1);
    EXPECT_EQ(h->stays[0].roomCode, QStringLiteral("R1"));
    EXPECT_NEAR(h->hoursInRooms, 20 * 24.0, 1e-9);
    EXPECT_EQ(h->inRooms.n, 20 * 1440);
    EXPECT_NEAR(h->inRooms.meanT(), 21.0, 1e-9);  // 20 °C then 22 °C, never R2's 25 °C
    const double p20 = preservationIndex(20, 45), p22 = preservationIndex(22, 45);
    EXPECT_NEAR(h->twpi, 2.0 / (1.0 / p20 + 1.0 / p22), 0.01);
}
