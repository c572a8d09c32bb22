#pragma once
// Small helpers of the manager and admin controllers (kiosk/Manager*, kiosk/Admin*, kiosk/Env*, kiosk/Stats*):
// plain portable SQL run on the db worker's Database, a ledgered write, and work that is neither SQL nor GUI
// (CUPS queries, listing mounted media) on the global thread pool with the result queued back.

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QVariantList>
#include <QVariantMap>
#include <functional>

namespace archive::db {
class Database;
}

namespace archive::kiosk {

// Runs SELECT sql with positional binds on the db thread's Database; one map per row, keyed by column name.
Result<QList<QVariantMap>> selectRows(db::Database& d, const QString& sql, const QVariantList& binds = {});
// Runs statements (each with its binds) and one ledger entry in ONE Transaction.
struct SqlStep { QString sql; QVariantList binds; };
Status writeWithLedger(db::Database& d, const QList<SqlStep>& steps, const QString& actor, const QString& action,
                       const QString& subject, const QJsonObject& details);

// Runs work() on the global thread pool; done(result) later on ctx's thread (dropped if ctx is gone).
template <class T>
void runOffThread(QObject* ctx, std::function<T()> work, std::function<void(T)> done) {
    QPointer<QObject> guard(ctx);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), done = std::move(done)]() {
        T r = work();
        if (!guard) return;
        QMetaObject::invokeMethod(guard.data(), [guard, done, r = std::move(r)]() {
            if (guard) done(r);
        }, Qt::QueuedConnection);
    });
}

QString fmtNumber(double v, int decimals);  // "—" for NaN

}  // namespace archive::kiosk
