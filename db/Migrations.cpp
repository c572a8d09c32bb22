#include "Migrations.h"

#include "Database.h"
#include "Transaction.h"

#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace archive::db {

QList<Migrations::Step> Migrations::available(const Database& db) {
    static const QRegularExpression re(QStringLiteral("^(\\d{4})_([A-Za-z0-9_\\-]+?)(?:\\.(sqlite|pg))?\\.sql$"));
    const QString mine = db.dialect() == Dialect::SQLite ? QStringLiteral("sqlite") : QStringLiteral("pg");
    QMap<int, Step> steps;
    QMap<int, QStringList> portable, specific;
    QDirIterator it(QStringLiteral(":/archive/migrations"));
    while (it.hasNext()) {
        const QString path = it.next();
        const auto m = re.match(it.fileName());
        if (!m.hasMatch()) continue;
        const int v = m.captured(1).toInt();
        const QString dialect = m.captured(3);
        Step& s = steps[v];
        s.version = v;
        if (s.name.isEmpty() || dialect.isEmpty()) s.name = m.captured(2);
        if (dialect.isEmpty()) portable[v] << path;
        else if (dialect == mine) specific[v] << path;
    }
    QList<Step> out;
    for (auto it2 = steps.begin(); it2 != steps.end(); ++it2) {
        Step s = it2.value();
        QStringList p = portable.value(s.version), d = specific.value(s.version);
        p.sort();
        d.sort();
        s.files = p + d;
        out << s;
    }
    return out;
}

QStringList Migrations::splitStatements(const QString& script) {
    QStringList out;
    QString current;
    bool inBlock = false, inDollar = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (current.isEmpty() && (line.isEmpty() || line.startsWith(QLatin1String("--")))) continue;
        current += raw + QLatin1Char('\n');
        if (line.count(QStringLiteral("$$")) % 2 == 1) inDollar = !inDollar;
        if (inDollar) continue;
        const QString upper = line.toUpper();
        if (!inBlock && (upper.endsWith(QLatin1String(" BEGIN")) || upper == QLatin1String("BEGIN"))) {
            inBlock = true;
            continue;
        }
        if (inBlock) {
            if (upper == QLatin1String("END;") || upper.startsWith(QLatin1String("END;"))) {
                inBlock = false;
                out << current.trimmed();
                current.clear();
            }
            continue;
        }
        if (line.endsWith(QLatin1Char(';'))) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty()) out << current.trimmed();
    return out;
}

int Migrations::currentVersion(Database& db) {
    QSqlQuery q(db.sql());
    if (!q.exec(QStringLiteral("SELECT max(version) FROM schema_migrations")) || !q.next()) return 0;
    return q.value(0).toInt();
}

Status Migrations::apply(Database& db) {
    {
        QSqlQuery q(db.sql());
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")))
            return sqlError(q.lastError(), QStringLiteral("create schema_migrations"));
    }
    for (const Step& step : available(db)) {
        Transaction tx(db);
        if (!tx.begun()) return tx.begun();
        // Re-check inside the write lock: another process may have migrated meanwhile.
        if (currentVersion(db) >= step.version) continue;
        for (const QString& file : step.files) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                return makeError(QStringLiteral("migration"), QStringLiteral("无法读取数据库升级脚本 %1。").arg(file),
                                 QStringLiteral("Cannot read migration %1.").arg(file));
            const QString script = QString::fromUtf8(f.readAll());
            for (const QString& stmt : splitStatements(script)) {
                QSqlQuery q(db.sql());
                if (!q.exec(stmt)) {
                    Error e = sqlError(q.lastError(), QStringLiteral("migration %1").arg(file));
                    e.detail += QStringLiteral("\nstatement: ") + stmt.left(400);
                    return e;
                }
            }
        }
        QSqlQuery q(db.sql());
        q.prepare(QStringLiteral("INSERT INTO schema_migrations(version, name, applied_at) VALUES(?,?,?)"));
        q.addBindValue(step.version);
        q.addBindValue(step.name);
        q.addBindValue(db.nowMs());
        if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("record migration"));
        if (auto st = tx.commit(); !st) return st;
    }
    return okStatus();
}

}  // namespace archive::db
