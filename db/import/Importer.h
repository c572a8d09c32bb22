#pragma once
// CSV import into the archive's books: fonds, categories, rooms, locations, departments, people, boxes, items.
//
// All-or-nothing: the whole file is read and checked inside ONE write transaction; rows are inserted with
// prepared statements as they pass; if any row has a problem the transaction is rolled back, so the
// archive is unchanged, and every problem is listed with its line number and column. A successful import
// appends ONE ledger entry ("import", subject "import:<kind>") summarising it (rows, file name, the file's
// SHA-256, first/last key) — not one entry per row. Boxes placed on a shelf also get a box_moves row each
// (from nowhere → the location, reason "import") so every placement is traceable (R2).
//
// Column names (English or Chinese) are listed by columns(); see README "Import formats".

#include "CsvReader.h"
#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace archive::db {

class Database;

enum class ImportKind { Fonds, Categories, Rooms, Locations, Departments, People, Boxes, Items };

struct ImportColumn {
    QString key;          // canonical English name, e.g. "box_no"
    QStringList names;    // accepted header names (English and Chinese), first Chinese one is shown
    bool required = false;
    QString descZh, descEn;
};

struct ImportOptions {
    csv::Encoding encoding = csv::Encoding::Auto;
    QString actor = QStringLiteral("archivectl");  // recorded in the ledger
    int maxProblems = 200;                         // listed; the rest are counted
    QString sourceName;                            // file name for the ledger (importFile sets it)
};

struct ImportReport {
    ImportKind kind = ImportKind::Boxes;
    QString encoding;                 // "UTF-8", "GB18030", "UTF-16"
    int rows = 0;                     // data rows read
    int imported = 0;                 // rows written (0 unless ok())
    int problemsTotal = 0;            // may exceed problems.size()
    QList<csv::Problem> problems;     // errors: any → nothing was written
    QList<csv::Problem> warnings;     // not blocking (ignored columns, departments created, …)
    qint64 ledgerSeq = 0;
    bool ok() const { return problemsTotal == 0; }
};

class Importer {
public:
    static std::optional<ImportKind> kindFromName(const QString& name);  // "boxes", "盒", "档案盒", …
    static QString kindName(ImportKind kind);                             // "boxes"
    static QString kindNameZh(ImportKind kind);                           // "档案盒"
    static QList<ImportKind> allKinds();
    static QList<ImportColumn> columns(ImportKind kind);

    // Result error: the file cannot be read, or the database failed (nothing written either way).
    // Problems in the file are in the report (ok() false, nothing written).
    static Result<ImportReport> importFile(Database& db, ImportKind kind, const QString& path,
                                           ImportOptions options = {});
    static Result<ImportReport> importBytes(Database& db, ImportKind kind, const QByteArray& bytes,
                                            const ImportOptions& options = {});
    // Rows already split into cells, checked and written exactly like a file (the same handlers, one
    // transaction, one ledger entry). header holds column names as in columns() (English keys or Chinese);
    // row i is reported as line i + 2 (the header being line 1). Used by Books::import* and the kiosk.
    static Result<ImportReport> importRows(Database& db, ImportKind kind, const QStringList& header,
                                           const QList<QStringList>& rows, const ImportOptions& options = {});

    static constexpr qint64 kMaxFileBytes = 512LL * 1024 * 1024;
};

}  // namespace archive::db
