#pragma once
// CSV export of the books for Excel/WPS: UTF-8 with a BOM (so Excel shows Chinese correctly), CRLF line
// ends, RFC 4180 quoting, Chinese column headers, local dates "yyyy-MM-dd HH:mm". Cells that a spreadsheet
// would run as a formula (starting with = + @ or -letter) get a leading apostrophe.
// Rows are streamed from a forward-only query: memory stays flat on archives of millions of rows.
//
//   holdings  one row per box: barcode, fonds, year, retention, box no, item range, category, title,
//             room › cabinet › shelf › position, state, number of items
//   loans     every loan, newest first: box, item, borrower, department, out, due, returned, condition, renewals
//   overdue   open loans past due, most overdue first, with days overdue and the borrower's phone
//   ledger    the hash-chained ledger in order: seq, time, actor, action, subject, details, hash

#include "common/Result.h"

#include <QString>
#include <optional>

class QIODevice;

namespace archive::db {

class Database;

enum class ExportKind { Holdings, Loans, Overdue, Ledger };

class Exporter {
public:
    static std::optional<ExportKind> kindFromName(const QString& name);
    static QString kindName(ExportKind kind);
    // Writes the CSV to out (already open for writing); returns the number of data rows.
    static Result<qint64> write(Database& db, ExportKind kind, QIODevice& out);
    // Quotes one cell for CSV (exposed for tests).
    static QByteArray cell(const QString& text);
};

}  // namespace archive::db
