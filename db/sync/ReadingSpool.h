#pragma once
// A small local SQLite file that holds climate readings until the archive has them (issue 8).
// The sensor logger (archivectl sensors log) writes every reading here first and flushes the spool into
// the archive whenever the archive (a PostgreSQL server) is reachable, so readings taken while the server
// is away are kept and arrive later:
//   * no gaps: a reading leaves the spool only after the archive's transaction holding it has committed;
//   * no duplicates: the spool is keyed by the reading's natural key (sensor, probe, time), and the archive
//     ignores a reading it already has (same sensor and time), so a batch re-sent after a crash between the
//     archive's commit and the spool's delete is harmless;
//   * order: batches leave in the order the readings were taken into the spool.
// One ReadingSpool per thread (it holds a Qt Sql connection). The kiosk can use the same class later.

#include "common/Result.h"
#include "db/env/ReadingStore.h"

#include <QList>
#include <QString>
#include <memory>

namespace archive::db::sync {

struct SpoolFlush {
    int sent = 0;       // readings handed to the archive (and removed from the spool)
    int stored = 0;     // of those, new in the archive (the rest were already there)
    qint64 left = 0;    // still in the spool
};

class ReadingSpool {
public:
    ~ReadingSpool();
    ReadingSpool(const ReadingSpool&) = delete;
    ReadingSpool& operator=(const ReadingSpool&) = delete;

    // Opens (creates) the spool file; synchronous=FULL, so a reading taken in is kept across power loss.
    static Result<std::unique_ptr<ReadingSpool>> open(const QString& path);
    // $ARCHIVE_SPOOL, else reading-spool.db in the kiosk's data folder (~/.local/share/archive-kiosk/).
    static QString defaultPath();

    const QString& path() const { return m_path; }

    // Takes readings in (one local transaction). A reading already in the spool (same key) is ignored.
    Status append(const QList<ReadingRow>& rows);
    Result<qint64> size();
    // The oldest readings, in spool order (for tests and status output).
    Result<QList<ReadingRow>> peek(int limit);

    // Sends the spool to the archive oldest first, batchSize readings per archive transaction, and removes
    // each batch after it committed. Stops at the first failure and returns that error (the spool keeps
    // everything not yet committed).
    Result<SpoolFlush> flush(ReadingStore& store, int batchSize = 500);

private:
    ReadingSpool() = default;
    QString m_path;
    QString m_connection;
};

}  // namespace archive::db::sync
