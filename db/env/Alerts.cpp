#include "Alerts.h"

#include "db/Database.h"
#include "db/Ledger.h"
#include "db/Transaction.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace archive::db::env {

namespace {
const char* kSel =
    "SELECT a.id, COALESCE(a.room_id, 0), COALESCE(r.code, ''), COALESCE(r.name, ''), COALESCE(s.sensor_key, ''), a.kind, "
    "a.start_at, COALESCE(a.end_at, 0), COALESCE(a.peak, 0), COALESCE(a.peak_at, 0), COALESCE(a.limit_value, 0), a.late, "
    "COALESCE(a.ack_at, 0), COALESCE(a.ack_by, ''), COALESCE(a.ack_action, '') "
    "FROM env_alerts a LEFT JOIN rooms r ON r.id = a.room_id LEFT JOIN sensors s ON s.id = a.sensor_id";

AlertRecord read(const QSqlQuery& q) {
    AlertRecord a;
    a.id = q.value(0).toLongLong();
    a.roomId = q.value(1).toLongLong();
    a.roomCode = q.value(2).toString();
    a.roomName = q.value(3).toString();
    a.sensorKey = q.value(4).toString();
    a.kind = alertKindFromCode(q.value(5).toString()).value_or(AlertKind::TempHigh);
    a.startMs = q.value(6).toLongLong();
    a.endMs = q.value(7).toLongLong();
    a.peak = q.value(8).toDouble();
    a.peakAt = q.value(9).toLongLong();
    a.limit = q.value(10).toDouble();
    a.late = q.value(11).toInt() != 0;
    a.ackAt = q.value(12).toLongLong();
    a.ackBy = q.value(13).toString();
    a.ackAction = q.value(14).toString();
    return a;
}

QString when(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")); }
}  // namespace

QString AlertRecord::describe() const {
    QString value;
    switch (kind) {
    case AlertKind::TempHigh: case AlertKind::TempLow:
        value = QStringLiteral("%1 °C（限值 limit %2 °C）").arg(peak, 0, 'f', 1).arg(limit, 0, 'f', 1); break;
    case AlertKind::RhHigh: case AlertKind::RhLow:
        value = QStringLiteral("%1 %RH（限值 limit %2 %）").arg(peak, 0, 'f', 1).arg(limit, 0, 'f', 0); break;
    case AlertKind::TempSwing:
        value = QStringLiteral("24 h 波动 range %1 °C（限值 limit %2 °C）").arg(peak, 0, 'f', 1).arg(limit, 0, 'f', 1); break;
    case AlertKind::RhSwing:
        value = QStringLiteral("24 h 波动 range %1 %（限值 limit %2 %）").arg(peak, 0, 'f', 1).arg(limit, 0, 'f', 0); break;
    case AlertKind::Silence:
        value = QStringLiteral("%1 分钟无读数 min without readings").arg(peak, 0, 'f', 0); break;
    }
    return QStringLiteral("%1 %2 %3 %4–%5 %6").arg(roomCode, alertKindText(kind), value, when(startMs),
                                                   endMs ? when(endMs) : QStringLiteral("…"),
                                                   ackAt ? QStringLiteral("✓ %1: %2").arg(ackBy, ackAction) : QString());
}

Result<QList<AlertRecord>> AlertStore::list(Database& db, const AlertFilter& f) {
    QString sql = QString::fromLatin1(kSel) + QStringLiteral(" WHERE a.start_at < ? AND (a.end_at IS NULL OR a.end_at >= ?)");
    if (f.roomId) sql += QStringLiteral(" AND a.room_id = ?");
    if (f.openOnly) sql += QStringLiteral(" AND a.end_at IS NULL");
    if (f.unacknowledgedOnly) sql += QStringLiteral(" AND a.ack_at IS NULL");
    sql += QStringLiteral(" ORDER BY a.start_at DESC, a.id DESC LIMIT %1").arg(qMax(1, f.limit));
    QSqlQuery q(db.sql());
    q.prepare(sql);
    q.addBindValue(f.to);
    q.addBindValue(f.from);
    if (f.roomId) q.addBindValue(f.roomId);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("list alerts"));
    QList<AlertRecord> out;
    while (q.next()) out << read(q);
    return out;
}

Result<AlertRecord> AlertStore::get(Database& db, qint64 id) {
    QSqlQuery q(db.sql());
    q.prepare(QString::fromLatin1(kSel) + QStringLiteral(" WHERE a.id = ?"));
    q.addBindValue(id);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("read alert"));
    if (!q.next())
        return makeError(QStringLiteral("not_found"), QStringLiteral("找不到编号为 %1 的温湿度警报。请用 archivectl env alerts 查看。").arg(id),
                         QStringLiteral("No environment alert number %1. Run `archivectl env alerts` to see them.").arg(id));
    return read(q);
}

Status AlertStore::acknowledge(Database& db, qint64 alertId, const QString& managerCard, const QString& action) {
    const QString card = managerCard.trimmed(), act = action.trimmed();
    if (act.isEmpty())
        return makeError(QStringLiteral("bad_input"), QStringLiteral("请写明采取的措施（例如：开启除湿机）。"),
                         QStringLiteral("Please say what was done (for example: dehumidifier switched on)."));
    if (act.size() > 500)
        return makeError(QStringLiteral("bad_input"), QStringLiteral("措施说明过长（最多 500 字）。"),
                         QStringLiteral("The action text is too long (500 characters at most)."));
    Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    QSqlQuery p(db.sql());
    p.prepare(QStringLiteral("SELECT name, roles FROM people WHERE card = ?"));
    p.addBindValue(card);
    if (!p.exec()) return sqlError(p.lastError(), QStringLiteral("find person"));
    if (!p.next())
        return makeError(QStringLiteral("not_found"), QStringLiteral("找不到工作证 %1。请刷管理员的工作证。").arg(card),
                         QStringLiteral("No staff card %1. Please use a manager's card.").arg(card));
    const QStringList roles = p.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    bool allowed = false;
    for (const QString& r : roles)
        if (r.trimmed() == QLatin1String("manager") || r.trimmed() == QLatin1String("head") || r.trimmed() == QLatin1String("admin"))
            allowed = true;
    if (!allowed)
        return makeError(QStringLiteral("forbidden"),
                         QStringLiteral("%1 不是库房管理员，不能确认温湿度警报。请由管理员确认。").arg(p.value(0).toString()),
                         QStringLiteral("%1 is not a manager and cannot acknowledge environment alerts. Ask a manager.").arg(p.value(0).toString()));
    auto a = get(db, alertId);
    if (!a) return a.error();
    if (a->acknowledged())
        return makeError(QStringLiteral("already_done"), QStringLiteral("此警报已由 %1 确认：%2").arg(a->ackBy, a->ackAction),
                         QStringLiteral("This alert was already acknowledged by %1: %2").arg(a->ackBy, a->ackAction));
    LedgerEntry e;
    e.actor = card;
    e.action = QStringLiteral("env.ack");
    e.subject = QStringLiteral("alert:%1").arg(alertId);
    e.details = QJsonObject{{QStringLiteral("room"), a->roomCode}, {QStringLiteral("kind"), alertKindCode(a->kind)},
                            {QStringLiteral("start"), a->startMs}, {QStringLiteral("peak"), a->peak},
                            {QStringLiteral("action_taken"), act}};
    auto seq = Ledger::append(db, e);
    if (!seq) return seq.error();
    QSqlQuery u(db.sql());
    u.prepare(QStringLiteral("UPDATE env_alerts SET ack_at = ?, ack_by = ?, ack_action = ?, ledger_seq = ? WHERE id = ?"));
    u.addBindValue(db.nowMs());
    u.addBindValue(card);
    u.addBindValue(act);
    u.addBindValue(*seq);
    u.addBindValue(alertId);
    if (!u.exec()) return sqlError(u.lastError(), QStringLiteral("acknowledge alert"));
    return tx.commit();
}

}  // namespace archive::db::env
