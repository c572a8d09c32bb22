// What bench_sensors and bench_sensors_usb count after a scheduler run: readings against deadlines, missed and
// doubled readings, lateness percentiles, process CPU. One place, so both programs count the same way.
#pragma once

#include "devices/sensor/SensorScheduler.h"

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <QHash>
#include <QList>
#include <QString>

#include <algorithm>
#include <vector>

namespace archive::sensor::bench {

inline double cpuSeconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

struct RunTally {
    qint64 expected = 0;      // deadlines at 0, 1, …, seconds for every sensor
    qint64 readings = 0, missed = 0, doubled = 0, failures = 0, ticks = 0;
    qint64 missedSteady = 0;  // gaps between consecutive readings of a sensor, after its first
    std::vector<qint32> latenessUs;  // sorted

    double latenessMs(double p) const {
        if (latenessUs.empty()) return 0.0;
        return latenessUs[std::min(latenessUs.size() - 1, size_t(p * double(latenessUs.size())))] / 1000.0;
    }

    // The counters both programs report (names are what bench/README.md quotes).
    void report(benchmark::State& state) const {
        state.counters["readings"] = double(readings);
        state.counters["expected"] = double(expected);
        state.counters["missed"] = double(missed);
        state.counters["missed_after_first"] = double(missedSteady);
        state.counters["doubled"] = double(doubled);
        state.counters["jitter_p50_ms"] = latenessMs(0.50);
        state.counters["jitter_p99_ms"] = latenessMs(0.99);
        state.counters["jitter_max_ms"] = latenessUs.empty() ? 0.0 : latenessUs.back() / 1000.0;
    }
};

// stamps: the reading times (UTC ms) each sensor delivered, in order.
inline RunTally tally(const SensorScheduler& sched, const QHash<QString, QList<qint64>>& stamps, int intervalMs,
                      int seconds) {
    RunTally t;
    const qint64 expectedPerSensor = seconds + 1;
    for (const QString& id : sched.sensorIds()) {
        const SensorStats st = sched.stats(id);
        t.latenessUs.insert(t.latenessUs.end(), st.latenessUs.begin(), st.latenessUs.end());
        t.ticks += st.ticks;
        t.readings += st.readings;
        t.failures += st.failures;
        t.expected += expectedPerSensor;
        t.missed += std::max<qint64>(0, expectedPerSensor - st.readings);
        const QList<qint64> ts = stamps.value(id);
        for (qsizetype k = 1; k < ts.size(); ++k) {
            const qint64 gap = ts[k] - ts[k - 1];
            if (gap < intervalMs / 2) ++t.doubled;
            if (gap > intervalMs * 3 / 2) t.missedSteady += (gap + intervalMs / 2) / intervalMs - 1;
        }
    }
    std::sort(t.latenessUs.begin(), t.latenessUs.end());
    return t;
}

}  // namespace archive::sensor::bench
