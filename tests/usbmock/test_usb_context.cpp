// UsbContext + UsbDeviceHandle against the real libusb under umockdev (tests/usbmock).
#include "devices/usb/UsbContext.h"
#include "devices/usb/UsbDeviceHandle.h"
#include "devices/usb/UsbError.h"
#include "usbmock.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <thread>
#include <gtest/gtest.h>

using namespace archive::usb;

namespace {

// A HID stick that answers every SET_REPORT on interface 1 with one 8-byte report on 0x82
// carrying a counter, and a vendor IN request with two bytes.
struct EchoStick {
    int reports = 0;
    static int control(UsbMockDevice* dev, const uint8_t setup[8], uint8_t* data, int len, void* user) {
        auto* self = static_cast<EchoStick*>(user);
        if (setup[0] == 0x21 && setup[1] == 0x09 && setup[4] == 1) {
            uint8_t reply[8] = {0x80, 0x01, uint8_t(self->reports++), data[1], 0, 0, 0, 0};
            usbmock_device_queue_in(dev, 0x82, reply, 8, 0);
            return len;
        }
        if (setup[0] == 0xC0 && setup[1] == 0x10 && len >= 2) {
            data[0] = 0xAB;
            data[1] = 0xCD;
            return 2;
        }
        return USBMOCK_STALL;
    }
};

class UsbContextTest : public ::testing::Test {
protected:
    void SetUp() override { bed = usbmock_bed_new(); }
    void TearDown() override {
        usb.reset();
        usbmock_bed_free(bed);
    }
    UsbMockDevice* addStick(const char* port, const char* serial = nullptr) {
        UsbMockDeviceSpec spec = usbmock_hid_spec(0x413d, 0x2107, 2);
        spec.port = port;
        spec.product = "TEMPer2";
        spec.serial = serial;
        UsbMockCallbacks cb{};
        cb.control = &EchoStick::control;
        return usbmock_device_add(bed, &spec, &cb, &stick);
    }
    void startUsb(int rescanMs = 50, UsbContext::Options::Fresh fresh = UsbContext::Options::Fresh::Auto) {
        usb = std::make_unique<UsbContext>();
        UsbContext::Options o;
        o.rescanIntervalMs = rescanMs;
        o.freshEnumeration = fresh;
        o.freshIntervalMs = 200;
        auto st = usb->start(o);
        ASSERT_TRUE(st.ok()) << st.errorMessage().toStdString();
    }
    UsbMockBed* bed = nullptr;
    EchoStick stick;
    std::unique_ptr<UsbContext> usb;
};

TEST_F(UsbContextTest, EnumeratesEmulatedDeviceWithPortPath) {
    ASSERT_NE(addStick("2"), nullptr);
    startUsb();
    auto list = usb->devices(0x413d, 0x2107);
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0].portPath, QStringLiteral("1-2"));
    EXPECT_EQ(list[0].bus, 1);
    EXPECT_EQ(list[0].vidPid(), QStringLiteral("413d:2107"));
}

TEST_F(UsbContextTest, ControlAndInterruptTransfersReachTheMock) {
    UsbMockDevice* dev = addStick("3", "SN-0042");
    ASSERT_NE(dev, nullptr);
    startUsb();
    auto list = usb->devices(0x413d, 0x2107);
    ASSERT_EQ(list.size(), 1);
    auto h = UsbDeviceHandle::open(*usb, list[0]);
    ASSERT_TRUE(h.ok()) << h.errorMessage().toStdString();
    auto& handle = *h.value();
    auto serial = handle.serialNumber();
    ASSERT_TRUE(serial.ok()) << serial.errorMessage().toStdString();
    EXPECT_EQ(serial.value(), QStringLiteral("SN-0042"));
    EXPECT_EQ(handle.productName().value(), QStringLiteral("TEMPer2"));
    ASSERT_TRUE(handle.claimInterface(1).ok());
    EXPECT_EQ(usbmock_device_claimed_mask(dev) & 2, 2);

    for (int i = 0; i < 3; ++i) {
        auto sent = handle.hidSetReport(1, 2, 0, QByteArray::fromHex("0180330100000000"), 500);
        ASSERT_TRUE(sent.ok()) << sent.errorMessage().toStdString();
        EXPECT_EQ(sent.value(), 8);
        auto in = handle.interruptIn(0x82, 8, 500);
        ASSERT_TRUE(in.ok()) << in.errorMessage().toStdString();
        ASSERT_EQ(in.value().size(), 8);
        EXPECT_EQ(quint8(in.value()[0]), 0x80);
        EXPECT_EQ(quint8(in.value()[2]), i);
        EXPECT_EQ(quint8(in.value()[3]), 0x80);
    }
    auto vendor = handle.controlIn(0xC0, 0x10, 0, 0, 2, 500);
    ASSERT_TRUE(vendor.ok());
    EXPECT_EQ(vendor.value(), QByteArray::fromHex("abcd"));
    // an unknown request stalls → a clear error value, not a crash
    auto stalled = handle.controlIn(0xC0, 0x55, 0, 0, 2, 500);
    ASSERT_FALSE(stalled.ok());
    EXPECT_EQ(stalled.error().code, QStringLiteral("usb_pipe"));
    EXPECT_FALSE(stalled.error().messageZh.isEmpty());
}

TEST_F(UsbContextTest, SilentDeviceTimesOut) {
    UsbMockDevice* dev = addStick("4");
    startUsb();
    auto h = UsbDeviceHandle::open(*usb, usb->devices(0x413d, 0x2107).value(0));
    ASSERT_TRUE(h.ok());
    ASSERT_TRUE(h.value()->claimInterface(1).ok());
    usbmock_device_set_mute(dev, 1);
    auto in = h.value()->interruptIn(0x82, 8, 100);
    ASSERT_FALSE(in.ok());
    EXPECT_EQ(in.error().code, QStringLiteral("usb_timeout"));
    usbmock_device_set_mute(dev, 0);
    ASSERT_TRUE(h.value()->hidSetReport(1, 2, 0, QByteArray(8, '\1'), 500).ok());
    EXPECT_TRUE(h.value()->interruptIn(0x82, 8, 500).ok());
}

TEST_F(UsbContextTest, UnplugFailsPendingReadAndReplugIsSeen) {
    UsbMockDevice* dev = addStick("5");
    startUsb(30);
    QSignalSpy left(usb.get(), &UsbContext::deviceLeft);
    QSignalSpy arrived(usb.get(), &UsbContext::deviceArrived);
    auto info = usb->devices(0x413d, 0x2107).value(0);
    auto h = UsbDeviceHandle::open(*usb, info);
    ASSERT_TRUE(h.ok());
    ASSERT_TRUE(h.value()->claimInterface(1).ok());

    std::thread puller([&] {
        QThread::msleep(100);
        usbmock_device_unplug(dev);
    });
    auto in = h.value()->interruptIn(0x82, 8, 5000);  // pending while the stick is pulled
    puller.join();
    ASSERT_FALSE(in.ok());
    EXPECT_EQ(in.error().code, QStringLiteral("usb_no_device"));
    EXPECT_TRUE(isGone(in.error()));
    h = archive::Error{};  // close the stale handle
    EXPECT_TRUE(QTest::qWaitFor([&] { return !left.isEmpty(); }, 5000));
    EXPECT_TRUE(usb->devices(0x413d, 0x2107).isEmpty());

    ASSERT_EQ(usbmock_device_replug(dev), 0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !arrived.isEmpty(); }, 5000));
    auto again = usb->devices(0x413d, 0x2107);
    ASSERT_EQ(again.size(), 1);
    EXPECT_EQ(again[0].portPath, info.portPath);       // same socket
    EXPECT_NE(again[0].address, info.address);         // new address
    auto h2 = UsbDeviceHandle::open(*usb, again[0]);
    ASSERT_TRUE(h2.ok()) << h2.errorMessage().toStdString();
    ASSERT_TRUE(h2.value()->claimInterface(1).ok());
    ASSERT_TRUE(h2.value()->hidSetReport(1, 2, 0, QByteArray(8, '\2'), 500).ok());
    EXPECT_TRUE(h2.value()->interruptIn(0x82, 8, 500).ok());
}

TEST_F(UsbContextTest, OpeningAVanishedDeviceIsAnErrorValue) {
    UsbMockDevice* dev = addStick("6");
    startUsb(30);
    auto info = usb->devices(0x413d, 0x2107).value(0);
    usbmock_device_unplug(dev);
    usb->rescan();
    auto h = UsbDeviceHandle::open(*usb, info);
    ASSERT_FALSE(h.ok());
    EXPECT_EQ(h.error().code, QStringLiteral("usb_no_device"));
}

// No udevd: nobody tells libusb that the stick was pulled. The main context alone keeps listing it …
TEST_F(UsbContextTest, WithoutUdevdTheMainContextKeepsAPulledStick) {
    usbmock_bed_set_remove_uevents(bed, 0);
    UsbMockDevice* dev = addStick("8");
    startUsb(30, UsbContext::Options::Fresh::Never);
    EXPECT_FALSE(usb->freshEnumeration());
    ASSERT_EQ(usb->devices(0x413d, 0x2107).size(), 1);
    usbmock_device_unplug(dev);
    usb->rescan();
    EXPECT_EQ(usb->devices(0x413d, 0x2107).size(), 1);  // stale: this is what issue 4's fallback is for
}

// … while fresh enumeration notices it, sees it back after a replug, and keeps the context of an open
// device alive across later enumerations.
TEST_F(UsbContextTest, WithoutUdevdFreshEnumerationSeesUnplugAndReplug) {
    usbmock_bed_set_remove_uevents(bed, 0);
    UsbMockDevice* dev = addStick("9");
    startUsb(30, UsbContext::Options::Fresh::Always);
    EXPECT_TRUE(usb->freshEnumeration());
    QSignalSpy left(usb.get(), &UsbContext::deviceLeft);
    QSignalSpy arrived(usb.get(), &UsbContext::deviceArrived);
    const auto info = usb->devices(0x413d, 0x2107).value(0);
    ASSERT_EQ(info.vendorId, 0x413d);
    {
        auto h = UsbDeviceHandle::open(*usb, info);
        ASSERT_TRUE(h.ok()) << h.errorMessage().toStdString();
        ASSERT_TRUE(h.value()->claimInterface(1).ok());
        ASSERT_TRUE(h.value()->hidSetReport(1, 2, 0, QByteArray(8, '\1'), 500).ok());
        EXPECT_TRUE(h.value()->interruptIn(0x82, 8, 500).ok());
    }
    usbmock_device_unplug(dev);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !left.isEmpty(); }, 10000));  // by the periodic fresh enumeration
    EXPECT_EQ(left.first().first().value<UsbDeviceInfo>().portPath, info.portPath);
    EXPECT_TRUE(usb->devices(0x413d, 0x2107).isEmpty());

    ASSERT_EQ(usbmock_device_replug(dev), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !arrived.isEmpty(); }, 10000));
    auto again = usb->devices(0x413d, 0x2107);
    ASSERT_EQ(again.size(), 1);
    EXPECT_EQ(again[0].portPath, info.portPath);
    EXPECT_NE(again[0].address, info.address);
    auto h2 = UsbDeviceHandle::open(*usb, again[0]);
    ASSERT_TRUE(h2.ok()) << h2.errorMessage().toStdString();
    ASSERT_TRUE(h2.value()->claimInterface(1).ok());
    for (int i = 0; i < 3; ++i) usb->rescan();  // later enumerations must not pull the device's context away
    ASSERT_EQ(usb->devices(0x413d, 0x2107).size(), 1);
    ASSERT_TRUE(h2.value()->hidSetReport(1, 2, 0, QByteArray(8, '\2'), 500).ok());
    auto in = h2.value()->interruptIn(0x82, 8, 500);
    ASSERT_TRUE(in.ok()) << in.errorMessage().toStdString();
    EXPECT_EQ(uchar(in.value().at(3)), 2);
    h2 = archive::Error{};
    usb->stop();  // the device's context exits with the last reference
}

TEST_F(UsbContextTest, StartStopIsClean) {
    addStick("7");
    for (int i = 0; i < 3; ++i) {
        startUsb(20);
        EXPECT_TRUE(usb->isRunning());
        usb->stop();
        EXPECT_FALSE(usb->isRunning());
        usb->stop();  // idempotent
    }
}

}  // namespace
