#include "ExcursionDetector.h"

#include "Rollup.h"

#include <algorithm>
#include <cmath>

namespace archive::db::env {

namespace {
struct KindInfo { AlertKind k; const char* code; const char* text; };
const KindInfo kKinds[] = {
    {AlertKind::TempHigh, "temp_high", "温度过高 / temperature too high"},
    {AlertKind::TempLow, "temp_low", "温度过低 / temperature too low"},
    {AlertKind::RhHigh, "rh_high", "湿度过高 / humidity too high"},
    {AlertKind::RhLow, "rh_low", "湿度过低 / humidity too low"},
    {AlertKind::TempSwing, "temp_swing", "温度日波动超限 / daily temperature swing too large"},
    {AlertKind::RhSwing, "rh_swing", "湿度日波动超限 / daily humidity swing too large"},
    {AlertKind::Silence, "silence", "传感器无读数 / sensor silent"},
};
}  // namespace

QString alertKindCode(AlertKind k) {
    for (const auto& i : kKinds) if (i.k == k) return QString::fromLatin1(i.code);
    return {};
}
std::optional<AlertKind> alertKindFromCode(const QString& code) {
    for (const auto& i : kKinds) if (code == QLatin1String(i.code)) return i.k;
    return std::nullopt;
}
QString alertKindText(AlertKind k) {
    for (const auto& i : kKinds) if (i.k == k) return QString::fromUtf8(i.text);
    return {};
}

ExcursionDetector::ExcursionDetector(const ClimateLimits& limits)
    : m_limits(limits),
      m_ch{{AlertKind::TempHigh, true}, {AlertKind::TempLow, false}, {AlertKind::RhHigh, true},
           {AlertKind::RhLow, false},   {AlertKind::TempSwing, true}, {AlertKind::RhSwing, true}} {}

void ExcursionDetector::Window::push(qint64 t, double v) {
    while (!mx.empty() && mx.back().second <= v) mx.pop_back();
    mx.emplace_back(t, v);
    while (!mn.empty() && mn.back().second >= v) mn.pop_back();
    mn.emplace_back(t, v);
    while (mx.front().first <= t - kDayMs) mx.pop_front();
    while (mn.front().first <= t - kDayMs) mn.pop_front();
}

Excursion* ExcursionDetector::find(int serial) {
    for (auto& e : m_exc) if (e.serial == serial) return &e;
    return nullptr;
}

void ExcursionDetector::step(Channel& c, qint64 t, double v, double limit, double hyst) {
    const bool out = c.high ? v > limit : v < limit;
    const bool in = c.high ? v <= limit - hyst : v >= limit + hyst;
    const bool worse = c.high ? v > c.peak : v < c.peak;
    auto markChanged = [&](int s) { if (std::find(m_changed.begin(), m_changed.end(), s) == m_changed.end()) m_changed.push_back(s); };
    switch (c.st) {
    case St::Idle:
        if (out) { c.st = St::Pending; c.since = t; c.peak = v; c.peakAt = t; }
        break;
    case St::Pending:
        if (!out) { c.st = St::Idle; break; }
        if (worse) { c.peak = v; c.peakAt = t; }
        if (t - c.since >= m_limits.minDurationMs) {
            c.st = St::Active;
            c.serial = m_nextSerial++;
            m_exc.push_back(Excursion{c.serial, c.kind, c.since, 0, c.peak, c.peakAt, limit});
            markChanged(c.serial);
        }
        break;
    case St::Active:
    case St::Clearing: {
        Excursion* e = find(c.serial);
        if (e && worse) { c.peak = v; c.peakAt = t; e->peak = v; e->peakAt = t; markChanged(c.serial); }
        if (!in) { c.st = St::Active; break; }
        if (c.st == St::Active) { c.st = St::Clearing; c.since = t; }
        if (t - c.since >= m_limits.minDurationMs || m_limits.minDurationMs == 0) {
            if (e) { e->endMs = c.since; markChanged(c.serial); }
            c.st = St::Idle;
            c.serial = 0;
        }
        break;
    }
    }
}

void ExcursionDetector::feed(qint64 t, double tc, double rh) {
    if (m_has && t <= m_lastAt) return;  // the store replays late readings; never go backwards here
    if (m_has && t - m_lastAt > 3 * m_limits.intervalMs) {
        for (auto& c : m_ch) if (c.st == St::Pending) c.st = St::Idle;
    }
    m_has = true;
    m_lastAt = t;
    const ClimateLimits& L = m_limits;
    if (!std::isnan(tc)) {
        step(m_ch[0], t, tc, L.tMax, L.tHyst);
        step(m_ch[1], t, tc, L.tMin, L.tHyst);
        m_tWin.push(t, tc);
        step(m_ch[4], t, m_tWin.range(), 2 * L.tSwing, L.tHyst);
    }
    if (!std::isnan(rh)) {
        step(m_ch[2], t, rh, L.rhMax, L.rhHyst);
        step(m_ch[3], t, rh, L.rhMin, L.rhHyst);
        m_rhWin.push(t, rh);
        step(m_ch[5], t, m_rhWin.range(), 2 * L.rhSwing, L.rhHyst);
    }
}

QList<Excursion> ExcursionDetector::takeChanges() {
    QList<Excursion> out;
    std::sort(m_changed.begin(), m_changed.end());
    for (int s : m_changed) if (const Excursion* e = find(s)) out << *e;
    m_changed.clear();
    m_exc.erase(std::remove_if(m_exc.begin(), m_exc.end(), [](const Excursion& e) { return !e.open(); }), m_exc.end());
    return out;
}

QList<Excursion> ExcursionDetector::openExcursions() const {
    QList<Excursion> out;
    for (const auto& e : m_exc) if (e.open()) out << e;
    return out;
}

}  // namespace archive::db::env
