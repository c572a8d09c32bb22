#include "AlertEngine.h"

#include "ClimateProfiles.h"
#include "RollupStore.h"
#include "db/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <cmath>
#include <limits>

namespace archive::db::env {

namespace {
Error dbErr(const QSqlQuery& q, const char* what) { return sqlError(q.lastError(), QString::fromLatin1(what)); }
QVariant nullable(qint64 v) { return v ? QVariant(v) : QVariant(QMetaType(QMetaType::LongLong)); }
bool highKind(AlertKind k) { return k == AlertKind::TempHigh || k == AlertKind::RhHigh || k == AlertKind::TempSwing || k == AlertKind::RhSwing; }

struct StoredAlert {
    qint64 id = 0;
    AlertKind kind = AlertKind::TempHigh;
    qint64 start = 0, end = 0;  // end 0 = open
    double peak = 0;
    qint64 peakAt = 0;
    bool acked = false;
    bool matched = false;
};

Result<qint64> insertAlert(Database& db, qint64 roomId, qint64 sensorId, AlertKind kind, qint64 start, qint64 end,
                           double peak, qint64 peakAt, double limit, bool late) {
    QSqlQuery q(db.sql());
    QString sql = QStringLiteral("INSERT INTO env_alerts(room_id, sensor_id, kind, start_at, end_at, peak, peak_at, limit_value, late, created_at) "
                                 "VALUES(?,?,?,?,?,?,?,?,?,?)");
    const bool pg = db.dialect() == Dialect::PostgreSQL;
    if (pg) sql += QStringLiteral(" RETURNING id");
    q.prepare(sql);
    q.addBindValue(nullable(roomId));
    q.addBindValue(sensorId);
    q.addBindValue(alertKindCode(kind));
    q.addBindValue(start);
    q.addBindValue(nullable(end));
    q.addBindValue(peak);
    q.addBindValue(peakAt);
    q.addBindValue(limit);
    q.addBindValue(late ? 1 : 0);
    q.addBindValue(db.nowMs());
    if (!q.exec()) return dbErr(q, "insert alert");
    if (pg) return q.next() ? q.value(0).toLongLong() : qint64(0);
    return q.lastInsertId().toLongLong();
}

Status updateAlert(Database& db, qint64 id, qint64 start, qint64 end, double peak, qint64 peakAt, bool late) {
    QSqlQuery q(db.sql());
    q.prepare(QStringLiteral("UPDATE env_alerts SET start_at = ?, end_at = ?, peak = ?, peak_at = ?, late = CASE WHEN ? = 1 THEN 1 ELSE late END WHERE id = ?"));
    q.addBindValue(start);
    q.addBindValue(nullable(end));
    q.addBindValue(peak);
    q.addBindValue(peakAt);
    q.addBindValue(late ? 1 : 0);
    q.addBindValue(id);
    if (!q.exec()) return dbErr(q, "update alert");
    return okStatus();
}
}  // namespace

AlertEngine::AlertEngine(Database& db) : m_db(db), m_rs(db) {}
AlertEngine::~AlertEngine() = default;

void AlertEngine::invalidate() { m_states.clear(); }

Status AlertEngine::onReadings(const SensorInfo& s, std::optional<qint64> lastBefore,
                               const std::vector<CompactReading>& appended, const std::vector<CompactReading>& late) {
    if (!s.roomId || (appended.empty() && late.empty())) return okStatus();
    if (!s.manual()) {
        if (!appended.empty()) {
            bool closed = false;
            if (auto st = closeOpenSilence(s, appended.front().at, &closed); !st) return st;
            std::optional<qint64> prev = lastBefore;
            for (size_t i = 0; i < appended.size(); ++i) {
                const qint64 at = appended[i].at;
                if (prev && at - *prev > 3 * s.intervalMs && !(i == 0 && closed))
                    if (auto st = gap(s, *prev, at); !st) return st;
                prev = at;
            }
        }
        for (const auto& c : late)
            if (auto st = refillGaps(s, c.at); !st) return st;
    }

    auto limits = limitsFor(s);
    if (!limits) return limits.error();
    const ClimateLimits lim = *limits;
    State& st = m_states[s.id];
    const bool warm = st.det && st.roomId == s.roomId && st.det->limits() == lim &&
                      (lastBefore ? st.det->hasReadings() && st.det->lastAt() == *lastBefore : !st.det->hasReadings());
    if (!late.empty()) return replay(s, lim, late.front().at, true);
    if (!warm) return replay(s, lim, appended.front().at, false);
    for (const auto& c : appended)
        st.det->feed(c.at, c.t == kNoValue ? NAN : c.t / 100.0, c.rh == kNoValue ? NAN : c.rh / 100.0);
    return store(s, st, st.det->takeChanges(), false);
}

Result<ClimateLimits> AlertEngine::limitsFor(const SensorInfo& s) {
    QSqlQuery& q = m_rs.prepared(ClimateProfiles::forRoomSql());
    q.bindValue(0, s.roomId);
    if (!q.exec()) return dbErr(q, "read climate profile");
    ClimateProfile p;  // defaults (paper) when the profiles table has no row at all
    if (q.next()) p = ClimateProfiles::fromQuery(q);
    q.finish();
    return p.limits(s.intervalMs);
}

Status AlertEngine::store(const SensorInfo& s, State& st, const QList<Excursion>& changes, bool late) {
    for (const Excursion& e : changes) {
        auto it = st.alertIds.find(e.serial);
        if (it == st.alertIds.end()) {
            auto id = insertAlert(m_db, s.roomId, s.id, e.kind, e.startMs, e.endMs, e.peak, e.peakAt, e.limit, late);
            if (!id) return id.error();
            if (e.open()) st.alertIds.insert(e.serial, *id);
        } else {
            if (auto r = updateAlert(m_db, it.value(), e.startMs, e.endMs, e.peak, e.peakAt, late); !r) return r;
            if (!e.open()) st.alertIds.erase(it);
        }
    }
    return okStatus();
}

Status AlertEngine::replay(const SensorInfo& s, const ClimateLimits& lim, qint64 from, bool late) {
    // Start from a quiet point: before every stored excursion that is still going on at `from`.
    qint64 S = from;
    QList<StoredAlert> stored;
    for (int guard = 0; guard < 8; ++guard) {
        QSqlQuery q(m_db.sql());
        q.prepare(QStringLiteral("SELECT id, kind, start_at, COALESCE(end_at, 0), peak, peak_at, ack_at IS NOT NULL FROM env_alerts "
                                 "WHERE sensor_id = ? AND kind <> 'silence' AND (end_at IS NULL OR end_at >= ?) ORDER BY start_at"));
        q.addBindValue(s.id);
        q.addBindValue(S);
        if (!q.exec()) return dbErr(q, "read alerts");
        stored.clear();
        qint64 earliest = S;
        while (q.next()) {
            StoredAlert a;
            a.id = q.value(0).toLongLong();
            a.kind = alertKindFromCode(q.value(1).toString()).value_or(AlertKind::TempHigh);
            a.start = q.value(2).toLongLong();
            a.end = q.value(3).toLongLong();
            a.peak = q.value(4).toDouble();
            a.peakAt = q.value(5).toLongLong();
            a.acked = q.value(6).toBool();
            stored << a;
            earliest = qMin(earliest, a.start);
        }
        if (earliest == S) break;
        S = earliest;
    }
    auto raw = m_rs.raw(s.id, S - kDayMs, std::numeric_limits<qint64>::max());
    if (!raw) return raw.error();
    auto det = std::make_unique<ExcursionDetector>(lim);
    for (const auto& c : *raw) det->feed(c.at, c.t == kNoValue ? NAN : c.t / 100.0, c.rh == kNoValue ? NAN : c.rh / 100.0);
    const QList<Excursion> all = det->takeChanges();

    State& st = m_states[s.id];
    st.alertIds.clear();
    for (const Excursion& e : all) {
        if (!e.open() && e.endMs < S) continue;  // warm-up only
        StoredAlert* match = nullptr;
        for (auto& a : stored) {
            if (a.matched || a.kind != e.kind) continue;
            const qint64 aEnd = a.end ? a.end : std::numeric_limits<qint64>::max();
            const qint64 eEnd = e.endMs ? e.endMs : std::numeric_limits<qint64>::max();
            if (a.start <= eEnd && aEnd >= e.startMs) { match = &a; break; }
        }
        qint64 id = 0;
        if (match) {
            match->matched = true;
            id = match->id;
            qint64 start = e.startMs;
            double peak = e.peak;
            qint64 peakAt = e.peakAt;
            if (e.startMs < S) {  // began in the warm-up window: the stored start and peak may reach further back
                start = qMin(match->start, e.startMs);
                const bool keepOld = highKind(e.kind) ? match->peak > e.peak : match->peak < e.peak;
                if (keepOld) { peak = match->peak; peakAt = match->peakAt; }
            }
            if (auto r = updateAlert(m_db, id, start, e.endMs, peak, peakAt, late); !r) return r;
        } else {
            auto r = insertAlert(m_db, s.roomId, s.id, e.kind, e.startMs, e.endMs, e.peak, e.peakAt, e.limit, late);
            if (!r) return r.error();
            id = *r;
        }
        if (e.open()) st.alertIds.insert(e.serial, id);
    }
    for (const auto& a : stored) {
        if (a.matched || a.start < S || a.acked) continue;  // acknowledged alerts stay on record
        QSqlQuery q(m_db.sql());
        q.prepare(QStringLiteral("DELETE FROM env_alerts WHERE id = ?"));
        q.addBindValue(a.id);
        if (!q.exec()) return dbErr(q, "drop superseded alert");
    }
    st.det = std::move(det);
    st.roomId = s.roomId;
    return okStatus();
}

Status AlertEngine::gap(const SensorInfo& s, qint64 from, qint64 to) {
    auto r = insertAlert(m_db, s.roomId, s.id, AlertKind::Silence, from, to, (to - from) / 60000.0, to,
                         3.0 * s.intervalMs / 60000.0, false);
    return r ? okStatus() : Status(r.error());
}

Status AlertEngine::closeOpenSilence(const SensorInfo& s, qint64 at, bool* closed) {
    QSqlQuery& q = m_rs.prepared(QStringLiteral("UPDATE env_alerts SET end_at = ?, peak = (? - start_at) / 60000.0, peak_at = ? "
                                                "WHERE sensor_id = ? AND kind = 'silence' AND end_at IS NULL AND start_at < ?"));
    q.bindValue(0, at);
    q.bindValue(1, at);
    q.bindValue(2, at);
    q.bindValue(3, s.id);
    q.bindValue(4, at);
    if (!q.exec()) return dbErr(q, "close silence alert");
    *closed = q.numRowsAffected() > 0;
    return okStatus();
}

Status AlertEngine::refillGaps(const SensorInfo& s, qint64 lateAt) {
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT id, start_at, end_at, ack_at IS NOT NULL FROM env_alerts WHERE sensor_id = ? "
                             "AND kind = 'silence' AND start_at < ? AND end_at > ?"));
    q.addBindValue(s.id);
    q.addBindValue(lateAt);
    q.addBindValue(lateAt);
    if (!q.exec()) return dbErr(q, "read silence alerts");
    struct G { qint64 id, start, end; bool acked; };
    QList<G> gs;
    while (q.next()) gs << G{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toBool()};
    for (const G& g : gs) {
        auto raw = m_rs.raw(s.id, g.start, g.end + 1);
        if (!raw) return raw.error();
        QList<QPair<qint64, qint64>> gaps;
        for (size_t i = 1; i < raw->size(); ++i)
            if ((*raw)[i].at - (*raw)[i - 1].at > 3 * s.intervalMs) gaps << qMakePair((*raw)[i - 1].at, (*raw)[i].at);
        if (gaps.isEmpty() && g.acked) continue;
        QSqlQuery u(m_db.sql());
        if (gaps.isEmpty()) {
            u.prepare(QStringLiteral("DELETE FROM env_alerts WHERE id = ?"));
            u.addBindValue(g.id);
        } else {
            u.prepare(QStringLiteral("UPDATE env_alerts SET start_at = ?, end_at = ?, peak = ?, peak_at = ? WHERE id = ?"));
            u.addBindValue(gaps[0].first);
            u.addBindValue(gaps[0].second);
            u.addBindValue((gaps[0].second - gaps[0].first) / 60000.0);
            u.addBindValue(gaps[0].second);
            u.addBindValue(g.id);
        }
        if (!u.exec()) return dbErr(u, "update silence alert");
        for (int i = 1; i < gaps.size(); ++i)
            if (auto st = gap(s, gaps[i].first, gaps[i].second); !st) return st;
    }
    return okStatus();
}

Result<int> AlertEngine::checkSilence(qint64 now) {
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral(
        "SELECT s.id, s.room_id, s.interval_s, COALESCE(s.last_seen_at, s.created_at) FROM sensors s "
        "WHERE s.room_id IS NOT NULL AND s.kind <> 'manual' AND COALESCE(s.last_seen_at, s.created_at) + 3000 * s.interval_s < ? "
        "AND NOT EXISTS (SELECT 1 FROM env_alerts a WHERE a.sensor_id = s.id AND a.kind = 'silence' AND a.end_at IS NULL)"));
    q.addBindValue(now);
    if (!q.exec()) return dbErr(q, "find silent sensors");
    struct S { qint64 id, room; int interval; qint64 last; };
    QList<S> silent;
    while (q.next()) silent << S{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toLongLong()};
    for (const S& s : silent) {
        auto r = insertAlert(m_db, s.room, s.id, AlertKind::Silence, s.last, 0, (now - s.last) / 60000.0, now,
                             3.0 * s.interval / 60.0, false);
        if (!r) return r.error();
    }
    QSqlQuery u(m_db.sql());
    u.prepare(QStringLiteral("UPDATE env_alerts SET peak = (? - start_at) / 60000.0, peak_at = ? WHERE kind = 'silence' AND end_at IS NULL"));
    u.addBindValue(now);
    u.addBindValue(now);
    if (!u.exec()) return dbErr(u, "update silence alerts");
    return int(silent.size());
}

}  // namespace archive::db::env
