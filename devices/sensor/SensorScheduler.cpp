#include "devices/sensor/SensorScheduler.h"

#include "devices/sensor/SensorErrors.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>

#include <chrono>
#include <pthread.h>
#include <condition_variable>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcSched, "archive.sensor", QtInfoMsg)

namespace archive::sensor {

using steady = std::chrono::steady_clock;

struct SensorScheduler::Worker {
    SensorScheduler* q = nullptr;
    SensorScheduler::Impl* owner = nullptr;
    SensorOpener opener;

    mutable std::mutex m;  // guards everything below except the device (worker-only)
    std::condition_variable cv;
    bool stopFlag = false;
    SensorConfig cfg;
    SensorStatus status;
    SensorStats stats;
    SensorInfo info;
    std::thread thread;

    // worker thread only
    std::unique_ptr<SensorDevice> device;
    PlausibilityFilter filter;
    int consecutiveFailures = 0;

    void run();
    void tick();
    void setStatus(SensorState state, const Error& reason);
};

struct SensorScheduler::Impl {
    mutable std::mutex m;
    QHash<QString, std::shared_ptr<Worker>> workers;
    bool running = false;
    WallClock clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    std::function<void(const QList<Reading>&)> callback;
    bool recordLateness = false;

    void launch(const std::shared_ptr<Worker>& w) {
        w->thread = std::thread([w] { w->run(); });
    }
    static void halt(const std::shared_ptr<Worker>& w) {
        {
            std::lock_guard lk(w->m);
            w->stopFlag = true;
        }
        w->cv.notify_all();
        if (w->thread.joinable()) w->thread.join();
    }
};

void SensorScheduler::Worker::setStatus(SensorState state, const Error& reason) {
    SensorStatus s;
    {
        std::lock_guard lk(m);
        if (status.state == state && status.reason.code == reason.code) return;
        status.state = state;
        status.reason = reason;
        status.atMs = owner->clock();
        s = status;
    }
    if (state == SensorState::Online) qCInfo(lcSched) << s.sensorId << "online";
    else qCWarning(lcSched) << s.sensorId << stateName(state) << reason.code << reason.detail;
    emit q->statusChanged(s);
}

void SensorScheduler::Worker::tick() {
    const qint64 at = owner->clock();
    SensorConfig c;
    {
        std::lock_guard lk(m);
        c = cfg;
    }
    filter.setLimits(c.limits);
    if (!device) {
        auto opened = opener();
        if (!opened) {
            {
                std::lock_guard lk(m);
                ++stats.failures;
            }
            const Error& e = opened.error();
            const bool absent = isDeviceGone(e) || e.code == QLatin1String("sensor_not_found");
            setStatus(absent ? SensorState::Offline : SensorState::Error, e);
            return;
        }
        device = std::move(opened.value());
        consecutiveFailures = 0;
        std::lock_guard lk(m);
        info = device->info();
    }
    auto r = device->read(at);
    if (!r) {
        {
            std::lock_guard lk(m);
            ++stats.failures;
        }
        const Error& e = r.error();
        if (isDeviceGone(e)) {
            device.reset();  // re-opened at a later tick once it is back
            setStatus(SensorState::Offline, e);
        } else {
            if (++consecutiveFailures >= 2) device.reset();  // start afresh next time
            setStatus(SensorState::Error, e);
        }
        return;
    }
    consecutiveFailures = 0;
    setStatus(SensorState::Online, Error{});

    QList<Reading> accepted;
    qint64 rejected = 0;
    for (Reading rd : r.value()) {
        rd.sensorId = c.sensorId;
        if (!std::isnan(rd.tempC) && std::fabs(rd.tempC - 200.0) > 1e-9) rd.tempC += c.tempOffsetC;
        if (!std::isnan(rd.rhPct)) rd.rhPct += c.rhOffsetPct;
        const Verdict v = filter.check(rd);
        if (!v.reason.isEmpty()) {
            ++rejected;
            qCWarning(lcSched).noquote() << "rejected" << c.sensorId << rd.probe << v.rejectedValue << "—" << v.reason;
            emit q->readingRejected(c.sensorId, rd.probe, v.rejectedValue, v.reason);
        }
        if (v.accepted) accepted.append(rd);
    }
    {
        std::lock_guard lk(m);
        stats.readings += accepted.size();
        stats.rejected += rejected;
    }
    if (accepted.isEmpty()) return;
    if (owner->callback) owner->callback(accepted);
    for (const auto& rd : accepted) emit q->reading(rd);
}

void SensorScheduler::Worker::run() {
    pthread_setname_np(pthread_self(), "sensor-worker");  // shows in top -H and /proc/PID/task
    auto next = steady::now();
    for (;;) {
        {
            std::unique_lock lk(m);
            cv.wait_until(lk, next, [&] { return stopFlag; });
            if (stopFlag) break;
            const auto lateUs = std::chrono::duration_cast<std::chrono::microseconds>(steady::now() - next).count();
            ++stats.ticks;
            if (owner->recordLateness) stats.latenessUs.append(qint32(std::min<qint64>(lateUs, INT32_MAX)));
        }
        tick();
        std::lock_guard lk(m);
        const auto interval = std::chrono::milliseconds(std::max(10, cfg.intervalMs));
        next += interval;  // absolute deadlines: no drift
        // A read that ran past the next deadline: serve that deadline late if it is at most half an
        // interval overdue (the lateness shows as jitter), else skip it — never two readings closer
        // than half an interval, never a burst of catch-up reads.
        const auto now = steady::now();
        while (now - next > interval / 2) {
            next += interval;
            ++stats.skippedTicks;
        }
    }
    device.reset();
}

SensorScheduler::SensorScheduler(QObject* parent) : QObject(parent), d(std::make_unique<Impl>()) {
    qRegisterMetaType<archive::sensor::Reading>();
    qRegisterMetaType<archive::sensor::SensorStatus>();
}

SensorScheduler::~SensorScheduler() { stop(); }

void SensorScheduler::setWallClock(WallClock clock) { d->clock = std::move(clock); }
void SensorScheduler::setReadingCallback(std::function<void(const QList<Reading>&)> cb) { d->callback = std::move(cb); }
void SensorScheduler::setRecordLateness(bool on) { d->recordLateness = on; }

void SensorScheduler::addSensor(const SensorConfig& config, SensorOpener opener) {
    removeSensor(config.sensorId);
    auto w = std::make_shared<Worker>();
    w->q = this;
    w->owner = d.get();
    w->opener = std::move(opener);
    w->cfg = config;
    w->status.sensorId = config.sensorId;
    w->info.sensorId = config.sensorId;
    std::lock_guard lk(d->m);
    d->workers.insert(config.sensorId, w);
    if (d->running) d->launch(w);
}

void SensorScheduler::removeSensor(const QString& id) {
    std::shared_ptr<Worker> w;
    {
        std::lock_guard lk(d->m);
        w = d->workers.take(id);
    }
    if (w) Impl::halt(w);
}

void SensorScheduler::setConfig(const SensorConfig& config) {
    std::shared_ptr<Worker> w;
    {
        std::lock_guard lk(d->m);
        w = d->workers.value(config.sensorId);
    }
    if (!w) return;
    std::lock_guard lk(w->m);
    w->cfg = config;
}

void SensorScheduler::start() {
    std::lock_guard lk(d->m);
    if (d->running) return;
    d->running = true;
    for (auto& w : d->workers) d->launch(w);
}

void SensorScheduler::stop() {
    QList<std::shared_ptr<Worker>> ws;
    {
        std::lock_guard lk(d->m);
        if (!d->running) return;
        d->running = false;
        ws = d->workers.values();
    }
    for (auto& w : ws) {
        std::lock_guard lk(w->m);
        w->stopFlag = true;
    }
    for (auto& w : ws) w->cv.notify_all();
    for (auto& w : ws) {
        if (w->thread.joinable()) w->thread.join();
        std::lock_guard lk(w->m);
        w->stopFlag = false;  // may be started again
    }
}

bool SensorScheduler::isRunning() const {
    std::lock_guard lk(d->m);
    return d->running;
}

QStringList SensorScheduler::sensorIds() const {
    std::lock_guard lk(d->m);
    QStringList ids = d->workers.keys();
    ids.sort();
    return ids;
}

QList<SensorStatus> SensorScheduler::statuses() const {
    QList<std::shared_ptr<Worker>> ws;
    {
        std::lock_guard lk(d->m);
        ws = d->workers.values();
    }
    QList<SensorStatus> out;
    for (auto& w : ws) {
        std::lock_guard lk(w->m);
        out.append(w->status);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.sensorId < b.sensorId; });
    return out;
}

SensorStats SensorScheduler::stats(const QString& id) const {
    std::shared_ptr<Worker> w;
    {
        std::lock_guard lk(d->m);
        w = d->workers.value(id);
    }
    if (!w) return {};
    std::lock_guard lk(w->m);
    return w->stats;
}

SensorInfo SensorScheduler::info(const QString& id) const {
    std::shared_ptr<Worker> w;
    {
        std::lock_guard lk(d->m);
        w = d->workers.value(id);
    }
    if (!w) return {};
    std::lock_guard lk(w->m);
    return w->info;
}

}  // namespace archive::sensor
