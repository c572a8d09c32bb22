#pragma once
// What every climate sensor source emits (contract: docs/contracts.md), and its status.

#include "common/Result.h"

#include <QMetaType>
#include <QString>
#include <cmath>

namespace archive::sensor {

struct Reading {
    QString sensorId;     // sensor key: "usb-sn:<serial>", "usb:<bus-port path>" or "sim:<name>"
    qint64 atMs = 0;      // UTC ms since the epoch
    double tempC = NAN;
    double rhPct = NAN;   // NaN = this sensor/probe has no humidity
    QString probe;        // "internal" / "external"
};

enum class SensorState { Unknown, Online, Offline, Error };

struct SensorStatus {
    QString sensorId;
    SensorState state = SensorState::Unknown;
    Error reason;         // empty code when online
    qint64 atMs = 0;
};

QString stateName(SensorState s);  // "online", "offline", "error", "unknown"

// What a source knows about itself (for `archivectl sensors list` and the kiosk's device page).
struct SensorInfo {
    QString sensorId;
    QString model;        // "TEMPerHUM_V4.1 (Si7021)…" human-readable variant
    QString variant;      // stable code: "fm75", "temper2", "si7021", "sht1x", "si7005", "v3-gold", "v3-x", "v4-hum", "v4-temper2", "sim"
    QString firmware;     // firmware name as the stick reported it
    QString vidPid;       // "413d:2107"
    QString portPath;     // "1-2.3"
    QString serial;
    bool hasHumidity = false;
    int probes = 1;       // 2 for two-probe sticks
    bool simulated = false;
};

}  // namespace archive::sensor

Q_DECLARE_METATYPE(archive::sensor::Reading)
Q_DECLARE_METATYPE(archive::sensor::SensorStatus)
