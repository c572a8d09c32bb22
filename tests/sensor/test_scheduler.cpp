// SensorScheduler: own worker per sensor, absolute deadlines, offsets, filter, status, unplug/replug.
#include "TemperMock.h"
#include "devices/sensor/SensorErrors.h"
#include "devices/sensor/SensorScheduler.h"
#include "devices/sensor/SimulatedSensor.h"
#include "devices/sensor/TemperSensor.h"
#include "devices/usb/UsbContext.h"
#include "devices/usb/UsbError.h"

#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

using namespace archive::sensor;

namespace {

// A device whose behaviour the test controls.
struct FakeDevice : SensorDevice {
    std::function<archive::Result<QList<Reading>>(qint64)> fn;
    QString id;
    SensorInfo info() const override { SensorInfo i; i.sensorId = id; return i; }
    archive::Result<QList<Reading>> read(qint64 at) override { return fn(at); }
};

SensorOpener simOpener(int index) {
    return [index]() -> archive::Result<std::unique_ptr<SensorDevice>> {
        return std::unique_ptr<SensorDevice>(new SimulatedSensor(SimulatedSensor::forIndex(index)));
    };
}

struct Collected {
    std::mutex m;
    QList<Reading> all;
    void add(const QList<Reading>& rs) { std::lock_guard lk(m); all += rs; }
    QList<Reading> of(const QString& id) {
        std::lock_guard lk(m);
        QList<Reading> out;
        for (const auto& r : all) if (r.sensorId == id) out.append(r);
        return out;
    }
    int count(const QString& id) { return of(id).size(); }
};

TEST(Scheduler, PollsEachSensorOnItsIntervalWithoutDoubles) {
    SensorScheduler s;
    Collected got;
    s.setReadingCallback([&](const QList<Reading>& rs) { got.add(rs); });
    SensorConfig a{QStringLiteral("sim:room-1"), 40};
    SensorConfig b{QStringLiteral("sim:room-2"), 90};
    s.addSensor(a, simOpener(0));
    s.addSensor(b, simOpener(1));
    s.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.count(b.sensorId) >= 6; }, 20000));
    s.stop();
    for (const auto& cfg : {a, b}) {
        const auto rs = got.of(cfg.sensorId);
        const auto st = s.stats(cfg.sensorId);
        EXPECT_EQ(st.readings, rs.size());
        EXPECT_EQ(st.ticks, rs.size() + 0) << "every served deadline gives exactly one reading";
        for (int i = 1; i < rs.size(); ++i) {
            EXPECT_GT(rs[i].atMs, rs[i - 1].atMs) << "no doubled reading";
            EXPECT_EQ(rs[i].sensorId, cfg.sensorId);
        }
    }
    EXPECT_GE(got.count(a.sensorId), got.count(b.sensorId)) << "the faster sensor is read more often";
}

TEST(Scheduler, CalibrationOffsetsAreApplied) {
    SensorScheduler s;
    Collected got;
    s.setReadingCallback([&](const QList<Reading>& rs) { got.add(rs); });
    auto dev = [](qint64 at) -> archive::Result<QList<Reading>> {
        return QList<Reading>{Reading{QString(), at, 20.0, 50.0, QStringLiteral("internal")}};
    };
    SensorConfig c{QStringLiteral("fake:1"), 30, -0.5, 2.0};
    s.addSensor(c, [dev]() -> archive::Result<std::unique_ptr<SensorDevice>> {
        auto d = std::make_unique<FakeDevice>();
        d->fn = dev;
        return std::unique_ptr<SensorDevice>(std::move(d));
    });
    s.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.count(c.sensorId) >= 2; }, 10000));
    s.stop();
    const auto r = got.of(c.sensorId).first();
    EXPECT_DOUBLE_EQ(r.tempC, 19.5);
    EXPECT_DOUBLE_EQ(r.rhPct, 52.0);
    EXPECT_EQ(r.sensorId, c.sensorId);
}

TEST(Scheduler, ImplausibleValuesAreRejectedAndReported) {
    SensorScheduler s;
    Collected got;
    s.setReadingCallback([&](const QList<Reading>& rs) { got.add(rs); });
    QSignalSpy rejected(&s, &SensorScheduler::readingRejected);
    std::atomic<int> n{0};
    auto fn = [&n](qint64 at) -> archive::Result<QList<Reading>> {
        const int i = n++;
        const double t = i == 2 ? 200.0 /* 0x4E20 */ : i == 4 ? 60.0 /* spike */ : 21.0;
        return QList<Reading>{Reading{QString(), at, t, NAN, QStringLiteral("internal")}};
    };
    s.addSensor({QStringLiteral("fake:f"), 20}, [fn]() -> archive::Result<std::unique_ptr<SensorDevice>> {
        auto d = std::make_unique<FakeDevice>();
        d->fn = fn;
        return std::unique_ptr<SensorDevice>(std::move(d));
    });
    s.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return n.load() >= 7 && rejected.size() >= 2; }, 10000));
    s.stop();
    for (const auto& r : got.of(QStringLiteral("fake:f"))) EXPECT_DOUBLE_EQ(r.tempC, 21.0);
    ASSERT_GE(rejected.size(), 2);
    EXPECT_DOUBLE_EQ(rejected[0][2].toDouble(), 200.0);
    EXPECT_DOUBLE_EQ(rejected[1][2].toDouble(), 60.0);
    EXPECT_EQ(s.stats(QStringLiteral("fake:f")).rejected, 2);
}

TEST(Scheduler, AStuckSensorNeverDelaysTheOthers) {
    SensorScheduler s;
    Collected got;
    s.setReadingCallback([&](const QList<Reading>& rs) { got.add(rs); });
    std::atomic<bool> release{false};
    std::atomic<bool> stuck{false};
    auto slow = [&](qint64 at) -> archive::Result<QList<Reading>> {
        stuck = true;
        while (!release.load()) QThread::msleep(5);  // a stick that hangs in a transfer
        return QList<Reading>{Reading{QString(), at, 20.0, NAN, QStringLiteral("internal")}};
    };
    s.addSensor({QStringLiteral("fake:stuck"), 50}, [slow]() -> archive::Result<std::unique_ptr<SensorDevice>> {
        auto d = std::make_unique<FakeDevice>();
        d->fn = slow;
        return std::unique_ptr<SensorDevice>(std::move(d));
    });
    s.addSensor({QStringLiteral("sim:room-1"), 50}, simOpener(0));
    s.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return stuck.load(); }, 5000));
    const int before = got.count(QStringLiteral("sim:room-1"));
    // while the stuck sensor is blocked, the other one keeps being read
    EXPECT_TRUE(QTest::qWaitFor([&] { return got.count(QStringLiteral("sim:room-1")) >= before + 5; }, 10000));
    EXPECT_EQ(got.count(QStringLiteral("fake:stuck")), 0);
    release = true;
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.count(QStringLiteral("fake:stuck")) >= 2; }, 5000));
    s.stop();
    // the overrun deadlines of the stuck sensor were skipped, not served late in a burst
    const auto st = s.stats(QStringLiteral("fake:stuck"));
    EXPECT_GT(st.skippedTicks, 0);
    const auto rs = got.of(QStringLiteral("fake:stuck"));
    for (int i = 1; i < rs.size(); ++i) EXPECT_GT(rs[i].atMs, rs[i - 1].atMs);
}

TEST(Scheduler, OpenFailureIsOfflineAndRecovers) {
    SensorScheduler s;
    std::atomic<bool> present{false};
    std::vector<SensorState> states;
    std::mutex m;
    QObject::connect(&s, &SensorScheduler::statusChanged, &s, [&](const SensorStatus& st) {
        std::lock_guard lk(m);
        states.push_back(st.state);
    }, Qt::DirectConnection);
    s.addSensor({QStringLiteral("sim:late"), 20}, [&]() -> archive::Result<std::unique_ptr<SensorDevice>> {
        if (!present) return notFoundSensorError(QStringLiteral("sim:late"));
        return std::unique_ptr<SensorDevice>(new SimulatedSensor(SimulatedSensor::forIndex(3)));
    });
    s.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { std::lock_guard lk(m); return !states.empty(); }, 5000));
    EXPECT_EQ(s.statuses().value(0).state, SensorState::Offline);
    EXPECT_EQ(s.statuses().value(0).reason.code, QStringLiteral("sensor_not_found"));
    present = true;
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.statuses().value(0).state == SensorState::Online; }, 5000));
    s.stop();
    std::lock_guard lk(m);
    ASSERT_EQ(states.size(), 2u);  // reported once each, not on every tick
    EXPECT_EQ(states[0], SensorState::Offline);
    EXPECT_EQ(states[1], SensorState::Online);
}

// End to end with the real driver: unplug → offline within one interval, no reading for the gap,
// replug → online again without restarting anything; a silent stick is an error, others continue.
class SchedulerUsb : public ::testing::Test {
protected:
    void SetUp() override { bed = usbmock_bed_new(); }
    void TearDown() override {
        sched.reset();
        usb.reset();
        mocks.clear();
        usbmock_bed_free(bed);
    }
    UsbMockBed* bed = nullptr;
    std::vector<std::unique_ptr<TemperMock>> mocks;
    std::unique_ptr<archive::usb::UsbContext> usb;
    std::unique_ptr<SensorScheduler> sched;
};

TEST_F(SchedulerUsb, UnplugReplugAndSilentStick) {
    TemperMock::Options a, b;
    a.port = "1";
    a.firmware = "TEMPerHUM_V4.1  ";
    b.port = "2";
    mocks.push_back(std::make_unique<TemperMock>(bed, a));
    mocks.push_back(std::make_unique<TemperMock>(bed, b));
    mocks[0]->setReply(TemperMock::report(2210, 4530));
    usb = std::make_unique<archive::usb::UsbContext>();
    archive::usb::UsbContext::Options o;
    o.rescanIntervalMs = 30;
    ASSERT_TRUE(usb->start(o).ok());

    sched = std::make_unique<SensorScheduler>();
    Collected got;
    std::mutex m;
    QList<SensorStatus> statuses;
    sched->setReadingCallback([&](const QList<Reading>& rs) { got.add(rs); });
    QObject::connect(sched.get(), &SensorScheduler::statusChanged, sched.get(), [&](const SensorStatus& st) {
        std::lock_guard lk(m);
        statuses.append(st);
    }, Qt::DirectConnection);
    auto* ctx = usb.get();
    for (const QString& id : {QStringLiteral("usb:1-1"), QStringLiteral("usb:1-2")})
        sched->addSensor({id, 200}, [ctx, id] { return openTemperByKey(*ctx, id); });
    sched->start();
    const QString A = QStringLiteral("usb:1-1"), B = QStringLiteral("usb:1-2");
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.count(A) >= 2 && got.count(B) >= 2; }, 10000));
    {
        const auto r = got.of(A).first();
        EXPECT_DOUBLE_EQ(r.tempC, 22.1);
        EXPECT_DOUBLE_EQ(r.rhPct, 45.3);
    }
    auto statusOf = [&](const QString& id) {
        for (const auto& st : sched->statuses()) if (st.sensorId == id) return st;
        return SensorStatus{};
    };

    // unplug A
    usbmock_device_unplug(mocks[0]->device());
    const qint64 pulledAt = QDateTime::currentMSecsSinceEpoch();
    ASSERT_TRUE(QTest::qWaitFor([&] { return statusOf(A).state == SensorState::Offline; }, 5000));
    const int duringGapB = got.count(B);
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.count(B) >= duringGapB + 3; }, 10000));  // B unaffected
    EXPECT_EQ(statusOf(A).state, SensorState::Offline);
    const qint64 replugAt = QDateTime::currentMSecsSinceEpoch();
    ASSERT_EQ(usbmock_device_replug(mocks[0]->device()), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return statusOf(A).state == SensorState::Online; }, 10000));
    const int afterReplug = got.count(A);
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.count(A) >= afterReplug + 2; }, 10000));

    // B goes silent: an error with a reason, A continues
    mocks[1]->setMode(TemperMock::Mode::Silent);
    ASSERT_TRUE(QTest::qWaitFor([&] { return statusOf(B).state == SensorState::Error; }, 10000));
    EXPECT_EQ(statusOf(B).reason.code, QStringLiteral("sensor_silent"));
    const int aNow = got.count(A);
    EXPECT_TRUE(QTest::qWaitFor([&] { return got.count(A) >= aNow + 3; }, 10000));
    sched->stop();

    // no reading of A was invented for the time it was unplugged
    for (const auto& r : got.of(A)) EXPECT_FALSE(r.atMs > pulledAt + 50 && r.atMs < replugAt) << r.atMs;
    std::lock_guard lk(m);
    QStringList seq;
    for (const auto& st : statuses) if (st.sensorId == A) seq << stateName(st.state);
    EXPECT_EQ(seq, (QStringList{QStringLiteral("online"), QStringLiteral("offline"), QStringLiteral("online")}));
}

// The fresh-enumeration path (UsbContext without udevd: devices come from short-lived libusb contexts) end to
// end with the real driver and scheduler: unplug (no "remove" uevent) → offline, replug → online and reading,
// without a restart. Note: umockdev always announces added devices, and libusb itself drops a device whose
// open fails with ENODEV, so this test also passes with Fresh::Never; it guards the fresh path (contexts kept
// alive while a stick is open), while UsbContextTest.WithoutUdevd* shows what the fallback adds.
TEST_F(SchedulerUsb, FreshEnumerationKeepsPollingAcrossAReplug) {
    usbmock_bed_set_remove_uevents(bed, 0);
    TemperMock::Options a;
    a.port = "3";
    mocks.push_back(std::make_unique<TemperMock>(bed, a));
    usb = std::make_unique<archive::usb::UsbContext>();
    archive::usb::UsbContext::Options o;
    o.rescanIntervalMs = 30;
    o.freshEnumeration = archive::usb::UsbContext::Options::Fresh::Always;
    o.freshIntervalMs = 300;
    ASSERT_TRUE(usb->start(o).ok());
    sched = std::make_unique<SensorScheduler>();
    Collected got;
    sched->setReadingCallback([&](const QList<Reading>& rs) { got.add(rs); });
    auto* ctx = usb.get();
    const QString A = QStringLiteral("usb:1-3");
    sched->addSensor({A, 200}, [ctx, A] { return openTemperByKey(*ctx, A); });
    sched->start();
    auto stateOf = [&] {
        for (const auto& st : sched->statuses()) if (st.sensorId == A) return st.state;
        return SensorState::Offline;
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return got.count(A) >= 2; }, 10000));
    usbmock_device_unplug(mocks[0]->device());
    ASSERT_TRUE(QTest::qWaitFor([&] { return stateOf() == SensorState::Offline; }, 10000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return usb->devices().isEmpty() ||
                                             usb->devices(0x413d, 0x2107).isEmpty(); }, 10000));  // the list knows
    ASSERT_EQ(usbmock_device_replug(mocks[0]->device()), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stateOf() == SensorState::Online; }, 10000));
    const int afterReplug = got.count(A);
    EXPECT_TRUE(QTest::qWaitFor([&] { return got.count(A) >= afterReplug + 2; }, 10000));
    sched->stop();
}

}  // namespace
