#pragma once
// Preservation metrics in closed form (devices.md §5; Image Permanence Institute's quantities).
// Pure functions, no I/O. T in °C, RH in % (0–100).

#include <QtGlobal>

namespace archive::db::env {

enum class Band { Good, Ok, Risk };

// Preservation Index in years (Padfield 2004 fit of IPI's table).
double preservationIndex(double tC, double rhPct);
// Equilibrium moisture content in % (USDA wood equation, Simpson 1998).
double equilibriumMoistureContent(double tC, double rhPct);
// Dew point in °C (Magnus, 17.625 / 243.04).
double dewPoint(double tC, double rhPct);
// RH (%) below which mould does not germinate at T (Zeng et al. 2023 isoline).
double mouldIsolineRh(double tC);
// Days until mould germinates at constant T/RH; +infinity when there is no risk (RH < 65 %, T outside
// 2–45 °C, or below the isoline). Above the isoline: 2 + 180·exp(−0.25·(RH − isoline)) days — an
// approximation with the shape of the published isopleths (182 d at the line, ~17 d 10 % above it).
double daysToMould(double tC, double rhPct);

Band twpiBand(double years);           // GOOD ≥ 75, OK 45–75, RISK < 45
Band metalCorrosionBand(double emc);   // GOOD < 7.0, OK 7.0–10.5, RISK above
bool mechanicalDamageOk(double emc);   // OK for 5.0 ≤ EMC ≤ 12.5
const char* bandCode(Band b);          // "good", "ok", "risk"

}  // namespace archive::db::env
