// Catalogue search. The one C++ place that knows each dialect's search SQL (see Catalog.h).
#include "Catalog.h"

#include "BooksInternal.h"

#include <QRegularExpression>

namespace archive::db {

using namespace detail;

namespace {

constexpr int kMaxText = 200;
constexpr int kMaxWords = 8;

// SQLite's lower() folds only ASCII; the query must be folded the same way as the index.
QString asciiLower(const QString& s) {
    QString out = s;
    for (QChar& c : out)
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) c = QChar(c.unicode() + 32);
    return out;
}

QStringList words(const QString& text) {
    QStringList w = asciiLower(text).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    w.removeDuplicates();
    return w;
}

// hex(UTF-8) of one or two code points, as SQLite's hex() writes it.
QString hexOf(const QList<uint>& cps, qsizetype from, qsizetype n) {
    QString s;
    for (qsizetype i = from; i < from + n && i < cps.size(); ++i) s += QString::fromUcs4(reinterpret_cast<const char32_t*>(&cps[i]), 1);
    return QString::fromLatin1(s.toUtf8().toHex().toUpper());
}

Error tooLong() {
    return badInput(QStringLiteral("检索词太长（最多 %1 个字符）。请输入题名、档号、全宗或年度中的几个字。").arg(kMaxText),
                    QStringLiteral("The search text is too long (at most %1 characters). Type a few characters of a title, code, "
                                   "fonds or year.").arg(kMaxText));
}

struct Built {
    QString sql;
    QVariantList binds;
};

Result<Built> build(Database& db, const SearchQuery& q, bool countOnly) {
    if (q.text.size() > kMaxText) return tooLong();
    const QStringList ws = words(q.text);
    if (ws.size() > kMaxWords)
        return badInput(QStringLiteral("检索词太多（最多 %1 个）。").arg(kMaxWords), QStringLiteral("Too many search words (at most %1).").arg(kMaxWords));
    if (q.limit < 1 || q.limit > 500 || q.offset < 0 || q.offset > 1000000)
        return badInput(QStringLiteral("分页参数超出范围（每页 1–500 条）。"), QStringLiteral("Paging is out of range (1–500 per page)."));
    if (q.yearFrom && q.yearTo && q.yearFrom > q.yearTo)
        return badInput(QStringLiteral("起始年度晚于截止年度。"), QStringLiteral("The first year is after the last year."));
    QString sec, maxSec;
    if (!q.security.isEmpty() && !parseSecurity(q.security, &sec))
        return badInput(QStringLiteral("密级“%1”无法识别。").arg(q.security), QStringLiteral("Unknown security level \"%1\".").arg(q.security));
    if (!q.maxSecurity.isEmpty() && !parseSecurity(q.maxSecurity, &maxSec))
        return badInput(QStringLiteral("密级“%1”无法识别。").arg(q.maxSecurity), QStringLiteral("Unknown security level \"%1\".").arg(q.maxSecurity));

    const bool sqlite = db.dialect() == Dialect::SQLite;
    const bool fts = sqlite && !ws.isEmpty();
    const bool grams = !sqlite && !ws.isEmpty();
    Built b;
    QString sel = countOnly ? QStringLiteral("SELECT count(*)")
                            : QStringLiteral("SELECT i.id, i.archival_code, i.title, i.year, i.security, i.retention, b.id, b.barcode,"
                                             " b.state, i.state, f.code, f.name, c.code, c.name, l.id, l.barcode, rm.code, rm.name,"
                                             " l.cabinet, l.shelf, l.position");
    QString from = fts ? QStringLiteral(" FROM catalog_fts JOIN items i ON i.id = catalog_fts.rowid")
                       : grams ? QStringLiteral(" FROM catalog_grams g JOIN items i ON i.id = g.item_id")
                               : QStringLiteral(" FROM items i");
    from += QStringLiteral(" JOIN boxes b ON b.id = i.box_id JOIN fonds f ON f.id = b.fonds_id JOIN categories c ON c.id = b.category_id"
                           " LEFT JOIN locations l ON l.id = b.location_id LEFT JOIN rooms rm ON rm.id = l.room_id");
    QStringList where;
    if (fts) {
        where << QStringLiteral("catalog_fts MATCH ?");
        b.binds << Catalog::matchExpression(q.text);
    }
    if (grams) {
        // PostgreSQL: the GIN index on catalog_grams (0002_books.pg.sql) gives the items holding every gram.
        const QStringList gs = Catalog::gramsOf(q.text);
        QStringList marks;
        for (const QString& g : gs) {
            marks << QStringLiteral("CAST(? AS TEXT)");
            b.binds << g;
        }
        where << QStringLiteral("g.grams @> ARRAY[%1]").arg(marks.join(QLatin1Char(',')));
    }
    for (const QString& w : ws) {
        // Re-check against the real columns: the same ASCII-folded substring test on both backends.
        if (sqlite)
            where << QStringLiteral("(instr(lower(i.title), ?) > 0 OR instr(lower(i.archival_code), ?) > 0 OR"
                                    " instr(lower(f.code || ' ' || f.name), ?) > 0 OR instr(CAST(i.year AS TEXT), ?) > 0)");
        else
            where << QStringLiteral("(strpos(ascii_lower(i.title), ?) > 0 OR strpos(ascii_lower(i.archival_code), ?) > 0 OR"
                                    " strpos(ascii_lower(f.code || ' ' || f.name), ?) > 0 OR strpos(CAST(i.year AS TEXT), ?) > 0)");
        b.binds << w << w << w << w;
    }
    if (!q.categoryCode.trimmed().isEmpty()) {
        where << QStringLiteral("(c.code = ? OR c.name = ?)");
        b.binds << q.categoryCode.trimmed() << q.categoryCode.trimmed();
    }
    if (!q.fondsCode.trimmed().isEmpty()) {
        where << QStringLiteral("(f.code = ? OR f.name = ?)");
        b.binds << q.fondsCode.trimmed() << q.fondsCode.trimmed();
    }
    if (q.yearFrom) { where << QStringLiteral("i.year >= ?"); b.binds << q.yearFrom; }
    if (q.yearTo) { where << QStringLiteral("i.year <= ?"); b.binds << q.yearTo; }
    if (!sec.isEmpty()) { where << QStringLiteral("i.security = ?"); b.binds << sec; }
    if (!maxSec.isEmpty()) {
        QStringList allowed;
        for (const QString& s : securityLevels()) {
            allowed << QStringLiteral("'%1'").arg(s);
            if (s == maxSec) break;
        }
        where << QStringLiteral("i.security IN (%1)").arg(allowed.join(QLatin1Char(',')));
    }
    if (q.availableOnly) where << QStringLiteral("i.state = 'in_place' AND b.state = 'in_place'");
    b.sql = sel + from;
    if (!where.isEmpty()) b.sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    if (!countOnly) {
        const QString idCol = fts ? QStringLiteral("catalog_fts.rowid") : QStringLiteral("i.id");
        // Text order = code point order on both: SQLite's BINARY, PostgreSQL's "C" collation (whatever the
        // database's locale), so result pages compare equal.
        const QString code = sqlite ? QStringLiteral("i.archival_code") : QStringLiteral("i.archival_code COLLATE \"C\"");
        const QString title = sqlite ? QStringLiteral("i.title") : QStringLiteral("i.title COLLATE \"C\"");
        switch (q.sort) {
        case SearchQuery::Sort::Catalogue: b.sql += QStringLiteral(" ORDER BY ") + idCol; break;
        case SearchQuery::Sort::YearAsc: b.sql += QStringLiteral(" ORDER BY i.year, ") + code; break;
        case SearchQuery::Sort::YearDesc: b.sql += QStringLiteral(" ORDER BY i.year DESC, ") + code; break;
        case SearchQuery::Sort::Code: b.sql += QStringLiteral(" ORDER BY ") + code; break;
        case SearchQuery::Sort::Title: b.sql += QStringLiteral(" ORDER BY ") + title + QStringLiteral(", ") + code; break;
        }
        b.sql += QStringLiteral(" LIMIT ? OFFSET ?");
        b.binds << q.limit + 1 << q.offset;
    }
    return b;
}

Status execBinds(Run& r, const QVariantList& v) {
    QSqlQuery* q = r.query();
    if (!q) return r.exec();  // carries the prepare error
    for (int i = 0; i < v.size(); ++i) q->bindValue(i, v[i]);
    if (!q->exec()) return sqlError(q->lastError(), QStringLiteral("catalogue search"));
    return okStatus();
}

}  // namespace

Catalog::Catalog(Database& db) : m_db(db) {}

QString Catalog::matchExpression(const QString& text) {
    QStringList terms;
    for (const QString& w : words(text.left(kMaxText))) {
        const QList<uint> cps = w.toUcs4();
        if (cps.isEmpty()) continue;
        if (cps.size() == 1) {
            terms << hexOf(cps, 0, 1) + QLatin1Char('*');
            continue;
        }
        QStringList grams;
        for (qsizetype i = 0; i + 1 < cps.size(); ++i) grams << hexOf(cps, i, 2);
        terms << QLatin1Char('"') + grams.join(QLatin1Char(' ')) + QLatin1Char('"');
    }
    return terms.join(QStringLiteral(" AND "));
}

QStringList Catalog::gramsOf(const QString& text) {
    QStringList out;
    for (const QString& w : words(text.left(kMaxText))) {
        const QList<uint> cps = w.toUcs4();
        auto piece = [&](qsizetype from, qsizetype n) {
            return QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData() + from), n);
        };
        if (cps.size() == 1) out << piece(0, 1);
        for (qsizetype i = 0; i + 1 < cps.size(); ++i) out << piece(i, 2);
    }
    out.removeDuplicates();
    return out;
}

Result<SearchPage> Catalog::search(const SearchQuery& q) {
    auto b = build(m_db, q, false);
    if (!b) return b.error();
    Run r(m_db, b->sql);
    if (auto st = execBinds(r, b->binds); !st) return st.error();
    SearchPage page;
    while (r.next()) {
        if (page.hits.size() == q.limit) {
            page.more = true;
            break;
        }
        SearchHit h;
        h.itemId = r.ll(0);
        h.archivalCode = r.s(1);
        h.title = r.s(2);
        h.year = r.n(3);
        h.security = r.s(4);
        h.retention = r.s(5);
        h.boxId = r.ll(6);
        h.boxBarcode = r.s(7);
        h.boxState = r.s(8);
        h.itemState = r.s(9);
        h.fondsCode = r.s(10);
        h.fondsName = r.s(11);
        h.categoryCode = r.s(12);
        h.categoryName = r.s(13);
        LocationInfo loc{r.ll(14), r.s(15), r.s(16), r.s(17), r.s(18), r.s(19), r.s(20), 0};
        h.locationBarcode = loc.barcode;
        h.locationDisplay = loc.display();
        h.available = h.boxState == QLatin1String("in_place") && h.itemState == QLatin1String("in_place");
        page.hits << h;
    }
    return page;
}

Result<qint64> Catalog::count(const SearchQuery& q) {
    auto b = build(m_db, q, true);
    if (!b) return b.error();
    Run r(m_db, b->sql);
    if (auto st = execBinds(r, b->binds); !st) return st.error();
    return r.next() ? r.ll(0) : 0;
}

}  // namespace archive::db
