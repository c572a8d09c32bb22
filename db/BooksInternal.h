#pragma once
// Internal helpers shared by the Books_*.cpp files (not part of the public API).

#include "Books.h"
#include "Database.h"
#include "Ledger.h"
#include "StmtCache.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <optional>

struct sqlite3_stmt;

namespace archive::db::detail {

inline constexpr qint64 kDayMs = 24LL * 3600 * 1000;

inline Error err(const char* code, const QString& zh, const QString& en) {
    return makeError(QString::fromLatin1(code), zh, en);
}
inline Error notFound(const QString& zh, const QString& en) { return err("not_found", zh, en); }
inline Error badInput(const QString& zh, const QString& en) { return err("bad_input", zh, en); }
inline Error badState(const QString& zh, const QString& en) { return err("bad_state", zh, en); }

inline StmtCache& stmts(Database& db) { return db.statementCache(); }

// Runs one cached statement; finish() on destruction so no read snapshot stays open.
class Run {
public:
    Run(Database& db, const QString& sql) : m_db(db) {
        auto r = stmts(db).get(sql);
        if (r) m_q = r.value();
        else m_err = r.error();
    }
    ~Run() { if (m_q) m_q->finish(); }
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    template <class... A>
    Status exec(A&&... args) {
        if (!m_q) return m_err;
        int i = 0;
        (m_q->bindValue(i++, toVariant(std::forward<A>(args))), ...);
        if (!m_q->exec()) return sqlError(m_q->lastError(), m_q->lastQuery().left(120));
        return okStatus();
    }
    bool next() { return m_q && m_q->next(); }
    QVariant v(int i) const { return m_q->value(i); }
    qint64 ll(int i) const { return m_q->value(i).toLongLong(); }
    int n(int i) const { return m_q->value(i).toInt(); }
    QString s(int i) const { return m_q->value(i).toString(); }
    bool isNull(int i) const { return m_q->value(i).isNull(); }
    qint64 lastId() const { return m_q->lastInsertId().toLongLong(); }
    int affected() const { return m_q->numRowsAffected(); }
    QSqlQuery* query() { return m_q; }

private:
    static QVariant toVariant(const QVariant& v) { return v; }
    static QVariant toVariant(const QString& v) { return v.isNull() ? QVariant(QString::fromLatin1("")) : QVariant(v); }  // never NULL
    static QVariant toVariant(const char* v) { return QVariant(QString::fromUtf8(v)); }
    static QVariant toVariant(qint64 v) { return QVariant(v); }
    static QVariant toVariant(int v) { return QVariant(v); }
    static QVariant toVariant(bool v) { return QVariant(v ? 1 : 0); }
    static QVariant toVariant(std::nullptr_t) { return QVariant(); }
    Database& m_db;
    QSqlQuery* m_q = nullptr;
    Error m_err;
};

// One-shot: exec and return the first column of the first row (or fallback).
template <class... A>
Result<QVariant> scalar(Database& db, const QString& sql, A&&... args) {
    Run r(db, sql);
    if (auto st = r.exec(std::forward<A>(args)...); !st) return st.error();
    if (!r.next()) return QVariant();
    return r.v(0);
}

// Loads of single rows used by the rules.
struct PersonRow {
    PersonInfo info;
    bool deptNeedsReview = false;
};
Result<PersonRow> loadPerson(Database& db, const QString& card, const char* whoZh = "人员", const char* whoEn = "person");
Status requireStaff(const PersonRow& p);
// The pieces of loadPerson, for statements that read a person together with other rows (check-out, check-in):
// the 14 columns for the aliases of people / departments, the reader from column `at`, and loadPerson's refusals.
QString personColumns(const char* peopleAlias, const char* departmentsAlias);
PersonRow personFrom(const Run& r, int at);
Error personNotFound(const QString& card, const char* whoZh, const char* whoEn);
Status requireActive(const PersonRow& p);  // "card disabled"

struct BoxRow {
    qint64 id = 0;
    QString barcode, title, state;
    int year = 0;
    QString retention;
    qint64 categoryId = 0, locationId = 0, fondsId = 0;
    QString categoryCode, categoryName, securityDefault;
    int loanDays = 0, maxRenewals = 0;
    bool inRoomOnly = false, needsReview = false, needsHead = false;
    QString maxSecurity;  // highest item security, else category default
};
Result<BoxRow> loadBox(Database& db, const QString& barcode);
Result<BoxRow> loadBoxById(Database& db, qint64 id);
// The pieces of loadBox: its 18 columns (aliases b = boxes, c = categories), the reader from column `at`, the refusal.
QString boxColumns();
BoxRow boxRowFrom(const Run& r, int at);
Error noSuchBox(const QString& barcode);

struct ItemRow {
    qint64 id = 0, boxId = 0;
    QString code, title, security, state, retention;
    int year = 0;
};
Result<ItemRow> loadItem(Database& db, const QString& code);

int securityRank(const QString& code);
bool isHighSecurity(const QString& code);  // secret / confidential
QString localDate(qint64 ms);              // "2026-11-26" local time
QString nameOf(const PersonInfo& p);       // "张三（C0001）"
QString cleanCode(const QString& s);       // trimmed; empty when only whitespace
// A bad_input Error when s is empty or longer than max characters, naming the field.
std::optional<Error> checkText(const QString& s, int max, const QString& fieldZh, const QString& fieldEn,
                               bool required = true);

// Loans: SELECT list + reader shared by check-in/out and the lookups.
extern const char* const kLoanSelect;  // ends with the FROM/JOIN part; append "WHERE …"
LoanInfo loanFrom(const Run& r, qint64 nowMs);
LoanInfo loanFrom(const Run& r, qint64 nowMs, int at);  // kLoanSelect's columns starting at column `at`
QString loanColumns();  // kLoanSelect's select list, for statements that read a loan with other rows

// SQLite fast path for hot single-row reads: the sqlite3_stmt behind a cached statement, stepped and read with
// the C API (no QVariant per value). Use SQL texts that Qt never executes itself. sqliteStatement returns nullptr
// on PostgreSQL (or when the handle is not available): then take the Run path.
struct SqliteStmt {
    sqlite3_stmt* st = nullptr;
    QString sql;
    Error failed;  // set when prepare failed
    explicit operator bool() const { return st != nullptr; }
};
SqliteStmt sqliteStatement(Database& db, const QString& sql);
// Binds one text parameter (1-based), steps once; true: a row is current. On false, *error says whether it failed.
bool sqliteStepText(SqliteStmt& s, int param, const QString& value, std::optional<Error>* error);
void sqliteReset(SqliteStmt& s);
LoanInfo loanFrom(sqlite3_stmt* st, qint64 nowMs);  // same columns as kLoanSelect
Result<LoanInfo> loadLoan(Database& db, qint64 loanId);

Result<qint64> ledger(Database& db, const QString& actor, const char* action, const QString& subject,
                      const QJsonObject& details);

qint64 settingInt(Database& db, const QString& key, qint64 fallback);
qint64 settingIntFrom(const QVariant& value, qint64 fallback);  // a books_settings value read elsewhere

// SQLite: lets this connection read the archive through a memory map (PRAGMA mmap_size, up to SQLite's
// 2 GB limit) instead of pread copies. Called by the interactive operations (box lookup, check-in/out):
// on a 4.5 GB archive their B-tree pages mostly miss the 16 MB page cache, and the copy from the OS page
// cache was the largest cost. Bulk scans (verify, export) open their own connections and stay on pread,
// because mapped pages a scan touches count in the process's RSS. Cheap to call every time (one file
// control when the map is already set). No-op on PostgreSQL.
void mapForLookups(Database& db);

}  // namespace archive::db::detail
