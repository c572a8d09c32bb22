#pragma once
// The environment log's write side: sensors and their readings (contract: docs/contracts.md).
// Readings are stored compactly (centi-°C / centi-%RH keyed by sensor and time); hourly and daily
// rollups and the excursion alerts are brought up to date in the same transaction as the readings,
// including late and out-of-order ones. Use from the thread that owns the Database (the db worker).

#include "common/Result.h"

#include <QList>
#include <QString>
#include <cmath>
#include <memory>

namespace archive::db {

class Database;

struct ReadingRow {
    QString sensorKey;
    qint64 atMs = 0;
    double tempC = NAN;   // NaN = none
    double rhPct = NAN;   // NaN = none
    QString probe;        // "internal"/"external"; external probes are stored as sensor "<key>#external"
    bool manual = false;
    QString recordedBy;   // who read a manual (wall hygrometer) reading
};

struct SensorRecord {
    qint64 id = 0;
    QString sensorKey, name, roomCode, roomName;
    int intervalS = 60;
    double tempOffset = 0, rhOffset = 0;
    qint64 lastSeenAt = 0;  // 0 = never
    // added by issue 5
    qint64 roomId = 0;      // 0 = not bound
    QString kind;           // "usb", "sim", "manual", "other"
};

class ReadingStore {
public:
    explicit ReadingStore(Database& db);
    ~ReadingStore();
    ReadingStore(const ReadingStore&) = delete;
    ReadingStore& operator=(const ReadingStore&) = delete;

    // Stores a batch in one transaction; unknown sensor keys get a sensor row (kind from the key:
    // "sim:…" → sim, "manual:…" → manual, else usb). Calibration offsets of the sensor are added to
    // automatic readings. Rows with no usable value (both NaN, T outside −60…100 °C, RH outside
    // 0…100 %, time ≤ 0, empty key) are skipped; duplicates (same sensor and time) are ignored.
    // Returns the number of readings stored.
    Result<int> addReadings(const QList<ReadingRow>& batch);

    // Binds a sensor (created if unknown) to a room given by code or name; ledger "sensor.bind". The
    // binding history (sensor_bindings) records it from atMs (0 = now); a sensor's first binding covers
    // all earlier readings. Readings are attributed to the room the sensor was bound to when taken.
    Status bindSensor(const QString& sensorKey, const QString& roomCodeOrName, const QString& actor, qint64 atMs = 0);
    Result<QList<SensorRecord>> sensors();

    // A wall-hygrometer reading for a room, marked manual, with who recorded it; ledger "env.manual".
    // Stored under the room's manual sensor "manual:<room code>" (12-hour interval, no silence alert).
    Status addManualReading(const QString& roomCodeOrName, qint64 atMs, double tempC, double rhPct,
                            const QString& recordedBy, const QString& note = {});

    // Sampling interval and calibration offsets of a sensor; ledger "sensor.configure".
    Status configureSensor(const QString& sensorKey, int intervalS, double tempOffset, double rhOffset,
                           const QString& actor);

    // R13: opens a "silence" alert for every bound automatic sensor with no reading for 3 intervals.
    // Call periodically (the kiosk: every minute). Returns the number of alerts opened.
    Result<int> checkSilence(qint64 nowMs = 0);

    // Forget cached sensor and detector state (after another process changed sensors or profiles).
    void invalidateCaches();

    struct Impl;

private:
    Database& m_db;
    std::unique_ptr<Impl> d;
};

// Finds a room by code, else by name. Errors are "not_found" / "ambiguous" with bilingual messages.
struct RoomRef {
    qint64 id = 0;
    QString code, name, profile;
};
Result<RoomRef> findRoom(Database& db, const QString& codeOrName);

}  // namespace archive::db
