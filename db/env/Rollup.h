#pragma once
// The aggregate kept per sensor and hour (and day) — and, merged, for any window.
// Pure value code shared by the ingest path, the recompute path and the tests.

#include <QtGlobal>
#include <climits>

namespace archive::db::env {

constexpr qint32 kNoValue = INT_MIN;  // a reading without temperature or without RH
constexpr qint64 kHourMs = 3600000;
constexpr qint64 kDayMs = 86400000;

// One stored reading: centi-°C and centi-%RH.
struct CompactReading {
    qint64 at = 0;
    qint32 t = kNoValue;
    qint32 rh = kNoValue;
    qint32 flags = 0;  // bit 0 manual, bit 1 external probe
};

inline qint64 floorTo(qint64 at, qint64 unit) {
    const qint64 r = at % unit;
    return r < 0 ? at - r - unit : at - r;
}

// The time a reading stands for, in ms: the time since the previous reading of the same sensor,
// capped at 2 × the sampling interval so an outage is not filled with a reading (first reading: one interval).
inline qint64 cappedDtMs(qint64 prevAt, bool hasPrev, qint64 at, qint64 intervalMs) {
    if (!hasPrev) return intervalMs;
    const qint64 d = at - prevAt;
    return d < 0 ? 0 : (d > 2 * intervalMs ? 2 * intervalMs : d);
}

struct RollupAgg {
    qint64 n = 0;
    qint64 tN = 0, tSum = 0;
    qint32 tMin = kNoValue, tMax = kNoValue;
    qint64 rhN = 0, rhSum = 0;
    qint32 rhMin = kNoValue, rhMax = kNoValue;
    qint64 dtS = 0;          // Σ Δt (s) over readings with both values
    double invPi = 0;        // Σ Δt(s) / PI(years)
    double mould = 0;        // Σ Δt(days) / daysToMould
    double emcDt = 0;        // Σ EMC · Δt(s)
    qint64 mechBadS = 0, metalOkS = 0, metalRiskS = 0;

    void add(const CompactReading& r, qint64 dtMs);
    void merge(const RollupAgg& o);
    bool empty() const { return n == 0; }
    bool operator==(const RollupAgg& o) const;

    double meanT() const;    // °C, NaN when none
    double meanRh() const;   // %RH, NaN when none
    double twpi() const;     // years, NaN when dtS == 0
    double meanEmc() const;  // %, NaN when dtS == 0
};

}  // namespace archive::db::env
