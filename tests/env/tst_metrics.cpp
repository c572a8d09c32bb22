// Preservation metrics against reference points (devices.md §5, issue 5).
#include "db/env/Metrics.h"
#include "db/env/Rollup.h"
#include "db/env/RollupStore.h"

#include <gtest/gtest.h>
#include <cmath>

using namespace archive::db::env;

namespace {
void expectWithin(double actual, double expected, double relTol) {
    EXPECT_NEAR(actual, expected, expected * relTol) << "actual " << actual << " expected ≈ " << expected;
}
CompactReading r(qint64 at, double t, double rh) {
    return CompactReading{at, qint32(std::lround(t * 100)), qint32(std::lround(rh * 100)), 0};
}
}  // namespace

TEST(EnvMetrics, PreservationIndexReferencePoints) {
    expectWithin(preservationIndex(20, 50), 44, 0.06);
    expectWithin(preservationIndex(20, 45), 50, 0.06);
    expectWithin(preservationIndex(14, 45), 108, 0.06);
    expectWithin(preservationIndex(25, 60), 19, 0.06);
    EXPECT_GT(preservationIndex(10, 40), preservationIndex(30, 70));  // cooler and drier lasts longer
}

TEST(EnvMetrics, EquilibriumMoistureContentReferencePoints) {
    EXPECT_NEAR(equilibriumMoistureContent(20, 50), 9.3, 0.1);
    EXPECT_NEAR(equilibriumMoistureContent(20, 65), 12.0, 0.1);
}

TEST(EnvMetrics, BandsAndDewPoint) {
    EXPECT_EQ(twpiBand(80), Band::Good);
    EXPECT_EQ(twpiBand(50), Band::Ok);
    EXPECT_EQ(twpiBand(30), Band::Risk);
    EXPECT_EQ(metalCorrosionBand(6.5), Band::Good);
    EXPECT_EQ(metalCorrosionBand(9.0), Band::Ok);
    EXPECT_EQ(metalCorrosionBand(11.0), Band::Risk);
    EXPECT_TRUE(mechanicalDamageOk(9.3));
    EXPECT_FALSE(mechanicalDamageOk(13.0));
    EXPECT_FALSE(mechanicalDamageOk(4.5));
    EXPECT_NEAR(dewPoint(20, 50), 9.3, 0.1);   // Magnus: 20 °C / 50 % → 9.26 °C
    EXPECT_NEAR(dewPoint(25, 100), 25.0, 0.01);
}

TEST(EnvMetrics, MouldRiskOnlyAboveTheIsoline) {
    EXPECT_TRUE(std::isinf(daysToMould(20, 60)));   // below 65 %: never
    EXPECT_TRUE(std::isinf(daysToMould(1, 95)));    // too cold
    EXPECT_TRUE(std::isinf(daysToMould(20, mouldIsolineRh(20) - 1)));
    const double d80 = daysToMould(25, 85), d95 = daysToMould(25, 95);
    EXPECT_TRUE(std::isfinite(d80));
    EXPECT_LT(d95, d80);  // wetter → faster
}

TEST(EnvMetrics, TwpiOfConstantSeriesEqualsItsPi) {
    std::vector<CompactReading> rows;
    for (int i = 0; i < 24 * 60; ++i) rows.push_back(r(1'700'000'000'000 + i * 60000LL, 20, 45));
    const RollupAgg a = RollupStore::aggregate(rows, std::nullopt, 60000);
    EXPECT_NEAR(a.twpi(), preservationIndex(20, 45), 1e-9 * preservationIndex(20, 45));
    EXPECT_EQ(a.dtS, 24 * 3600);
}

TEST(EnvMetrics, TwpiAcrossAGapDoesNotCountTheGap) {
    // 12 h at 20 °C/45 %, a 10-day outage, 12 h at 25 °C/60 %. Equal weights on both sides: the gap
    // neither counts as time nor stretches the last reading before it.
    std::vector<CompactReading> rows;
    const qint64 t0 = 1'700'000'000'000;
    for (int i = 0; i < 720; ++i) rows.push_back(r(t0 + i * 60000LL, 20, 45));
    const qint64 t1 = t0 + 720 * 60000LL + 10 * kDayMs;
    for (int i = 0; i < 720; ++i) rows.push_back(r(t1 + i * 60000LL, 25, 60));
    const RollupAgg a = RollupStore::aggregate(rows, std::nullopt, 60000);
    // Σ Δt: 1440 readings of 60 s, except the first after the gap which is capped at 2 intervals.
    EXPECT_EQ(a.dtS, 1440 * 60 + 60);
    const double p1 = preservationIndex(20, 45), p2 = preservationIndex(25, 60);
    const double expected = (720.0 * 60 + 720.0 * 60 + 60) / (720.0 * 60 / p1 + (720.0 * 60 + 60) / p2);
    EXPECT_NEAR(a.twpi(), expected, 1e-9 * expected);
    const double naiveGapFilled = (720.0 * 60 + 10 * 86400.0) / p1 + 720.0 * 60 / p2;  // what filling would give
    EXPECT_GT(std::fabs(a.twpi() - (720.0 * 60 * 2 + 10 * 86400.0) / naiveGapFilled), 1.0);
}
