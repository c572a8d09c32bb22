// The excursion state machine on synthetic series (issue 5): edge flicker, short spikes, slow drift, gaps.
#include "db/env/ExcursionDetector.h"

#include <QSet>
#include <gtest/gtest.h>
#include <cmath>

using namespace archive::db::env;

namespace {
constexpr qint64 kMin = 60000;
constexpr qint64 T0 = 1'700'000'000'000;

ClimateLimits paper() {
    ClimateLimits l;  // 14–24 °C, 45–60 %, ±2 °C / ±5 % per day, 15 min, hysteresis 0.5 °C / 2 %
    return l;
}

// Feeds minute readings rh(i) with a steady 20 °C, returns every change seen.
template <class F>
QList<Excursion> run(ExcursionDetector& d, int minutes, F rh, qint64 start = T0) {
    QList<Excursion> all;
    for (int i = 0; i < minutes; ++i) {
        d.feed(start + i * kMin, 20.0, rh(i));
        all += d.takeChanges();
    }
    return all;
}
int countOpened(const QList<Excursion>& changes, AlertKind k) {
    QSet<int> serials;
    for (const auto& e : changes) if (e.kind == k) serials.insert(e.serial);
    return serials.size();
}
}  // namespace

TEST(EnvDetector, SteadyInRangeRaisesNothing) {
    ExcursionDetector d(paper());
    EXPECT_TRUE(run(d, 3 * 24 * 60, [](int) { return 50.0; }).isEmpty());
    EXPECT_TRUE(d.openExcursions().isEmpty());
}

TEST(EnvDetector, FlickerAtTheEdgeDoesNotSpam) {
    ExcursionDetector d(paper());
    // 59.9 / 60.1 alternating every minute for 6 hours: never 15 minutes out in a row → nothing.
    auto changes = run(d, 6 * 60, [](int i) { return i % 2 ? 60.1 : 59.9; });
    EXPECT_EQ(countOpened(changes, AlertKind::RhHigh), 0);

    // Now a real excursion: 30 min at 63 %, then flicker 59.5/60.5 for 3 hours (inside the 2 % hysteresis
    // band), then 55 % for an hour: exactly one alert, which ends when RH came back below 58 %.
    ExcursionDetector d2(paper());
    auto rh = [](int i) {
        if (i < 30) return 63.0;
        if (i < 30 + 180) return i % 2 ? 60.5 : 59.5;
        return 55.0;
    };
    auto ch = run(d2, 30 + 180 + 60, rh);
    EXPECT_EQ(countOpened(ch, AlertKind::RhHigh), 1);
    ASSERT_FALSE(ch.isEmpty());
    const Excursion last = ch.last();
    EXPECT_EQ(last.kind, AlertKind::RhHigh);
    EXPECT_EQ(last.startMs, T0);
    EXPECT_EQ(last.endMs, T0 + 210 * kMin);
    EXPECT_DOUBLE_EQ(last.peak, 63.0);
    EXPECT_TRUE(d2.openExcursions().isEmpty());
}

TEST(EnvDetector, ShortSpikeUnderTheMinimumDurationIsIgnored) {
    ExcursionDetector d(paper());
    auto ch = run(d, 240, [](int i) { return (i >= 60 && i < 70) ? 75.0 : 50.0; });  // 10 min spike
    EXPECT_EQ(countOpened(ch, AlertKind::RhHigh), 0);
    ExcursionDetector d2(paper());
    auto ch2 = run(d2, 240, [](int i) { return (i >= 60 && i < 80) ? 75.0 : 50.0; });  // 20 min: counts
    EXPECT_EQ(countOpened(ch2, AlertKind::RhHigh), 1);
    EXPECT_EQ(ch2.last().startMs, T0 + 60 * kMin);
    EXPECT_EQ(ch2.last().endMs, T0 + 80 * kMin);
}

TEST(EnvDetector, SlowDriftOpensOnceAndTracksThePeak) {
    ExcursionDetector d(paper());
    // RH climbs 50 → 66 % over 16 hours, stays 4 hours, falls back over 16 hours.
    auto rh = [](int i) {
        const double h = i / 60.0;
        if (h < 16) return 50.0 + h;
        if (h < 20) return 66.0;
        if (h < 36) return 66.0 - (h - 20);
        return 50.0;
    };
    auto ch = run(d, 40 * 60, rh);
    EXPECT_EQ(countOpened(ch, AlertKind::RhHigh), 1);
    const Excursion e = ch.last();
    EXPECT_EQ(e.kind, AlertKind::RhHigh);
    EXPECT_NEAR(e.peak, 66.0, 1e-9);
    // opens at the first reading above 60 % (h = 10 + 1 min), closes once below 58 % (h > 28)
    EXPECT_EQ(e.startMs, T0 + (10 * 60 + 1) * kMin);
    EXPECT_FALSE(e.open());
    EXPECT_GE(e.endMs, T0 + 28 * 60 * kMin);
    EXPECT_LE(e.endMs, T0 + 28 * 60 * kMin + 2 * kMin);
    // the drift 50 → 66 % within 24 h is also a swing of 16 % > 2 × 5 %
    EXPECT_EQ(countOpened(ch, AlertKind::RhSwing), 1);
}

TEST(EnvDetector, GapResetsPendingButKeepsActive) {
    ExcursionDetector d(paper());
    // 10 min out, 2-hour gap, 10 min out: neither side alone lasts 15 minutes → nothing.
    QList<Excursion> ch;
    for (int i = 0; i < 10; ++i) { d.feed(T0 + i * kMin, 25.0, 50); ch += d.takeChanges(); }
    for (int i = 0; i < 10; ++i) { d.feed(T0 + (130 + i) * kMin, 25.0, 50); ch += d.takeChanges(); }
    EXPECT_EQ(countOpened(ch, AlertKind::TempHigh), 0);
    // An active excursion survives a gap and closes after it.
    ExcursionDetector d2(paper());
    QList<Excursion> ch2;
    for (int i = 0; i < 30; ++i) { d2.feed(T0 + i * kMin, 25.0, 50); ch2 += d2.takeChanges(); }
    for (int i = 0; i < 30; ++i) { d2.feed(T0 + (150 + i) * kMin, 21.0, 50); ch2 += d2.takeChanges(); }
    EXPECT_EQ(countOpened(ch2, AlertKind::TempHigh), 1);
    EXPECT_EQ(ch2.last().endMs, T0 + 150 * kMin);
}

TEST(EnvDetector, LateReadingsAreNotFedBackwards) {
    ExcursionDetector d(paper());
    d.feed(T0 + 10 * kMin, 20, 50);
    d.feed(T0 + 5 * kMin, 30, 50);  // older than the last: ignored here (the store replays instead)
    EXPECT_EQ(d.lastAt(), T0 + 10 * kMin);
    EXPECT_TRUE(d.takeChanges().isEmpty());
}

TEST(EnvDetector, TemperatureLowAndSwing) {
    ExcursionDetector d(paper());
    QList<Excursion> ch;
    for (int i = 0; i < 120; ++i) { d.feed(T0 + i * kMin, i < 60 ? 12.0 : 19.0, 50); ch += d.takeChanges(); }
    EXPECT_EQ(countOpened(ch, AlertKind::TempLow), 1);
    EXPECT_EQ(countOpened(ch, AlertKind::TempSwing), 1);  // 12 → 19 °C is a 7 °C range > 4 °C
    bool sawLowPeak = false;
    for (const auto& e : ch) if (e.kind == AlertKind::TempLow && e.peak == 12.0) sawLowPeak = true;
    EXPECT_TRUE(sawLowPeak);
}

TEST(EnvDetector, KindCodesRoundTrip) {
    for (AlertKind k : {AlertKind::TempHigh, AlertKind::TempLow, AlertKind::RhHigh, AlertKind::RhLow,
                        AlertKind::TempSwing, AlertKind::RhSwing, AlertKind::Silence}) {
        EXPECT_EQ(alertKindFromCode(alertKindCode(k)), k);
        EXPECT_FALSE(alertKindText(k).isEmpty());
    }
    EXPECT_FALSE(alertKindFromCode(QStringLiteral("bogus")).has_value());
}
