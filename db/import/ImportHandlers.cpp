// Per-kind checks and inserts of an import (see Importer.h).
#include "ImportRun.h"
#include "ImportValues.h"

#include "db/Database.h"

#include <QSqlError>
#include <QSqlRecord>

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

// ---------------------------------------------------------------- boxes
class BoxesHandler : public Handler {
    Lookup m_exists, m_fonds, m_category, m_location;
    QSqlQuery m_ins, m_move;

public:
    Status prepare(Run& run) override {
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
};

// ---------------------------------------------------------------- items
class ItemsHandler : public Handler {
    Lookup m_exists, m_box;
    QSqlQuery m_ins;

public:
    Status prepare(Run& run) override {
        if (!m_exists.prepare(run.sql(), QStringLiteral("SELECT id FROM items WHERE archival_code = ?"), false))
            return prepareError(m_exists.query(), "prepare item lookup");
        if (!m_box.prepare(run.sql(), QStringLiteral("SELECT b.id, b.retention, c.security_default, b.state FROM boxes b "
                                                     "JOIN categories c ON c.id = b.category_id WHERE b.barcode = ?")))
            return prepareError(m_box.query(), "prepare box lookup");
        m_ins = QSqlQuery(run.sql());
        if (!m_ins.prepare(QStringLiteral("INSERT INTO items(archival_code, title, year, retention, security, pages, box_id, "
                                          "item_no, state, created_at) VALUES(?,?,?,?,?,?,?,?,'in_place',?)")))
            return prepareError(m_ins, "prepare item insert");
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
        const QVariantList v{code, title, *year, ret, sec, *pages, boxId, orNull(*itemNo), run.now()};
        for (int i = 0; i < v.size(); ++i) m_ins.bindValue(i, v[i]);
        if (run.exec(m_ins, QStringLiteral("insert item"))) { run.noteKey(code); run.countImported(); }
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
