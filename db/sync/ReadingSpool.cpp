#include "ReadingSpool.h"

#include "common/DataDir.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace archive::db::sync {

namespace {
QAtomicInteger<quint64> g_spoolCounter;

Error spoolError(const QSqlError& e, const QString& what) {
    return makeError(QStringLiteral("spool_error"),
                     QStringLiteral("无法写入本地读数缓存（%1）。请检查磁盘空间和文件权限。").arg(what),
                     QStringLiteral("Cannot use the local readings buffer (%1). Check the disk space and file permissions.").arg(what),
                     e.text());
}

QVariant optional(double v) { return std::isnan(v) ? QVariant(QMetaType::fromType<double>()) : QVariant(v); }
double fromOptional(const QVariant& v) { return v.isNull() ? NAN : v.toDouble(); }
}  // namespace

ReadingSpool::~ReadingSpool() {
    if (m_connection.isEmpty()) return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen()) db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString ReadingSpool::defaultPath() {
    const QByteArray env = qgetenv("ARCHIVE_SPOOL");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return archive::dataFilePath(QStringLiteral("reading-spool.db"));
}

Result<std::unique_ptr<ReadingSpool>> ReadingSpool::open(const QString& path) {
    std::unique_ptr<ReadingSpool> s(new ReadingSpool);
    s->m_path = path;
    s->m_connection = QStringLiteral("archive-spool-%1").arg(++g_spoolCounter);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), s->m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) return spoolError(db.lastError(), QStringLiteral("open ") + path);
    QSqlQuery q(db);
    const QStringList setup = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS spool ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " sensor_key TEXT NOT NULL, probe TEXT NOT NULL DEFAULT '', at_ms INTEGER NOT NULL,"
                       " temp_c REAL, rh_pct REAL, manual INTEGER NOT NULL DEFAULT 0, recorded_by TEXT NOT NULL DEFAULT '',"
                       " UNIQUE (sensor_key, probe, at_ms))"),
    };
    for (const QString& sql : setup)
        if (!q.exec(sql)) return spoolError(q.lastError(), sql.left(40));
    return s;
}

Status ReadingSpool::append(const QList<ReadingRow>& rows) {
    if (rows.isEmpty()) return okStatus();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) return spoolError(db.lastError(), QStringLiteral("begin"));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO spool(sensor_key, probe, at_ms, temp_c, rh_pct, manual, recorded_by) "
                             "VALUES(?,?,?,?,?,?,?)"));
    for (const ReadingRow& r : rows) {
        q.bindValue(0, r.sensorKey);
        q.bindValue(1, r.probe.isNull() ? QString::fromLatin1("") : r.probe);
        q.bindValue(2, r.atMs);
        q.bindValue(3, optional(r.tempC));
        q.bindValue(4, optional(r.rhPct));
        q.bindValue(5, r.manual ? 1 : 0);
        q.bindValue(6, r.recordedBy.isNull() ? QString::fromLatin1("") : r.recordedBy);
        if (!q.exec()) {
            const QSqlError e = q.lastError();
            db.rollback();
            return spoolError(e, QStringLiteral("insert"));
        }
    }
    if (!db.commit()) {
        const QSqlError e = db.lastError();
        db.rollback();
        return spoolError(e, QStringLiteral("commit"));
    }
    return okStatus();
}

Result<qint64> ReadingSpool::size() {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT count(*) FROM spool")) || !q.next()) return spoolError(q.lastError(), QStringLiteral("count"));
    return q.value(0).toLongLong();
}

Result<QList<ReadingRow>> ReadingSpool::peek(int limit) {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT sensor_key, probe, at_ms, temp_c, rh_pct, manual, recorded_by FROM spool ORDER BY seq LIMIT ?"));
    q.bindValue(0, limit);
    if (!q.exec()) return spoolError(q.lastError(), QStringLiteral("read"));
    QList<ReadingRow> out;
    while (q.next()) {
        ReadingRow r;
        r.sensorKey = q.value(0).toString();
        r.probe = q.value(1).toString();
        r.atMs = q.value(2).toLongLong();
        r.tempC = fromOptional(q.value(3));
        r.rhPct = fromOptional(q.value(4));
        r.manual = q.value(5).toInt() != 0;
        r.recordedBy = q.value(6).toString();
        out << r;
    }
    return out;
}

Result<SpoolFlush> ReadingSpool::flush(ReadingStore& store, int batchSize) {
    SpoolFlush res;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    for (;;) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT seq, sensor_key, probe, at_ms, temp_c, rh_pct, manual, recorded_by "
                                 "FROM spool ORDER BY seq LIMIT ?"));
        q.bindValue(0, batchSize);
        if (!q.exec()) return spoolError(q.lastError(), QStringLiteral("read"));
        QList<ReadingRow> batch;
        qint64 lastSeq = 0;
        while (q.next()) {
            lastSeq = q.value(0).toLongLong();
            ReadingRow r;
            r.sensorKey = q.value(1).toString();
            r.probe = q.value(2).toString();
            r.atMs = q.value(3).toLongLong();
            r.tempC = fromOptional(q.value(4));
            r.rhPct = fromOptional(q.value(5));
            r.manual = q.value(6).toInt() != 0;
            r.recordedBy = q.value(7).toString();
            batch << r;
        }
        q.finish();
        if (batch.isEmpty()) break;
        auto stored = store.addReadings(batch);  // one archive transaction
        if (!stored) return stored.error();
        // Committed in the archive: now (and only now) the batch may leave the spool.
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM spool WHERE seq <= ?"));
        del.bindValue(0, lastSeq);
        if (!del.exec()) return spoolError(del.lastError(), QStringLiteral("delete"));
        res.sent += int(batch.size());
        res.stored += stored.value();
        if (batch.size() < batchSize) break;
    }
    auto left = size();
    if (!left) return left.error();
    res.left = left.value();
    return res;
}

}  // namespace archive::db::sync
