// Shared helpers of the Books_*.cpp files: row loads, checks, ledger entries.
#include "BooksInternal.h"

#include <QDateTime>
#include <QSqlResult>
#include <sqlite3.h>

#include <atomic>

namespace archive::db::detail {

namespace {
const char* kBoxSelect =
    "SELECT b.id, b.barcode, b.title, b.state, b.year, b.retention, b.category_id, b.location_id, b.fonds_id,"
    " c.code, c.name, c.security_default, c.loan_days, c.max_renewals, c.in_room_only, c.needs_review, c.needs_head,"
    " b.max_security_rank"  // kept by triggers on items (migration 0005)
    " FROM boxes b JOIN categories c ON c.id = b.category_id ";

// The select list of a "SELECT … FROM …" text: between "SELECT " and its main FROM clause.
QString selectList(const char* select, const char* mainFrom) {
    const QString s = QString::fromLatin1(select);
    return s.mid(7, s.indexOf(QLatin1String(mainFrom)) - 7);
}
}  // namespace

QString boxColumns() { return selectList(kBoxSelect, " FROM boxes b"); }
QString loanColumns() { return selectList(kLoanSelect, " FROM loans l"); }

QString personColumns(const char* p, const char* d) {
    return QStringLiteral("%1.id, %1.card, %1.name, %1.department_id, %2.code, %2.name, %1.kind, %1.roles, %1.phone,"
                          " %1.unit, %1.pin_hash IS NOT NULL, %1.pin_locked_until, %1.active, %2.needs_review")
        .arg(QLatin1String(p), QLatin1String(d));
}

BoxRow boxRowFrom(const Run& r, int at) {
    BoxRow b;
    b.id = r.ll(at + 0);
    b.barcode = r.s(at + 1);
    b.title = r.s(at + 2);
    b.state = r.s(at + 3);
    b.year = r.n(at + 4);
    b.retention = r.s(at + 5);
    b.categoryId = r.ll(at + 6);
    b.locationId = r.ll(at + 7);
    b.fondsId = r.ll(at + 8);
    b.categoryCode = r.s(at + 9);
    b.categoryName = r.s(at + 10);
    b.securityDefault = r.s(at + 11);
    b.loanDays = r.n(at + 12);
    b.maxRenewals = r.n(at + 13);
    b.inRoomOnly = r.n(at + 14) != 0;
    b.needsReview = r.n(at + 15) != 0;
    b.needsHead = r.n(at + 16) != 0;
    if (r.isNull(at + 17)) b.maxSecurity = b.securityDefault;
    else b.maxSecurity = securityLevels().value(r.n(at + 17), b.securityDefault);
    return b;
}

PersonRow personFrom(const Run& r, int at) {
    PersonRow p;
    p.info.id = r.ll(at + 0);
    p.info.card = r.s(at + 1);
    p.info.name = r.s(at + 2);
    p.info.departmentId = r.ll(at + 3);
    p.info.departmentCode = r.s(at + 4);
    p.info.departmentName = r.s(at + 5);
    p.info.kind = r.s(at + 6);
    for (const QString& role : r.s(at + 7).split(QLatin1Char(','), Qt::SkipEmptyParts)) p.info.roles << role.trimmed();
    p.info.phone = r.s(at + 8);
    p.info.unit = r.s(at + 9);
    p.info.hasPin = r.n(at + 10) != 0;
    p.info.pinLockedUntil = r.ll(at + 11);
    p.info.active = r.n(at + 12) != 0;
    p.deptNeedsReview = r.n(at + 13) != 0;
    return p;
}

Error personNotFound(const QString& card, const char* whoZh, const char* whoEn) {
    return notFound(QStringLiteral("找不到卡号为 %1 的%2。请检查卡片，或请档案员登记。").arg(card, QString::fromUtf8(whoZh)),
                    QStringLiteral("No %1 with card %2. Check the card or ask the archivist to register it.")
                        .arg(QString::fromUtf8(whoEn), card));
}

Status requireActive(const PersonRow& p) {
    if (p.info.active) return okStatus();
    return err("forbidden", QStringLiteral("%1 的卡已停用。请联系档案员。").arg(nameOf(p.info)),
               QStringLiteral("The card of %1 (%2) is disabled. Please contact the archivist.").arg(p.info.name, p.info.card));
}

Error noSuchBox(const QString& barcode) {
    return notFound(QStringLiteral("找不到条码为 %1 的档案盒。请检查条码或先登记入库。").arg(barcode),
                    QStringLiteral("No box with barcode %1. Check the barcode or register the box first.").arg(barcode));
}

int securityRank(const QString& code) { return securityLevels().indexOf(code); }
bool isHighSecurity(const QString& code) { return securityRank(code) >= 2; }

QString localDate(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
}

QString nameOf(const PersonInfo& p) { return QStringLiteral("%1（%2）").arg(p.name, p.card); }

QString cleanCode(const QString& s) { return s.trimmed(); }

std::optional<Error> checkText(const QString& s, int max, const QString& fieldZh, const QString& fieldEn, bool required) {
    if (required && s.trimmed().isEmpty())
        return badInput(QStringLiteral("%1不能为空，请填写后重试。").arg(fieldZh),
                        QStringLiteral("%1 is empty; please fill it in and try again.").arg(fieldEn));
    if (s.size() > max)
        return badInput(QStringLiteral("%1太长（%2 个字符，最多 %3 个），请检查输入。").arg(fieldZh).arg(s.size()).arg(max),
                        QStringLiteral("%1 is too long (%2 characters, at most %3); please check the input.")
                            .arg(fieldEn).arg(s.size()).arg(max));
    return std::nullopt;
}

Result<PersonRow> loadPerson(Database& db, const QString& cardIn, const char* whoZh, const char* whoEn) {
    const QString card = cleanCode(cardIn);
    if (auto e = checkText(card, 64, QString::fromUtf8(whoZh) + QStringLiteral("卡号"),
                           QString::fromUtf8(whoEn) + QStringLiteral(" card")))
        return *e;
    Run r(db, QStringLiteral("SELECT ") + personColumns("p", "d") +
                  QStringLiteral(" FROM people p LEFT JOIN departments d ON d.id = p.department_id WHERE p.card = ?"));
    if (auto st = r.exec(card); !st) return st.error();
    if (!r.next()) return personNotFound(card, whoZh, whoEn);
    PersonRow p = personFrom(r, 0);
    if (auto st = requireActive(p); !st) return st.error();
    return p;
}

Status requireStaff(const PersonRow& p) {
    if (p.info.isStaff()) return okStatus();
    return err("forbidden",
               QStringLiteral("%1 不是档案员，不能办理此操作。请由档案员刷卡办理。").arg(nameOf(p.info)),
               QStringLiteral("%1 (%2) is not an archivist and cannot do this. Ask an archivist to scan their card.")
                   .arg(p.info.name, p.info.card));
}

Result<BoxRow> loadBox(Database& db, const QString& barcodeIn) {
    const QString barcode = cleanCode(barcodeIn);
    if (auto e = checkText(barcode, 64, QStringLiteral("档案盒条码"), QStringLiteral("The box barcode"))) return *e;
    Run r(db, QString::fromLatin1(kBoxSelect) + QStringLiteral("WHERE b.barcode = ?"));
    if (auto st = r.exec(barcode); !st) return st.error();
    if (!r.next()) return noSuchBox(barcode);
    return boxRowFrom(r, 0);
}

Result<BoxRow> loadBoxById(Database& db, qint64 id) {
    Run r(db, QString::fromLatin1(kBoxSelect) + QStringLiteral("WHERE b.id = ?"));
    if (auto st = r.exec(id); !st) return st.error();
    if (!r.next())
        return notFound(QStringLiteral("找不到档案盒 #%1。").arg(id), QStringLiteral("No box #%1.").arg(id));
    return boxRowFrom(r, 0);
}

Result<ItemRow> loadItem(Database& db, const QString& codeIn) {
    const QString code = cleanCode(codeIn);
    if (auto e = checkText(code, 128, QStringLiteral("档号"), QStringLiteral("The archival code"))) return *e;
    Run r(db, QStringLiteral("SELECT id, box_id, archival_code, title, security, state, retention, year"
                             " FROM items WHERE archival_code = ?"));
    if (auto st = r.exec(code); !st) return st.error();
    if (!r.next())
        return notFound(QStringLiteral("找不到档号为 %1 的档案。请检查档号。").arg(code),
                        QStringLiteral("No file with archival code %1. Check the code.").arg(code));
    ItemRow i;
    i.id = r.ll(0);
    i.boxId = r.ll(1);
    i.code = r.s(2);
    i.title = r.s(3);
    i.security = r.s(4);
    i.state = r.s(5);
    i.retention = r.s(6);
    i.year = r.n(7);
    return i;
}

Result<qint64> ledger(Database& db, const QString& actor, const char* action, const QString& subject,
                      const QJsonObject& details) {
    LedgerEntry e;
    e.actor = actor;
    e.action = QString::fromLatin1(action);
    e.subject = subject;
    e.details = details;
    return Ledger::append(db, e);
}

void mapForLookups(Database& db) {
    auto* h = static_cast<sqlite3*>(db.sqliteHandle());
    if (!h) return;
    constexpr sqlite3_int64 kWanted = 0x7fff0000;  // SQLite's default SQLITE_MAX_MMAP_SIZE; it clamps to its own
    sqlite3_int64 current = -1;                     // negative: only read the current limit
    if (sqlite3_file_control(h, "main", SQLITE_FCNTL_MMAP_SIZE, &current) != SQLITE_OK || current >= kWanted) return;
    // ARCHIVE_SQLITE_MMAP=0 keeps every connection on pread (e.g. where resident memory matters more than speed).
    static std::atomic<int> refused{qEnvironmentVariable("ARCHIVE_SQLITE_MMAP") == QLatin1String("0") ? 1 : 0};
    if (refused.load(std::memory_order_relaxed)) return;  // switched off, or this SQLite maps less: stay on pread
    char* msg = nullptr;
    sqlite3_exec(h, "PRAGMA mmap_size=2147418112", nullptr, nullptr, &msg);
    sqlite3_free(msg);
    sqlite3_int64 after = -1;
    if (sqlite3_file_control(h, "main", SQLITE_FCNTL_MMAP_SIZE, &after) == SQLITE_OK && after < kWanted) refused.store(1);
}

qint64 settingInt(Database& db, const QString& key, qint64 fallback) {
    auto v = scalar(db, QStringLiteral("SELECT value FROM books_settings WHERE key = ?"), key);
    if (!v) return fallback;
    return settingIntFrom(*v, fallback);
}

qint64 settingIntFrom(const QVariant& v, qint64 fallback) {
    if (v.isNull()) return fallback;
    bool ok = false;
    const qint64 n = v.toString().toLongLong(&ok);
    return ok ? n : fallback;
}

}  // namespace archive::db::detail

namespace archive::db::detail {

const char* const kLoanSelect =
    "SELECT l.id, l.box_id, b.barcode, b.title, l.item_id, i.archival_code, i.title, l.borrower_id, p.card, p.name,"
    " l.request_id, l.out_at, l.due_at, l.returned_at, l.return_condition, l.renewals, c.max_renewals, l.out_by, l.in_by"
    " FROM loans l JOIN boxes b ON b.id = l.box_id JOIN categories c ON c.id = b.category_id"
    " JOIN people p ON p.id = l.borrower_id LEFT JOIN items i ON i.id = l.item_id ";

namespace {
// Reads a row of the sqlite3_stmt with the conversions of Qt's driver: NULL → null QString / 0, numbers → text.
struct StmtRow {
    sqlite3_stmt* st;
    qint64 ll(int i) const { return sqlite3_column_int64(st, i); }
    int n(int i) const { return sqlite3_column_int(st, i); }
    QString s(int i) const {
        // UTF-8 as stored (text16 would make SQLite convert and allocate first); same null/empty results.
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
        if (!p) return QString();
        return QString::fromUtf8(p, sqlite3_column_bytes(st, i));
    }
    bool isNull(int i) const { return sqlite3_column_type(st, i) == SQLITE_NULL; }
};

template <class R>
LoanInfo loanFromRow(const R& r, qint64 now) {
    LoanInfo l;
    l.id = r.ll(0);
    l.boxId = r.ll(1);
    l.boxBarcode = r.s(2);
    l.boxTitle = r.s(3);
    l.itemId = r.ll(4);
    l.itemCode = r.s(5);
    l.itemTitle = r.s(6);
    l.borrowerId = r.ll(7);
    l.borrowerCard = r.s(8);
    l.borrowerName = r.s(9);
    l.requestId = r.ll(10);
    l.outAt = r.ll(11);
    l.dueAt = r.ll(12);
    l.returnedAt = r.ll(13);
    l.returnCondition = r.s(14);
    l.renewals = r.n(15);
    l.maxRenewals = r.n(16);
    l.outBy = r.s(17);
    l.inBy = r.s(18);
    if (r.isNull(13) && now > l.dueAt) {
        l.overdue = true;
        l.daysOverdue = int((now - l.dueAt + kDayMs - 1) / kDayMs);
    }
    return l;
}

}  // namespace

LoanInfo loanFrom(const Run& r, qint64 now) { return loanFromRow(r, now); }
LoanInfo loanFrom(const Run& r, qint64 now, int at) {
    struct Shifted {
        const Run& r;
        int at;
        qint64 ll(int i) const { return r.ll(at + i); }
        int n(int i) const { return r.n(at + i); }
        QString s(int i) const { return r.s(at + i); }
        bool isNull(int i) const { return r.isNull(at + i); }
    };
    return loanFromRow(Shifted{r, at}, now);
}
LoanInfo loanFrom(sqlite3_stmt* st, qint64 now) { return loanFromRow(StmtRow{st}, now); }

SqliteStmt sqliteStatement(Database& db, const QString& sql) {
    SqliteStmt out;
    out.sql = sql;
    if (db.dialect() != Dialect::SQLite) return out;
    auto q = stmts(db).get(sql);
    if (!q) {
        out.failed = q.error();
        return out;
    }
    if (!q.value() || !q.value()->result()) return out;
    const QVariant h = q.value()->result()->handle();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3_stmt*") == 0) out.st = *static_cast<sqlite3_stmt* const*>(h.constData());
    return out;
}

bool sqliteStepText(SqliteStmt& s, int param, const QString& value, std::optional<Error>* error) {
    int rc = sqlite3_bind_text16(s.st, param, value.utf16(), int(value.size() * sizeof(QChar)), SQLITE_TRANSIENT);
    if (rc == SQLITE_OK) rc = sqlite3_step(s.st);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) {
        sqlite3* h = sqlite3_db_handle(s.st);
        const QSqlError e(QStringLiteral("sqlite3"), QString::fromUtf8(sqlite3_errmsg(h)), QSqlError::StatementError,
                          QString::number(sqlite3_extended_errcode(h)));
        *error = sqlError(e, s.sql.left(120));
    }
    return false;
}

void sqliteReset(SqliteStmt& s) {
    if (s.st) {
        sqlite3_reset(s.st);
        sqlite3_clear_bindings(s.st);
    }
}

Result<LoanInfo> loadLoan(Database& db, qint64 loanId) {
    Run r(db, QString::fromLatin1(kLoanSelect) + QStringLiteral("WHERE l.id = ?"));
    if (auto st = r.exec(loanId); !st) return st.error();
    if (!r.next()) return notFound(QStringLiteral("找不到借阅记录 #%1。").arg(loanId), QStringLiteral("No loan #%1.").arg(loanId));
    return loanFrom(r, db.nowMs());
}

}  // namespace archive::db::detail
