#pragma once
// Read side of the environment log: chart series, window metrics, daily tables, room overview and
// per-box environment history. Plain functions returning values, for the kiosk's db worker thread,
// archivectl and reports/. Long ranges read the rollups, never the raw rows.
//
// A room's data are the readings of the automatic sensors bound to it at the time of each reading
// (sensor_bindings, migration 0011; manual readings only when it had no automatic sensor in the window).
// Metric windows are rounded to whole hours (the hourly rollups); an hour belongs to the binding in force
// at its start (daily chart buckets: at the day's start).

#include "ClimateProfiles.h"
#include "Metrics.h"
#include "Rollup.h"
#include "common/Result.h"
#include "db/env/ReadingStore.h"

#include <QDate>
#include <QList>
#include <QString>
#include <limits>

namespace archive::db::env {

struct ChartPoint {
    qint64 atMs = 0;  // bucket start
    double tMean = NAN, tMin = NAN, tMax = NAN;
    double rhMean = NAN, rhMin = NAN, rhMax = NAN;
    int n = 0;        // readings in the bucket
};

struct ChartSeries {
    qint64 from = 0, to = 0;
    qint64 bucketMs = 0;
    QString source;   // "raw", "hourly" or "daily"
    QList<ChartPoint> points;  // buckets without readings are left out (a gap in the line)
};

struct WindowMetrics {
    qint64 from = 0, to = 0;
    RollupAgg agg;
    double twpi = NAN, meanT = NAN, meanRh = NAN, minT = NAN, maxT = NAN, minRh = NAN, maxRh = NAN;
    double meanEmc = NAN, dewPoint = NAN;
    double mouldRisk = 0;          // accumulated; ≥ 1 means mould expected
    Band twpiBand = Band::Risk, metalBand = Band::Good;
    bool mechanicalOk = true;      // mean EMC within 5.0–12.5
    double hoursMeasured = 0;      // Σ Δt of readings with both values
    double hoursMechBad = 0, hoursMetalRisk = 0;
    bool hasData() const { return agg.n > 0; }
};

struct DailyRow {
    QDate day;  // local date
    RollupAgg agg;
};

struct RoomSummary {
    RoomRef room;
    ClimateProfile profile;
    QStringList sensorKeys;
    qint64 lastAt = 0;
    double lastT = NAN, lastRh = NAN;
    int openAlerts = 0;
};

struct BoxStay {
    qint64 roomId = 0;
    QString roomCode, roomName;
    qint64 from = 0, to = 0;
    RollupAgg agg;
    double hoursOutOfRange = 0;
};

struct BoxEnvironment {
    qint64 boxId = 0;
    QString barcode;
    qint64 from = 0, to = 0;
    QList<BoxStay> stays;          // time in rooms, loans cut out
    RollupAgg inRooms;             // merged over all stays
    double twpi = NAN;
    double hoursInRooms = 0, hoursOutOfRange = 0, hoursOnLoan = 0, hoursUnknown = 0;
};

// A sensor bound to a room during [from, to) (to = kForever while still bound).
struct SensorSpan {
    static constexpr qint64 kForever = std::numeric_limits<qint64>::max() / 4;
    qint64 sensorId = 0;
    qint64 from = 0, to = kForever;
};

class EnvQueries {
public:
    explicit EnvQueries(Database& db) : m_db(db) {}

    Result<QList<qint64>> roomSensorIds(qint64 roomId);  // bound now
    // Bindings to the room that overlap [from, to) (not clipped), automatic sensors, else manual ones.
    Result<QList<SensorSpan>> roomSensorSpans(qint64 roomId, qint64 from, qint64 to);
    Result<ChartSeries> chart(qint64 roomId, qint64 from, qint64 to, int maxPoints = 2000);
    Result<WindowMetrics> metrics(qint64 roomId, qint64 from, qint64 to);
    Result<QList<DailyRow>> daily(qint64 roomId, qint64 from, qint64 to);
    Result<QList<RoomSummary>> rooms();
    // Box by barcode or id; window defaults to the box's whole recorded life until now.
    Result<BoxEnvironment> boxHistory(const QString& boxBarcodeOrId, qint64 from = 0, qint64 to = 0);

    static WindowMetrics metricsFrom(const RollupAgg& a, qint64 from, qint64 to);

private:
    Result<RollupAgg> sumHourly(const QList<qint64>& sensors, qint64 from, qint64 to);
    Result<RollupAgg> sumHourly(const QList<SensorSpan>& spans, qint64 from, qint64 to);
    Result<double> hoursOutOfRange(qint64 roomId, qint64 from, qint64 to);
    Database& m_db;
};

}  // namespace archive::db::env
