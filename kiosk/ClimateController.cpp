#include "ClimateController.h"

#include "DbService.h"
#include "db/Database.h"
#include "db/env/EnvQueries.h"

#include <cmath>

namespace archive::kiosk {

ClimateRoomsModel::ClimateRoomsModel(QObject* parent)
    : RowsModel({"roomName", "roomCode", "temperature", "humidity", "level", "alertCount", "silent"}, parent) {}

ClimateController::ClimateController(DbService* db, QObject* parent) : QObject(parent), m_db(db) {
    connect(&m_timer, &QTimer::timeout, this, &ClimateController::refresh);
}

void ClimateController::start(int intervalMs) {
    m_timer.start(intervalMs);
    refresh();
}

void ClimateController::refresh() {
    m_db->run<QList<QVariantMap>>(
        this,
        [](db::Database& d) -> Result<QList<QVariantMap>> {
            auto rooms = db::env::EnvQueries(d).rooms();
            if (!rooms) return rooms.error();
            const qint64 now = d.nowMs();
            QList<QVariantMap> rows;
            for (const auto& r : rooms.value()) {
                const bool has = r.lastAt > 0 && !std::isnan(r.lastT);
                const bool silent = r.lastAt > 0 && now - r.lastAt > 30 * 60 * 1000;
                const bool outOfBand = has && (r.lastT < r.profile.tMin || r.lastT > r.profile.tMax ||
                                               (!std::isnan(r.lastRh) && (r.lastRh < r.profile.rhMin || r.lastRh > r.profile.rhMax)));
                QString level = QStringLiteral("none");
                if (has) level = outOfBand ? QStringLiteral("error")
                               : (silent || r.openAlerts > 0) ? QStringLiteral("warn") : QStringLiteral("ok");
                rows << QVariantMap{
                    {QStringLiteral("roomCode"), r.room.code},
                    {QStringLiteral("roomName"), r.room.name},
                    {QStringLiteral("temperature"), has ? QStringLiteral("%1 °C").arg(r.lastT, 0, 'f', 1) : QString()},
                    {QStringLiteral("humidity"),
                     has && !std::isnan(r.lastRh) ? QStringLiteral("%1 %RH").arg(r.lastRh, 0, 'f', 0) : QString()},
                    {QStringLiteral("level"), level},
                    {QStringLiteral("alertCount"), r.openAlerts},
                    {QStringLiteral("silent"), silent}};
            }
            return rows;
        },
        [this](Result<QList<QVariantMap>> r) {
            if (r) m_rooms.setRows(r.value());
        });
}

}  // namespace archive::kiosk
