#pragma once
// Rejects readings a sensor cannot have measured: outside the sensor's range, the 0x4E20 "no probe"
// sentinel (200.00 °C), or a jump faster than a room can change. A jump that persists (the same new
// level confirmed `confirmAfter` times in a row) is accepted: it is a real change, not a glitch.
// Pure logic, one instance per sensor, used from that sensor's worker.

#include "devices/sensor/Reading.h"

#include <QHash>
#include <QString>

namespace archive::sensor {

struct PlausibilityLimits {
    double minTempC = -40.0, maxTempC = 85.0;
    double minRhPct = 0.0, maxRhPct = 100.0;
    double maxTempStepC = 3.0;          // allowed change between consecutive readings …
    double maxTempRateCPerMin = 1.0;    // … plus this much per minute elapsed
    double maxRhStepPct = 10.0;
    double maxRhRatePctPerMin = 3.0;
    int confirmAfter = 3;               // readings in a row near the new level make it believed
};

struct Verdict {
    bool accepted = true;   // false: drop the reading
    bool rhDropped = false; // temperature kept, humidity removed (rhPct set to NaN)
    QString reason;         // why (for the log), empty when accepted unchanged
    double rejectedValue = 0;
};

class PlausibilityFilter {
public:
    explicit PlausibilityFilter(PlausibilityLimits limits = {}) : m_limits(limits) {}
    void setLimits(const PlausibilityLimits& l) { m_limits = l; }
    // Checks (and may edit: drop RH) a reading; remembers accepted ones for the jump test.
    Verdict check(Reading& r);
    void reset() { m_last.clear(); }

private:
    struct Last {
        qint64 atMs = 0;
        double tempC = 0, rhPct = 0;
        bool hasRh = false;
        int pendingT = 0, pendingRh = 0;
        double pendingTempC = 0, pendingRhPct = 0;
    };
    PlausibilityLimits m_limits;
    QHash<QString, Last> m_last;  // per probe
};

}  // namespace archive::sensor
