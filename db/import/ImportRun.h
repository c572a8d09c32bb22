#pragma once
// One import in progress (internal to db/import): header mapping, per-row checks, prepared inserts,
// all inside one Transaction that is committed only when no row had a problem.

#include "Importer.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <memory>
#include <optional>

namespace archive::db {
class Transaction;
}

namespace archive::db::importrun {

class Run;

// Per-kind checks and inserts.
class Handler {
public:
    virtual ~Handler() = default;
    virtual Status prepare(Run& run) = 0;  // prepare statements, load small lookup tables
    virtual void row(Run& run) = 0;        // check the current row; insert it while run.writing()
    // Called once before the ledger entry and the commit (only when every row was fine): bulk work.
    virtual Status finish(Run&) { return okStatus(); }
};

// A prepared "find id by key" query with a cache (keys repeat a lot: fonds, categories, locations).
class Lookup {
public:
    Lookup() = default;
    // One ? placeholder (or two, same value). cache=false for keys that do not repeat (existence checks).
    bool prepare(QSqlDatabase& db, const QString& sql, bool cache = true);
    // 0 when not found; extra columns of the first row go to *extra.
    qint64 find(const QString& key, QList<QVariant>* extra = nullptr);
    void remember(const QString& key, qint64 id, const QList<QVariant>& extra = {});
    QSqlQuery& query() { return m_q; }

private:
    QSqlQuery m_q;
    int m_placeholders = 1;
    bool m_useCache = true;
    QHash<QString, std::pair<qint64, QList<QVariant>>> m_cache;
};

class Run {
public:
    Run(Database& db, ImportKind kind, const ImportOptions& options, ImportReport& report);
    ~Run();

    bool mapHeader(const csv::Record& header);
    void processRecord(const csv::Record& rec, const QList<csv::Problem>& fieldProblems);
    Status commit(const QJsonObject& ledgerDetails);
    const std::optional<Error>& fatal() const { return m_fatal; }

    // ---- used by handlers
    Database& db() { return m_db; }
    QSqlDatabase& sql();
    qint64 now() const { return m_now; }
    const QString& actor() const { return m_opt.actor; }
    int line() const { return m_line; }
    bool writing() const { return m_report.problemsTotal == 0 && !m_fatal; }
    bool has(const QString& key) const { return m_col.contains(key); }
    QString get(const QString& key) const;         // trimmed, empty when the column is absent
    // Non-empty value or a problem "must not be empty".
    bool required(const QString& key, QString* out);
    // Integer in [lo, hi]; empty → fallback (or a problem when required). nullopt on a problem.
    std::optional<int> integer(const QString& key, int lo, int hi, int fallback, bool required = false);
    std::optional<int> year(const QString& key, bool required);
    // A code people scan or type: no spaces or control characters, at most maxLen characters.
    bool code(const QString& key, QString* out, int maxLen = 64);
    // Remembers a unique key of this file; a problem if it appeared on an earlier line.
    bool unique(const QString& key, const QString& value);
    void problem(const QString& key, const QString& zh, const QString& en);
    void addProblem(const csv::Problem& p);
    void warning(const QString& key, const QString& zh, const QString& en);
    // Runs a prepared statement; a failure becomes a problem of this line (or fatal for disk/IO errors).
    bool exec(QSqlQuery& q, const QString& what);
    void noteKey(const QString& k);
    // The new unique key of the current row: while writing, "already in the archive" is detected by the
    // insert's UNIQUE constraint (saves a SELECT per row); exec() then reports it with these words.
    void setRowKey(const QString& column, const QString& value, const QString& whatZh, const QString& whatEn);
    const QString& firstKey() const { return m_firstKey; }
    const QString& lastKey() const { return m_lastKey; }
    void countImported() { ++m_report.imported; }
    QString columnShown(const QString& key) const;

private:
    Database& m_db;
    ImportKind m_kind;
    const ImportOptions& m_opt;
    ImportReport& m_report;
    std::unique_ptr<Handler> m_handler;
    std::unique_ptr<Transaction> m_tx;
    std::optional<Error> m_fatal;
    QList<ImportColumn> m_columns;
    QHash<QString, int> m_col;         // key → field index
    QHash<int, QString> m_shownByIndex; // field index → header text
    int m_headerCount = 0;
    const QStringList* m_fields = nullptr;
    int m_line = 0;
    qint64 m_now = 0;
    int m_maxYear = 0;  // this year + 1 (asked once: QDate::currentDate() reads the time zone each call)
    QHash<QString, QHash<QString, int>> m_seen;  // key → value → first line
    QString m_firstKey, m_lastKey;
    QString m_keyColumn, m_keyValue, m_keyZh, m_keyEn;
    bool m_prepared = false;
};

std::unique_ptr<Handler> makeHandler(ImportKind kind);

}  // namespace archive::db::importrun
