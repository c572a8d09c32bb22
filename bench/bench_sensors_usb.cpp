// Climate sensors (issue 4) through the whole real stack: SensorScheduler → TemperSensor driver → libusb
// (UsbContext event thread) → usbfs ioctls, answered by emulated TEMPerHUM V4 sticks (tests/usbmock under
// umockdev, in this process). Every stick polled every second.
//
//   ARCHIVE_BENCH_SENSOR_SECONDS=120 build-NAME/bench/bench_sensors_usb
//   (ARCHIVE_BENCH_STICKS=50, ARCHIVE_BENCH_IDLE_REAP_US=300 by default: see usbmock.h)
//
// CPU is split by thread name: sensor-worker (scheduler + driver), usb-events (libusb event handling) and
// the rest (umockdev's emulation threads, Qt). Under umockdev libusb's event thread polls a socket that is
// always writable, so "usb-events" and the emulation cost far more here than on real usbfs.
#if __has_include("usbmock.h")
#include "devices/sensor/SensorScheduler.h"
#include "devices/sensor/TemperSensor.h"
#include "devices/usb/UsbContext.h"
#include "usbmock.h"
#include "SensorRunTally.h"

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QThread>

#include <algorithm>
#include <mutex>

using namespace archive::sensor;

namespace {

using bench::cpuSeconds;

// CPU seconds per thread name, from /proc/self/task/*/stat.
QHash<QString, double> cpuByThreadName() {
    QHash<QString, double> out;
    const double tick = double(sysconf(_SC_CLK_TCK));
    for (const QString& tid : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QByteArray s = f.readAll();
        const int open = s.indexOf('('), close = s.lastIndexOf(')');
        if (open < 0 || close < 0) continue;
        const QString name = QString::fromLatin1(s.mid(open + 1, close - open - 1));
        const QList<QByteArray> rest = s.mid(close + 2).split(' ');  // field 3 onwards
        if (rest.size() < 13) continue;
        out[name] += (rest[11].toDouble() + rest[12].toDouble()) / tick;  // utime, stime
    }
    return out;
}

int envInt(const char* name, int fallback) {
    const int v = qEnvironmentVariableIntValue(name);
    return v > 0 ? v : fallback;
}

int control(UsbMockDevice* dev, const uint8_t setup[8], uint8_t* data, int len, void*) {
    if (!(setup[0] == 0x21 && setup[1] == 0x09 && setup[4] == 1) || len < 8) return USBMOCK_STALL;
    if (data[1] == 0x86) {
        const char* fw = "TEMPerHUM_V4.1  ";
        usbmock_device_queue_in(dev, 0x82, reinterpret_cast<const uint8_t*>(fw), 8, 0);
        usbmock_device_queue_in(dev, 0x82, reinterpret_cast<const uint8_t*>(fw + 8), 8, 0);
    } else if (data[1] == 0x80) {
        const uint8_t reply[8] = {0x80, 0x02, 0x08, 0xA2 /* 22.10 °C */, 0x11, 0xB2 /* 45.30 % */, 0, 0};
        usbmock_device_queue_in(dev, 0x82, reply, 8, 0);
    }
    return len;
}

void BM_Scheduler50EmulatedSticks1s(benchmark::State& state) {
    const int sticks = envInt("ARCHIVE_BENCH_STICKS", 50);
    const int seconds = envInt("ARCHIVE_BENCH_SENSOR_SECONDS", 60);
    const int intervalMs = 1000;
    for (auto _ : state) {
        UsbMockBed* bed = usbmock_bed_new();
        usbmock_bed_set_idle_reap_delay_us(bed, envInt("ARCHIVE_BENCH_IDLE_REAP_US", 300));
        std::vector<QByteArray> ports;
        for (int i = 0; i < sticks; ++i) ports.push_back(QByteArray::number(i + 1));
        for (int i = 0; i < sticks; ++i) {
            UsbMockDeviceSpec spec = usbmock_hid_spec(0x1a86, 0xe025, 2);
            spec.port = ports[size_t(i)].constData();
            UsbMockCallbacks cb{};
            cb.control = control;
            usbmock_device_add(bed, &spec, &cb, nullptr);
        }
        auto usb = std::make_unique<archive::usb::UsbContext>();
        archive::usb::UsbContext::Options o;
        o.rescanIntervalMs = 2000;
        if (!usb->start(o).ok()) {
            state.SkipWithError("libusb_init failed");
            return;
        }
        SensorScheduler sched;
        sched.setRecordLateness(true);
        std::mutex m;
        QHash<QString, QList<qint64>> stamps;
        qint64 wrongValues = 0;
        sched.setReadingCallback([&](const QList<Reading>& rs) {
            std::lock_guard lk(m);
            for (const auto& r : rs) {
                stamps[r.sensorId].append(r.atMs);
                if (std::abs(r.tempC - 22.10) > 1e-9 || std::abs(r.rhPct - 45.30) > 1e-9) ++wrongValues;
            }
        });
        auto* ctx = usb.get();
        for (int i = 0; i < sticks; ++i) {
            SensorConfig c;
            c.sensorId = QStringLiteral("usb:1-%1").arg(i + 1);
            c.intervalMs = intervalMs;
            const QString id = c.sensorId;
            sched.addSensor(c, [ctx, id] { return openTemperByKey(*ctx, id); });
        }
        const auto threads0 = cpuByThreadName();
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        sched.start();
        QThread::msleep(ulong(seconds) * 1000 + intervalMs / 2);
        const auto threads1 = cpuByThreadName();
        sched.stop();
        const double wallS = wall.nsecsElapsed() / 1e9;
        const double cpu = cpuSeconds() - cpu0;

        const bench::RunTally t = bench::tally(sched, stamps, intervalMs, seconds);
        auto threadPct = [&](const QString& name) {
            return 100.0 * (threads1.value(name) - threads0.value(name)) / wallS;
        };
        state.counters["sticks"] = sticks;
        state.counters["seconds"] = seconds;
        t.report(state);
        state.counters["failures"] = double(t.failures);
        state.counters["wrong_values"] = double(wrongValues);
        state.counters["cpu_pct_total"] = 100.0 * cpu / wallS;
        state.counters["cpu_pct_workers"] = threadPct(QStringLiteral("sensor-worker"));
        state.counters["cpu_pct_usb_events"] = threadPct(QStringLiteral("usb-events"));
        state.SetIterationTime(wallS);
        usb.reset();
        usbmock_bed_free(bed);
    }
}
BENCHMARK(BM_Scheduler50EmulatedSticks1s)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

}  // namespace

int main(int argc, char** argv) {
    if (usbmock_ensure_preload(argc, argv) != 0) return 1;
    ::benchmark::Initialize(&argc, argv);
    ::benchmark::RunSpecifiedBenchmarks();
    ::benchmark::Shutdown();
    return 0;
}
#else
#include <cstdio>
int main() {
    std::puts("bench_sensors_usb needs libumockdev-dev (scripts/deps.sh installs it)");
    return 0;
}
#endif
