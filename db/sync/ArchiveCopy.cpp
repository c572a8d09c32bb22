#include "ArchiveCopy.h"

#include "db/Database.h"
#include "db/Transaction.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace archive::db::sync {

namespace {

struct Column {
    QString name;
    QString type;  // PostgreSQL data_type ("bigint", "text", "double precision", …)
};

Error copyError(const QString& zh, const QString& en, const QString& detail = {}) {
    return makeError(QStringLiteral("migrate"), zh, en, detail);
}

QString quoted(const QString& ident) {
    QString s = ident;
    s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

Result<QList<qint64>> versions(Database& db) {
    QSqlQuery q(db.sql());
    QList<qint64> out;
    if (!q.exec(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"))) return out;  // none yet
    while (q.next()) out << q.value(0).toLongLong();
    return out;
}

// Base tables of the target (PostgreSQL, current schema) with their insertable columns in order.
Result<QMap<QString, QList<Column>>> targetTables(Database& target) {
    QMap<QString, QList<Column>> out;
    QSqlQuery q(target.sql());
    if (!q.exec(QStringLiteral("SELECT t.table_name FROM information_schema.tables t "
                               "WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'")))
        return sqlError(q.lastError(), QStringLiteral("list target tables"));
    while (q.next()) out.insert(q.value(0).toString(), {});
    if (!q.exec(QStringLiteral("SELECT table_name, column_name, data_type FROM information_schema.columns "
                               "WHERE table_schema = current_schema() AND is_generated = 'NEVER' "
                               "ORDER BY table_name, ordinal_position")))
        return sqlError(q.lastError(), QStringLiteral("list target columns"));
    while (q.next()) {
        const QString t = q.value(0).toString();
        if (out.contains(t)) out[t].append(Column{q.value(1).toString(), q.value(2).toString()});
    }
    return out;
}

struct SourceTable {
    QStringList columns;
    bool derived = false;  // FTS5 virtual table, its shadow tables, search helper tables
};

Result<QMap<QString, SourceTable>> sourceTables(Database& source) {
    QMap<QString, SourceTable> out;
    QSqlQuery q(source.sql());
    if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")))
        return sqlError(q.lastError(), QStringLiteral("list source tables"));
    QStringList virtuals;
    while (q.next()) {
        const QString name = q.value(0).toString();
        SourceTable t;
        t.derived = q.value(1).toString().trimmed().startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive) ||
                    name == QLatin1String("search_nums");
        if (t.derived && name != QLatin1String("search_nums")) virtuals << name;
        out.insert(name, t);
    }
    for (auto it = out.begin(); it != out.end(); ++it) {
        for (const QString& v : virtuals)
            if (it.key().startsWith(v + QLatin1Char('_'))) it->derived = true;
        if (it->derived) continue;
        QSqlQuery c(source.sql());
        if (!c.exec(QStringLiteral("PRAGMA table_info(%1)").arg(quoted(it.key()))))
            return sqlError(c.lastError(), QStringLiteral("columns of ") + it.key());
        while (c.next()) it->columns << c.value(1).toString();
    }
    return out;
}

// Foreign-key order of the given tables (referenced tables first), from the target's catalogue.
Result<QStringList> fkOrder(Database& target, const QStringList& tables) {
    QHash<QString, QSet<QString>> deps;
    for (const QString& t : tables) deps.insert(t, {});
    QSqlQuery q(target.sql());
    if (!q.exec(QStringLiteral(
            "SELECT (SELECT relname FROM pg_class WHERE oid = c.conrelid), (SELECT relname FROM pg_class WHERE oid = c.confrelid) "
            "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE c.contype = 'f' AND n.nspname = current_schema()")))
        return sqlError(q.lastError(), QStringLiteral("list foreign keys"));
    while (q.next()) {
        const QString from = q.value(0).toString(), to = q.value(1).toString();
        if (from != to && deps.contains(from) && deps.contains(to)) deps[from].insert(to);
    }
    QStringList order, remaining = tables;
    remaining.sort();
    while (!remaining.isEmpty()) {
        bool progressed = false;
        for (int i = 0; i < remaining.size(); ++i) {
            const QString t = remaining[i];
            bool ready = true;
            for (const QString& d : deps.value(t))
                if (!order.contains(d)) ready = false;
            if (!ready) continue;
            order << t;
            remaining.removeAt(i);
            progressed = true;
            break;
        }
        if (!progressed)
            return copyError(QStringLiteral("数据表之间的外键成环，无法确定复制顺序：%1。").arg(remaining.join(QStringLiteral("、"))),
                             QStringLiteral("The tables' foreign keys form a cycle; no copy order: %1.").arg(remaining.join(QStringLiteral(", "))));
    }
    return order;
}

QVariant convert(const QVariant& v, const QString& type) {
    const bool isInt = type == QLatin1String("bigint") || type == QLatin1String("integer") || type == QLatin1String("smallint");
    const bool isReal = type == QLatin1String("double precision") || type == QLatin1String("real") || type == QLatin1String("numeric");
    const bool isBytes = type == QLatin1String("bytea");
    if (v.isNull()) {
        if (isInt) return QVariant(QMetaType::fromType<qlonglong>());
        if (isReal) return QVariant(QMetaType::fromType<double>());
        if (isBytes) return QVariant(QMetaType::fromType<QByteArray>());
        return QVariant(QMetaType::fromType<QString>());
    }
    if (isInt) return v.toLongLong();
    if (isReal) return v.toDouble();
    if (isBytes) return v.toByteArray();
    return v.toString();
}

Result<qint64> countRows(Database& db, const QString& table) {
    QSqlQuery q(db.sql());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(quoted(table))) || !q.next())
        return sqlError(q.lastError(), QStringLiteral("count ") + table);
    return q.value(0).toLongLong();
}

QString ledgerHead(Database& db) {
    QSqlQuery q(db.sql());
    if (q.exec(QStringLiteral("SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1")) && q.next()) return q.value(0).toString();
    return {};
}

// Ends the source's read snapshot whatever happens.
struct ReadSnapshot {
    Database& db;
    bool open = false;
    explicit ReadSnapshot(Database& d) : db(d) {
        QSqlQuery q(db.sql());
        open = q.exec(QStringLiteral("BEGIN"));
    }
    ~ReadSnapshot() {
        if (!open) return;
        QSqlQuery q(db.sql());
        q.exec(QStringLiteral("COMMIT"));
    }
};

}  // namespace

QStringList ArchiveCopy::seededTables() {
    return {QStringLiteral("books_settings"), QStringLiteral("climate_profiles")};
}

Result<QStringList> ArchiveCopy::nonEmptyTables(Database& target) {
    auto tables = targetTables(target);
    if (!tables) return tables.error();
    QStringList out;
    const QStringList seeded = seededTables();
    for (auto it = tables->cbegin(); it != tables->cend(); ++it) {
        // commit_barrier (0003, PostgreSQL only) holds the write path's durability bookkeeping (a row per server
        // process that has committed, e.g. the migrations just run), never archive data.
        if (it.key() == QLatin1String("schema_migrations") || it.key() == QLatin1String("commit_barrier") ||
            seeded.contains(it.key()))
            continue;
        QSqlQuery q(target.sql());
        if (!q.exec(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(quoted(it.key()))))
            return sqlError(q.lastError(), QStringLiteral("look into ") + it.key());
        if (q.next()) out << it.key();
    }
    return out;
}

Result<CopyReport> ArchiveCopy::copy(Database& source, Database& target, const CopyOptions& options) {
    if (source.dialect() != Dialect::SQLite || target.dialect() != Dialect::PostgreSQL)
        return copyError(QStringLiteral("只能把 SQLite 档案库复制到 PostgreSQL 数据库。"),
                         QStringLiteral("Only an SQLite archive can be copied, and only into PostgreSQL."));

    // Same schema on both sides: the same migrations applied.
    auto sv = versions(source);
    auto tv = versions(target);
    if (!sv || !tv) return copyError(QStringLiteral("无法读取数据库版本。"), QStringLiteral("Cannot read the schema versions."));
    if (sv.value() != tv.value()) {
        auto last = [](const QList<qint64>& v) { return v.isEmpty() ? QStringLiteral("0") : QString::number(v.last()); };
        return copyError(
            QStringLiteral("源档案库与目标数据库的结构版本不同（源 %1，目标 %2）。请先对源档案库运行 archivectl --db 源文件 init，"
                           "并使用同一版本的 archivectl。").arg(last(sv.value()), last(tv.value())),
            QStringLiteral("The source archive and the target have different schema versions (source %1, target %2). "
                           "Run `archivectl --db SOURCE init` first and use the same archivectl version.")
                .arg(last(sv.value()), last(tv.value())));
    }

    auto nonEmpty = nonEmptyTables(target);
    if (!nonEmpty) return nonEmpty.error();
    if (!nonEmpty->isEmpty())
        return makeError(QStringLiteral("target_not_empty"),
                         QStringLiteral("目标数据库不是空的（已有数据的表：%1）。迁移只写入空数据库，现有数据不会被覆盖。"
                                        "请新建一个空数据库（createdb）后再迁移。").arg(nonEmpty->join(QStringLiteral("、"))),
                         QStringLiteral("The target database is not empty (tables with data: %1). Migration only writes into an "
                                        "empty database and never overwrites data. Create a new empty database (createdb) and "
                                        "migrate into that.").arg(nonEmpty->join(QStringLiteral(", "))));

    auto tt = targetTables(target);
    if (!tt) return tt.error();
    ReadSnapshot snapshot(source);
    if (!snapshot.open)
        return copyError(QStringLiteral("无法读取源档案库。"), QStringLiteral("Cannot read the source archive."));
    auto st = sourceTables(source);
    if (!st) return st.error();

    CopyReport report;
    QStringList copyTables;
    for (auto it = st->cbegin(); it != st->cend(); ++it) {
        const QString& name = it.key();
        if (name == QLatin1String("schema_migrations")) continue;
        if (it->derived) {
            if (!tt->contains(name)) report.derivedSkipped << name;
            continue;
        }
        if (!tt->contains(name)) {
            auto n = countRows(source, name);
            if (!n) return n.error();
            if (n.value() == 0) {
                report.derivedSkipped << name;
                continue;
            }
            return copyError(QStringLiteral("目标数据库没有表 %1（源中有 %2 行），复制会丢失数据。请使用同一版本的 archivectl。")
                                 .arg(name).arg(n.value()),
                             QStringLiteral("The target has no table %1 (the source holds %2 rows); copying would lose them. "
                                            "Use the same archivectl version on both.").arg(name).arg(n.value()));
        }
        for (const QString& c : it->columns) {
            bool found = false;
            for (const Column& tc : tt->value(name)) found = found || tc.name == c;
            if (!found)
                return copyError(QStringLiteral("目标表 %1 缺少列 %2，复制会丢失数据。请使用同一版本的 archivectl。").arg(name, c),
                                 QStringLiteral("Target table %1 has no column %2; copying would lose data. Use the same "
                                                "archivectl version on both.").arg(name, c));
        }
        copyTables << name;
    }
    for (auto it = tt->cbegin(); it != tt->cend(); ++it)
        if (it.key() != QLatin1String("schema_migrations") && !st->contains(it.key())) report.targetOnly << it.key();

    auto order = fkOrder(target, copyTables);
    if (!order) return order.error();

    QHash<QString, qint64> sourceCounts;
    for (const QString& t : order.value()) {
        auto n = countRows(source, t);
        if (!n) return n.error();
        sourceCounts.insert(t, n.value());
    }
    report.sourceLedgerHead = ledgerHead(source);

    Transaction tx(target);
    if (!tx.begun()) return tx.begun().error();
    for (const QString& t : seededTables()) {
        if (!order->contains(t)) continue;
        QSqlQuery q(target.sql());
        if (!q.exec(QStringLiteral("DELETE FROM %1").arg(quoted(t))))
            return sqlError(q.lastError(), QStringLiteral("clear seeded ") + t);
    }
    for (const QString& table : order.value()) {
        // The source's columns, typed by the target's columns.
        QList<Column> cols;
        const QStringList srcCols = st->value(table).columns;
        for (const Column& c : tt->value(table))
            if (srcCols.contains(c.name)) cols << c;
        QStringList names;
        for (const Column& c : cols) names << quoted(c.name);
        const int perRow = int(cols.size());
        const int rowsPerStmt = std::max(1, std::min(options.batchRows, 30000 / std::max(1, perRow)));
        const QString rowTuple = QLatin1Char('(') + QStringList(perRow, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
        auto insertSql = [&](int rows) {
            return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                .arg(quoted(table), names.join(QLatin1Char(',')), QStringList(rows, rowTuple).join(QLatin1Char(',')));
        };
        QSqlQuery full(target.sql());
        if (!full.prepare(insertSql(rowsPerStmt))) return sqlError(full.lastError(), QStringLiteral("prepare insert ") + table);

        QSqlQuery read(source.sql());
        read.setForwardOnly(true);
        if (!read.exec(QStringLiteral("SELECT %1 FROM %2").arg(names.join(QLatin1Char(',')), quoted(table))))
            return sqlError(read.lastError(), QStringLiteral("read ") + table);
        QVariantList values;
        values.reserve(rowsPerStmt * perRow);
        qint64 done = 0;
        const qint64 total = sourceCounts.value(table);
        auto flush = [&](int rows) -> Status {
            if (rows == 0) return okStatus();
            QSqlQuery partial(target.sql());
            QSqlQuery* q = &full;
            if (rows != rowsPerStmt) {
                if (!partial.prepare(insertSql(rows))) return sqlError(partial.lastError(), QStringLiteral("prepare insert ") + table);
                q = &partial;
            }
            for (int i = 0; i < values.size(); ++i) q->bindValue(i, values[i]);
            if (!q->exec()) {
                Error e = sqlError(q->lastError(), QStringLiteral("copy ") + table);
                return e;
            }
            done += rows;
            values.clear();
            if (options.progress) options.progress(table, done, total);
            return okStatus();
        };
        int inBatch = 0;
        while (read.next()) {
            for (int c = 0; c < perRow; ++c) values << convert(read.value(c), cols[c].type);
            if (++inBatch == rowsPerStmt) {
                if (auto s = flush(inBatch); !s) return s.error();
                inBatch = 0;
            }
        }
        if (read.lastError().isValid()) return sqlError(read.lastError(), QStringLiteral("read ") + table);
        if (auto s = flush(inBatch); !s) return s.error();
        if (total == 0 && options.progress) options.progress(table, 0, 0);
    }

    // The boxes' file summaries (migration 0005) arrived with the boxes and were then raised again by the items
    // trigger for every copied file: count them afresh from the copied files.
    if (order->contains(QStringLiteral("boxes")) && order->contains(QStringLiteral("items"))) {
        QSqlQuery q(target.sql());
        if (!q.exec(QStringLiteral("UPDATE boxes b SET item_count = s.n, items_on_loan = s.out, max_security_rank = s.sec"
                                   " FROM (SELECT x.id, count(i.id) AS n, count(i.id) FILTER (WHERE i.state = 'on_loan') AS out,"
                                   "       max(security_rank(i.security)) AS sec"
                                   "       FROM boxes x LEFT JOIN items i ON i.box_id = x.id GROUP BY x.id) s"
                                   " WHERE s.id = b.id")))
            return sqlError(q.lastError(), QStringLiteral("recount box summaries"));
    }

    // Identity columns continue after the copied ids.
    {
        QSqlQuery q(target.sql());
        if (!q.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                                   "WHERE table_schema = current_schema() AND is_identity = 'YES'")))
            return sqlError(q.lastError(), QStringLiteral("list identity columns"));
        QList<QPair<QString, QString>> ids;
        while (q.next()) ids.append({q.value(0).toString(), q.value(1).toString()});
        for (const auto& [table, column] : ids) {
            if (!order->contains(table)) continue;
            QSqlQuery s(target.sql());
            if (!s.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'), COALESCE((SELECT max(%3) FROM %4), 0) + 1, false)")
                            .arg(quoted(table), column, quoted(column), quoted(table))))
                return sqlError(s.lastError(), QStringLiteral("reset identity of ") + table);
        }
    }
    if (auto s = tx.commit(); !s) return s.error();

    for (const QString& t : order.value()) {
        auto n = countRows(target, t);
        if (!n) return n.error();
        report.counts.append(TableCount{t, sourceCounts.value(t), n.value()});
    }
    report.targetLedgerHead = ledgerHead(target);
    auto verify = Ledger::verify(target);
    if (!verify) return verify.error();
    report.ledger = verify.value();
    return report;
}

}  // namespace archive::db::sync
