#pragma once
// Copies a whole SQLite archive into an empty PostgreSQL archive (archivectl migrate, issue 8).
//
// Every table the two schemas share is copied row by row with its ids (books, ledger, readings, rollups,
// alerts, labels, settings …), in foreign-key order, in batches of multi-row INSERTs, inside ONE
// transaction on the target: either everything arrives or nothing does (a failed run leaves the target
// empty and can simply be repeated). The source is read inside one read transaction (one consistent
// snapshot even if a kiosk keeps writing). Identity sequences are moved past the copied ids afterwards.
// Tables that only the source has are derived search indexes (SQLite FTS5 and its helper tables) and are
// not copied; tables only the target has are filled by the target itself (its own search index).

#include "common/Result.h"
#include "db/Ledger.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace archive::db {
class Database;
}

namespace archive::db::sync {

struct TableCount {
    QString table;
    qint64 source = 0;
    qint64 target = 0;
    bool matches() const { return source == target; }
};

struct CopyOptions {
    int batchRows = 500;  // rows per INSERT statement (fewer for wide tables: at most ~30,000 values)
    // Called after each batch on the calling thread: table, rows copied so far, rows in the table.
    std::function<void(const QString& table, qint64 done, qint64 total)> progress;
};

struct CopyReport {
    QList<TableCount> counts;     // every copied table, in copy order, counted after the commit
    QStringList derivedSkipped;   // source-only derived tables (search index), not copied
    QStringList targetOnly;       // target-only tables (filled by the target's own triggers)
    VerifyReport ledger;          // Ledger::verify on the target after the copy
    QString sourceLedgerHead;     // hash of the last ledger row in the source ("" when empty)
    QString targetLedgerHead;     // … and in the target
    bool countsMatch() const {
        for (const auto& c : counts)
            if (!c.matches()) return false;
        return true;
    }
    bool ok() const { return countsMatch() && ledger.ok && sourceLedgerHead == targetLedgerHead; }
};

class ArchiveCopy {
public:
    // Tables a fresh migration fills with defaults (settings, climate profiles): replaced by the source's rows.
    static QStringList seededTables();

    // The target's tables that already hold data (seeded tables and schema_migrations not counted).
    // Empty list = the target may receive a copy. Works on a target with no tables at all.
    static Result<QStringList> nonEmptyTables(Database& target);

    // source: SQLite archive, target: PostgreSQL archive already migrated to the same schema version
    // (Database::open with migrate, or Database::migrate()). Refuses a non-empty target.
    static Result<CopyReport> copy(Database& source, Database& target, const CopyOptions& options = {});
};

}  // namespace archive::db::sync
