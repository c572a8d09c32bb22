#include "devices/sensor/SimulatedSensor.h"

#include <cmath>
#include <numbers>

namespace archive::sensor {

namespace {
// Deterministic noise in [-1, 1] from (seed, time, channel): splitmix64.
double noise(quint32 seed, qint64 t, int channel) {
    quint64 z = (quint64(seed) << 32) ^ quint64(t) ^ (quint64(channel) * 0x9E3779B97F4A7C15ull);
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return double(z >> 11) / double(1ull << 53) * 2.0 - 1.0;
}
}  // namespace

QString stateName(SensorState s) {
    switch (s) {
    case SensorState::Online: return QStringLiteral("online");
    case SensorState::Offline: return QStringLiteral("offline");
    case SensorState::Error: return QStringLiteral("error");
    case SensorState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

SimulatedSensor::SimulatedSensor(SimulationParams params) : p(std::move(params)) {}

SensorInfo SimulatedSensor::info() const {
    SensorInfo i;
    i.sensorId = QStringLiteral("sim:") + p.name;
    i.model = QStringLiteral("simulated");
    i.variant = QStringLiteral("sim");
    i.firmware = QStringLiteral("sim-1");
    i.hasHumidity = p.humidity;
    i.probes = 1;
    i.simulated = true;
    return i;
}

Reading SimulatedSensor::valueAt(qint64 atMs) const {
    const double localHours = std::fmod(double(atMs + qint64(p.utcOffsetMinutes) * 60000) / 3.6e6, 24.0);
    const double phase = 2.0 * std::numbers::pi * (localHours - 15.0) / 24.0;  // warmest at 15:00
    const double day = std::cos(phase);
    Reading r;
    r.sensorId = QStringLiteral("sim:") + p.name;
    r.atMs = atMs;
    r.probe = QStringLiteral("internal");
    r.tempC = p.baseTempC + p.tempAmplitudeC * day + p.tempNoiseC * noise(p.seed, atMs, 1);
    if (p.humidity) {
        double rh = p.baseRhPct - p.rhAmplitudePct * day + p.rhNoisePct * noise(p.seed, atMs, 2);
        if (p.excursionEndMs > p.excursionStartMs && atMs >= p.excursionStartMs && atMs < p.excursionEndMs)
            rh += p.excursionRhPct;
        r.rhPct = std::clamp(rh, 0.0, 100.0);
    }
    // keep the sensor's own resolution (0.01)
    r.tempC = std::round(r.tempC * 100.0) / 100.0;
    if (p.humidity) r.rhPct = std::round(r.rhPct * 100.0) / 100.0;
    return r;
}

Result<QList<Reading>> SimulatedSensor::read(qint64 atMs) { return QList<Reading>{valueAt(atMs)}; }

SimulationParams SimulatedSensor::forIndex(int index) {
    SimulationParams s;
    s.name = QStringLiteral("room-%1").arg(index + 1);
    s.seed = quint32(index + 1);
    s.baseTempC = 17.5 + (index % 5) * 0.8;
    s.baseRhPct = 42.0 + (index % 7) * 2.0;
    s.tempAmplitudeC = 1.0 + (index % 3) * 0.5;
    return s;
}

}  // namespace archive::sensor
