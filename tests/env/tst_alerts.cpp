// Excursion alerts through the real store: incremental batches, cold start, late readings, silence (R13),
// acknowledgement by a manager with the ledger entry.
#include "EnvFixture.h"
#include "db/Ledger.h"
#include "db/env/Alerts.h"
#include "db/env/ReadingStore.h"

using namespace archive::db;
using namespace archive::db::env;

namespace {
constexpr qint64 T0 = 1'767'225'600'000;  // 2026-01-01 00:00 UTC
constexpr qint64 kMin = 60000;
const QString K = QStringLiteral("sim:alerts");

// RH 50 %, except 65 % from minute 600 to 720 (a two-hour excursion).
double rhAt(int i) { return (i >= 600 && i < 720) ? 65.0 : 50.0; }
QList<ReadingRow> minutes(int from, int to, double (*rh)(int) = rhAt) {
    QList<ReadingRow> out;
    for (int i = from; i < to; ++i) out << ReadingRow{K, T0 + i * kMin, 20.0, rh(i), QString(), false, QString()};
    return out;
}
QList<AlertRecord> alertsOf(Database& db, AlertKind k) {
    QList<AlertRecord> out;
    auto all = AlertStore::list(db);
    if (all.ok()) for (const auto& a : *all) if (a.kind == k) out << a;
    return out;
}
}  // namespace

TEST_F(EnvDbTest, ExcursionAcrossBatchesIsOneAlert) {
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(K, QStringLiteral("R1"), QStringLiteral("A001")).ok());
    for (int from = 0; from < 1440; from += 100) ASSERT_TRUE(store.addReadings(minutes(from, qMin(1440, from + 100))).ok());
    auto rh = alertsOf(*db, AlertKind::RhHigh);
    ASSERT_EQ(rh.size(), 1);
    EXPECT_EQ(rh[0].startMs, T0 + 600 * kMin);
    EXPECT_EQ(rh[0].endMs, T0 + 720 * kMin);
    EXPECT_DOUBLE_EQ(rh[0].peak, 65.0);
    EXPECT_EQ(rh[0].roomCode, QStringLiteral("R1"));
    EXPECT_FALSE(rh[0].late);
    EXPECT_EQ(alertsOf(*db, AlertKind::RhSwing).size(), 1);  // 50 → 65 % within a day
    EXPECT_TRUE(alertsOf(*db, AlertKind::Silence).isEmpty());
}

TEST_F(EnvDbTest, ColdStartMidExcursionContinuesTheSameAlert) {
    {
        ReadingStore store(*db);
        ASSERT_TRUE(store.bindSensor(K, QStringLiteral("R1"), QStringLiteral("A001")).ok());
        ASSERT_TRUE(store.addReadings(minutes(0, 660)).ok());
        auto open = alertsOf(*db, AlertKind::RhHigh);
        ASSERT_EQ(open.size(), 1);
        EXPECT_TRUE(open[0].open());
    }
    ReadingStore fresh(*db);  // a restarted kiosk: no cached detector state
    ASSERT_TRUE(fresh.addReadings(minutes(660, 1440)).ok());
    auto rh = alertsOf(*db, AlertKind::RhHigh);
    ASSERT_EQ(rh.size(), 1);
    EXPECT_EQ(rh[0].startMs, T0 + 600 * kMin);
    EXPECT_EQ(rh[0].endMs, T0 + 720 * kMin);
}

TEST_F(EnvDbTest, LateReadingsFillAGapAndRevealAnExcursion) {
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(K, QStringLiteral("R1"), QStringLiteral("A001")).ok());
    // The logger's 10:00–12:00 hour was delivered late; at first it looks like a silent sensor.
    QList<ReadingRow> early = minutes(0, 600), after = minutes(720, 1440);
    ASSERT_TRUE(store.addReadings(early + after).ok());
    auto silence = alertsOf(*db, AlertKind::Silence);
    ASSERT_EQ(silence.size(), 1);
    EXPECT_EQ(silence[0].startMs, T0 + 599 * kMin);
    EXPECT_EQ(silence[0].endMs, T0 + 720 * kMin);
    EXPECT_TRUE(alertsOf(*db, AlertKind::RhHigh).isEmpty());
    // Late delivery of the missing two hours, out of order.
    QList<ReadingRow> late = minutes(600, 720);
    std::reverse(late.begin(), late.end());
    ASSERT_TRUE(store.addReadings(late).ok());
    EXPECT_TRUE(alertsOf(*db, AlertKind::Silence).isEmpty());
    auto rh = alertsOf(*db, AlertKind::RhHigh);
    ASSERT_EQ(rh.size(), 1);
    EXPECT_EQ(rh[0].startMs, T0 + 600 * kMin);
    EXPECT_EQ(rh[0].endMs, T0 + 720 * kMin);
    EXPECT_TRUE(rh[0].late);
}

TEST_F(EnvDbTest, SilentSensorIsItsOwnAlertAndClosesOnTheNextReading) {
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(K, QStringLiteral("R1"), QStringLiteral("A001")).ok());
    ASSERT_TRUE(store.addReadings(minutes(0, 10)).ok());
    auto none = store.checkSilence(T0 + 9 * kMin + 3 * kMin);  // exactly 3 intervals: not yet
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(*none, 0);
    auto one = store.checkSilence(T0 + 9 * kMin + 3 * kMin + 1000);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(*one, 1);
    EXPECT_EQ(*store.checkSilence(T0 + 60 * kMin), 0);  // no second alert for the same silence
    auto open = alertsOf(*db, AlertKind::Silence);
    ASSERT_EQ(open.size(), 1);
    EXPECT_TRUE(open[0].open());
    EXPECT_NEAR(open[0].peak, 51.0, 0.01);  // minutes silent so far
    ASSERT_TRUE(store.addReadings(minutes(90, 100)).ok());
    auto closed = alertsOf(*db, AlertKind::Silence);
    ASSERT_EQ(closed.size(), 1);
    EXPECT_EQ(closed[0].startMs, T0 + 9 * kMin);
    EXPECT_EQ(closed[0].endMs, T0 + 90 * kMin);
}

TEST_F(EnvDbTest, ManagerAcknowledgesWithActionIntoTheLedger) {
    exec("INSERT INTO people(card, name, roles) VALUES('M001', '王管理', 'archivist,manager')");
    exec("INSERT INTO people(card, name, roles) VALUES('B001', '李借阅', 'borrower')");
    ReadingStore store(*db);
    ASSERT_TRUE(store.bindSensor(K, QStringLiteral("R1"), QStringLiteral("A001")).ok());
    ASSERT_TRUE(store.addReadings(minutes(0, 1440)).ok());
    auto rh = alertsOf(*db, AlertKind::RhHigh);
    ASSERT_EQ(rh.size(), 1);
    const qint64 id = rh[0].id;
    auto borrower = AlertStore::acknowledge(*db, id, QStringLiteral("B001"), QStringLiteral("开启除湿机"));
    ASSERT_FALSE(borrower.ok());
    EXPECT_EQ(borrower.error().code, QStringLiteral("forbidden"));
    auto empty = AlertStore::acknowledge(*db, id, QStringLiteral("M001"), QStringLiteral("  "));
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, QStringLiteral("bad_input"));
    auto missing = AlertStore::acknowledge(*db, 999999, QStringLiteral("M001"), QStringLiteral("开启除湿机"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, QStringLiteral("not_found"));
    ASSERT_TRUE(AlertStore::acknowledge(*db, id, QStringLiteral("M001"), QStringLiteral("开启除湿机")).ok());
    auto a = AlertStore::get(*db, id);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->ackBy, QStringLiteral("M001"));
    EXPECT_EQ(a->ackAction, QStringLiteral("开启除湿机"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'env.ack' AND subject = 'alert:%1' AND actor = 'M001'").arg(id)), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT ledger_seq FROM env_alerts WHERE id = %1").arg(id)),
              scalar(QStringLiteral("SELECT max(seq) FROM ledger")));
    auto twice = AlertStore::acknowledge(*db, id, QStringLiteral("M001"), QStringLiteral("again"));
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, QStringLiteral("already_done"));
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok);
    // An acknowledged alert survives a replay caused by late readings around it.
    ASSERT_TRUE(store.addReadings({ReadingRow{K, T0 + 650 * kMin + 30000, 20.0, 66.0, QString(), false, QString()}}).ok());
    auto after = AlertStore::get(*db, id);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->ackAction, QStringLiteral("开启除湿机"));
    EXPECT_DOUBLE_EQ(after->peak, 66.0);
}
