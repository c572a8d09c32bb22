#include "RollupStore.h"

#include "db/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace archive::db::env {

namespace {
const char* table(Grain g) { return g == Grain::Hour ? "readings_hourly" : "readings_daily"; }
const char* keyCol(Grain g) { return g == Grain::Hour ? "hour" : "day"; }
const char* kCols =
    "n, t_n, t_sum, t_min, t_max, rh_n, rh_sum, rh_min, rh_max, dt_s, inv_pi, mould, emc_dt, "
    "mech_bad_s, metal_ok_s, metal_risk_s";

QVariant iv(qint32 v) { return v == kNoValue ? QVariant(QMetaType(QMetaType::Int)) : QVariant(v); }
qint32 vi(const QVariant& v) { return v.isNull() ? kNoValue : v.toInt(); }

RollupAgg readAgg(const QSqlQuery& q, int c) {
    RollupAgg a;
    if (q.value(c + 0).isNull()) return a;  // an aggregate over no rows
    a.n = q.value(c + 0).toLongLong();
    a.tN = q.value(c + 1).toLongLong();
    a.tSum = q.value(c + 2).toLongLong();
    a.tMin = vi(q.value(c + 3));
    a.tMax = vi(q.value(c + 4));
    a.rhN = q.value(c + 5).toLongLong();
    a.rhSum = q.value(c + 6).toLongLong();
    a.rhMin = vi(q.value(c + 7));
    a.rhMax = vi(q.value(c + 8));
    a.dtS = q.value(c + 9).toLongLong();
    a.invPi = q.value(c + 10).toDouble();
    a.mould = q.value(c + 11).toDouble();
    a.emcDt = q.value(c + 12).toDouble();
    a.mechBadS = q.value(c + 13).toLongLong();
    a.metalOkS = q.value(c + 14).toLongLong();
    a.metalRiskS = q.value(c + 15).toLongLong();
    return a;
}

Error dbErr(const QSqlQuery& q, const char* what) { return sqlError(q.lastError(), QString::fromLatin1(what)); }
}  // namespace

RollupAgg RollupStore::fromQuery(const QSqlQuery& q, int col) { return readAgg(q, col); }
const char* RollupStore::columns() { return kCols; }
const char* RollupStore::sumColumns() {
    return "sum(n), sum(t_n), sum(t_sum), min(t_min), max(t_max), sum(rh_n), sum(rh_sum), min(rh_min), max(rh_max), "
           "sum(dt_s), sum(inv_pi), sum(mould), sum(emc_dt), sum(mech_bad_s), sum(metal_ok_s), sum(metal_risk_s)";
}

RollupAgg RollupStore::aggregate(const std::vector<CompactReading>& sorted, std::optional<qint64> prevAt,
                                 qint64 intervalMs) {
    RollupAgg a;
    bool has = prevAt.has_value();
    qint64 prev = prevAt.value_or(0);
    for (const auto& r : sorted) {
        a.add(r, cappedDtMs(prev, has, r.at, intervalMs));
        prev = r.at;
        has = true;
    }
    return a;
}

RollupStore::~RollupStore() = default;

void RollupStore::clearCache() { m_stmts.clear(); }

QSqlQuery& RollupStore::stmt(const QString& sql) {
    auto it = m_stmts.find(sql);
    if (it == m_stmts.end()) {
        auto q = std::make_unique<QSqlQuery>(m_db.sql());
        q->setForwardOnly(true);
        q->prepare(sql);
        it = m_stmts.emplace(sql, std::move(q)).first;
    }
    return *it->second;
}

Result<std::optional<RollupAgg>> RollupStore::load(Grain g, qint64 sid, qint64 start) {
    QSqlQuery& q = stmt(QStringLiteral("SELECT %1 FROM %2 WHERE sensor_id = ? AND %3 = ?")
                            .arg(QLatin1String(kCols), QLatin1String(table(g)), QLatin1String(keyCol(g))));
    q.bindValue(0, sid);
    q.bindValue(1, start);
    if (!q.exec()) return dbErr(q, "load rollup");
    std::optional<RollupAgg> out;
    if (q.next()) out = readAgg(q, 0);
    q.finish();
    return out;
}

Status RollupStore::save(Grain g, qint64 sid, qint64 start, const RollupAgg& a) {
    if (a.empty()) {
        QSqlQuery& q = stmt(QStringLiteral("DELETE FROM %1 WHERE sensor_id = ? AND %2 = ?")
                                .arg(QLatin1String(table(g)), QLatin1String(keyCol(g))));
        q.bindValue(0, sid);
        q.bindValue(1, start);
        if (!q.exec()) return dbErr(q, "delete rollup");
        return okStatus();
    }
    QSqlQuery& q = stmt(QStringLiteral(
                  "INSERT INTO %1(sensor_id, %2, %3) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                  "ON CONFLICT(sensor_id, %2) DO UPDATE SET n=excluded.n, t_n=excluded.t_n, t_sum=excluded.t_sum, "
                  "t_min=excluded.t_min, t_max=excluded.t_max, rh_n=excluded.rh_n, rh_sum=excluded.rh_sum, "
                  "rh_min=excluded.rh_min, rh_max=excluded.rh_max, dt_s=excluded.dt_s, inv_pi=excluded.inv_pi, "
                  "mould=excluded.mould, emc_dt=excluded.emc_dt, mech_bad_s=excluded.mech_bad_s, "
                  "metal_ok_s=excluded.metal_ok_s, metal_risk_s=excluded.metal_risk_s")
                  .arg(QLatin1String(table(g)), QLatin1String(keyCol(g)), QLatin1String(kCols)));
    const QVariantList vals = {sid,        start,       a.n,        a.tN,       a.tSum,      iv(a.tMin),
                               iv(a.tMax), a.rhN,       a.rhSum,    iv(a.rhMin), iv(a.rhMax), a.dtS,
                               a.invPi,    a.mould,     a.emcDt,    a.mechBadS, a.metalOkS,  a.metalRiskS};
    for (int i = 0; i < vals.size(); ++i) q.bindValue(i, vals[i]);
    if (!q.exec()) return dbErr(q, "save rollup");
    return okStatus();
}

Status RollupStore::recomputeHour(qint64 sid, qint64 hour, qint64 intervalMs) {
    auto rs = raw(sid, hour, hour + kHourMs);
    if (!rs) return rs.error();
    std::optional<qint64> prev;
    if (!rs->empty()) {
        auto p = prevAt(sid, rs->front().at);
        if (!p) return p.error();
        prev = *p;
    }
    return save(Grain::Hour, sid, hour, aggregate(*rs, prev, intervalMs));
}

Status RollupStore::recomputeDay(qint64 sid, qint64 day) {
    auto rs = rows(Grain::Hour, {sid}, day, day + kDayMs);
    if (!rs) return rs.error();
    RollupAgg a;
    for (const auto& r : *rs) a.merge(r.agg);
    return save(Grain::Day, sid, day, a);
}

Result<QList<RollupRow>> RollupStore::rows(Grain g, const QList<qint64>& sids, qint64 from, qint64 to) {
    QList<RollupRow> out;
    if (sids.isEmpty()) return out;
    QStringList ids;
    for (qint64 s : sids) ids << QString::number(s);
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT sensor_id, %1, %2 FROM %3 WHERE sensor_id IN (%4) AND %1 >= ? AND %1 < ? "
                             "ORDER BY %1, sensor_id")
                  .arg(QLatin1String(keyCol(g)), QLatin1String(kCols), QLatin1String(table(g)), ids.join(',')));
    q.addBindValue(from);
    q.addBindValue(to);
    if (!q.exec()) return dbErr(q, "read rollups");
    while (q.next()) out.append(RollupRow{q.value(0).toLongLong(), q.value(1).toLongLong(), readAgg(q, 2)});
    return out;
}

Result<std::vector<CompactReading>> RollupStore::raw(qint64 sid, qint64 from, qint64 to) {
    std::vector<CompactReading> out;
    QSqlQuery& q = stmt(QStringLiteral("SELECT at, t, rh, flags FROM readings WHERE sensor_id = ? AND at >= ? AND at < ? ORDER BY at"));
    q.bindValue(0, sid);
    q.bindValue(1, from);
    q.bindValue(2, to);
    if (!q.exec()) return dbErr(q, "read readings");
    while (q.next())
        out.push_back(CompactReading{q.value(0).toLongLong(), vi(q.value(1)), vi(q.value(2)), q.value(3).toInt()});
    q.finish();
    return out;
}

namespace {
Result<std::optional<qint64>> scalarAt(QSqlQuery& q, qint64 sid, std::optional<qint64> at) {
    q.bindValue(0, sid);
    if (at) q.bindValue(1, *at);
    if (!q.exec()) return dbErr(q, "find reading");
    std::optional<qint64> out;
    if (q.next() && !q.value(0).isNull()) out = q.value(0).toLongLong();
    q.finish();
    return out;
}
}  // namespace

Result<std::optional<qint64>> RollupStore::prevAt(qint64 sid, qint64 at) {
    return scalarAt(stmt(QStringLiteral("SELECT at FROM readings WHERE sensor_id = ? AND at < ? ORDER BY at DESC LIMIT 1")), sid, at);
}
Result<std::optional<qint64>> RollupStore::nextAt(qint64 sid, qint64 at) {
    return scalarAt(stmt(QStringLiteral("SELECT at FROM readings WHERE sensor_id = ? AND at > ? ORDER BY at LIMIT 1")), sid, at);
}
Result<std::optional<qint64>> RollupStore::lastAt(qint64 sid) {
    return scalarAt(stmt(QStringLiteral("SELECT at FROM readings WHERE sensor_id = ? ORDER BY at DESC LIMIT 1")), sid, std::nullopt);
}

}  // namespace archive::db::env
