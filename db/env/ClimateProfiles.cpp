#include "ClimateProfiles.h"

#include "db/Database.h"
#include "db/Ledger.h"
#include "db/Transaction.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace archive::db::env {

namespace {
const char* kSel = "SELECT code, name_zh, name_en, t_min, t_max, rh_min, rh_max, t_swing, rh_swing, min_duration_s, "
                   "t_hysteresis, rh_hysteresis FROM climate_profiles";
ClimateProfile read(const QSqlQuery& q) {
    ClimateProfile p;
    p.code = q.value(0).toString();
    p.nameZh = q.value(1).toString();
    p.nameEn = q.value(2).toString();
    p.tMin = q.value(3).toDouble();
    p.tMax = q.value(4).toDouble();
    p.rhMin = q.value(5).toDouble();
    p.rhMax = q.value(6).toDouble();
    p.tSwing = q.value(7).toDouble();
    p.rhSwing = q.value(8).toDouble();
    p.minDurationS = q.value(9).toInt();
    p.tHyst = q.value(10).toDouble();
    p.rhHyst = q.value(11).toDouble();
    return p;
}
}  // namespace

ClimateLimits ClimateProfile::limits(qint64 intervalMs) const {
    ClimateLimits l;
    l.tMin = tMin; l.tMax = tMax; l.rhMin = rhMin; l.rhMax = rhMax;
    l.tSwing = tSwing; l.rhSwing = rhSwing; l.tHyst = tHyst; l.rhHyst = rhHyst;
    l.minDurationMs = qint64(minDurationS) * 1000;
    l.intervalMs = intervalMs;
    return l;
}

Result<QList<ClimateProfile>> ClimateProfiles::list(Database& db) {
    QSqlQuery q(db.sql());
    if (!q.exec(QString::fromLatin1(kSel) + QStringLiteral(" ORDER BY code")))
        return sqlError(q.lastError(), QStringLiteral("list climate profiles"));
    QList<ClimateProfile> out;
    while (q.next()) out << read(q);
    return out;
}

Result<ClimateProfile> ClimateProfiles::get(Database& db, const QString& code) {
    QSqlQuery q(db.sql());
    q.prepare(QString::fromLatin1(kSel) + QStringLiteral(" WHERE code = ?"));
    q.addBindValue(code);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("read climate profile"));
    if (!q.next())
        return makeError(QStringLiteral("not_found"), QStringLiteral("没有名为“%1”的温湿度标准。").arg(code),
                         QStringLiteral("No climate profile \"%1\".").arg(code));
    return read(q);
}

QString ClimateProfiles::forRoomSql() {
    return QString::fromLatin1(kSel) + QStringLiteral(" WHERE code = COALESCE((SELECT climate_profile FROM rooms WHERE id = ?), 'paper')");
}
ClimateProfile ClimateProfiles::fromQuery(const QSqlQuery& q) { return read(q); }

Result<ClimateProfile> ClimateProfiles::forRoom(Database& db, qint64 roomId) {
    QSqlQuery q(db.sql());
    q.prepare(forRoomSql());
    q.addBindValue(roomId);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("read room climate profile"));
    if (q.next()) return read(q);
    return get(db, QStringLiteral("paper"));
}

Status ClimateProfiles::validate(const ClimateProfile& p) {
    auto bad = [](const QString& zh, const QString& en) { return Status(makeError(QStringLiteral("bad_input"), zh, en)); };
    if (p.code.trimmed().isEmpty()) return bad(QStringLiteral("请填写标准代码。"), QStringLiteral("Please give the profile a code."));
    if (!(p.tMin < p.tMax) || p.tMin < -40 || p.tMax > 60)
        return bad(QStringLiteral("温度下限必须小于上限（-40–60 °C）。"), QStringLiteral("The lowest temperature must be below the highest (−40–60 °C)."));
    if (!(p.rhMin < p.rhMax) || p.rhMin < 0 || p.rhMax > 100)
        return bad(QStringLiteral("湿度下限必须小于上限（0–100 %）。"), QStringLiteral("The lowest humidity must be below the highest (0–100 %)."));
    if (p.tSwing <= 0 || p.rhSwing <= 0 || p.tHyst < 0 || p.rhHyst < 0 || p.minDurationS < 0)
        return bad(QStringLiteral("日波动限值必须大于 0，回差和最短持续时间不能为负。"),
                   QStringLiteral("Daily swing limits must be above 0; hysteresis and minimum duration cannot be negative."));
    return okStatus();
}

Status ClimateProfiles::save(Database& db, const ClimateProfile& p, const QString& actor) {
    if (auto st = validate(p); !st) return st;
    Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    QSqlQuery q(db.sql());
    q.prepare(QStringLiteral(
        "INSERT INTO climate_profiles(code, name_zh, name_en, t_min, t_max, rh_min, rh_max, t_swing, rh_swing, "
        "min_duration_s, t_hysteresis, rh_hysteresis, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(code) DO UPDATE SET name_zh=excluded.name_zh, name_en=excluded.name_en, t_min=excluded.t_min, "
        "t_max=excluded.t_max, rh_min=excluded.rh_min, rh_max=excluded.rh_max, t_swing=excluded.t_swing, "
        "rh_swing=excluded.rh_swing, min_duration_s=excluded.min_duration_s, t_hysteresis=excluded.t_hysteresis, "
        "rh_hysteresis=excluded.rh_hysteresis, updated_at=excluded.updated_at"));
    const QVariantList v = {p.code.trimmed(), p.nameZh, p.nameEn, p.tMin, p.tMax, p.rhMin, p.rhMax, p.tSwing,
                            p.rhSwing, p.minDurationS, p.tHyst, p.rhHyst, db.nowMs()};
    for (const auto& x : v) q.addBindValue(x);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("save climate profile"));
    LedgerEntry e;
    e.actor = actor.isEmpty() ? QStringLiteral("archivectl") : actor;
    e.action = QStringLiteral("env.profile");
    e.subject = QStringLiteral("profile:") + p.code.trimmed();
    e.details = QJsonObject{{QStringLiteral("t_min"), p.tMin}, {QStringLiteral("t_max"), p.tMax},
                            {QStringLiteral("rh_min"), p.rhMin}, {QStringLiteral("rh_max"), p.rhMax},
                            {QStringLiteral("t_swing"), p.tSwing}, {QStringLiteral("rh_swing"), p.rhSwing}};
    if (auto r = Ledger::append(db, e); !r) return r.error();
    return tx.commit();
}

}  // namespace archive::db::env
