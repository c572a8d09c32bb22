#include "ImportRun.h"

#include "db/Database.h"
#include "db/Ledger.h"
#include "db/Transaction.h"

#include <QDate>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlRecord>

namespace archive::db::importrun {

using csv::Problem;

namespace {
QString normHeader(QString h) {
    h = h.trimmed().toLower();
    static const QRegularExpression junk(QStringLiteral("[\\s_\\-\\*\\.:：\\x{FEFF}\"'`]"));
    h.remove(junk);
    return h;
}

// "盒号(box_no)" / "盒号/box_no" → {"盒号(box_no)", "盒号", "box_no"}
QStringList headerCandidates(const QString& cell) {
    QStringList out{normHeader(cell)};
    static const QRegularExpression split(QStringLiteral("[()（）/|]"));
    for (const QString& part : cell.split(split, Qt::SkipEmptyParts)) {
        const QString n = normHeader(part);
        if (!n.isEmpty() && !out.contains(n)) out << n;
    }
    return out;
}
}  // namespace

// ---------------------------------------------------------------- Lookup

bool Lookup::prepare(QSqlDatabase& db, const QString& sql, bool cache) {
    m_useCache = cache;
    m_q = QSqlQuery(db);
    m_q.setForwardOnly(true);
    m_placeholders = sql.count(QLatin1Char('?'));
    return m_q.prepare(sql);
}

qint64 Lookup::find(const QString& key, QList<QVariant>* extra) {
    if (m_useCache) {
        auto it = m_cache.constFind(key);
        if (it != m_cache.constEnd()) {
            if (extra) *extra = it->second;
            return it->first;
        }
    }
    for (int i = 0; i < m_placeholders; ++i) m_q.bindValue(i, key);
    qint64 id = 0;
    QList<QVariant> more;
    if (m_q.exec() && m_q.next()) {
        id = m_q.value(0).toLongLong();
        if (extra) {
            const int n = m_q.record().count();
            for (int i = 1; i < n; ++i) more << m_q.value(i);
        }
    }
    m_q.finish();
    if (m_useCache && m_cache.size() < 200000) m_cache.insert(key, {id, more});
    if (extra) *extra = more;
    return id;
}

void Lookup::remember(const QString& key, qint64 id, const QList<QVariant>& extra) { m_cache.insert(key, {id, extra}); }

// ---------------------------------------------------------------- Run

Run::Run(Database& db, ImportKind kind, const ImportOptions& options, ImportReport& report)
    : m_db(db), m_kind(kind), m_opt(options), m_report(report), m_handler(makeHandler(kind)) {
    m_columns = Importer::columns(kind);
    m_now = db.nowMs();
    m_maxYear = QDate::currentDate().year() + 1;
}

Run::~Run() {
    m_handler.reset();  // finish its prepared statements before the rollback
    m_tx.reset();
}

QSqlDatabase& Run::sql() { return m_db.sql(); }

void Run::addProblem(const Problem& p) {
    ++m_report.problemsTotal;
    if (m_report.problems.size() < m_opt.maxProblems) m_report.problems.append(p);
}

QString Run::columnShown(const QString& key) const {
    const int idx = m_col.value(key, -1);
    if (idx >= 0) return m_shownByIndex.value(idx, key);
    for (const auto& c : m_columns)
        if (c.key == key) return c.names.value(1, key);
    return key;
}

void Run::problem(const QString& key, const QString& zh, const QString& en) {
    addProblem({m_line, key.isEmpty() ? QString() : columnShown(key), zh, en});
}

void Run::warning(const QString& key, const QString& zh, const QString& en) {
    if (m_report.warnings.size() < m_opt.maxProblems)
        m_report.warnings.append({m_line, key.isEmpty() ? QString() : columnShown(key), zh, en});
}

bool Run::mapHeader(const csv::Record& header) {
    m_line = header.line;
    m_headerCount = header.fields.size();
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString cell = header.fields[i].trimmed();
        if (cell.isEmpty()) continue;
        const QStringList cands = headerCandidates(cell);
        QString matched;
        for (const auto& c : m_columns) {
            for (const QString& name : c.names) {
                if (cands.contains(normHeader(name))) {
                    matched = c.key;
                    break;
                }
            }
            if (!matched.isEmpty()) break;
        }
        if (matched.isEmpty()) {
            warning({}, QStringLiteral("表头「%1」不是可识别的列名，该列将被忽略").arg(cell.left(40)),
                    QStringLiteral("header \"%1\" is not a known column; it is ignored").arg(cell.left(40)));
            continue;
        }
        if (m_col.contains(matched)) {
            addProblem({m_line, cell.left(40),
                        QStringLiteral("这一列与第 %1 列「%2」重复（同一项只能有一列）")
                            .arg(m_col.value(matched) + 1).arg(m_shownByIndex.value(m_col.value(matched))),
                        QStringLiteral("this column repeats column %1 \"%2\" (one column per field)")
                            .arg(m_col.value(matched) + 1).arg(m_shownByIndex.value(m_col.value(matched)))});
            continue;
        }
        m_col.insert(matched, i);
        m_shownByIndex.insert(i, cell.left(40));
    }
    for (const auto& c : m_columns) {
        if (!c.required || m_col.contains(c.key)) continue;
        addProblem({m_line, c.names.value(1, c.key),
                    QStringLiteral("缺少必需的列「%1」（%2）。可用的列名：%3")
                        .arg(c.names.value(1, c.key), c.descZh, c.names.join(QStringLiteral("、"))),
                    QStringLiteral("the required column \"%1\" (%2) is missing. Accepted names: %3")
                        .arg(c.key, c.descEn, c.names.join(QStringLiteral(", ")))});
    }
    if (m_report.problemsTotal > 0) return false;

    m_tx = std::make_unique<Transaction>(m_db);
    if (!m_tx->begun()) {
        m_fatal = m_tx->begun().error();
        return false;
    }
    if (auto st = m_handler->prepare(*this); !st) {
        m_fatal = st.error();
        return false;
    }
    m_prepared = true;
    return true;
}

void Run::processRecord(const csv::Record& rec, const QList<Problem>& fieldProblems) {
    m_line = rec.line;
    m_keyColumn.clear();
    m_fields = &rec.fields;
    bool allEmpty = true;
    for (const QString& f : rec.fields) {
        for (const QChar c : f)
            if (!c.isSpace()) { allEmpty = false; break; }
        if (!allEmpty) break;
    }
    if (allEmpty) return;  // ",,,," rows that spreadsheets leave behind
    ++m_report.rows;
    for (const Problem& p : fieldProblems) {
        Problem q = p;
        bool okIdx = false;
        const int idx = p.column.toInt(&okIdx) - 1;
        if (okIdx) q.column = m_shownByIndex.value(idx, QStringLiteral("#%1").arg(idx + 1));
        addProblem(q);
    }
    if (rec.fields.size() != m_headerCount) {
        bool extraEmpty = true;
        for (int i = m_headerCount; i < rec.fields.size(); ++i)
            if (!rec.fields[i].trimmed().isEmpty()) extraEmpty = false;
        if (rec.fields.size() < m_headerCount || !extraEmpty) {
            problem({}, QStringLiteral("这一行有 %1 列，表头有 %2 列。请检查是否有未加引号的逗号，或缺少单元格")
                            .arg(rec.fields.size()).arg(m_headerCount),
                    QStringLiteral("this line has %1 columns but the header has %2. Look for an unquoted comma or a missing cell")
                        .arg(rec.fields.size()).arg(m_headerCount));
            return;
        }
    }
    if (!fieldProblems.isEmpty()) return;
    m_handler->row(*this);
}

QString Run::get(const QString& key) const {
    // Never a null QString: Qt binds null as SQL NULL, and the text columns are NOT NULL DEFAULT ''.
    const int idx = m_col.value(key, -1);
    if (idx < 0 || !m_fields || idx >= m_fields->size()) return QStringLiteral("");
    const QString v = m_fields->at(idx).trimmed();
    return v.isNull() ? QStringLiteral("") : v;
}

bool Run::required(const QString& key, QString* out) {
    *out = get(key);
    if (!out->isEmpty()) return true;
    problem(key, QStringLiteral("不能为空"), QStringLiteral("must not be empty"));
    return false;
}

std::optional<int> Run::integer(const QString& key, int lo, int hi, int fallback, bool isRequired) {
    const QString v = get(key);
    if (v.isEmpty()) {
        if (isRequired) {
            problem(key, QStringLiteral("不能为空"), QStringLiteral("must not be empty"));
            return std::nullopt;
        }
        return fallback;
    }
    bool ok = false;
    const qlonglong n = v.toLongLong(&ok);
    if (!ok || n < lo || n > hi) {
        problem(key, QStringLiteral("「%1」不是 %2 到 %3 之间的整数").arg(v.left(40)).arg(lo).arg(hi),
                QStringLiteral("\"%1\" is not a whole number from %2 to %3").arg(v.left(40)).arg(lo).arg(hi));
        return std::nullopt;
    }
    return int(n);
}

std::optional<int> Run::year(const QString& key, bool isRequired) {
    const int maxYear = m_maxYear;
    QString v = get(key);
    if (v.endsWith(QStringLiteral("年"))) v.chop(1);
    if (v.isEmpty()) {
        if (isRequired) {
            problem(key, QStringLiteral("年度不能为空"), QStringLiteral("the year must not be empty"));
            return std::nullopt;
        }
        return 0;
    }
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!ok || n < 1000 || n > maxYear) {
        problem(key, QStringLiteral("「%1」不是有效的年度（应为 1000–%2 之间的四位数字，如 2023）").arg(v.left(40)).arg(maxYear),
                QStringLiteral("\"%1\" is not a valid year (four digits from 1000 to %2, e.g. 2023)").arg(v.left(40)).arg(maxYear));
        return std::nullopt;
    }
    return n;
}

bool Run::code(const QString& key, QString* out, int maxLen) {
    if (!required(key, out)) return false;
    if (out->size() > maxLen) {
        problem(key, QStringLiteral("编码过长（%1 个字符，最多 %2 个）").arg(out->size()).arg(maxLen),
                QStringLiteral("the code is too long (%1 characters, at most %2)").arg(out->size()).arg(maxLen));
        return false;
    }
    for (const QChar c : *out) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            problem(key, QStringLiteral("编码「%1」含有空格、引号或控制字符").arg(out->left(40)),
                    QStringLiteral("the code \"%1\" contains a space, a quote or a control character").arg(out->left(40)));
            return false;
        }
    }
    return true;
}

bool Run::unique(const QString& key, const QString& value) {
    auto& seen = m_seen[key];
    const int first = seen.value(value, 0);
    if (first) {
        problem(key, QStringLiteral("「%1」与第 %2 行重复").arg(value.left(40)).arg(first),
                QStringLiteral("\"%1\" repeats line %2").arg(value.left(40)).arg(first));
        return false;
    }
    seen.insert(value, m_line);
    return true;
}

void Run::setRowKey(const QString& column, const QString& value, const QString& whatZh, const QString& whatEn) {
    m_keyColumn = column;
    m_keyValue = value;
    m_keyZh = whatZh;
    m_keyEn = whatEn;
}

bool Run::exec(QSqlQuery& q, const QString& what) {
    if (q.exec()) return true;
    if (q.lastError().databaseText().contains(QLatin1String("UNIQUE constraint failed")) && !m_keyColumn.isEmpty()) {
        problem(m_keyColumn, QStringLiteral("%1「%2」已在档案库中登记，不能重复导入").arg(m_keyZh, m_keyValue.left(40)),
                QStringLiteral("%1 \"%2\" is already in the archive; it cannot be imported again").arg(m_keyEn, m_keyValue.left(40)));
        return false;
    }
    const Error e = sqlError(q.lastError(), what);
    if (e.code == QLatin1String("disk_full") || e.code == QLatin1String("read_only") || e.code == QLatin1String("corrupt") ||
        e.code == QLatin1String("busy")) {
        m_fatal = e;
        return false;
    }
    problem({}, QStringLiteral("无法写入这一行（%1）").arg(q.lastError().databaseText().left(200)),
            QStringLiteral("this line could not be written (%1)").arg(q.lastError().databaseText().left(200)));
    return false;
}

void Run::noteKey(const QString& k) {
    if (m_firstKey.isEmpty()) m_firstKey = k;
    m_lastKey = k;
}

Status Run::commit(const QJsonObject& details) {
    if (!m_tx) return makeError(QStringLiteral("db_error"), QStringLiteral("导入未开始。"), QStringLiteral("The import did not start."));
    if (m_handler) {
        if (auto st = m_handler->finish(*this); !st) return st;
    }
    auto seq = Ledger::append(m_db, LedgerEntry{m_opt.actor, QStringLiteral("import"),
                                                QStringLiteral("import:") + Importer::kindName(m_kind), details, m_now});
    if (!seq) return seq.error();
    m_handler.reset();
    if (auto st = m_tx->commit(); !st) return st;
    m_report.ledgerSeq = seq.value();
    return okStatus();
}

}  // namespace archive::db::importrun
