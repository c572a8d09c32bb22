#include "Metrics.h"

#include <cmath>
#include <limits>

namespace archive::db::env {

double preservationIndex(double tC, double rh) {
    const double days = std::exp((95220.0 - 134.9 * rh) / (8.314 * (tC + 273.15)) + 0.0284 * rh - 28.023);
    return days / 365.0;
}

double equilibriumMoistureContent(double t, double rhPct) {
    const double h = rhPct / 100.0;
    const double W = 349.0 + 1.29 * t + 0.0135 * t * t;
    const double K = 0.805 + 0.000736 * t - 0.00000273 * t * t;
    const double K1 = 6.27 - 0.00938 * t - 0.000303 * t * t;
    const double K2 = 1.91 + 0.0407 * t - 0.000293 * t * t;
    const double kh = K * h;
    const double a = kh / (1.0 - kh);
    const double b = (K1 * kh + 2.0 * K1 * K2 * kh * kh) / (1.0 + K1 * kh + K1 * K2 * kh * kh);
    return 1800.0 / W * (a + b);
}

double dewPoint(double t, double rhPct) {
    const double rh = rhPct <= 0.01 ? 0.01 : rhPct;
    const double g = std::log(rh / 100.0) + 17.625 * t / (243.04 + t);
    return 243.04 * g / (17.625 - g);
}

double mouldIsolineRh(double t) { return 100.0 * (0.02633 * std::cosh(0.10083 * (t - 30.0)) + 0.7153); }

double daysToMould(double t, double rh) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (rh < 65.0 || t < 2.0 || t > 45.0) return inf;
    const double iso = mouldIsolineRh(t);
    if (rh < iso) return inf;
    return 2.0 + 180.0 * std::exp(-0.25 * (rh - iso));
}

Band twpiBand(double y) { return y >= 75.0 ? Band::Good : y >= 45.0 ? Band::Ok : Band::Risk; }
Band metalCorrosionBand(double emc) { return emc < 7.0 ? Band::Good : emc <= 10.5 ? Band::Ok : Band::Risk; }
bool mechanicalDamageOk(double emc) { return emc >= 5.0 && emc <= 12.5; }
const char* bandCode(Band b) { return b == Band::Good ? "good" : b == Band::Ok ? "ok" : "risk"; }

}  // namespace archive::db::env
