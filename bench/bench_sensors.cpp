// Climate sensors (issue 4): the poll scheduler under load, and the pure conversions.
//
//   build-NAME/bench/bench_sensors                       # 60 s scheduler run + micro benchmarks
//   ARCHIVE_BENCH_SENSOR_SECONDS=600 build-NAME/bench/bench_sensors --benchmark_filter=Scheduler
//
// BM_Scheduler50Sensors1s: 50 emulated sensors (SimulatedSensor behind the real SensorScheduler: one worker
// thread each, absolute deadlines, plausibility filter, offsets), every sensor polled every second.
// Counters: readings, missed (deadlines without a reading), doubled (two readings < 0.5 interval apart),
// jitter = tick start − deadline (p50/p99/max, ms), cpu_pct = process CPU time / wall time (% of one core).
#include "devices/sensor/SensorScheduler.h"
#include "devices/sensor/SimulatedSensor.h"
#include "devices/sensor/TemperProtocol.h"
#include "SensorRunTally.h"

#include <benchmark/benchmark.h>

#include <QElapsedTimer>
#include <QHash>
#include <QThread>

#include <algorithm>
#include <mutex>

using namespace archive::sensor;

namespace {

using bench::cpuSeconds;

int benchSeconds() {
    const int s = qEnvironmentVariableIntValue("ARCHIVE_BENCH_SENSOR_SECONDS");
    return s > 0 ? s : 60;
}

void BM_Scheduler50Sensors1s(benchmark::State& state) {
    const int sensors = int(state.range(0));
    const int intervalMs = 1000;
    const int seconds = benchSeconds();
    for (auto _ : state) {
        SensorScheduler sched;
        sched.setRecordLateness(true);
        std::mutex m;
        QHash<QString, QList<qint64>> stamps;
        sched.setReadingCallback([&](const QList<Reading>& rs) {
            std::lock_guard lk(m);
            for (const auto& r : rs) stamps[r.sensorId].append(r.atMs);
        });
        for (int i = 0; i < sensors; ++i) {
            SensorConfig c;
            c.sensorId = QStringLiteral("sim:") + SimulatedSensor::forIndex(i).name;
            c.intervalMs = intervalMs;
            sched.addSensor(c, [i]() -> archive::Result<std::unique_ptr<SensorDevice>> {
                return std::unique_ptr<SensorDevice>(new SimulatedSensor(SimulatedSensor::forIndex(i)));
            });
        }
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        sched.start();
        QThread::msleep(ulong(seconds) * 1000 + intervalMs / 2);  // stop half-way between two deadlines
        sched.stop();
        const double wallS = wall.nsecsElapsed() / 1e9;
        const double cpu = cpuSeconds() - cpu0;

        const bench::RunTally t = bench::tally(sched, stamps, intervalMs, seconds);
        state.counters["sensors"] = sensors;
        state.counters["seconds"] = seconds;
        t.report(state);
        state.counters["cpu_pct"] = 100.0 * cpu / wallS;
        state.SetIterationTime(wallS);
    }
}
BENCHMARK(BM_Scheduler50Sensors1s)->Arg(50)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

void BM_DecodeHumV4(benchmark::State& state) {
    const QByteArray r = QByteArray::fromHex("80020a6413880000");
    for (auto _ : state) benchmark::DoNotOptimize(temper::decode(temper::Variant::HumV4, r));
}
BENCHMARK(BM_DecodeHumV4);

void BM_DecodeSht1x(benchmark::State& state) {
    const QByteArray r = QByteArray::fromHex("80021946 05dc0000");
    for (auto _ : state) benchmark::DoNotOptimize(temper::decode(temper::Variant::Sht1x, r));
}
BENCHMARK(BM_DecodeSht1x);

void BM_PlausibilityCheck(benchmark::State& state) {
    PlausibilityFilter f;
    qint64 t = 0;
    for (auto _ : state) {
        Reading r{QStringLiteral("s"), t += 60000, 20.0 + (t % 7) * 0.01, 45.0, QStringLiteral("internal")};
        benchmark::DoNotOptimize(f.check(r));
    }
}
BENCHMARK(BM_PlausibilityCheck);

}  // namespace

BENCHMARK_MAIN();
