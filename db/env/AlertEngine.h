#pragma once
// Keeps env_alerts in step with the readings (internal to ReadingStore; runs inside its transaction).
// Range and swing excursions come from one ExcursionDetector per sensor, cached between batches;
// a late reading, a changed profile or a cold start replays the detector from a quiet point and
// reconciles the stored alerts (acknowledged alerts are never deleted). Silence (R13) is handled here:
// a gap of more than 3 intervals between readings is a closed "silence" alert; checkSilence() opens
// one for a sensor that is silent now; the next reading closes it.

#include "ExcursionDetector.h"
#include "Rollup.h"
#include "RollupStore.h"
#include "common/Result.h"

#include <QHash>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace archive::db {
class Database;
}

namespace archive::db::env {

struct SensorInfo {
    qint64 id = 0;
    QString key;
    qint64 roomId = 0;
    qint64 intervalMs = 60000;
    double tempOffset = 0, rhOffset = 0;
    QString kind;
    bool manual() const { return kind == QLatin1String("manual"); }
};

class AlertEngine {
public:
    explicit AlertEngine(Database& db);
    ~AlertEngine();
    // lastBefore: the sensor's newest reading before this batch. appended: newer readings (sorted);
    // late: readings older than lastBefore that were stored now (sorted).
    Status onReadings(const SensorInfo& s, std::optional<qint64> lastBefore,
                      const std::vector<CompactReading>& appended, const std::vector<CompactReading>& late);
    Result<int> checkSilence(qint64 nowMs);
    void invalidate();
    Result<ClimateLimits> limitsFor(const SensorInfo& s);

private:
    struct State {
        std::unique_ptr<ExcursionDetector> det;
        qint64 roomId = 0;
        QHash<int, qint64> alertIds;  // detector serial → env_alerts.id of open excursions
    };
    Status store(const SensorInfo& s, State& st, const QList<Excursion>& changes, bool late);
    Status replay(const SensorInfo& s, const ClimateLimits& lim, qint64 from, bool late);
    Status gap(const SensorInfo& s, qint64 from, qint64 to);
    Status closeOpenSilence(const SensorInfo& s, qint64 at, bool* closed);
    Status refillGaps(const SensorInfo& s, qint64 lateAt);

    Database& m_db;
    RollupStore m_rs;  // prepared statements
    std::map<qint64, State> m_states;
};

}  // namespace archive::db::env
