#pragma once
// A simulated climate sensor for the demo, tests and benchmarks: a day/night temperature curve
// (warmest mid-afternoon, local time), humidity moving against it, small noise, and an optional
// humidity excursion between two instants. Values are a pure function of (parameters, time), so a
// reading for a given instant is reproducible.

#include "devices/sensor/SensorDevice.h"

namespace archive::sensor {

struct SimulationParams {
    QString name = QStringLiteral("demo");  // sensor id becomes "sim:<name>"
    double baseTempC = 19.0;
    double tempAmplitudeC = 1.5;    // half the day/night swing
    double baseRhPct = 48.0;
    double rhAmplitudePct = 4.0;
    double tempNoiseC = 0.05;       // ± uniform noise
    double rhNoisePct = 0.3;
    bool humidity = true;
    quint32 seed = 1;
    // Optional excursion: RH raised by excursionRhPct between these instants (UTC ms; 0 = none).
    qint64 excursionStartMs = 0;
    qint64 excursionEndMs = 0;
    double excursionRhPct = 20.0;
    int utcOffsetMinutes = 8 * 60;  // local time of the curve (China Standard Time)
};

class SimulatedSensor : public SensorDevice {
public:
    explicit SimulatedSensor(SimulationParams params);
    SensorInfo info() const override;
    Result<QList<Reading>> read(qint64 atMs) override;
    // The value the sensor reports at an instant (no I/O).
    Reading valueAt(qint64 atMs) const;
    // Parses "--simulate" style names: N sensors "sim:room-1"…; params vary per index.
    static SimulationParams forIndex(int index);

private:
    SimulationParams p;
};

}  // namespace archive::sensor
