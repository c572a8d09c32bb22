#include "ReadingInserter.h"

#include "db/Database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <sqlite3.h>

namespace archive::db::env {

namespace {
const char* kInsertSql =
    "INSERT INTO readings(sensor_id, at, t, rh, flags) VALUES(?,?,?,?,?) ON CONFLICT DO NOTHING";
}

struct ReadingInserter::Impl {
    Database& db;
    sqlite3* h = nullptr;
    sqlite3_stmt* st = nullptr;
    sqlite3_stmt* many = nullptr;  // kChunk rows per statement
    static constexpr int kChunk = 64;
    std::unique_ptr<QSqlQuery> q;
    Status status = okStatus();

    explicit Impl(Database& d) : db(d) {}
    ~Impl() {
        if (st) sqlite3_finalize(st);
        if (many) sqlite3_finalize(many);
    }
    Error sqliteError(const char* what) const {
        return sqlError(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(h)), QSqlError::StatementError),
                        QString::fromLatin1(what));
    }
};

ReadingInserter::ReadingInserter(Database& db) : d(std::make_unique<Impl>(db)) {
    if (db.dialect() == Dialect::SQLite) {
        const QVariant v = db.sql().driver()->handle();
        if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0) d->h = *static_cast<sqlite3* const*>(v.constData());
    }
    if (d->h) {
        if (sqlite3_prepare_v2(d->h, kInsertSql, -1, &d->st, nullptr) != SQLITE_OK) {
            d->status = d->sqliteError("prepare reading insert");
            return;
        }
        QByteArray sql("INSERT INTO readings(sensor_id, at, t, rh, flags) VALUES(?,?,?,?,?)");
        for (int i = 1; i < Impl::kChunk; ++i) sql += ",(?,?,?,?,?)";
        sql += " ON CONFLICT DO NOTHING";
        if (sqlite3_prepare_v2(d->h, sql.constData(), -1, &d->many, nullptr) != SQLITE_OK)
            d->status = d->sqliteError("prepare reading insert");
        return;
    }
    d->q = std::make_unique<QSqlQuery>(db.sql());
    if (!d->q->prepare(QString::fromLatin1(kInsertSql)))
        d->status = sqlError(d->q->lastError(), QStringLiteral("prepare reading insert"));
}

ReadingInserter::~ReadingInserter() = default;

Status ReadingInserter::ready() const { return d->status; }

Result<bool> ReadingInserter::insert(qint64 sid, const CompactReading& r) {
    if (!d->status) return d->status.error();
    if (d->st) {
        sqlite3_stmt* s = d->st;
        sqlite3_bind_int64(s, 1, sid);
        sqlite3_bind_int64(s, 2, r.at);
        if (r.t == kNoValue) sqlite3_bind_null(s, 3); else sqlite3_bind_int(s, 3, r.t);
        if (r.rh == kNoValue) sqlite3_bind_null(s, 4); else sqlite3_bind_int(s, 4, r.rh);
        sqlite3_bind_int(s, 5, r.flags);
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE) return d->sqliteError("insert reading");
        return sqlite3_changes(d->h) > 0;
    }
    QSqlQuery& q = *d->q;
    q.bindValue(0, sid);
    q.bindValue(1, r.at);
    q.bindValue(2, r.t == kNoValue ? QVariant(QMetaType(QMetaType::Int)) : QVariant(r.t));
    q.bindValue(3, r.rh == kNoValue ? QVariant(QMetaType(QMetaType::Int)) : QVariant(r.rh));
    q.bindValue(4, r.flags);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("insert reading"));
    return q.numRowsAffected() > 0;
}

Result<qint64> ReadingInserter::insertNew(qint64 sid, const CompactReading* rows, qint64 n) {
    if (!d->status) return d->status.error();
    qint64 stored = 0, i = 0;
    if (d->many) {
        sqlite3_stmt* s = d->many;
        for (; i + Impl::kChunk <= n; i += Impl::kChunk) {
            int p = 1;
            for (int k = 0; k < Impl::kChunk; ++k) {
                const CompactReading& r = rows[i + k];
                sqlite3_bind_int64(s, p++, sid);
                sqlite3_bind_int64(s, p++, r.at);
                if (r.t == kNoValue) sqlite3_bind_null(s, p++); else sqlite3_bind_int(s, p++, r.t);
                if (r.rh == kNoValue) sqlite3_bind_null(s, p++); else sqlite3_bind_int(s, p++, r.rh);
                sqlite3_bind_int(s, p++, r.flags);
            }
            const int rc = sqlite3_step(s);
            sqlite3_reset(s);
            if (rc != SQLITE_DONE) return d->sqliteError("insert readings");
            stored += sqlite3_changes(d->h);
        }
    }
    for (; i < n; ++i) {
        auto ok = insert(sid, rows[i]);
        if (!ok) return ok.error();
        stored += *ok ? 1 : 0;
    }
    return stored;
}

}  // namespace archive::db::env
