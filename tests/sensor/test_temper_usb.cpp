// The real TEMPer driver (devices/sensor/TemperSensor) over the real libusb, against emulated sticks.
#include "TemperMock.h"
#include "devices/sensor/TemperSensor.h"
#include "devices/usb/UsbContext.h"

#include <QTest>
#include <gtest/gtest.h>
#include <thread>

using namespace archive::sensor;
using archive::usb::UsbContext;

namespace {

class TemperUsb : public ::testing::Test {
protected:
    void SetUp() override { bed = usbmock_bed_new(); }
    void TearDown() override {
        usb.reset();
        mocks.clear();
        usbmock_bed_free(bed);
    }
    TemperMock& add(TemperMock::Options o) {
        mocks.push_back(std::make_unique<TemperMock>(bed, o));
        EXPECT_TRUE(mocks.back()->ok());
        return *mocks.back();
    }
    void startUsb() {
        usb = std::make_unique<UsbContext>();
        UsbContext::Options o;
        o.rescanIntervalMs = 30;
        ASSERT_TRUE(usb->start(o).ok());
    }
    std::unique_ptr<TemperSensor> openFirst() {
        auto devs = temperDevices(*usb);
        EXPECT_FALSE(devs.isEmpty());
        if (devs.isEmpty()) return nullptr;
        auto s = TemperSensor::open(*usb, devs.first());
        EXPECT_TRUE(s.ok()) << s.errorMessage().toStdString();
        return s ? std::move(s.value()) : nullptr;
    }
    UsbMockBed* bed = nullptr;
    std::vector<std::unique_ptr<TemperMock>> mocks;
    std::unique_ptr<UsbContext> usb;
};

struct Case {
    const char* name;
    quint16 vid, pid;
    const char* firmware;
    int subtype;
    QByteArray reply;
    const char* variant;
    double tempC, rhPct;  // NaN = none
    double extC;          // NaN = no external reading
};

QByteArray r8(quint16 a, quint16 b = 0) { return TemperMock::report(a, b, 0x02); }

class TemperFamily : public TemperUsb, public ::testing::WithParamInterface<Case> {};

TEST_P(TemperFamily, IdentifiesAndReadsKnownRawValues) {
    const Case& c = GetParam();
    TemperMock::Options o;
    o.vid = c.vid;
    o.pid = c.pid;
    o.firmware = c.firmware;
    o.subtype = c.subtype;
    o.port = "2";
    TemperMock& m = add(o);
    m.setReply(c.reply);
    startUsb();
    auto s = openFirst();
    ASSERT_TRUE(s);
    EXPECT_EQ(s->info().variant, QString::fromLatin1(c.variant));
    EXPECT_EQ(s->info().firmware, QString::fromLatin1(c.firmware).trimmed());
    EXPECT_EQ(s->info().sensorId, QStringLiteral("usb:1-2"));
    EXPECT_EQ(usbmock_device_claimed_mask(m.device()), 0x2) << "interface 0 (keyboard) must be left alone";
    auto r = s->read(1000);
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    const auto& list = r.value();
    ASSERT_EQ(list.size(), std::isnan(c.extC) ? 1 : 2);
    EXPECT_EQ(list[0].probe, QStringLiteral("internal"));
    EXPECT_EQ(list[0].atMs, 1000);
    EXPECT_NEAR(list[0].tempC, c.tempC, 0.01);
    if (std::isnan(c.rhPct)) EXPECT_TRUE(std::isnan(list[0].rhPct));
    else EXPECT_NEAR(list[0].rhPct, c.rhPct, 0.01);
    if (!std::isnan(c.extC)) {
        EXPECT_EQ(list[1].probe, QStringLiteral("external"));
        EXPECT_NEAR(list[1].tempC, c.extC, 0.01);
    }
}

INSTANTIATE_TEST_SUITE_P(
    AllVariants, TemperFamily,
    ::testing::Values(
        Case{"fm75", 0x0c45, 0x7401, "TEMPerV1.4      ", 1, r8(0x1A80), "fm75", 26.5, NAN, NAN},
        Case{"fm75_negative", 0x0c45, 0x7401, "TEMPerV1.2      ", 1, r8(0xF600), "fm75", -10.0, NAN, NAN},
        Case{"temper2_fm75", 0x0c45, 0x7401, "TEMPer2         ", 2, r8(0x1900, 0xFB80), "temper2", 25.0, NAN, -4.5},
        Case{"si7021", 0x0c45, 0x7401, "TEMPERHUM1V1.3  ", 0, r8(26797, 31457), "si7021", 25.0, 54.0, NAN},
        Case{"sht1x", 0x0c45, 0x7402, "TEMPerHumV1.0rHu", 0, r8(6470, 1500), "sht1x", 25.0, 49.41, NAN},
        Case{"sht1x_negative", 0x0c45, 0x7402, "TEMPerHumV1.0rHu", 0, r8(2970, 1500), "sht1x", -10.0,
             /* (−10−25)(0.01+0.12) + 49.413 */ 44.86, NAN},
        Case{"si7005", 0x0c45, 0x7402, "TEMPerHumM12V1.0", 0, r8(2400, 1152), "si7005", 25.0, 41.11, NAN},
        Case{"gold_v3", 0x413d, 0x2107, "TEMPerGold_V3.1 ", 0, r8(2300), "v3-gold", 23.0, NAN, NAN},
        Case{"gold_v3_negative", 0x413d, 0x2107, "TEMPerGold_V3.1 ", 0, r8(0xFC18), "v3-gold", -10.0, NAN, NAN},
        Case{"temperx_v3", 0x413d, 0x2107, "TEMPerX_V3.1    ", 0, r8(2660, 5000), "v3-x", 26.6, 50.0, NAN},
        Case{"hum_v4", 0x1a86, 0xe025, "TEMPerHUM_V4.1  ", 0, r8(0xFF9C, 8550), "v4-hum", -1.0, 85.5, NAN},
        Case{"temper2_v4_probe", 0x1a86, 0xe025, "TEMPer2_V4.1    ", 0, r8(2300) + r8(0xFF38), "v4-temper2", 23.0,
             NAN, -2.0},
        Case{"temper2_v4_no_probe", 0x1a86, 0xe025, "TEMPer2_V4.1    ", 0, r8(2300) + r8(0x4E20), "v4-temper2",
             23.0, NAN, NAN}),
    [](const ::testing::TestParamInfo<Case>& i) { return std::string(i.param.name); });

TEST_F(TemperUsb, StickThatMustBeAskedTwice) {
    TemperMock& m = add({});
    m.setReply(r8(2150));
    startUsb();
    auto s = openFirst();
    ASSERT_TRUE(s);
    m.setMode(TemperMock::Mode::IgnoreFirstRead);
    auto r = s->read(1);
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_DOUBLE_EQ(r.value()[0].tempC, 21.5);
    EXPECT_EQ(m.readCommands(), 2);
}

TEST_F(TemperUsb, ShortFirmwareReadIsRetried) {
    TemperMock::Options o;
    o.firmware = "TEMPerHUM_V4.1  ";
    TemperMock& m = add(o);
    m.setMode(TemperMock::Mode::ShortFirmwareOnce);
    startUsb();
    auto s = openFirst();
    ASSERT_TRUE(s);
    EXPECT_EQ(s->info().firmware, QStringLiteral("TEMPerHUM_V4.1"));
    EXPECT_EQ(s->info().variant, QStringLiteral("v4-hum"));
    EXPECT_GE(m.firmwareCommands(), 2);
}

TEST_F(TemperUsb, GarbageAndShortRepliesAreErrorsNotReadings) {
    TemperMock& m = add({});
    startUsb();
    auto s = openFirst();
    ASSERT_TRUE(s);
    m.setMode(TemperMock::Mode::Garbage);
    auto r = s->read(1);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("sensor_garbage"));
    EXPECT_FALSE(r.error().messageZh.isEmpty());
    EXPECT_FALSE(r.error().messageEn.isEmpty());
    m.setMode(TemperMock::Mode::ShortReply);
    r = s->read(2);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("sensor_garbage"));
    m.setMode(TemperMock::Mode::Normal);  // and it recovers
    r = s->read(3);
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_DOUBLE_EQ(r.value()[0].tempC, 23.0);
}

TEST_F(TemperUsb, StickThatStopsAnswering) {
    TemperMock& m = add({});
    startUsb();
    auto s = openFirst();
    ASSERT_TRUE(s);
    m.setMode(TemperMock::Mode::Silent);
    auto r = s->read(1);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("sensor_silent"));
    m.setMode(TemperMock::Mode::Normal);
    EXPECT_TRUE(s->read(2).ok());
}

TEST_F(TemperUsb, UnplugMidReadAndReplug) {
    TemperMock::Options o;
    o.port = "4";
    TemperMock& m = add(o);
    startUsb();
    auto s = openFirst();
    ASSERT_TRUE(s);
    const QString id = s->info().sensorId;
    m.setMode(TemperMock::Mode::Silent);  // the read hangs until …
    std::thread puller([&] {
        QThread::msleep(150);
        usbmock_device_unplug(m.device());  // … the stick is pulled
    });
    auto r = s->read(1);
    puller.join();
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(isDeviceGone(r.error())) << r.error().code.toStdString();
    s.reset();
    usb->rescan();
    auto gone = openTemperByKey(*usb, id);
    ASSERT_FALSE(gone.ok());
    EXPECT_TRUE(isDeviceGone(gone.error()));

    m.setMode(TemperMock::Mode::Normal);
    ASSERT_EQ(usbmock_device_replug(m.device()), 0);
    usb->rescan();
    auto back = openTemperByKey(*usb, id);
    ASSERT_TRUE(back.ok()) << back.errorMessage().toStdString();
    EXPECT_EQ(back.value()->info().sensorId, id);  // same identity after replug
    EXPECT_TRUE(back.value()->read(5).ok());
}

TEST_F(TemperUsb, TwoIdenticalSticksWithoutSerialAreTellApartByPort) {
    TemperMock::Options a, b;
    a.port = "1";
    b.port = "3";
    TemperMock& ma = add(a);
    TemperMock& mb = add(b);
    ma.setReply(r8(1800));
    mb.setReply(r8(2400));
    startUsb();
    auto found = identifyTemperSensors(*usb);
    ASSERT_EQ(found.size(), 2);
    EXPECT_EQ(found[0].info.sensorId, QStringLiteral("usb:1-1"));
    EXPECT_EQ(found[1].info.sensorId, QStringLiteral("usb:1-3"));
    auto sa = openTemperByKey(*usb, QStringLiteral("usb:1-1"));
    auto sb = openTemperByKey(*usb, QStringLiteral("usb:1-3"));
    ASSERT_TRUE(sa.ok() && sb.ok());
    EXPECT_DOUBLE_EQ(sa.value()->read(1).value()[0].tempC, 18.0);
    EXPECT_DOUBLE_EQ(sb.value()->read(1).value()[0].tempC, 24.0);
}

TEST_F(TemperUsb, SerialIdentitySurvivesMovingToAnotherPort) {
    TemperMock::Options o;
    o.port = "2";
    o.serial = "TH0042";
    TemperMock& m = add(o);
    TemperMock::Options other;
    other.port = "5";
    other.serial = "TH0099";
    add(other);
    startUsb();
    auto s = openTemperByKey(*usb, QStringLiteral("usb-sn:TH0042"));
    ASSERT_TRUE(s.ok()) << s.errorMessage().toStdString();
    EXPECT_EQ(s.value()->info().portPath, QStringLiteral("1-2"));
    EXPECT_EQ(s.value()->info().serial, QStringLiteral("TH0042"));
    s = archive::Error{};
    usbmock_device_unplug(m.device());
    // plug the same stick into another port
    TemperMock::Options moved = o;
    moved.port = "6";
    add(moved);
    usb->rescan();
    auto again = openTemperByKey(*usb, QStringLiteral("usb-sn:TH0042"));
    ASSERT_TRUE(again.ok()) << again.errorMessage().toStdString();
    EXPECT_EQ(again.value()->info().portPath, QStringLiteral("1-6"));
}

}  // namespace
