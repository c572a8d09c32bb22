// Per-kind checks and inserts of an import (see Importer.h).
#include "ImportRun.h"
#include "ImportValues.h"

#include "db/BooksTypes.h"
#include "db/Database.h"

#include <QSqlError>
#include <QSqlRecord>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace archive::db::importrun {

namespace iv = importvalues;

namespace {

Error prepareError(const QSqlQuery& q, const char* what) {
    return sqlError(q.lastError(), QString::fromLatin1(what));
}

QVariant orNull(int v) { return v ? QVariant(v) : QVariant(QMetaType(QMetaType::Int)); }
QVariant idOrNull(qint64 v) { return v ? QVariant(v) : QVariant(QMetaType(QMetaType::LongLong)); }

// Checks a new unique key: well-formed, not repeated in the file, not already in the archive.
bool newKey(Run& run, const QString& column, Lookup& existing, QString* out, const QString& whatZh,
            const QString& whatEn, int maxLen = 64) {
    if (!run.code(column, out, maxLen)) return false;
    if (!run.unique(column, *out)) return false;
    run.setRowKey(column, *out, whatZh, whatEn);
    // While nothing went wrong yet the insert's UNIQUE constraint answers this (one statement less per row);
    // once a problem was found rows are only checked, so ask.
    if (!run.writing() && existing.find(*out)) {
        run.problem(column, QStringLiteral("%1「%2」已在档案库中登记，不能重复导入").arg(whatZh, out->left(40)),
                    QStringLiteral("%1 \"%2\" is already in the archive; it cannot be imported again").arg(whatEn, out->left(40)));
        return false;
    }
    return true;
}

bool flag(Run& run, const QString& column, int* out) {
    const int v = iv::yesNo(run.get(column));
    if (v < 0) {
        run.problem(column, QStringLiteral("「%1」应为 是/否").arg(run.get(column).left(40)),
                    QStringLiteral("\"%1\" should be yes/no").arg(run.get(column).left(40)));
        return false;
    }
    *out = v;
    return true;
}

bool vocab(Run& run, const QString& column, QString (*fn)(const QString&), const QString& fallback,
           const QString& allowedZh, const QString& allowedEn, QString* out) {
    const QString text = run.get(column);
    if (text.isEmpty()) {
        *out = fallback;
        if (fallback.isEmpty()) {
            run.problem(column, QStringLiteral("不能为空，应为 %1").arg(allowedZh), QStringLiteral("must not be empty; use %1").arg(allowedEn));
            return false;
        }
        return true;
    }
    *out = fn(text);
    if (out->isEmpty()) {
        run.problem(column, QStringLiteral("「%1」无法识别，应为 %2").arg(text.left(40), allowedZh),
                    QStringLiteral("\"%1\" is not recognised; use %2").arg(text.left(40), allowedEn));
        return false;
    }
    return true;
}

const QString kRetZh = QStringLiteral("永久 / 定期30年 / 定期10年");
const QString kRetEn = QStringLiteral("permanent / 30y / 10y");
const QString kSecZh = QStringLiteral("公开 / 内部 / 秘密 / 机密");
const QString kSecEn = QStringLiteral("public / internal / secret / confidential");
const QString kClimZh = QStringLiteral("纸质 / 特藏 / 音像 / 胶片");
const QString kClimEn = QStringLiteral("paper / special / av / film");

// ---------------------------------------------------------------- fonds
class FondsHandler : public Handler {
    Lookup m_exists;
    QSqlQuery m_ins;

public:
    Status prepare(Run& run) override {
        if (!m_exists.prepare(run.sql(), QStringLiteral("SELECT id FROM fonds WHERE code = ?"), false))
            return prepareError(m_exists.query(), "prepare fonds lookup");
        m_ins = QSqlQuery(run.sql());
        if (!m_ins.prepare(QStringLiteral("INSERT INTO fonds(code, name, start_year, end_year) VALUES(?,?,?,?)")))
            return prepareError(m_ins, "prepare fonds insert");
        return okStatus();
    }
    void row(Run& run) override {
        QString code, name;
        const bool okCode = newKey(run, QStringLiteral("code"), m_exists, &code, QStringLiteral("全宗号"), QStringLiteral("fonds code"));
        const bool okName = run.required(QStringLiteral("name"), &name);
        const auto from = run.year(QStringLiteral("start_year"), false);
        const auto to = run.year(QStringLiteral("end_year"), false);
        if (from && to && *from && *to && *from > *to)
            run.problem(QStringLiteral("end_year"), QStringLiteral("终止年度早于起始年度"), QStringLiteral("the last year is before the first year"));
        if (!okCode || !okName || !from || !to || !run.writing()) return;
        m_ins.bindValue(0, code);
        m_ins.bindValue(1, name);
        m_ins.bindValue(2, orNull(*from));
        m_ins.bindValue(3, orNull(*to));
        if (run.exec(m_ins, QStringLiteral("insert fonds"))) { run.noteKey(code); run.countImported(); }
    }
};

// ---------------------------------------------------------------- categories
class CategoriesHandler : public Handler {
    Lookup m_exists;
    QSqlQuery m_ins;

public:
    Status prepare(Run& run) override {
        if (!m_exists.prepare(run.sql(), QStringLiteral("SELECT id FROM categories WHERE code = ?"), false))
            return prepareError(m_exists.query(), "prepare category lookup");
        m_ins = QSqlQuery(run.sql());
        if (!m_ins.prepare(QStringLiteral("INSERT INTO categories(code, name, loan_days, max_renewals, security_default, "
                                          "in_room_only, needs_review, needs_head, climate_profile, retention_default) "
                                          "VALUES(?,?,?,?,?,?,?,?,?,?)")))
            return prepareError(m_ins, "prepare category insert");
        return okStatus();
    }
    void row(Run& run) override {
        QString code, name, sec, clim, ret;
        int inRoom = 0, review = 0, head = 0;
        bool ok = newKey(run, QStringLiteral("code"), m_exists, &code, QStringLiteral("门类代码"), QStringLiteral("category code"), 32);
        ok &= run.required(QStringLiteral("name"), &name);
        const auto days = run.integer(QStringLiteral("loan_days"), 1, 3650, 30);
        const auto ren = run.integer(QStringLiteral("max_renewals"), 0, 100, 1);
        ok &= vocab(run, QStringLiteral("security_default"), iv::security, QStringLiteral("internal"), kSecZh, kSecEn, &sec);
        ok &= flag(run, QStringLiteral("in_room_only"), &inRoom);
        ok &= flag(run, QStringLiteral("needs_review"), &review);
        ok &= flag(run, QStringLiteral("needs_head"), &head);
        ok &= vocab(run, QStringLiteral("climate_profile"), iv::climateProfile, QStringLiteral("paper"), kClimZh, kClimEn, &clim);
        ok &= vocab(run, QStringLiteral("retention_default"), iv::retention, QStringLiteral("30y"), kRetZh, kRetEn, &ret);
        if (!ok || !days || !ren || !run.writing()) return;
        const QVariantList v{code, name, *days, *ren, sec, inRoom, review, head, clim, ret};
        for (int i = 0; i < v.size(); ++i) m_ins.bindValue(i, v[i]);
        if (run.exec(m_ins, QStringLiteral("insert category"))) { run.noteKey(code); run.countImported(); }
    }
};

// ---------------------------------------------------------------- rooms
class RoomsHandler : public Handler {
    Lookup m_exists;
    QSqlQuery m_ins;

public:
    Status prepare(Run& run) override {
        if (!m_exists.prepare(run.sql(), QStringLiteral("SELECT id FROM rooms WHERE code = ?"), false))
            return prepareError(m_exists.query(), "prepare room lookup");
        m_ins = QSqlQuery(run.sql());
        if (!m_ins.prepare(QStringLiteral("INSERT INTO rooms(code, name, climate_profile) VALUES(?,?,?)")))
            return prepareError(m_ins, "prepare room insert");
        return okStatus();
    }
    void row(Run& run) override {
        QString code, name, clim;
        bool ok = newKey(run, QStringLiteral("code"), m_exists, &code, QStringLiteral("库房编号"), QStringLiteral("room code"), 32);
        ok &= run.required(QStringLiteral("name"), &name);
        ok &= vocab(run, QStringLiteral("climate_profile"), iv::climateProfile, QStringLiteral("paper"), kClimZh, kClimEn, &clim);
        if (!ok || !run.writing()) return;
        m_ins.bindValue(0, code);
        m_ins.bindValue(1, name);
        m_ins.bindValue(2, clim);
        if (run.exec(m_ins, QStringLiteral("insert room"))) { run.noteKey(code); run.countImported(); }
    }
};

// ---------------------------------------------------------------- locations
class LocationsHandler : public Handler {
    Lookup m_exists, m_room;
    QSqlQuery m_ins;

public:
    Status prepare(Run& run) override {
        if (!m_exists.prepare(run.sql(), QStringLiteral("SELECT id FROM locations WHERE barcode = ?"), false))
            return prepareError(m_exists.query(), "prepare location lookup");
        if (!m_room.prepare(run.sql(), QStringLiteral("SELECT id FROM rooms WHERE code = ? OR name = ? ORDER BY id LIMIT 1")))
            return prepareError(m_room.query(), "prepare room lookup");
        m_ins = QSqlQuery(run.sql());
        if (!m_ins.prepare(QStringLiteral("INSERT INTO locations(barcode, room_id, cabinet, shelf, position, capacity) "
                                          "VALUES(?,?,?,?,?,?)")))
            return prepareError(m_ins, "prepare location insert");
        return okStatus();
    }
    void row(Run& run) override {
        QString barcode, room;
        bool ok = newKey(run, QStringLiteral("barcode"), m_exists, &barcode, QStringLiteral("架位条码"), QStringLiteral("shelf barcode"));
        qint64 roomId = 0;
        if (run.required(QStringLiteral("room"), &room)) {
            roomId = m_room.find(room);
            if (!roomId) {
                run.problem(QStringLiteral("room"),
                            QStringLiteral("库房「%1」不存在。请先导入库房（archivectl import rooms），或改正库房编号").arg(room.left(40)),
                            QStringLiteral("there is no room \"%1\". Import the rooms first (archivectl import rooms) or correct the code").arg(room.left(40)));
                ok = false;
            }
        } else {
            ok = false;
        }
        const auto cap = run.integer(QStringLiteral("capacity"), 0, 100000, 0);
        if (!ok || !cap || !run.writing()) return;
        const QVariantList v{barcode, roomId, run.get(QStringLiteral("cabinet")), run.get(QStringLiteral("shelf")),
                             run.get(QStringLiteral("position")), *cap};
        for (int i = 0; i < v.size(); ++i) m_ins.bindValue(i, v[i]);
        if (run.exec(m_ins, QStringLiteral("insert location"))) { run.noteKey(barcode); run.countImported(); }
    }
};

// ---------------------------------------------------------------- departments
class DepartmentsHandler : public Handler {
    Lookup m_exists, m_category;
    QSqlQuery m_ins, m_perm;

public:
    Status prepare(Run& run) override {
        if (!m_exists.prepare(run.sql(), QStringLiteral("SELECT id FROM departments WHERE code = ?"), false))
            return prepareError(m_exists.query(), "prepare department lookup");
        if (!m_category.prepare(run.sql(), QStringLiteral("SELECT id FROM categories WHERE code = ? OR name = ? ORDER BY id LIMIT 1")))
            return prepareError(m_category.query(), "prepare category lookup");
        m_ins = QSqlQuery(run.sql());
        if (!m_ins.prepare(QStringLiteral("INSERT INTO departments(code, name, needs_review) VALUES(?,?,?)")))
            return prepareError(m_ins, "prepare department insert");
        m_perm = QSqlQuery(run.sql());
        if (!m_perm.prepare(QStringLiteral("INSERT INTO department_categories(department_id, category_id) VALUES(?,?)")))
            return prepareError(m_perm, "prepare department_categories insert");
        return okStatus();
    }
    void row(Run& run) override {
        QString code, name;
        int review = 0;
        bool ok = newKey(run, QStringLiteral("code"), m_exists, &code, QStringLiteral("部门代码"), QStringLiteral("department code"), 32);
        ok &= run.required(QStringLiteral("name"), &name);
        ok &= flag(run, QStringLiteral("needs_review"), &review);
        QList<qint64> cats;
        for (const QString& c : iv::splitList(run.get(QStringLiteral("categories")))) {
            const qint64 id = m_category.find(c);
            if (!id) {
                run.problem(QStringLiteral("categories"),
                            QStringLiteral("门类「%1」不存在。请先导入门类，或改正门类代码").arg(c.left(40)),
                            QStringLiteral("there is no category \"%1\". Import the categories first or correct the code").arg(c.left(40)));
                ok = false;
            } else if (!cats.contains(id)) {
                cats << id;
            }
        }
        if (!ok || !run.writing()) return;
        m_ins.bindValue(0, code);
        m_ins.bindValue(1, name);
        m_ins.bindValue(2, review);
        if (!run.exec(m_ins, QStringLiteral("insert department"))) return;
        const qint64 id = m_ins.lastInsertId().toLongLong();
        for (qint64 c : cats) {
            m_perm.bindValue(0, id);
            m_perm.bindValue(1, c);
            if (!run.exec(m_perm, QStringLiteral("insert department category"))) return;
        }
        if (cats.isEmpty())
            run.warning(QStringLiteral("categories"),
                        QStringLiteral("部门「%1」没有可借门类：其人员将无法借出任何档案（R7）").arg(name.left(40)),
                        QStringLiteral("department \"%1\" may borrow no category: its people cannot borrow anything (R7)").arg(name.left(40)));
        run.noteKey(code);
        run.countImported();
    }
};

// ---------------------------------------------------------------- people
class PeopleHandler : public Handler {
    Lookup m_exists, m_dept;
    QSqlQuery m_ins, m_newDept;
    QHash<QString, qint64> m_created;  // departments created by this import (name → id; -1 while not writing)

public:
    Status prepare(Run& run) override {
        if (!m_exists.prepare(run.sql(), QStringLiteral("SELECT id FROM people WHERE card = ?"), false))
            return prepareError(m_exists.query(), "prepare person lookup");
        if (!m_dept.prepare(run.sql(), QStringLiteral("SELECT id FROM departments WHERE code = ? OR name = ? ORDER BY id LIMIT 1")))
            return prepareError(m_dept.query(), "prepare department lookup");
        m_ins = QSqlQuery(run.sql());
        if (!m_ins.prepare(QStringLiteral("INSERT INTO people(card, name, department_id, kind, roles, phone, unit, created_at) "
                                          "VALUES(?,?,?,?,?,?,?,?)")))
            return prepareError(m_ins, "prepare person insert");
        m_newDept = QSqlQuery(run.sql());
        if (!m_newDept.prepare(QStringLiteral("INSERT INTO departments(code, name) VALUES(?,?)")))
            return prepareError(m_newDept, "prepare department insert");
        return okStatus();
    }
    void row(Run& run) override {
        QString card, name, kind;
        bool ok = newKey(run, QStringLiteral("card"), m_exists, &card, QStringLiteral("借阅证号"), QStringLiteral("card"));
        ok &= run.required(QStringLiteral("name"), &name);
        if (name.size() > 100) {
            run.problem(QStringLiteral("name"), QStringLiteral("姓名过长"), QStringLiteral("the name is too long"));
            ok = false;
        }
        ok &= vocab(run, QStringLiteral("kind"), iv::personKind, QStringLiteral("internal"), QStringLiteral("内部 / 外部"),
                    QStringLiteral("internal / external"), &kind);
        QStringList roles;
        for (const QString& r : iv::splitList(run.get(QStringLiteral("roles")))) {
            const QString code = iv::role(r);
            if (code.isEmpty()) {
                run.problem(QStringLiteral("roles"),
                            QStringLiteral("角色「%1」无法识别，应为 借阅者、档案员、档案室负责人、主管领导、管理人员、管理员").arg(r.left(40)),
                            QStringLiteral("role \"%1\" is not recognised; use borrower, archivist, head, leader, manager, admin").arg(r.left(40)));
                ok = false;
            } else if (!roles.contains(code)) {
                roles << code;
            }
        }
        if (roles.isEmpty()) roles << QStringLiteral("borrower");
        const QString dept = run.get(QStringLiteral("department"));
        if (kind == QLatin1String("external") && roles != QStringList{QStringLiteral("borrower")}) {
            run.problem(QStringLiteral("roles"), QStringLiteral("外部人员只能是借阅者"), QStringLiteral("an external person can only be a borrower"));
            ok = false;
        }
        if (!ok) return;
        qint64 deptId = 0;
        if (!dept.isEmpty()) {
            deptId = m_dept.find(dept);
            if (!deptId) deptId = m_created.value(dept, 0);
            if (!deptId) {
                if (dept.size() > 100) {
                    run.problem(QStringLiteral("department"), QStringLiteral("部门名称过长"), QStringLiteral("the department name is too long"));
                    return;
                }
                run.warning(QStringLiteral("department"),
                            QStringLiteral("新建部门「%1」；请为它设置可借门类（R7），否则其人员无法借出档案").arg(dept.left(40)),
                            QStringLiteral("created department \"%1\"; give it borrowable categories (R7) or its people cannot borrow").arg(dept.left(40)));
                deptId = -1;
                if (run.writing()) {
                    m_newDept.bindValue(0, dept);
                    m_newDept.bindValue(1, dept);
                    if (!run.exec(m_newDept, QStringLiteral("insert department"))) return;
                    deptId = m_newDept.lastInsertId().toLongLong();
                }
                m_created.insert(dept, deptId);
            }
        }
        if (!run.writing()) return;
        const QVariantList v{card, name, idOrNull(deptId), kind, roles.join(QLatin1Char(',')),
                             run.get(QStringLiteral("phone")).left(40), run.get(QStringLiteral("unit")).left(200), run.now()};
        for (int i = 0; i < v.size(); ++i) m_ins.bindValue(i, v[i]);
        if (run.exec(m_ins, QStringLiteral("insert person"))) { run.noteKey(card); run.countImported(); }
    }
};

// The sqlite3 C API twin of a Qt prepared insert (SQLite only): binds without a QVariant per value, the
// largest cost left in a bulk import after SQLite itself. Values are bound exactly as Qt's driver binds
// them (a QString, even a null one, is text; an empty optional number is NULL). When the statement fails
// nothing was written, and the caller repeats the row through Qt so that the error is reported as before.
class FastInsert {
public:
    FastInsert() = default;
    FastInsert(const FastInsert&) = delete;
    FastInsert& operator=(const FastInsert&) = delete;
    ~FastInsert() { sqlite3_finalize(m_st); }
    void prepare(Database& db, const QString& sql) {
        sqlite3_finalize(m_st);
        m_st = nullptr;
        m_h = static_cast<sqlite3*>(db.sqliteHandle());
        if (!m_h) return;
        const QByteArray u = sql.toUtf8();
        if (sqlite3_prepare_v2(m_h, u.constData(), int(u.size()), &m_st, nullptr) != SQLITE_OK) {
            sqlite3_finalize(m_st);
            m_st = nullptr;
        }
    }
    bool active() const { return m_st != nullptr; }
    void text(int i, const QString& v) {
        static const ushort empty[1] = {0};
        sqlite3_bind_text16(m_st, i, v.isNull() ? empty : v.utf16(), int(v.size() * sizeof(QChar)), SQLITE_TRANSIENT);
    }
    void integer(int i, qint64 v) { sqlite3_bind_int64(m_st, i, v); }
    void intOrNull(int i, qint64 v) {
        if (v) sqlite3_bind_int64(m_st, i, v);
        else sqlite3_bind_null(m_st, i);
    }
    // true when the row was written; false: nothing was written (repeat through Qt for the message).
    bool run() {
        const int rc = sqlite3_step(m_st);
        sqlite3_reset(m_st);
        sqlite3_clear_bindings(m_st);
        return rc == SQLITE_DONE;
    }
    qint64 lastId() const { return sqlite3_last_insert_rowid(m_h); }

private:
    sqlite3* m_h = nullptr;
    sqlite3_stmt* m_st = nullptr;
};

// The boxes and items tables have CHECK (x IN (…)) constraints (retention, security, state). SQLite checks
// such a list by building a temporary B-tree for it on every row: for items three per row, about a quarter
// of an items import. Every value an import writes to those columns is one of the importer's own canonical
// codes (vocab() maps what people type to them and refuses the rest; state is a literal), so while an
// import of boxes or items runs its connection compiles statements without those checks (PRAGMA
// ignore_check_constraints, which SQLite reads when it compiles a statement). It is switched off again
// before the ledger entry and the commit (finish()), and by the destructor if the import stops early.
class ChecksByImporter {
public:
    ChecksByImporter() = default;
    ChecksByImporter(const ChecksByImporter&) = delete;
    ChecksByImporter& operator=(const ChecksByImporter&) = delete;
    ~ChecksByImporter() { restore(); }
    // table: "boxes" or "items"; violation: an SQL condition true for a row that breaks one of the skipped
    // CHECKs. Rows are only ever appended by the import, so "id > first id" is exactly the imported rows.
    void begin(Database& db, const char* table, const char* violation) {
        m_table = table;
        m_violation = violation;
        m_h = static_cast<sqlite3*>(db.sqliteHandle());
        if (!m_h) return;
        m_maxIdBefore = scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM %1").arg(QLatin1String(m_table)), 0);
        if (m_maxIdBefore < 0 ||
            sqlite3_exec(m_h, "PRAGMA ignore_check_constraints = ON", nullptr, nullptr, nullptr) != SQLITE_OK)
            m_h = nullptr;
    }
    // Switches the checks back on and re-checks, in one set-based pass, every row this import wrote: the
    // database's own rule still holds for them even though it was not evaluated row by row.
    Status restoreAndVerify() {
        if (!m_h) return okStatus();
        sqlite3* h = m_h;
        restore();
        const qint64 bad = scalarOn(h, QStringLiteral("SELECT count(*) FROM %1 WHERE id > %2 AND (%3)")
                                           .arg(QLatin1String(m_table))
                                           .arg(m_maxIdBefore)
                                           .arg(QLatin1String(m_violation)),
                                    -1);
        if (bad == 0) return okStatus();
        return Error{QStringLiteral("import_check"),
                     QStringLiteral("导入的数据有不合规则的取值，已全部撤销，档案未改动。请把文件交给系统管理员检查。"),
                     QStringLiteral("Some imported values break the archive's rules; the whole import was undone and "
                                    "the archive is unchanged. Please give the file to the system administrator."),
                     QStringLiteral("%1 rows of %2 fail the CHECK constraints (or the re-check failed)")
                         .arg(bad)
                         .arg(QLatin1String(m_table))};
    }
    void restore() {
        if (m_h) sqlite3_exec(m_h, "PRAGMA ignore_check_constraints = OFF", nullptr, nullptr, nullptr);
        m_h = nullptr;
    }

private:
    qint64 scalar(const QString& sql, qint64 fallback) const { return scalarOn(m_h, sql, fallback); }
    static qint64 scalarOn(sqlite3* h, const QString& sql, qint64 fallback) {
        sqlite3_stmt* st = nullptr;
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(h, utf8.constData(), -1, &st, nullptr) != SQLITE_OK) return fallback;
        qint64 v = fallback;
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        return v;
    }
    sqlite3* m_h = nullptr;
    const char* m_table = "";
    const char* m_violation = "0";
    qint64 m_maxIdBefore = -1;
};

// The CHECK lists of 0002_books.sql for the columns an import writes (kept next to the handlers that skip them).
constexpr const char* kBoxViolation =
    "retention NOT IN ('permanent','30y','10y') OR "
    "state NOT IN ('in_place','on_loan','missing','destroyed','transferred_out')";
constexpr const char* kItemViolation =
    "retention NOT IN ('permanent','30y','10y') OR "
    "security NOT IN ('public','internal','secret','confidential') OR "
    "state NOT IN ('in_place','on_loan','missing','destroyed','transferred_out')";

// ---------------------------------------------------------------- boxes
class BoxesHandler : public Handler {
    ChecksByImporter m_checks;  // first member: destroyed last
    Lookup m_exists, m_fonds, m_category, m_location;
    QSqlQuery m_ins, m_move;
    FastInsert m_fastIns, m_fastMove;

public:
    Status finish(Run&) override { return m_checks.restoreAndVerify(); }
    Status prepare(Run& run) override {
        m_checks.begin(run.db(), "boxes", kBoxViolation);  // retention via vocab(), state a literal
        if (!m_exists.prepare(run.sql(), QStringLiteral("SELECT id FROM boxes WHERE barcode = ?"), false))
            return prepareError(m_exists.query(), "prepare box lookup");
        if (!m_fonds.prepare(run.sql(), QStringLiteral("SELECT id FROM fonds WHERE code = ? OR name = ? ORDER BY id LIMIT 1")))
            return prepareError(m_fonds.query(), "prepare fonds lookup");
        if (!m_category.prepare(run.sql(), QStringLiteral("SELECT id FROM categories WHERE code = ? OR name = ? ORDER BY id LIMIT 1")))
            return prepareError(m_category.query(), "prepare category lookup");
        if (!m_location.prepare(run.sql(), QStringLiteral("SELECT id FROM locations WHERE barcode = ?")))
            return prepareError(m_location.query(), "prepare location lookup");
        m_ins = QSqlQuery(run.sql());
        if (!m_ins.prepare(QStringLiteral("INSERT INTO boxes(barcode, fonds_id, year, retention, box_no, first_item_no, last_item_no, "
                                          "org_unit, title, category_id, location_id, state, created_at, updated_at) "
                                          "VALUES(?,?,?,?,?,?,?,?,?,?,?,'in_place',?,?)")))
            return prepareError(m_ins, "prepare box insert");
        m_move = QSqlQuery(run.sql());
        if (!m_move.prepare(QStringLiteral("INSERT INTO box_moves(box_id, from_location_id, to_location_id, at, actor, reason) "
                                           "VALUES(?, NULL, ?, ?, ?, 'import')")))
            return prepareError(m_move, "prepare box move insert");
        m_fastIns.prepare(run.db(), m_ins.lastQuery());
        m_fastMove.prepare(run.db(), m_move.lastQuery());
        return okStatus();
    }
    void row(Run& run) override {
        QString barcode, fonds, ret, cat;
        bool ok = newKey(run, QStringLiteral("barcode"), m_exists, &barcode, QStringLiteral("档案盒条码"), QStringLiteral("box barcode"));
        qint64 fondsId = 0, catId = 0, locId = 0;
        if (run.required(QStringLiteral("fonds"), &fonds)) {
            fondsId = m_fonds.find(fonds);
            if (!fondsId) {
                run.problem(QStringLiteral("fonds"),
                            QStringLiteral("全宗「%1」不存在。请先导入全宗（archivectl import fonds），或改正全宗号").arg(fonds.left(40)),
                            QStringLiteral("there is no fonds \"%1\". Import the fonds first (archivectl import fonds) or correct the code").arg(fonds.left(40)));
                ok = false;
            }
        } else {
            ok = false;
        }
        const auto year = run.year(QStringLiteral("year"), true);
        ok &= vocab(run, QStringLiteral("retention"), iv::retention, QString(), kRetZh, kRetEn, &ret);
        if (run.required(QStringLiteral("category"), &cat)) {
            catId = m_category.find(cat);
            if (!catId) {
                run.problem(QStringLiteral("category"),
                            QStringLiteral("门类「%1」不存在。请先导入门类（archivectl import categories），或改正门类").arg(cat.left(40)),
                            QStringLiteral("there is no category \"%1\". Import the categories first (archivectl import categories) or correct it").arg(cat.left(40)));
                ok = false;
            }
        } else {
            ok = false;
        }
        const QString loc = run.get(QStringLiteral("location"));
        if (!loc.isEmpty()) {
            locId = m_location.find(loc);
            if (!locId) {
                run.problem(QStringLiteral("location"),
                            QStringLiteral("架位「%1」不存在。请先导入架位（archivectl import locations），或改正架位条码；尚未上架可留空").arg(loc.left(40)),
                            QStringLiteral("there is no shelf location \"%1\". Import the locations first or correct the barcode; leave it empty if not shelved").arg(loc.left(40)));
                ok = false;
            }
        }
        int first = 0, last = 0;
        const QString range = run.get(QStringLiteral("item_range"));
        if (!range.isEmpty()) {
            static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,6})\\s*[-－~～—至到]+\\s*(\\d{1,6})\\s*$"));
            const auto m = re.match(range);
            if (!m.hasMatch()) {
                run.problem(QStringLiteral("item_range"), QStringLiteral("「%1」应写成 起-止，如 1-25").arg(range.left(40)),
                            QStringLiteral("\"%1\" should read first-last, e.g. 1-25").arg(range.left(40)));
                ok = false;
            } else {
                first = m.captured(1).toInt();
                last = m.captured(2).toInt();
            }
        }
        const auto f2 = run.integer(QStringLiteral("first_item_no"), 0, 999999, first);
        const auto l2 = run.integer(QStringLiteral("last_item_no"), 0, 999999, last);
        if (!f2 || !l2) ok = false;
        else {
            first = *f2;
            last = *l2;
            if (first && last && first > last) {
                run.problem(QStringLiteral("last_item_no"), QStringLiteral("止件号 %1 小于起件号 %2").arg(last).arg(first),
                            QStringLiteral("last item number %1 is below the first %2").arg(last).arg(first));
                ok = false;
            }
        }
        if (!ok || !year || !run.writing()) return;
        if (m_fastIns.active() && m_fastMove.active() && fastRow(run, barcode, fondsId, *year, ret, first, last, catId, locId)) {
            run.noteKey(barcode);
            run.countImported();
            return;
        }
        const QVariantList v{barcode, fondsId, *year, ret, run.get(QStringLiteral("box_no")), orNull(first), orNull(last),
                             run.get(QStringLiteral("org_unit")), run.get(QStringLiteral("title")), catId, idOrNull(locId),
                             run.now(), run.now()};
        for (int i = 0; i < v.size(); ++i) m_ins.bindValue(i, v[i]);
        if (!run.exec(m_ins, QStringLiteral("insert box"))) return;
        if (locId) {
            m_move.bindValue(0, m_ins.lastInsertId());
            m_move.bindValue(1, locId);
            m_move.bindValue(2, run.now());
            m_move.bindValue(3, run.actor());
            if (!run.exec(m_move, QStringLiteral("insert box move"))) return;
        }
        run.noteKey(barcode);
        run.countImported();
    }

private:
    // The row's inserts through the C API; false (nothing of this row written) → the caller repeats it via Qt.
    bool fastRow(Run& run, const QString& barcode, qint64 fondsId, int year, const QString& ret, int first, int last,
                 qint64 catId, qint64 locId) {
        FastInsert& f = m_fastIns;
        f.text(1, barcode);
        f.integer(2, fondsId);
        f.integer(3, year);
        f.text(4, ret);
        f.text(5, run.get(QStringLiteral("box_no")));
        f.intOrNull(6, first);
        f.intOrNull(7, last);
        f.text(8, run.get(QStringLiteral("org_unit")));
        f.text(9, run.get(QStringLiteral("title")));
        f.integer(10, catId);
        f.intOrNull(11, locId);
        f.integer(12, run.now());
        f.integer(13, run.now());
        if (!f.run()) return false;
        if (!locId) return true;
        const qint64 boxId = f.lastId();
        FastInsert& m = m_fastMove;
        m.integer(1, boxId);
        m.integer(2, locId);
        m.integer(3, run.now());
        m.text(4, run.actor());
        if (m.run()) return true;
        // Undo the box row so that the Qt path repeats the whole row and reports the move's error.
        sqlite3* h = static_cast<sqlite3*>(run.db().sqliteHandle());
        sqlite3_stmt* del = nullptr;
        bool undone = sqlite3_prepare_v2(h, "DELETE FROM boxes WHERE id = ?", -1, &del, nullptr) == SQLITE_OK;
        if (undone) {
            sqlite3_bind_int64(del, 1, boxId);
            undone = sqlite3_step(del) == SQLITE_DONE;
        }
        sqlite3_finalize(del);
        if (!undone) run.problem({}, QStringLiteral("无法写入这一行"), QStringLiteral("this line could not be written"));
        return !undone;  // undone → false → Qt path; not undone → problem already recorded (import rolls back)
    }
};

// ---------------------------------------------------------------- items
// An error of the sqlite3 C API calls below, in the books' usual form.
Error sqliteFailure(sqlite3* h, const char* what) {
    const QString msg = h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString();
    return sqlError(QSqlError(QString::fromLatin1(what), msg, QSqlError::StatementError), QString::fromLatin1(what));
}

// A per-row trigger on items that an items import does the work of itself (SQLite): dropped inside the import's own
// transaction and re-created from its stored SQL before the commit. Any failure rolls the whole transaction back,
// trigger included, so no other connection ever sees the books without it.
class SuspendedTrigger {
public:
    // Reads the trigger's stored SQL: false when the books have no such trigger.
    Result<bool> find(sqlite3* h, const char* name) {
        m_h = h;
        m_name = name;
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(h, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", -1, &st, nullptr) != SQLITE_OK)
            return sqliteFailure(h, "read trigger");
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            m_sql = QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), sqlite3_column_bytes(st, 0));
        sqlite3_finalize(st);
        return !m_sql.isEmpty();
    }
    Status drop() {
        if (sqlite3_exec(m_h, ("DROP TRIGGER " + m_name).constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return sqliteFailure(m_h, "drop trigger");
        m_dropped = true;
        return okStatus();
    }
    bool dropped() const { return m_dropped; }
    // Re-creates it (same transaction, before the ledger entry and the commit); nothing to do unless dropped.
    Status restore() {
        if (!m_dropped) return okStatus();
        if (sqlite3_exec(m_h, m_sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) return sqliteFailure(m_h, "re-create trigger");
        m_dropped = false;
        return okStatus();
    }

private:
    sqlite3* m_h = nullptr;
    QByteArray m_name, m_sql;
    bool m_dropped = false;
};

// Catalogue search index during an items import (SQLite). The per-row trigger items_fts_insert
// (0002_books.sqlite.sql) builds each item's bigram text in SQL, ≈ 100 µs per item. For the import
// the trigger is suspended (SuspendedTrigger) and the same FTS rows are written from C++
// (bigramText below reproduces the trigger's expressions exactly).
class BulkSearchIndex {
public:
    ~BulkSearchIndex() {
        sqlite3_finalize(m_fts);
        sqlite3_finalize(m_fonds);
        sqlite3_finalize(m_sqlRow);
    }
    // Status ok with active() false when the books have no such trigger (PostgreSQL, or not SQLite).
    Status begin(Database& db) {
        m_h = static_cast<sqlite3*>(db.sqliteHandle());
        if (!m_h) return okStatus();
        auto found = m_trigger.find(m_h, "items_fts_insert");
        if (!found) return found.error();
        if (!found.value()) { m_h = nullptr; return okStatus(); }
        if (sqlite3_prepare_v2(m_h, "INSERT INTO catalog_fts(rowid, title, code, fonds, year) VALUES(?,?,?,?,?)", -1, &m_fts,
                               nullptr) != SQLITE_OK ||
            sqlite3_prepare_v2(m_h, "SELECT f.code || ' ' || f.name FROM boxes b JOIN fonds f ON f.id = b.fonds_id WHERE b.id = ?",
                               -1, &m_fonds, nullptr) != SQLITE_OK)
            return error("prepare search index");
        if (auto st = m_trigger.drop(); !st) return st;
        sqlite3_stmt* st = nullptr;
        // FTS5 flushes its in-memory term lists to a new level-0 segment whenever they pass 'hashsize'
        // (1 MiB by default) and merges segments as they pile up: for 100,000 items that is dozens of
        // flushes and merges. A larger hash for this transaction writes far fewer, bigger segments (same
        // index content; ≈ 0.35 s less per 100,000 items). The previous setting is restored in end().
        if (sqlite3_prepare_v2(m_h, "SELECT v FROM catalog_fts_config WHERE k = 'hashsize'", -1, &st, nullptr) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW) m_oldHashSize = sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
            if (!setHashSize(kImportHashSize)) return error("set search index hash size");
            m_hashSet = true;
        }
        return okStatus();
    }
    bool active() const { return m_h && m_trigger.dropped(); }

    // Indexes the item just inserted (its rowid is the connection's last insert rowid).
    Status add(const QString& title, const QString& code, int year, qint64 boxId) {
        const qint64 id = sqlite3_last_insert_rowid(m_h);
        const QByteArray t = title.toUtf8(), c = code.toUtf8();
        const QByteArray* fonds = fondsText(boxId);
        if (!fonds) return error("read fonds");
        if (t.contains('\0') || c.contains('\0') || m_fondsHasNul) return addBySql(id);  // SQL text semantics differ at NUL
        const QByteArray tb = bigramText(t, true), cb = bigramText(c, true), yb = bigramText(QByteArray::number(year), false);
        sqlite3_reset(m_fts);
        sqlite3_bind_int64(m_fts, 1, id);
        bindText(2, tb);
        bindText(3, cb);
        bindText(4, *fonds);
        bindText(5, yb);
        const int rc = sqlite3_step(m_fts);
        sqlite3_reset(m_fts);
        return rc == SQLITE_DONE ? okStatus() : error("insert search index");
    }
    // Re-creates the trigger (same transaction, before the ledger entry and the commit).
    Status end() {
        if (!active()) return okStatus();
        if (m_hashSet) {
            if (!setHashSize(m_oldHashSize)) return error("restore search index hash size");
            m_hashSet = false;
        }
        return m_trigger.restore();
    }

    // hex(lower(substr(x, n, 2))) for n = 1 .. min(length(x), 1000) joined by ' ' — a null array when x is
    // empty (group_concat over no rows). lower() of SQLite's core folds ASCII only; positions are characters.
    static QByteArray bigramText(const QByteArray& utf8, bool lower) {
        if (utf8.isEmpty()) return QByteArray();
        static const char hex[] = "0123456789ABCDEF";
        thread_local std::vector<int> starts;
        starts.clear();
        const char* in = utf8.constData();
        const int size = int(utf8.size());
        for (int i = 0; i < size; ++i)
            if ((uchar(in[i]) & 0xC0) != 0x80) starts.push_back(i);
        const int len = int(starts.size());
        starts.push_back(size);
        const int last = std::min(len, 1000);
        // Each bigram's bytes appear twice (as first and as second character) → at most 4 hex digits per byte, plus spaces.
        QByteArray out(4 * size + last, Qt::Uninitialized);
        char* o = out.data();
        for (int n = 0; n < last; ++n) {
            if (n) *o++ = ' ';
            const int e = starts[size_t(std::min(n + 2, len))];
            for (int i = starts[size_t(n)]; i < e; ++i) {
                uchar ch = uchar(in[i]);
                if (lower && ch >= 'A' && ch <= 'Z') ch = uchar(ch + 32);
                *o++ = hex[ch >> 4];
                *o++ = hex[ch & 15];
            }
        }
        out.truncate(o - out.constData());
        return out;
    }

private:
    static constexpr qint64 kImportHashSize = 8LL * 1024 * 1024;
    static constexpr qint64 kDefaultHashSize = 1024 * 1024;  // FTS5's own default
    bool setHashSize(qint64 bytes) {
        const QByteArray sql = "INSERT INTO catalog_fts(catalog_fts, rank) VALUES('hashsize', " + QByteArray::number(bytes) + ")";
        return sqlite3_exec(m_h, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    Error error(const char* what) const { return sqliteFailure(m_h, what); }
    void bindText(int i, const QByteArray& v) {
        if (v.isNull()) sqlite3_bind_null(m_fts, i);
        else sqlite3_bind_text(m_fts, i, v.constData(), int(v.size()), SQLITE_STATIC);
    }
    const QByteArray* fondsText(qint64 boxId) {
        m_fondsHasNul = false;
        if (auto it = m_fondsByBox.constFind(boxId); it != m_fondsByBox.constEnd()) {
            m_fondsHasNul = m_nulBoxes.contains(boxId);
            return &it.value();
        }
        sqlite3_reset(m_fonds);
        sqlite3_bind_int64(m_fonds, 1, boxId);
        QByteArray text;
        const int rc = sqlite3_step(m_fonds);
        if (rc == SQLITE_ROW && sqlite3_column_type(m_fonds, 0) != SQLITE_NULL) {
            const QByteArray x(reinterpret_cast<const char*>(sqlite3_column_text(m_fonds, 0)), sqlite3_column_bytes(m_fonds, 0));
            if (x.contains('\0')) { m_nulBoxes.insert(boxId); m_fondsHasNul = true; }
            text = bigramText(x, true);
        } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            sqlite3_reset(m_fonds);
            return nullptr;
        }
        sqlite3_reset(m_fonds);
        if (m_fondsByBox.size() > 100000) m_fondsByBox.clear();
        return &*m_fondsByBox.insert(boxId, text);
    }
    // The trigger's own expressions, for the rare text SQLite treats differently (embedded NUL).
    Status addBySql(qint64 id) {
        if (!m_sqlRow &&
            sqlite3_prepare_v2(m_h,
                "INSERT INTO catalog_fts(rowid, title, code, fonds, year) SELECT i.id,"
                " (SELECT group_concat(hex(lower(substr(i.title, n, 2))), ' ') FROM search_nums WHERE n <= length(i.title)),"
                " (SELECT group_concat(hex(lower(substr(i.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(i.archival_code)),"
                " (SELECT group_concat(hex(lower(substr(t.x, n, 2))), ' ') FROM search_nums,"
                "   (SELECT f.code || ' ' || f.name AS x FROM boxes b JOIN fonds f ON f.id = b.fonds_id WHERE b.id = i.box_id) t"
                "   WHERE n <= length(t.x)),"
                " (SELECT group_concat(hex(substr(CAST(i.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(i.year AS TEXT)))"
                " FROM items i WHERE i.id = ?", -1, &m_sqlRow, nullptr) != SQLITE_OK)
            return error("prepare search index row");
        sqlite3_reset(m_sqlRow);
        sqlite3_bind_int64(m_sqlRow, 1, id);
        const int rc = sqlite3_step(m_sqlRow);
        sqlite3_reset(m_sqlRow);
        return rc == SQLITE_DONE ? okStatus() : error("insert search index row");
    }

    sqlite3* m_h = nullptr;
    sqlite3_stmt* m_fts = nullptr;
    sqlite3_stmt* m_fonds = nullptr;
    sqlite3_stmt* m_sqlRow = nullptr;
    SuspendedTrigger m_trigger;
    bool m_hashSet = false;
    qint64 m_oldHashSize = kDefaultHashSize;
    bool m_fondsHasNul = false;
    QHash<qint64, QByteArray> m_fondsByBox;
    QSet<qint64> m_nulBoxes;
};

// Box file summaries during an items import (SQLite). The trigger items_summary_insert (migration 0005) would
// raise its box's summary row by row; worse, any trigger on items makes SQLite open a statement savepoint for
// every INSERT, and each savepoint makes FTS5 flush its pending terms — a search-index segment per file. The
// trigger is suspended (SuspendedTrigger), the same figures are added up here and written once per box at the end.
class BulkBoxSummary {
public:
    ~BulkBoxSummary() { sqlite3_finalize(m_update); }
    Status begin(Database& db) {
        m_h = static_cast<sqlite3*>(db.sqliteHandle());
        if (!m_h) return okStatus();
        auto found = m_trigger.find(m_h, "items_summary_insert");
        if (!found) return found.error();
        if (!found.value()) { m_h = nullptr; return okStatus(); }
        if (sqlite3_prepare_v2(m_h, "UPDATE boxes SET item_count = item_count + ?1,"
                                    " max_security_rank = max(coalesce(max_security_rank, -1), ?2) WHERE id = ?3",
                               -1, &m_update, nullptr) != SQLITE_OK)
            return error("prepare box summary");
        return m_trigger.drop();
    }
    bool active() const { return m_h && m_trigger.dropped(); }
    // A file filed into boxId with this security level (state in_place: the on-loan figure does not move).
    void add(qint64 boxId, const QString& security) {
        Figures& f = m_boxes[boxId];
        ++f.count;
        f.maxRank = std::max(f.maxRank, int(securityLevels().indexOf(security)));  // the trigger's CASE: 0 public … 3
    }
    Status end() {
        if (!active()) return okStatus();
        for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
            sqlite3_reset(m_update);
            sqlite3_bind_int64(m_update, 1, it->count);
            sqlite3_bind_int(m_update, 2, it->maxRank);
            sqlite3_bind_int64(m_update, 3, it.key());
            const int rc = sqlite3_step(m_update);
            sqlite3_reset(m_update);
            if (rc != SQLITE_DONE) return error("write box summary");
        }
        return m_trigger.restore();
    }

private:
    struct Figures {
        qint64 count = 0;
        int maxRank = -1;
    };
    Error error(const char* what) const { return sqliteFailure(m_h, what); }
    sqlite3* m_h = nullptr;
    sqlite3_stmt* m_update = nullptr;
    SuspendedTrigger m_trigger;
    QHash<qint64, Figures> m_boxes;
};

class ItemsHandler : public Handler {
    ChecksByImporter m_checks;  // first member: destroyed last
    Lookup m_exists, m_box;
    QSqlQuery m_ins;
    FastInsert m_fastIns;
    BulkSearchIndex m_index;
    BulkBoxSummary m_summary;
    std::optional<Error> m_indexError;

public:
    Status finish(Run&) override {
        if (auto st = m_checks.restoreAndVerify(); !st) return st;
        if (m_indexError) return *m_indexError;
        if (auto st = m_summary.end(); !st) return st;
        return m_index.end();
    }
    Status prepare(Run& run) override {
        if (auto st = m_index.begin(run.db()); !st) return st;
        if (auto st = m_summary.begin(run.db()); !st) return st;
        m_checks.begin(run.db(), "items", kItemViolation);  // retention and security via vocab(), state a literal
        if (!m_exists.prepare(run.sql(), QStringLiteral("SELECT id FROM items WHERE archival_code = ?"), false))
            return prepareError(m_exists.query(), "prepare item lookup");
        if (!m_box.prepare(run.sql(), QStringLiteral("SELECT b.id, b.retention, c.security_default, b.state FROM boxes b "
                                                     "JOIN categories c ON c.id = b.category_id WHERE b.barcode = ?")))
            return prepareError(m_box.query(), "prepare box lookup");
        m_ins = QSqlQuery(run.sql());
        if (!m_ins.prepare(QStringLiteral("INSERT INTO items(archival_code, title, year, retention, security, pages, box_id, "
                                          "item_no, state, created_at) VALUES(?,?,?,?,?,?,?,?,'in_place',?)")))
            return prepareError(m_ins, "prepare item insert");
        m_fastIns.prepare(run.db(), m_ins.lastQuery());
        return okStatus();
    }
    void row(Run& run) override {
        QString code, title, boxCode, ret, sec;
        bool ok = newKey(run, QStringLiteral("archival_code"), m_exists, &code, QStringLiteral("档号"), QStringLiteral("archival code"), 100);
        ok &= run.required(QStringLiteral("title"), &title);
        const auto year = run.year(QStringLiteral("year"), true);
        const auto pages = run.integer(QStringLiteral("pages"), 0, 1000000, 0);
        const auto itemNo = run.integer(QStringLiteral("item_no"), 0, 999999, 0);
        qint64 boxId = 0;
        QList<QVariant> boxInfo;
        if (run.required(QStringLiteral("box"), &boxCode)) {
            boxId = m_box.find(boxCode, &boxInfo);
            if (!boxId) {
                run.problem(QStringLiteral("box"),
                            QStringLiteral("档案盒「%1」不存在。请先导入档案盒（archivectl import boxes），或改正盒条码").arg(boxCode.left(40)),
                            QStringLiteral("there is no box \"%1\". Import the boxes first (archivectl import boxes) or correct the barcode").arg(boxCode.left(40)));
                ok = false;
            } else if (boxInfo.value(2).toString() == QLatin1String("destroyed")) {
                run.problem(QStringLiteral("box"), QStringLiteral("档案盒「%1」已销毁，不能再放入档案（R11）").arg(boxCode.left(40)),
                            QStringLiteral("box \"%1\" was destroyed; nothing can be filed into it (R11)").arg(boxCode.left(40)));
                ok = false;
            }
        } else {
            ok = false;
        }
        ok &= vocab(run, QStringLiteral("retention"), iv::retention, boxInfo.value(0).toString(), kRetZh, kRetEn, &ret);
        ok &= vocab(run, QStringLiteral("security"), iv::security, boxInfo.value(1).toString(), kSecZh, kSecEn, &sec);
        if (!ok || !year || !pages || !itemNo || !run.writing()) return;
        bool written = false;
        if (m_fastIns.active()) {
            FastInsert& f = m_fastIns;
            f.text(1, code);
            f.text(2, title);
            f.integer(3, *year);
            f.text(4, ret);
            f.text(5, sec);
            f.integer(6, *pages);
            f.integer(7, boxId);
            f.intOrNull(8, *itemNo);
            f.integer(9, run.now());
            written = f.run();  // false: nothing written; the Qt statement below repeats it and reports why
        }
        if (!written) {
            const QVariantList v{code, title, *year, ret, sec, *pages, boxId, orNull(*itemNo), run.now()};
            for (int i = 0; i < v.size(); ++i) m_ins.bindValue(i, v[i]);
            written = run.exec(m_ins, QStringLiteral("insert item"));
        }
        if (written) {
            if (m_summary.active()) m_summary.add(boxId, sec);
            if (m_index.active() && !m_indexError) {
                if (auto st = m_index.add(title, code, *year, boxId); !st) m_indexError = st.error();
            }
            run.noteKey(code);
            run.countImported();
        }
    }
};

}  // namespace

std::unique_ptr<Handler> makeHandler(ImportKind kind) {
    switch (kind) {
    case ImportKind::Fonds: return std::make_unique<FondsHandler>();
    case ImportKind::Categories: return std::make_unique<CategoriesHandler>();
    case ImportKind::Rooms: return std::make_unique<RoomsHandler>();
    case ImportKind::Locations: return std::make_unique<LocationsHandler>();
    case ImportKind::Departments: return std::make_unique<DepartmentsHandler>();
    case ImportKind::People: return std::make_unique<PeopleHandler>();
    case ImportKind::Boxes: return std::make_unique<BoxesHandler>();
    case ImportKind::Items: return std::make_unique<ItemsHandler>();
    }
    return nullptr;
}

}  // namespace archive::db::importrun
