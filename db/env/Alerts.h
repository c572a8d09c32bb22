#pragma once
// Reading and acknowledging environment alerts (env_alerts). A manager (roles manager, head or admin)
// acknowledges an alert with the action taken; the acknowledgement and its ledger entry ("env.ack",
// subject "alert:<id>") commit in one transaction.

#include "ExcursionDetector.h"
#include "common/Result.h"

#include <QList>
#include <QString>
#include <limits>

namespace archive::db {
class Database;
}

namespace archive::db::env {

struct AlertRecord {
    qint64 id = 0;
    qint64 roomId = 0;
    QString roomCode, roomName, sensorKey;
    AlertKind kind = AlertKind::TempHigh;
    qint64 startMs = 0, endMs = 0;  // endMs 0 = still open
    double peak = 0;                // °C, %RH, 24-h range, or minutes without a reading (silence)
    qint64 peakAt = 0;
    double limit = 0;
    bool late = false;              // found when late readings arrived
    qint64 ackAt = 0;
    QString ackBy, ackAction;
    bool open() const { return endMs == 0; }
    bool acknowledged() const { return ackAt != 0; }
    QString describe() const;       // one line, Chinese / English
};

struct AlertFilter {
    qint64 roomId = 0;  // 0 = all rooms
    qint64 from = 0;    // alerts overlapping [from, to)
    qint64 to = std::numeric_limits<qint64>::max();
    bool openOnly = false;
    bool unacknowledgedOnly = false;
    int limit = 1000;
};

class AlertStore {
public:
    static Result<QList<AlertRecord>> list(Database& db, const AlertFilter& f = {});
    static Result<AlertRecord> get(Database& db, qint64 id);
    static Status acknowledge(Database& db, qint64 alertId, const QString& managerCard, const QString& action);
};

}  // namespace archive::db::env
