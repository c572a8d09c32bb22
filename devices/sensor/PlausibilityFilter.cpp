#include "devices/sensor/PlausibilityFilter.h"

#include <cmath>

namespace archive::sensor {

namespace {
bool isSentinel(double t) { return std::fabs(t - 200.0) < 1e-9; }  // raw 0x4E20 / 100
}

Verdict PlausibilityFilter::check(Reading& r) {
    Verdict v;
    const PlausibilityLimits& L = m_limits;
    if (std::isnan(r.tempC) || isSentinel(r.tempC)) {
        v.accepted = false;
        v.rejectedValue = r.tempC;
        v.reason = std::isnan(r.tempC) ? QStringLiteral("no temperature value")
                                       : QStringLiteral("sentinel 0x4E20 (no probe / sensor fault)");
        return v;
    }
    if (r.tempC < L.minTempC || r.tempC > L.maxTempC) {
        v.accepted = false;
        v.rejectedValue = r.tempC;
        v.reason = QStringLiteral("temperature %1 °C outside %2…%3 °C").arg(r.tempC).arg(L.minTempC).arg(L.maxTempC);
        return v;
    }
    if (!std::isnan(r.rhPct) && (r.rhPct < L.minRhPct || r.rhPct > L.maxRhPct)) {
        v.rhDropped = true;
        v.rejectedValue = r.rhPct;
        v.reason = QStringLiteral("humidity %1 % outside %2…%3 %").arg(r.rhPct).arg(L.minRhPct).arg(L.maxRhPct);
        r.rhPct = NAN;
    }

    auto it = m_last.find(r.probe);
    if (it == m_last.end()) {
        Last l;
        l.atMs = r.atMs;
        l.tempC = r.tempC;
        l.hasRh = !std::isnan(r.rhPct);
        l.rhPct = l.hasRh ? r.rhPct : 0;
        m_last.insert(r.probe, l);
        return v;
    }
    Last& l = *it;
    const double minutes = std::max(0.0, double(r.atMs - l.atMs) / 60000.0);
    const double allowT = L.maxTempStepC + L.maxTempRateCPerMin * minutes;
    if (std::fabs(r.tempC - l.tempC) > allowT) {
        // A glitch, or a real step? Believe it once it has been seen confirmAfter times in a row.
        if (l.pendingT > 0 && std::fabs(r.tempC - l.pendingTempC) <= L.maxTempStepC) ++l.pendingT;
        else l.pendingT = 1;
        l.pendingTempC = r.tempC;
        if (l.pendingT < L.confirmAfter) {
            v.accepted = false;
            v.rejectedValue = r.tempC;
            v.reason = QStringLiteral("temperature jump %1 → %2 °C in %3 min")
                           .arg(l.tempC).arg(r.tempC).arg(minutes, 0, 'f', 1);
            return v;
        }
    }
    l.pendingT = 0;
    if (!std::isnan(r.rhPct) && l.hasRh) {
        const double allowRh = L.maxRhStepPct + L.maxRhRatePctPerMin * minutes;
        if (std::fabs(r.rhPct - l.rhPct) > allowRh) {
            if (l.pendingRh > 0 && std::fabs(r.rhPct - l.pendingRhPct) <= L.maxRhStepPct) ++l.pendingRh;
            else l.pendingRh = 1;
            l.pendingRhPct = r.rhPct;
            if (l.pendingRh < L.confirmAfter) {
                v.rhDropped = true;
                v.rejectedValue = r.rhPct;
                v.reason = QStringLiteral("humidity jump %1 → %2 % in %3 min")
                               .arg(l.rhPct).arg(r.rhPct).arg(minutes, 0, 'f', 1);
                r.rhPct = NAN;
            } else {
                l.pendingRh = 0;
            }
        } else {
            l.pendingRh = 0;
        }
    }
    l.atMs = r.atMs;
    l.tempC = r.tempC;
    if (!std::isnan(r.rhPct)) {
        l.rhPct = r.rhPct;
        l.hasRh = true;
    }
    return v;
}

}  // namespace archive::sensor
