#pragma once
// The excursion state machine of one sensor against its room's climate profile. Pure: feed readings in
// time order, take the excursions that changed. Per channel (temperature high/low, RH high/low,
// 24-hour temperature swing, 24-hour RH swing):
//   idle ──out──▶ pending ──out for ≥ min duration──▶ active (excursion opens; start = first out reading)
//   pending ──back in──▶ idle (a spike shorter than the minimum duration raises nothing)
//   active ──inside by the hysteresis margin──▶ clearing ──still in after min duration──▶ closed
//   clearing ──out or at the edge again──▶ active (same excursion: flicker at the edge is no spam)
// A gap of more than 3 intervals resets pending channels (a lone reading either side is no excursion).
// Silent sensors are handled by the store (AlertEngine), not here.

#include <QList>
#include <QString>
#include <deque>
#include <optional>
#include <vector>

namespace archive::db::env {

enum class AlertKind { TempHigh, TempLow, RhHigh, RhLow, TempSwing, RhSwing, Silence };
QString alertKindCode(AlertKind k);                 // "temp_high", …, "silence"
std::optional<AlertKind> alertKindFromCode(const QString& code);
QString alertKindText(AlertKind k);                 // "温度过高 / temperature high", …

struct ClimateLimits {
    double tMin = 14, tMax = 24, rhMin = 45, rhMax = 60;
    double tSwing = 2, rhSwing = 5;   // ± allowed daily swing: the 24-hour range may be 2 × this
    double tHyst = 0.5, rhHyst = 2.0;
    qint64 minDurationMs = 15 * 60000;
    qint64 intervalMs = 60000;
    bool operator==(const ClimateLimits&) const = default;
};

struct Excursion {
    int serial = 0;          // detector-local id
    AlertKind kind = AlertKind::TempHigh;
    qint64 startMs = 0;
    qint64 endMs = 0;        // 0 = still open
    double peak = 0;         // worst value (°C, %RH, or 24-hour range)
    qint64 peakAt = 0;
    double limit = 0;        // the limit crossed
    bool open() const { return endMs == 0; }
};

class ExcursionDetector {
public:
    explicit ExcursionDetector(const ClimateLimits& limits);
    const ClimateLimits& limits() const { return m_limits; }

    void feed(qint64 atMs, double tempC, double rhPct);  // NaN = not measured
    // Excursions opened, worsened or closed since the last call (each once, latest state).
    QList<Excursion> takeChanges();
    QList<Excursion> openExcursions() const;
    qint64 lastAt() const { return m_lastAt; }
    bool hasReadings() const { return m_has; }

private:
    enum class St { Idle, Pending, Active, Clearing };
    struct Channel {
        AlertKind kind;
        bool high;       // true: value above limit is out
        St st = St::Idle;
        qint64 since = 0, peakAt = 0;
        double peak = 0;
        int serial = 0;  // open excursion (Active/Clearing)
    };
    struct Window {
        std::deque<std::pair<qint64, double>> mx, mn;
        void push(qint64 t, double v);
        double range() const { return mx.empty() ? 0 : mx.front().second - mn.front().second; }
    };
    void step(Channel& c, qint64 t, double v, double limit, double hyst);
    Excursion* find(int serial);

    ClimateLimits m_limits;
    Channel m_ch[6];
    Window m_tWin, m_rhWin;
    std::vector<Excursion> m_exc;   // open ones + changed since takeChanges
    std::vector<int> m_changed;
    int m_nextSerial = 1;
    qint64 m_lastAt = 0;
    bool m_has = false;
};

}  // namespace archive::db::env
