// Pure parts of the sensor driver: conversions at known raw values, identification, plausibility, simulation.
#include "devices/sensor/PlausibilityFilter.h"
#include "devices/sensor/SimulatedSensor.h"
#include "devices/sensor/TemperProtocol.h"

#include <gtest/gtest.h>

using namespace archive::sensor;
using namespace archive::sensor::temper;

static QByteArray rep(quint16 a, quint16 b = 0) {
    QByteArray r(8, '\0');
    r[0] = char(0x80); r[1] = 2;
    r[2] = char(a >> 8); r[3] = char(a & 0xff); r[4] = char(b >> 8); r[5] = char(b & 0xff);
    return r;
}

TEST(TemperConversion, Fm75IsRawOver256IncludingNegative) {
    EXPECT_DOUBLE_EQ(fm75TempC(0x1A80), 26.5);     // 6784 / 256
    EXPECT_DOUBLE_EQ(fm75TempC(int16_t(0xF600)), -10.0);
    EXPECT_DOUBLE_EQ(fm75TempC(0), 0.0);
}

TEST(TemperConversion, Si7021) {
    EXPECT_NEAR(si7021TempC(26797), 25.00, 0.005);  // 175.72·26797/65536 − 46.85
    EXPECT_NEAR(si7021Rh(31457), 54.00, 0.005);     // 125·31457/65536 − 6
    EXPECT_NEAR(si7021TempC(13370), -11.00, 0.01);
}

TEST(TemperConversion, Sht1x) {
    EXPECT_NEAR(sht1xTempC(6470), 25.0, 1e-9);
    EXPECT_NEAR(sht1xTempC(2970), -10.0, 1e-9);
    EXPECT_NEAR(sht1xRh(1500, 25.0), 49.413325, 1e-6);  // −2.0468 + 55.05 − 3.589875, no T term at 25 °C
    EXPECT_DOUBLE_EQ(sht1xRh(0, 25.0), 0.0);            // clamped
    EXPECT_DOUBLE_EQ(sht1xRh(4000, 80.0), 100.0);       // clamped
}

TEST(TemperConversion, Si7005) {
    EXPECT_DOUBLE_EQ(si7005TempC(2400), 25.0);
    EXPECT_DOUBLE_EQ(si7005TempC(1280), -10.0);
    // RH0 = 48; RH1 = 48 − (−0.00393·48² + 0.4008·48 − 4.7844) = 42.60072; + (25−30)(0.00237·RH1 + 0.1973)
    EXPECT_NEAR(si7005Rh(1152, 25.0), 41.10941, 1e-4);
}

TEST(TemperConversion, V3V4AreCentiUnits) {
    EXPECT_DOUBLE_EQ(centi(2660), 26.6);
    EXPECT_DOUBLE_EQ(centi(int16_t(0xFC18)), -10.0);
}

TEST(TemperDecode, PerVariant) {
    auto d = decode(Variant::HumV4, rep(2660, 5000));
    ASSERT_TRUE(d.problem.isEmpty());
    ASSERT_EQ(d.values.size(), 1);
    EXPECT_DOUBLE_EQ(d.values[0].tempC, 26.6);
    EXPECT_DOUBLE_EQ(d.values[0].rhPct, 50.0);

    d = decode(Variant::Temper2Fm75, rep(0x1900, 0xFB80));
    ASSERT_EQ(d.values.size(), 2);
    EXPECT_DOUBLE_EQ(d.values[0].tempC, 25.0);
    EXPECT_EQ(d.values[1].probe, QStringLiteral("external"));
    EXPECT_DOUBLE_EQ(d.values[1].tempC, -4.5);

    d = decode(Variant::Temper2V4, rep(2300) + rep(0xFF38));
    ASSERT_EQ(d.values.size(), 2);
    EXPECT_DOUBLE_EQ(d.values[1].tempC, -2.0);
    EXPECT_FALSE(d.values[1].noProbe);

    d = decode(Variant::Temper2V4, rep(2300) + rep(kNoProbe));
    ASSERT_EQ(d.values.size(), 2);
    EXPECT_TRUE(d.values[1].noProbe);

    EXPECT_FALSE(decode(Variant::HumV4, rep(1, 2).left(5)).problem.isEmpty());               // short
    EXPECT_FALSE(decode(Variant::HumV4, QByteArray::fromHex("13371337deadbeef")).problem.isEmpty());  // garbage
    EXPECT_FALSE(decode(Variant::Temper2V4, rep(2300)).problem.isEmpty());                   // 2nd report missing
}

TEST(TemperIdentify, FromFirmwareNames) {
    EXPECT_EQ(identify(0x413d, 0x2107, QStringLiteral("TEMPerGold_V3.1")), Variant::GoldV3);
    EXPECT_EQ(identify(0x413d, 0x2107, QStringLiteral("TEMPerX_V3.1")), Variant::TemperXV3);
    EXPECT_EQ(identify(0x1a86, 0xe025, QStringLiteral("TEMPerHUM_V4.1")), Variant::HumV4);
    EXPECT_EQ(identify(0x1a86, 0xe025, QStringLiteral("TEMPer2_V4.1")), Variant::Temper2V4);
    EXPECT_EQ(identify(0x0c45, 0x7401, QStringLiteral("TEMPERHUM1V1.3")), Variant::Si7021);
    EXPECT_EQ(identify(0x0c45, 0x7402, QStringLiteral("TEMPerHumV1.0rHu")), Variant::Sht1x);
    EXPECT_EQ(identify(0x0c45, 0x7402, QStringLiteral("TEMPerHumM12V1.0")), Variant::Si7005);
    EXPECT_EQ(identify(0x0c45, 0x7401, QStringLiteral("TEMPerV1.4"), 1), Variant::Fm75);
    EXPECT_EQ(identify(0x0c45, 0x7401, QString(), 2), Variant::Temper2Fm75);
    EXPECT_EQ(identify(0x0c45, 0x7402, QString()), Variant::Sht1x);
    EXPECT_EQ(identify(0x1234, 0x5678, QStringLiteral("whatever")), Variant::Unknown);
    EXPECT_TRUE(needsSubtype(0x0c45, 0x7401, QStringLiteral("TEMPerV1.4")));
    EXPECT_FALSE(needsSubtype(0x0c45, 0x7401, QStringLiteral("TEMPERHUM1V1.3")));
    EXPECT_EQ(firmwareName(QByteArray("TEMPerGo") + QByteArray("ld_V3.1 ") + QByteArray(2, '\0')),
              QStringLiteral("TEMPerGold_V3.1"));
}

static Reading at(qint64 ms, double t, double rh = NAN) { return Reading{QStringLiteral("s"), ms, t, rh, QStringLiteral("internal")}; }

TEST(Plausibility, RangeAndSentinel) {
    PlausibilityFilter f;
    Reading r = at(0, 200.0);
    auto v = f.check(r);
    EXPECT_FALSE(v.accepted);
    EXPECT_TRUE(v.reason.contains(QStringLiteral("0x4E20")));
    r = at(0, -55.0);
    EXPECT_FALSE(f.check(r).accepted);
    r = at(0, 20.0, 130.0);
    v = f.check(r);
    EXPECT_TRUE(v.accepted);
    EXPECT_TRUE(v.rhDropped);
    EXPECT_TRUE(std::isnan(r.rhPct));
    r = at(0, NAN);
    EXPECT_FALSE(f.check(r).accepted);
}

TEST(Plausibility, JumpRejectedUntilConfirmed) {
    PlausibilityFilter f;  // 3 °C + 1 °C/min, confirm after 3
    Reading r = at(0, 20.0);
    EXPECT_TRUE(f.check(r).accepted);
    r = at(60000, 21.5);
    EXPECT_TRUE(f.check(r).accepted);        // slow change
    r = at(120000, 35.0);                     // a spike
    auto v = f.check(r);
    EXPECT_FALSE(v.accepted);
    EXPECT_DOUBLE_EQ(v.rejectedValue, 35.0);
    r = at(180000, 21.6);
    EXPECT_TRUE(f.check(r).accepted);         // back to normal
    // a real, persistent step (e.g. sensor moved into another room) is believed on the 3rd reading
    r = at(240000, 30.0); EXPECT_FALSE(f.check(r).accepted);
    r = at(300000, 30.1); EXPECT_FALSE(f.check(r).accepted);
    r = at(360000, 30.0); EXPECT_TRUE(f.check(r).accepted);
    r = at(420000, 30.2); EXPECT_TRUE(f.check(r).accepted);
    // after a long gap (unplugged for hours) larger changes are plausible
    r = at(420000 + 6 * 3600000LL, 24.0);
    EXPECT_TRUE(f.check(r).accepted);
}

TEST(Plausibility, HumidityJumpDropsOnlyHumidity) {
    PlausibilityFilter f;
    Reading r = at(0, 20.0, 45.0);
    EXPECT_TRUE(f.check(r).accepted);
    r = at(60000, 20.1, 90.0);
    auto v = f.check(r);
    EXPECT_TRUE(v.accepted);
    EXPECT_TRUE(v.rhDropped);
    EXPECT_TRUE(std::isnan(r.rhPct));
}

TEST(Simulated, DayNightCurveNoiseAndExcursion) {
    SimulationParams p;
    p.name = QStringLiteral("t");
    p.utcOffsetMinutes = 0;
    p.excursionStartMs = 10 * 3600000LL;
    p.excursionEndMs = 11 * 3600000LL;
    SimulatedSensor s(p);
    EXPECT_EQ(s.info().sensorId, QStringLiteral("sim:t"));
    const auto afternoon = s.valueAt(15 * 3600000LL);
    const auto night = s.valueAt(3 * 3600000LL);
    EXPECT_GT(afternoon.tempC, night.tempC + 2.0);         // 2 × amplitude 1.5 minus noise
    EXPECT_LT(afternoon.rhPct, night.rhPct);
    EXPECT_EQ(s.valueAt(12345).tempC, s.valueAt(12345).tempC);  // reproducible
    EXPECT_NE(s.valueAt(12345).tempC, s.valueAt(72345).tempC);  // but noisy
    const auto before = s.valueAt(10 * 3600000LL - 60000);
    const auto during = s.valueAt(10 * 3600000LL + 60000);
    EXPECT_GT(during.rhPct - before.rhPct, 15.0);
    auto r = s.read(777);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().size(), 1);
    EXPECT_EQ(r.value()[0].atMs, 777);
}
