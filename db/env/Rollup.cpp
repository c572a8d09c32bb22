#include "Rollup.h"

#include "Metrics.h"

#include <cmath>
#include <limits>

namespace archive::db::env {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
qint32 minV(qint32 a, qint32 b) { return a == kNoValue ? b : b == kNoValue ? a : (a < b ? a : b); }
qint32 maxV(qint32 a, qint32 b) { return a == kNoValue ? b : b == kNoValue ? a : (a > b ? a : b); }
bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * (1.0 + std::fabs(a) + std::fabs(b)); }
}  // namespace

void RollupAgg::add(const CompactReading& r, qint64 dtMs) {
    ++n;
    if (r.t != kNoValue) {
        ++tN;
        tSum += r.t;
        tMin = minV(tMin, r.t);
        tMax = maxV(tMax, r.t);
    }
    if (r.rh != kNoValue) {
        ++rhN;
        rhSum += r.rh;
        rhMin = minV(rhMin, r.rh);
        rhMax = maxV(rhMax, r.rh);
    }
    if (r.t == kNoValue || r.rh == kNoValue || dtMs <= 0) return;
    const double T = r.t / 100.0, RH = r.rh / 100.0;
    const qint64 s = (dtMs + 500) / 1000;
    if (s <= 0) return;
    const double ds = double(s);
    dtS += s;
    invPi += ds / preservationIndex(T, RH);
    const double dm = daysToMould(T, RH);
    if (std::isfinite(dm)) mould += (ds / 86400.0) / dm;
    const double e = equilibriumMoistureContent(T, RH);
    emcDt += e * ds;
    if (!mechanicalDamageOk(e)) mechBadS += s;
    const Band mb = metalCorrosionBand(e);
    if (mb == Band::Ok) metalOkS += s;
    else if (mb == Band::Risk) metalRiskS += s;
}

void RollupAgg::merge(const RollupAgg& o) {
    n += o.n;
    tN += o.tN;
    tSum += o.tSum;
    tMin = minV(tMin, o.tMin);
    tMax = maxV(tMax, o.tMax);
    rhN += o.rhN;
    rhSum += o.rhSum;
    rhMin = minV(rhMin, o.rhMin);
    rhMax = maxV(rhMax, o.rhMax);
    dtS += o.dtS;
    invPi += o.invPi;
    mould += o.mould;
    emcDt += o.emcDt;
    mechBadS += o.mechBadS;
    metalOkS += o.metalOkS;
    metalRiskS += o.metalRiskS;
}

bool RollupAgg::operator==(const RollupAgg& o) const {
    return n == o.n && tN == o.tN && tSum == o.tSum && tMin == o.tMin && tMax == o.tMax && rhN == o.rhN &&
           rhSum == o.rhSum && rhMin == o.rhMin && rhMax == o.rhMax && dtS == o.dtS && near(invPi, o.invPi) &&
           near(mould, o.mould) && near(emcDt, o.emcDt) && mechBadS == o.mechBadS && metalOkS == o.metalOkS &&
           metalRiskS == o.metalRiskS;
}

double RollupAgg::meanT() const { return tN ? tSum / 100.0 / double(tN) : kNaN; }
double RollupAgg::meanRh() const { return rhN ? rhSum / 100.0 / double(rhN) : kNaN; }
double RollupAgg::twpi() const { return dtS > 0 && invPi > 0 ? double(dtS) / invPi : kNaN; }
double RollupAgg::meanEmc() const { return dtS ? emcDt / double(dtS) : kNaN; }

}  // namespace archive::db::env
