// Read-only lookups and statistics of the books.
#include "BooksInternal.h"

#include <QDateTime>
#include <QSqlResult>
#include <sqlite3.h>

namespace archive::db {

using namespace detail;

namespace {
// Columns 29..31 (file count, highest security, files on loan) are the box's summary columns, kept by triggers on
// items (migration 0005), so a lookup never visits the box's files.
const char* const kBoxSelect =
    "SELECT b.id, b.barcode, f.code, f.name, b.year, b.retention, b.box_no, b.first_item_no, b.last_item_no, b.org_unit,"
    " b.title, c.code, c.name, c.in_room_only, b.state, l.id, l.barcode, rm.code, rm.name, l.cabinet, l.shelf, l.position,"
    " l.capacity, b.updated_at, ln.id, p.card, p.name, ln.due_at, c.security_default,"
    " b.item_count, b.max_security_rank, b.items_on_loan"
    " FROM boxes b JOIN fonds f ON f.id = b.fonds_id JOIN categories c ON c.id = b.category_id"
    " LEFT JOIN locations l ON l.id = b.location_id LEFT JOIN rooms rm ON rm.id = l.room_id"
    " LEFT JOIN loans ln ON ln.box_id = b.id AND ln.returned_at IS NULL AND ln.item_id IS NULL"
    " LEFT JOIN people p ON p.id = ln.borrower_id WHERE b.barcode = ?";

// Column access shared by the two readers below (Qt Sql generic path, sqlite3 C API fast path).
struct QtRow {
    const Run& r;
    qint64 ll(int i) const { return r.ll(i); }
    int n(int i) const { return r.n(i); }
    QString s(int i) const { return r.s(i); }
    bool isNull(int i) const { return r.isNull(i); }
};
// Reads the statement's current row straight from SQLite: no QVariant per value (the box card is the
// kiosk's hottest lookup). Same conversions as Qt's driver: NULL → null QString / 0, numbers → text.
struct SqliteRow {
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
BoxInfo boxFrom(const R& r, qint64 nowMs) {
    BoxInfo b;
    b.id = r.ll(0);
    b.barcode = r.s(1);
    b.fondsCode = r.s(2);
    b.fondsName = r.s(3);
    b.year = r.n(4);
    b.retention = r.s(5);
    b.boxNo = r.s(6);
    b.firstItemNo = r.n(7);
    b.lastItemNo = r.n(8);
    b.orgUnit = r.s(9);
    b.title = r.s(10);
    b.categoryCode = r.s(11);
    b.categoryName = r.s(12);
    b.inRoomOnly = r.n(13) != 0;
    b.state = r.s(14);
    b.location = LocationInfo{r.ll(15), r.s(16), r.s(17), r.s(18), r.s(19), r.s(20), r.s(21), r.n(22)};
    b.updatedAt = r.ll(23);
    b.loanId = r.ll(24);
    b.borrowerCard = r.s(25);
    b.borrowerName = r.s(26);
    b.dueAt = r.ll(27);
    b.overdue = b.loanId && nowMs > b.dueAt;
    b.itemCount = r.n(29);
    b.maxSecurity = r.isNull(30) ? r.s(28) : securityLevels().value(r.n(30));
    b.itemsOnLoan = r.n(31);
    return b;
}

Error boxNotFound(const QString& barcode) {
    return notFound(QStringLiteral("找不到条码为 %1 的档案盒。请检查条码或先登记入库。").arg(barcode),
                    QStringLiteral("No box with barcode %1. Check the barcode or register the box first.").arg(barcode));
}

Error sqliteError(sqlite3* h, const QString& sql) {
    QSqlError e(QStringLiteral("box lookup"), QString::fromUtf8(sqlite3_errmsg(h)), QSqlError::StatementError,
                QString::number(sqlite3_extended_errcode(h)));
    return sqlError(e, sql.left(120));
}

// The sqlite3_stmt behind a cached Qt statement (prepared and finalized by Qt with its connection), or nullptr.
sqlite3_stmt* sqliteStmt(QSqlQuery* q) {
    if (!q || !q->result()) return nullptr;
    const QVariant h = q->result()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3_stmt*") != 0) return nullptr;
    return *static_cast<sqlite3_stmt* const*>(h.constData());
}
}  // namespace

Result<BoxInfo> Books::box(const QString& barcodeIn) {
    const QString barcode = cleanCode(barcodeIn);
    if (auto e = checkText(barcode, 64, QStringLiteral("档案盒条码"), QStringLiteral("The box barcode"))) return *e;
    static const QString sql = QString::fromLatin1(kBoxSelect);
    if (m_db.dialect() == Dialect::SQLite) {
        mapForLookups(m_db);
        auto q = stmts(m_db).get(sql);
        if (!q) return q.error();
        if (sqlite3_stmt* st = sqliteStmt(q.value())) {
            // Bound, stepped and reset here only; Qt never executes this statement on SQLite.
            struct Reset {
                sqlite3_stmt* st;
                ~Reset() { sqlite3_reset(st); }
            } reset{st};
            int rc = sqlite3_bind_text16(st, 1, barcode.utf16(), int(barcode.size() * sizeof(QChar)), SQLITE_TRANSIENT);
            if (rc == SQLITE_OK) rc = sqlite3_step(st);
            if (rc == SQLITE_DONE) return boxNotFound(barcode);
            if (rc != SQLITE_ROW) return sqliteError(sqlite3_db_handle(st), sql);
            return boxFrom(SqliteRow{st}, m_db.nowMs());
        }
    }
    Run r(m_db, sql);
    if (auto st = r.exec(barcode); !st) return st.error();
    if (!r.next()) return boxNotFound(barcode);
    return boxFrom(QtRow{r}, m_db.nowMs());
}

namespace {
const char* const kItemSelect =
    "SELECT i.id, i.archival_code, i.title, i.year, i.retention, i.security, i.pages, i.item_no, i.state, i.box_id, b.barcode"
    " FROM items i LEFT JOIN boxes b ON b.id = i.box_id ";
ItemInfo itemFrom(const Run& r) {
    return ItemInfo{r.ll(0), r.s(1), r.s(2), r.n(3), r.s(4), r.s(5), r.n(6), r.n(7), r.s(8), r.ll(9), r.s(10)};
}
}  // namespace

Result<ItemInfo> Books::item(const QString& codeIn) {
    const QString code = cleanCode(codeIn);
    if (auto e = checkText(code, 128, QStringLiteral("档号"), QStringLiteral("The archival code"))) return *e;
    Run r(m_db, QString::fromLatin1(kItemSelect) + QStringLiteral("WHERE i.archival_code = ?"));
    if (auto st = r.exec(code); !st) return st.error();
    if (!r.next())
        return notFound(QStringLiteral("找不到档号为 %1 的档案。请检查档号。").arg(code),
                        QStringLiteral("No file with archival code %1. Check the code.").arg(code));
    return itemFrom(r);
}

Result<QList<ItemInfo>> Books::itemsOfBox(const QString& boxBarcode) {
    auto b = loadBox(m_db, boxBarcode);
    if (!b) return b.error();
    Run r(m_db, QString::fromLatin1(kItemSelect) + QStringLiteral("WHERE i.box_id = ? ORDER BY i.item_no, i.archival_code"));
    if (auto st = r.exec(b->id); !st) return st.error();
    QList<ItemInfo> out;
    while (r.next()) out << itemFrom(r);
    return out;
}

Result<PersonInfo> Books::person(const QString& card) {
    auto p = loadPerson(m_db, card);
    if (!p) return p.error();
    return p->info;
}

Result<QList<LoanInfo>> Books::loansOf(const QString& card, bool openOnly) {
    auto p = loadPerson(m_db, card);
    if (!p) return p.error();
    Run r(m_db, QString::fromLatin1(kLoanSelect) +
                    (openOnly ? QStringLiteral("WHERE l.borrower_id = ? AND l.returned_at IS NULL ORDER BY l.due_at")
                              : QStringLiteral("WHERE l.borrower_id = ? ORDER BY l.out_at DESC LIMIT 1000")));
    if (auto st = r.exec(p->info.id); !st) return st.error();
    QList<LoanInfo> out;
    const qint64 now = m_db.nowMs();
    while (r.next()) out << loanFrom(r, now);
    return out;
}

Result<QList<LoanInfo>> Books::overdue() {
    const qint64 now = m_db.nowMs();
    Run r(m_db, QString::fromLatin1(kLoanSelect) + QStringLiteral("WHERE l.returned_at IS NULL AND l.due_at < ? ORDER BY l.due_at"));
    if (auto st = r.exec(now); !st) return st.error();
    QList<LoanInfo> out;
    while (r.next()) out << loanFrom(r, now);
    return out;
}

Result<QList<LoanInfo>> Books::openLoans() {
    const qint64 now = m_db.nowMs();
    Run r(m_db, QString::fromLatin1(kLoanSelect) + QStringLiteral("WHERE l.returned_at IS NULL ORDER BY l.due_at"));
    if (auto st = r.exec(); !st) return st.error();
    QList<LoanInfo> out;
    while (r.next()) out << loanFrom(r, now);
    return out;
}

Result<QList<HoldingsRow>> Books::holdings(GroupBy by) {
    QString key, label;
    switch (by) {
    case GroupBy::Fonds: key = QStringLiteral("f.code"); label = QStringLiteral("f.name"); break;
    case GroupBy::Category: key = QStringLiteral("c.code"); label = QStringLiteral("c.name"); break;
    case GroupBy::Year: key = QStringLiteral("CAST(b.year AS TEXT)"); label = QStringLiteral("CAST(b.year AS TEXT)"); break;
    case GroupBy::Room: key = QStringLiteral("coalesce(rm.code, '')"); label = QStringLiteral("coalesce(rm.name, '未上架')"); break;
    }
    const QString from = QStringLiteral(" FROM boxes b JOIN fonds f ON f.id = b.fonds_id JOIN categories c ON c.id = b.category_id"
                                        " LEFT JOIN locations l ON l.id = b.location_id LEFT JOIN rooms rm ON rm.id = l.room_id ");
    QList<HoldingsRow> out;
    QHash<QString, int> index;
    {
        Run r(m_db, QStringLiteral("SELECT %1, %2, count(*), sum(CASE WHEN b.state = 'on_loan' THEN 1 ELSE 0 END),"
                                   " sum(CASE WHEN b.state = 'missing' THEN 1 ELSE 0 END),"
                                   " sum(CASE WHEN b.state = 'destroyed' THEN 1 ELSE 0 END)")
                        .arg(key, label) + from + QStringLiteral("GROUP BY %1, %2 ORDER BY %1").arg(key, label));
        if (auto st = r.exec(); !st) return st.error();
        while (r.next()) {
            HoldingsRow h;
            h.key = r.s(0);
            h.label = r.s(1);
            h.boxes = r.ll(2);
            h.onLoan = r.ll(3);
            h.missing = r.ll(4);
            h.destroyed = r.ll(5);
            index.insert(h.key, int(out.size()));
            out << h;
        }
    }
    Run r(m_db, QStringLiteral("SELECT %1, count(*) FROM items i JOIN boxes b ON b.id = i.box_id").arg(key) +
                    from.mid(from.indexOf(QLatin1String(" JOIN fonds"))) + QStringLiteral("GROUP BY %1").arg(key));
    if (auto st = r.exec(); !st) return st.error();
    while (r.next())
        if (index.contains(r.s(0))) out[index.value(r.s(0))].items = r.ll(1);
    return out;
}

Result<QList<MonthCount>> Books::loansPerMonth(qint64 fromMs, qint64 toMs) {
    if (toMs <= fromMs) return QList<MonthCount>{};
    QDate d = QDateTime::fromMSecsSinceEpoch(fromMs).toLocalTime().date();
    d = QDate(d.year(), d.month(), 1);
    QList<MonthCount> out;
    for (int guard = 0; guard < 600; ++guard) {
        const qint64 a = QDateTime(d, QTime(0, 0)).toMSecsSinceEpoch();
        if (a >= toMs) break;
        const QDate next = d.addMonths(1);
        const qint64 b = QDateTime(next, QTime(0, 0)).toMSecsSinceEpoch();
        MonthCount m;
        m.month = d.toString(QStringLiteral("yyyy-MM"));
        auto lo = scalar(m_db, QStringLiteral("SELECT count(*) FROM loans WHERE out_at >= ? AND out_at < ?"), std::max(a, fromMs), std::min(b, toMs));
        if (!lo) return lo.error();
        auto re = scalar(m_db, QStringLiteral("SELECT count(*) FROM loans WHERE returned_at >= ? AND returned_at < ?"), std::max(a, fromMs),
                         std::min(b, toMs));
        if (!re) return re.error();
        m.loans = lo->toLongLong();
        m.returns = re->toLongLong();
        out << m;
        d = next;
    }
    return out;
}

}  // namespace archive::db
