#pragma once
// Room climate profiles (domain.md defaults: paper, special, av, film), editable.

#include "ExcursionDetector.h"
#include "common/Result.h"

#include <QList>
#include <QString>

class QSqlQuery;

namespace archive::db {
class Database;
}

namespace archive::db::env {

struct ClimateProfile {
    QString code, nameZh, nameEn;
    double tMin = 14, tMax = 24, rhMin = 45, rhMax = 60, tSwing = 2, rhSwing = 5;
    int minDurationS = 900;
    double tHyst = 0.5, rhHyst = 2.0;
    ClimateLimits limits(qint64 intervalMs) const;
};

class ClimateProfiles {
public:
    static Result<QList<ClimateProfile>> list(Database& db);
    static Result<ClimateProfile> get(Database& db, const QString& code);
    // The profile of a room (its rooms.climate_profile; 'paper' defaults when that code is unknown).
    static Result<ClimateProfile> forRoom(Database& db, qint64 roomId);
    // Creates or changes a profile; checks min < max etc.; ledger "env.profile". Caller need not open a Transaction.
    static Status save(Database& db, const ClimateProfile& p, const QString& actor);
    static Status validate(const ClimateProfile& p);
    // For callers that keep a prepared statement: SQL with one parameter (room id) and its row reader.
    static QString forRoomSql();
    static ClimateProfile fromQuery(const QSqlQuery& q);
};

}  // namespace archive::db::env
