#include "EnvController.h"

#include "Convert.h"
#include "DbService.h"
#include "ManagerSupport.h"
#include "SessionController.h"
#include "db/Database.h"
#include "db/env/Alerts.h"
#include "db/env/EnvQueries.h"
#include "db/env/Metrics.h"

#include <cmath>

namespace archive::kiosk {

namespace env = archive::db::env;

EnvRoomsModel::EnvRoomsModel(QObject* parent)
    : RowsModel({"roomName", "roomCode", "profile", "temperature", "humidity", "level", "alertCount", "silent",
                 "tMin", "tMax", "rhMin", "rhMax", "lastAt"},
                parent) {}

EnvAlertsModel::EnvAlertsModel(QObject* parent)
    : RowsModel({"alertId", "roomCode", "roomName", "kind", "value", "limit", "start", "end", "open", "acknowledged", "kindZh", "kindEn",
                 "ackBy", "ackAction", "ackAt"},
                parent) {}

EnvController::EnvController(DbService* db, SessionController* session, QObject* parent)
    : QObject(parent), m_db(db), m_session(session) {}

qint64 EnvController::rangeMs(const QString& r) {
    const qint64 h = 3600LL * 1000;
    if (r == QLatin1String("7d")) return 7 * 24 * h;
    if (r == QLatin1String("30d")) return 30 * 24 * h;
    if (r == QLatin1String("1y")) return 365 * 24 * h;
    return 24 * h;
}

void EnvController::setRoomCode(const QString& c) {
    if (c == m_roomCode) return;
    m_roomCode = c;
    emit roomCodeChanged();
    loadChart();
    loadAlerts();
}

void EnvController::setRange(const QString& r) {
    if (r == m_range) return;
    m_range = r;
    emit rangeChanged();
    loadChart();
}

void EnvController::setOpenOnly(bool b) {
    if (b == m_openOnly) return;
    m_openOnly = b;
    emit openOnlyChanged();
    loadAlerts();
}

void EnvController::busy(int delta) {
    const bool before = loading();
    m_loading = qMax(0, m_loading + delta);
    if (before != loading()) emit loadingChanged();
}

void EnvController::setMessage(bool ok, const QString& zh, const QString& en) {
    m_msgOk = ok;
    m_msgZh = zh;
    m_msgEn = en;
    emit messageChanged();
}

static QString levelOf(const env::RoomSummary& r, qint64 now) {
    const bool has = r.lastAt > 0 && !std::isnan(r.lastT);
    if (!has) return QStringLiteral("none");
    const bool silent = now - r.lastAt > 30 * 60 * 1000;
    const bool out = r.lastT < r.profile.tMin || r.lastT > r.profile.tMax ||
                     (!std::isnan(r.lastRh) && (r.lastRh < r.profile.rhMin || r.lastRh > r.profile.rhMax));
    return out ? QStringLiteral("error") : (silent || r.openAlerts > 0) ? QStringLiteral("warn") : QStringLiteral("ok");
}

void EnvController::refresh() {
    busy(+1);
    m_db->run<QList<QVariantMap>>(
        this,
        [](db::Database& d) -> Result<QList<QVariantMap>> {
            auto rooms = env::EnvQueries(d).rooms();
            if (!rooms) return rooms.error();
            const qint64 now = d.nowMs();
            QList<QVariantMap> rows;
            for (const auto& r : rooms.value()) {
                const bool has = r.lastAt > 0 && !std::isnan(r.lastT);
                rows << QVariantMap{
                    {QStringLiteral("roomCode"), r.room.code},
                    {QStringLiteral("roomName"), r.room.name},
                    {QStringLiteral("profile"), r.profile.code},
                    {QStringLiteral("temperature"), has ? QStringLiteral("%1 °C").arg(r.lastT, 0, 'f', 1) : QString()},
                    {QStringLiteral("humidity"),
                     has && !std::isnan(r.lastRh) ? QStringLiteral("%1 %RH").arg(r.lastRh, 0, 'f', 0) : QString()},
                    {QStringLiteral("level"), levelOf(r, now)},
                    {QStringLiteral("alertCount"), r.openAlerts},
                    {QStringLiteral("silent"), r.lastAt > 0 && now - r.lastAt > 30 * 60 * 1000},
                    {QStringLiteral("tMin"), r.profile.tMin},
                    {QStringLiteral("tMax"), r.profile.tMax},
                    {QStringLiteral("rhMin"), r.profile.rhMin},
                    {QStringLiteral("rhMax"), r.profile.rhMax},
                    {QStringLiteral("lastAt"), r.lastAt > 0 ? localDateTime(r.lastAt) : QString()}};
            }
            return rows;
        },
        [this](Result<QList<QVariantMap>> r) {
            busy(-1);
            if (!r) {
                setMessage(false, r.error().messageZh, r.error().messageEn);
                return;
            }
            m_rooms.setRows(r.value());
            if (m_roomCode.isEmpty() && !r.value().isEmpty())
                setRoomCode(r.value().first().value(QStringLiteral("roomCode")).toString());
            else {
                loadChart();
                loadAlerts();
            }
        });
}

struct ChartData {
    QVariantList points, excursions;
    QVariantMap band, metrics;
    qint64 from = 0, to = 0;
    QString source;
};

static QVariantMap metricsMap(const env::WindowMetrics& m) {
    const double days = env::daysToMould(m.meanT, m.meanRh);
    return QVariantMap{
        {QStringLiteral("hasData"), m.hasData()},
        {QStringLiteral("twpi"), fmtNumber(m.twpi, 0)},
        {QStringLiteral("twpiBand"), QString::fromLatin1(env::bandCode(m.twpiBand))},
        {QStringLiteral("meanT"), fmtNumber(m.meanT, 1)},
        {QStringLiteral("meanRh"), fmtNumber(m.meanRh, 0)},
        {QStringLiteral("minT"), fmtNumber(m.minT, 1)},
        {QStringLiteral("maxT"), fmtNumber(m.maxT, 1)},
        {QStringLiteral("minRh"), fmtNumber(m.minRh, 0)},
        {QStringLiteral("maxRh"), fmtNumber(m.maxRh, 0)},
        {QStringLiteral("emc"), fmtNumber(m.meanEmc, 1)},
        {QStringLiteral("metalBand"), QString::fromLatin1(env::bandCode(m.metalBand))},
        {QStringLiteral("mechanicalOk"), m.mechanicalOk},
        {QStringLiteral("dewPoint"), fmtNumber(m.dewPoint, 1)},
        {QStringLiteral("mouldRisk"), fmtNumber(m.mouldRisk, 2)},
        {QStringLiteral("mouldBand"), m.mouldRisk >= 1 ? QStringLiteral("risk")
                                      : m.mouldRisk >= 0.5 ? QStringLiteral("ok") : QStringLiteral("good")},
        {QStringLiteral("mouldDays"), std::isinf(days) || std::isnan(days) ? QString() : QString::number(days, 'f', 0)},
        {QStringLiteral("hoursMeasured"), fmtNumber(m.hoursMeasured, 0)}};
}

void EnvController::loadChart() {
    if (m_roomCode.isEmpty()) return;
    const QString code = m_roomCode;
    const qint64 span = rangeMs(m_range);
    const int serial = ++m_chartSerial;
    busy(+1);
    m_db->run<ChartData>(
        this,
        [code, span](db::Database& d) -> Result<ChartData> {
            auto room = db::findRoom(d, code);
            if (!room) return room.error();
            env::EnvQueries q(d);
            const qint64 to = d.nowMs();
            const qint64 from = to - span;
            auto series = q.chart(room->id, from, to, 2000);
            if (!series) return series.error();
            auto metrics = q.metrics(room->id, from, to);
            if (!metrics) return metrics.error();
            auto profile = env::ClimateProfiles::forRoom(d, room->id);
            if (!profile) return profile.error();
            env::AlertFilter f;
            f.roomId = room->id;
            f.from = from;
            f.to = to;
            auto alerts = env::AlertStore::list(d, f);
            if (!alerts) return alerts.error();
            ChartData c;
            c.from = from;
            c.to = to;
            c.source = series->source;
            for (const auto& p : series->points)
                c.points << QVariantMap{{QStringLiteral("t"), p.atMs},
                                        {QStringLiteral("tMean"), p.tMean}, {QStringLiteral("tMin"), p.tMin},
                                        {QStringLiteral("tMax"), p.tMax}, {QStringLiteral("rhMean"), p.rhMean},
                                        {QStringLiteral("rhMin"), p.rhMin}, {QStringLiteral("rhMax"), p.rhMax}};
            for (const auto& a : alerts.value())
                c.excursions << QVariantMap{{QStringLiteral("from"), qMax(a.startMs, from)},
                                            {QStringLiteral("to"), a.endMs ? a.endMs : to},
                                            {QStringLiteral("kind"), env::alertKindCode(a.kind)}};
            c.band = QVariantMap{{QStringLiteral("tMin"), profile->tMin}, {QStringLiteral("tMax"), profile->tMax},
                                 {QStringLiteral("rhMin"), profile->rhMin}, {QStringLiteral("rhMax"), profile->rhMax},
                                 {QStringLiteral("profile"), profile->code},
                                 {QStringLiteral("nameZh"), profile->nameZh}, {QStringLiteral("nameEn"), profile->nameEn}};
            c.metrics = metricsMap(metrics.value());
            return c;
        },
        [this, serial](Result<ChartData> r) {
            busy(-1);
            if (serial != m_chartSerial) return;  // a newer room/range was asked for
            if (!r) {
                setMessage(false, r.error().messageZh, r.error().messageEn);
                return;
            }
            m_points = r->points;
            m_excursions = r->excursions;
            m_band = r->band;
            m_metrics = r->metrics;
            m_from = r->from;
            m_to = r->to;
            m_source = r->source;
            emit chartChanged();
        });
}

void EnvController::loadAlerts() {
    const QString code = m_roomCode;
    const bool openOnly = m_openOnly;
    busy(+1);
    m_db->run<QList<QVariantMap>>(
        this,
        [code, openOnly](db::Database& d) -> Result<QList<QVariantMap>> {
            env::AlertFilter f;
            if (!code.isEmpty()) {
                auto room = db::findRoom(d, code);
                if (!room) return room.error();
                f.roomId = room->id;
            }
            f.openOnly = openOnly;
            f.limit = 200;
            auto list = env::AlertStore::list(d, f);
            if (!list) return list.error();
            QList<QVariantMap> rows;
            for (const auto& a : list.value()) {
                QString value, limit;
                switch (a.kind) {
                case env::AlertKind::TempHigh: case env::AlertKind::TempLow: case env::AlertKind::TempSwing:
                    value = QStringLiteral("%1 °C").arg(a.peak, 0, 'f', 1);
                    limit = QStringLiteral("%1 °C").arg(a.limit, 0, 'f', 1);
                    break;
                case env::AlertKind::RhHigh: case env::AlertKind::RhLow: case env::AlertKind::RhSwing:
                    value = QStringLiteral("%1 %").arg(a.peak, 0, 'f', 0);
                    limit = QStringLiteral("%1 %").arg(a.limit, 0, 'f', 0);
                    break;
                case env::AlertKind::Silence:
                    value = QStringLiteral("%1 min").arg(a.peak, 0, 'f', 0);
                    break;
                }
                rows << QVariantMap{{QStringLiteral("alertId"), a.id},
                                    {QStringLiteral("roomCode"), a.roomCode},
                                    {QStringLiteral("roomName"), a.roomName},
                                    {QStringLiteral("kind"), env::alertKindCode(a.kind)},
                                    {QStringLiteral("kindZh"), env::alertKindText(a.kind).section(QStringLiteral(" / "), 0, 0)},
                                    {QStringLiteral("kindEn"), env::alertKindText(a.kind).section(QStringLiteral(" / "), 1)},
                                    {QStringLiteral("value"), value},
                                    {QStringLiteral("limit"), limit},
                                    {QStringLiteral("start"), localDateTime(a.startMs)},
                                    {QStringLiteral("end"), a.endMs ? localDateTime(a.endMs) : QString()},
                                    {QStringLiteral("open"), a.open()},
                                    {QStringLiteral("acknowledged"), a.acknowledged()},
                                    {QStringLiteral("ackBy"), a.ackBy},
                                    {QStringLiteral("ackAction"), a.ackAction},
                                    {QStringLiteral("ackAt"), a.ackAt ? localDateTime(a.ackAt) : QString()}};
            }
            return rows;
        },
        [this](Result<QList<QVariantMap>> r) {
            busy(-1);
            if (!r) {
                setMessage(false, r.error().messageZh, r.error().messageEn);
                return;
            }
            m_alerts.setRows(r.value());
        });
}

void EnvController::acknowledge(qint64 alertId, const QString& action) {
    const QString card = m_session ? m_session->card() : QString();
    const QString text = action.trimmed();
    if (text.isEmpty()) {
        setMessage(false, QStringLiteral("请写明采取的措施（例如：已开除湿机）。"),
                   QStringLiteral("Write the action taken (e.g. dehumidifier switched on)."));
        return;
    }
    busy(+1);
    m_db->run<Unit>(
        this, [alertId, card, text](db::Database& d) -> Status { return env::AlertStore::acknowledge(d, alertId, card, text); },
        [this, alertId](Status s) {
            busy(-1);
            if (!s) {
                setMessage(false, s.error().messageZh, s.error().messageEn);
                return;
            }
            setMessage(true, QStringLiteral("已确认报警并记入台账。"), QStringLiteral("Alert acknowledged and recorded in the ledger."));
            setSelectedAlert(0);
            emit acknowledged(alertId);
            refresh();
        });
}

}  // namespace archive::kiosk
