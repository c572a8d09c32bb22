#pragma once
// Polls every sensor on its own worker thread, on absolute deadlines (start + k·interval, so the schedule
// never drifts; a deadline overrun by a slow read is served late if at most half an interval overdue,
// else skipped — never run twice, no burst of catch-up reads). Applies per-sensor
// calibration offsets and the plausibility filter (rejected values are logged and signalled), tracks
// status (online / offline / error with reason) and re-opens a sensor that was unplugged as soon as it is
// back — no restart, and no reading is invented for the gap. A stuck or slow stick only delays itself.
//
// Signals are emitted from the workers: connect normally and they arrive queued in the receiver's thread.
// setReadingCallback() is the alternative for non-Qt consumers (called on the worker, one batch per tick).

#include "devices/sensor/PlausibilityFilter.h"
#include "devices/sensor/Reading.h"
#include "devices/sensor/SensorDevice.h"

#include <QObject>
#include <QStringList>
#include <QVector>
#include <functional>
#include <memory>

namespace archive::sensor {

struct SensorConfig {
    QString sensorId;
    int intervalMs = 60000;       // default: one reading a minute
    double tempOffsetC = 0.0;     // calibration, added to every temperature
    double rhOffsetPct = 0.0;     // calibration, added to every humidity
    PlausibilityLimits limits;
};

struct SensorStats {
    qint64 ticks = 0;         // deadlines served
    qint64 skippedTicks = 0;  // deadlines skipped because a read ran more than half an interval past them
    qint64 readings = 0;      // accepted readings emitted
    qint64 rejected = 0;      // readings (or humidity values) the filter refused
    qint64 failures = 0;      // reads or opens that failed
    QVector<qint32> latenessUs;  // per tick: start − deadline (only with setRecordLateness(true))
};

class SensorScheduler : public QObject {
    Q_OBJECT
public:
    using WallClock = std::function<qint64()>;  // UTC ms

    explicit SensorScheduler(QObject* parent = nullptr);
    ~SensorScheduler() override;  // stop()

    void setWallClock(WallClock clock);  // before start(); default QDateTime::currentMSecsSinceEpoch
    void setReadingCallback(std::function<void(const QList<Reading>&)> cb);  // before start()
    void setRecordLateness(bool on);

    // Adds a sensor (its worker starts at once if the scheduler is running). Replaces one with the same id.
    void addSensor(const SensorConfig& config, SensorOpener opener);
    void removeSensor(const QString& sensorId);
    // New interval / offsets / limits; takes effect from the sensor's next tick.
    void setConfig(const SensorConfig& config);

    void start();
    void stop();  // joins every worker (a read in progress finishes first: at most ~1.5 s per stuck stick)
    bool isRunning() const;

    QStringList sensorIds() const;
    QList<SensorStatus> statuses() const;
    SensorStats stats(const QString& sensorId) const;
    SensorInfo info(const QString& sensorId) const;  // of the device currently open, else just the id

signals:
    void reading(const archive::sensor::Reading& reading);
    void statusChanged(const archive::sensor::SensorStatus& status);
    void readingRejected(const QString& sensorId, const QString& probe, double value, const QString& reason);

private:
    struct Worker;
    struct Impl;
    std::unique_ptr<Impl> d;
    friend struct Worker;
};

}  // namespace archive::sensor
