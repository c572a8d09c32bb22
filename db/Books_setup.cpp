// Setup and import of the catalogue: fonds, categories, rooms, departments, locations, boxes, items, people.
// Imports are all-or-nothing: every row is checked first; any problem → nothing changes, all problems listed.
#include "BooksInternal.h"
#include "Transaction.h"

namespace archive::db {

using namespace detail;

Books::Books(Database& db) : m_db(db) {}

namespace {

Error importRefused(const QList<RowProblem>& problems, const QString& whatZh, const QString& whatEn) {
    QStringList zh, en;
    for (int i = 0; i < problems.size() && i < 5; ++i) {
        zh << QStringLiteral("第 %1 条 %2：%3").arg(problems[i].index + 1).arg(problems[i].column, problems[i].messageZh);
        en << QStringLiteral("row %1 %2: %3").arg(problems[i].index + 1).arg(problems[i].column, problems[i].messageEn);
    }
    Error e = badInput(QStringLiteral("%1未导入：发现 %2 处问题，数据库未做任何改动。%3").arg(whatZh).arg(problems.size()).arg(zh.join(QStringLiteral("；"))),
                       QStringLiteral("%1 not imported: %2 problem(s) found, nothing was changed. %3").arg(whatEn).arg(problems.size())
                           .arg(en.join(QStringLiteral("; "))));
    return e;
}

void problem(QList<RowProblem>& out, int idx, const char* col, const QString& zh, const QString& en) {
    out << RowProblem{idx, QString::fromLatin1(col), zh, en};
}

// Checks a required/optional text field; records a problem and returns false when bad.
bool textOk(QList<RowProblem>& out, int idx, const char* col, const QString& v, int max, bool required) {
    if (required && v.trimmed().isEmpty()) {
        problem(out, idx, col, QStringLiteral("不能为空"), QStringLiteral("is empty"));
        return false;
    }
    if (v.size() > max) {
        problem(out, idx, col, QStringLiteral("太长（%1 个字符，最多 %2）").arg(v.size()).arg(max),
                QStringLiteral("too long (%1 characters, at most %2)").arg(v.size()).arg(max));
        return false;
    }
    return true;
}

Result<QHash<QString, qint64>> codeMap(Database& db, const QString& sql) {
    QHash<QString, qint64> m;
    Run r(db, sql);
    if (auto st = r.exec(); !st) return st.error();
    while (r.next()) m.insert(r.s(0), r.ll(1));
    return m;
}

Result<qint64> insertSimple(Database& db, const QString& sql, const QVariantList& v, const QString& actor, const char* action,
                            const QString& subject) {
    Transaction tx(db);
    if (!tx.begun()) return tx.begun().error();
    Run r(db, sql);
    Status st = okStatus();
    switch (v.size()) {
    case 2: st = r.exec(v[0], v[1]); break;
    case 3: st = r.exec(v[0], v[1], v[2]); break;
    case 4: st = r.exec(v[0], v[1], v[2], v[3]); break;
    case 10: st = r.exec(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]); break;
    default: return badInput(QStringLiteral("内部错误"), QStringLiteral("internal error"));
    }
    if (!st) {
        if (st.error().detail.contains(QLatin1String("UNIQUE")))
            return badInput(QStringLiteral("%1 已存在。").arg(subject), QStringLiteral("%1 already exists.").arg(subject));
        return st.error();
    }
    const qint64 id = r.lastId();
    if (auto l = ledger(db, actor, action, subject, {}); !l) return l.error();
    if (auto c = tx.commit(); !c) return c.error();
    return id;
}

}  // namespace

Result<qint64> Books::addFonds(const NewFonds& f, const QString& actor) {
    if (auto e = checkText(f.code, 32, QStringLiteral("全宗号"), QStringLiteral("The fonds code"))) return *e;
    if (auto e = checkText(f.name, 200, QStringLiteral("全宗名称"), QStringLiteral("The fonds name"))) return *e;
    return insertSimple(m_db, QStringLiteral("INSERT INTO fonds(code, name, start_year, end_year) VALUES(?,?,?,?)"),
                        {f.code.trimmed(), f.name.trimmed(), f.startYear ? QVariant(f.startYear) : QVariant(),
                         f.endYear ? QVariant(f.endYear) : QVariant()},
                        actor, "fonds.add", QStringLiteral("fonds:") + f.code.trimmed());
}

Result<qint64> Books::addCategory(const NewCategory& c, const QString& actor) {
    if (auto e = checkText(c.code, 32, QStringLiteral("门类代码"), QStringLiteral("The category code"))) return *e;
    if (auto e = checkText(c.name, 100, QStringLiteral("门类名称"), QStringLiteral("The category name"))) return *e;
    QString sec, ret;
    if (!parseSecurity(c.securityDefault, &sec))
        return badInput(QStringLiteral("密级“%1”无法识别（公开/内部/秘密/机密）。").arg(c.securityDefault),
                        QStringLiteral("Unknown security level \"%1\" (public/internal/secret/confidential).").arg(c.securityDefault));
    if (!parseRetention(c.retentionDefault, &ret))
        return badInput(QStringLiteral("保管期限“%1”无法识别（永久/定期30年/定期10年）。").arg(c.retentionDefault),
                        QStringLiteral("Unknown retention \"%1\" (permanent/30y/10y).").arg(c.retentionDefault));
    if (c.loanDays < 0 || c.loanDays > 3650 || c.maxRenewals < 0 || c.maxRenewals > 100)
        return badInput(QStringLiteral("借期或续借次数超出范围。"), QStringLiteral("Loan days or renewals out of range."));
    return insertSimple(m_db,
                        QStringLiteral("INSERT INTO categories(code, name, loan_days, max_renewals, security_default, in_room_only,"
                                       " needs_review, needs_head, climate_profile, retention_default) VALUES(?,?,?,?,?,?,?,?,?,?)"),
                        {c.code.trimmed(), c.name.trimmed(), c.loanDays, c.maxRenewals, sec, c.inRoomOnly ? 1 : 0,
                         c.needsReview ? 1 : 0, c.needsHead ? 1 : 0, c.climateProfile, ret},
                        actor, "category.add", QStringLiteral("category:") + c.code.trimmed());
}

Result<qint64> Books::addRoom(const NewRoom& r, const QString& actor) {
    if (auto e = checkText(r.code, 32, QStringLiteral("库房代码"), QStringLiteral("The room code"))) return *e;
    if (auto e = checkText(r.name, 100, QStringLiteral("库房名称"), QStringLiteral("The room name"))) return *e;
    static const QStringList profiles = {QStringLiteral("paper"), QStringLiteral("special"), QStringLiteral("av"), QStringLiteral("film")};
    if (!profiles.contains(r.climateProfile))
        return badInput(QStringLiteral("温湿度标准“%1”无法识别（paper/special/av/film）。").arg(r.climateProfile),
                        QStringLiteral("Unknown climate profile \"%1\" (paper/special/av/film).").arg(r.climateProfile));
    return insertSimple(m_db, QStringLiteral("INSERT INTO rooms(code, name, climate_profile) VALUES(?,?,?)"),
                        {r.code.trimmed(), r.name.trimmed(), r.climateProfile}, actor, "room.add",
                        QStringLiteral("room:") + r.code.trimmed());
}

Result<qint64> Books::addDepartment(const NewDepartment& d, const QString& actor) {
    if (auto e = checkText(d.code, 32, QStringLiteral("部门代码"), QStringLiteral("The department code"))) return *e;
    if (auto e = checkText(d.name, 100, QStringLiteral("部门名称"), QStringLiteral("The department name"))) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    Run ins(m_db, QStringLiteral("INSERT INTO departments(code, name, needs_review) VALUES(?,?,?)"));
    if (auto st = ins.exec(d.code.trimmed(), d.name.trimmed(), d.needsReview); !st) {
        if (st.error().detail.contains(QLatin1String("UNIQUE")))
            return badInput(QStringLiteral("部门 %1 已存在。").arg(d.code), QStringLiteral("Department %1 already exists.").arg(d.code));
        return st.error();
    }
    const qint64 id = ins.lastId();
    for (const QString& cc : d.categoryCodes) {
        auto cid = scalar(m_db, QStringLiteral("SELECT id FROM categories WHERE code = ? OR name = ?"), cc.trimmed(), cc.trimmed());
        if (!cid) return cid.error();
        if (cid->isNull())
            return badInput(QStringLiteral("找不到门类 %1。请先登记门类。").arg(cc), QStringLiteral("No category %1; register it first.").arg(cc));
        Run p(m_db, QStringLiteral("INSERT INTO department_categories(department_id, category_id) VALUES(?,?)"));
        if (auto st = p.exec(id, cid->toLongLong()); !st) return st.error();
    }
    if (auto l = ledger(m_db, actor, "department.add", QStringLiteral("department:") + d.code.trimmed(),
                        {{QStringLiteral("categories"), d.categoryCodes.join(QLatin1Char(','))}});
        !l)
        return l.error();
    if (auto st = tx.commit(); !st) return st.error();
    return id;
}

Result<int> Books::importLocations(const QList<NewLocation>& rows, const QString& actor, QList<RowProblem>* problemsOut) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto rooms = codeMap(m_db, QStringLiteral("SELECT code, id FROM rooms UNION ALL SELECT name, id FROM rooms"));
    if (!rooms) return rooms.error();
    QList<RowProblem> problems;
    QSet<QString> seen;
    for (int i = 0; i < rows.size(); ++i) {
        const NewLocation& l = rows[i];
        if (textOk(problems, i, "barcode", l.barcode, 64, true)) {
            const QString bc = l.barcode.trimmed();
            if (seen.contains(bc)) problem(problems, i, "barcode", QStringLiteral("条码 %1 重复").arg(bc), QStringLiteral("barcode %1 repeated").arg(bc));
            seen.insert(bc);
            auto ex = scalar(m_db, QStringLiteral("SELECT count(*) FROM locations WHERE barcode = ?"), bc);
            if (!ex) return ex.error();
            if (ex->toInt() > 0) problem(problems, i, "barcode", QStringLiteral("条码 %1 已存在").arg(bc), QStringLiteral("barcode %1 already exists").arg(bc));
        }
        if (textOk(problems, i, "room", l.roomCode, 100, true) && !rooms->contains(l.roomCode.trimmed()))
            problem(problems, i, "room", QStringLiteral("找不到库房 %1").arg(l.roomCode), QStringLiteral("no room %1").arg(l.roomCode));
        textOk(problems, i, "cabinet", l.cabinet, 32, false);
        textOk(problems, i, "shelf", l.shelf, 32, false);
        textOk(problems, i, "position", l.position, 32, false);
        if (l.capacity < 0 || l.capacity > 100000)
            problem(problems, i, "capacity", QStringLiteral("容量超出范围"), QStringLiteral("capacity out of range"));
    }
    if (problemsOut) *problemsOut = problems;
    if (!problems.isEmpty()) return importRefused(problems, QStringLiteral("位置"), QStringLiteral("Locations"));
    for (const NewLocation& l : rows) {
        Run ins(m_db, QStringLiteral("INSERT INTO locations(barcode, room_id, cabinet, shelf, position, capacity) VALUES(?,?,?,?,?,?)"));
        if (auto st = ins.exec(l.barcode.trimmed(), rooms->value(l.roomCode.trimmed()), l.cabinet.trimmed(), l.shelf.trimmed(),
                               l.position.trimmed(), l.capacity);
            !st)
            return st.error();
    }
    if (auto r = ledger(m_db, actor, "import.locations", QStringLiteral("locations"), {{QStringLiteral("count"), int(rows.size())}}); !r)
        return r.error();
    if (auto st = tx.commit(); !st) return st.error();
    return int(rows.size());
}

Result<int> Books::importBoxes(const QList<NewBox>& rows, const QString& actor, QList<RowProblem>* problemsOut) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto fonds = codeMap(m_db, QStringLiteral("SELECT code, id FROM fonds UNION ALL SELECT name, id FROM fonds"));
    if (!fonds) return fonds.error();
    auto cats = codeMap(m_db, QStringLiteral("SELECT code, id FROM categories UNION ALL SELECT name, id FROM categories"));
    if (!cats) return cats.error();
    QList<RowProblem> problems;
    QSet<QString> seen;
    struct Ready { QString retention; qint64 locationId = 0; };
    QList<Ready> ready(rows.size());
    const int nowYear = QDate::currentDate().year() + 1;
    for (int i = 0; i < rows.size(); ++i) {
        const NewBox& b = rows[i];
        if (textOk(problems, i, "barcode", b.barcode, 64, true)) {
            const QString bc = b.barcode.trimmed();
            if (seen.contains(bc)) problem(problems, i, "barcode", QStringLiteral("条码 %1 重复").arg(bc), QStringLiteral("barcode %1 repeated").arg(bc));
            seen.insert(bc);
            auto ex = scalar(m_db, QStringLiteral("SELECT count(*) FROM boxes WHERE barcode = ?"), bc);
            if (!ex) return ex.error();
            if (ex->toInt() > 0) problem(problems, i, "barcode", QStringLiteral("条码 %1 已存在").arg(bc), QStringLiteral("barcode %1 already exists").arg(bc));
        }
        if (textOk(problems, i, "fonds", b.fondsCode, 200, true) && !fonds->contains(b.fondsCode.trimmed()))
            problem(problems, i, "fonds", QStringLiteral("找不到全宗 %1").arg(b.fondsCode), QStringLiteral("no fonds %1").arg(b.fondsCode));
        if (b.year < 1900 || b.year > nowYear)
            problem(problems, i, "year", QStringLiteral("年度 %1 不合理").arg(b.year), QStringLiteral("year %1 is not plausible").arg(b.year));
        if (!parseRetention(b.retention, &ready[i].retention))
            problem(problems, i, "retention", QStringLiteral("保管期限“%1”无法识别（永久/定期30年/定期10年）").arg(b.retention),
                    QStringLiteral("unknown retention \"%1\" (permanent/30y/10y)").arg(b.retention));
        textOk(problems, i, "box_no", b.boxNo, 32, false);
        textOk(problems, i, "org_unit", b.orgUnit, 200, false);
        textOk(problems, i, "title", b.title, 500, false);
        if (b.firstItemNo < 0 || b.lastItemNo < b.firstItemNo)
            problem(problems, i, "last_item_no", QStringLiteral("起止件号不合理"), QStringLiteral("first/last item numbers do not fit"));
        if (textOk(problems, i, "category", b.categoryCode, 100, true) && !cats->contains(b.categoryCode.trimmed()))
            problem(problems, i, "category", QStringLiteral("找不到门类 %1").arg(b.categoryCode), QStringLiteral("no category %1").arg(b.categoryCode));
        if (!b.locationBarcode.trimmed().isEmpty() && textOk(problems, i, "location", b.locationBarcode, 64, false)) {
            auto loc = scalar(m_db, QStringLiteral("SELECT id FROM locations WHERE barcode = ?"), b.locationBarcode.trimmed());
            if (!loc) return loc.error();
            if (loc->isNull())
                problem(problems, i, "location", QStringLiteral("找不到位置 %1").arg(b.locationBarcode), QStringLiteral("no location %1").arg(b.locationBarcode));
            else ready[i].locationId = loc->toLongLong();
        }
    }
    if (problemsOut) *problemsOut = problems;
    if (!problems.isEmpty()) return importRefused(problems, QStringLiteral("档案盒"), QStringLiteral("Boxes"));
    const qint64 now = m_db.nowMs();
    for (int i = 0; i < rows.size(); ++i) {
        const NewBox& b = rows[i];
        Run ins(m_db, QStringLiteral("INSERT INTO boxes(barcode, fonds_id, year, retention, box_no, first_item_no, last_item_no, org_unit,"
                                     " title, category_id, location_id, state, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,'in_place',?,?)"));
        if (auto st = ins.exec(b.barcode.trimmed(), fonds->value(b.fondsCode.trimmed()), b.year, ready[i].retention, b.boxNo.trimmed(),
                               b.firstItemNo, b.lastItemNo, b.orgUnit.trimmed(), b.title.trimmed(), cats->value(b.categoryCode.trimmed()),
                               ready[i].locationId ? QVariant(ready[i].locationId) : QVariant(), now, now);
            !st)
            return st.error();
        if (ready[i].locationId) {
            Run mv(m_db, QStringLiteral("INSERT INTO box_moves(box_id, to_location_id, at, actor, reason) VALUES(?,?,?,?,'import')"));
            if (auto st = mv.exec(ins.lastId(), ready[i].locationId, now, actor); !st) return st.error();
        }
    }
    QJsonObject d{{QStringLiteral("count"), int(rows.size())}};
    if (!rows.isEmpty()) {
        d.insert(QStringLiteral("first"), rows.first().barcode.trimmed());
        d.insert(QStringLiteral("last"), rows.last().barcode.trimmed());
    }
    if (auto r = ledger(m_db, actor, "import.boxes", QStringLiteral("boxes"), d); !r) return r.error();
    if (auto st = tx.commit(); !st) return st.error();
    return int(rows.size());
}

Result<int> Books::importItems(const QList<NewItem>& rows, const QString& actor, QList<RowProblem>* problemsOut) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    QList<RowProblem> problems;
    QSet<QString> seen;
    struct Ready { QString retention, security; qint64 boxId = 0; };
    QList<Ready> ready(rows.size());
    const int nowYear = QDate::currentDate().year() + 1;
    for (int i = 0; i < rows.size(); ++i) {
        const NewItem& it = rows[i];
        if (textOk(problems, i, "archival_code", it.archivalCode, 128, true)) {
            const QString c = it.archivalCode.trimmed();
            if (seen.contains(c)) problem(problems, i, "archival_code", QStringLiteral("档号 %1 重复").arg(c), QStringLiteral("code %1 repeated").arg(c));
            seen.insert(c);
            auto ex = scalar(m_db, QStringLiteral("SELECT count(*) FROM items WHERE archival_code = ?"), c);
            if (!ex) return ex.error();
            if (ex->toInt() > 0) problem(problems, i, "archival_code", QStringLiteral("档号 %1 已存在").arg(c), QStringLiteral("code %1 already exists").arg(c));
        }
        textOk(problems, i, "title", it.title, 1000, true);
        if (it.year < 1900 || it.year > nowYear)
            problem(problems, i, "year", QStringLiteral("年度 %1 不合理").arg(it.year), QStringLiteral("year %1 is not plausible").arg(it.year));
        if (!parseRetention(it.retention, &ready[i].retention))
            problem(problems, i, "retention", QStringLiteral("保管期限“%1”无法识别（永久/定期30年/定期10年）").arg(it.retention),
                    QStringLiteral("unknown retention \"%1\" (permanent/30y/10y)").arg(it.retention));
        if (it.pages < 0 || it.pages > 1000000)
            problem(problems, i, "pages", QStringLiteral("页数超出范围"), QStringLiteral("pages out of range"));
        QString catDefault;
        if (textOk(problems, i, "box", it.boxBarcode, 64, true)) {
            Run r(m_db, QStringLiteral("SELECT b.id, c.security_default FROM boxes b JOIN categories c ON c.id = b.category_id WHERE b.barcode = ?"));
            if (auto st = r.exec(it.boxBarcode.trimmed()); !st) return st.error();
            if (r.next()) {
                ready[i].boxId = r.ll(0);
                catDefault = r.s(1);
            } else {
                problem(problems, i, "box", QStringLiteral("找不到档案盒 %1").arg(it.boxBarcode), QStringLiteral("no box %1").arg(it.boxBarcode));
            }
        }
        if (it.security.trimmed().isEmpty()) ready[i].security = catDefault.isEmpty() ? QStringLiteral("internal") : catDefault;
        else if (!parseSecurity(it.security, &ready[i].security))
            problem(problems, i, "security", QStringLiteral("密级“%1”无法识别（公开/内部/秘密/机密）").arg(it.security),
                    QStringLiteral("unknown security level \"%1\" (public/internal/secret/confidential)").arg(it.security));
    }
    if (problemsOut) *problemsOut = problems;
    if (!problems.isEmpty()) return importRefused(problems, QStringLiteral("档案"), QStringLiteral("Files"));
    const qint64 now = m_db.nowMs();
    for (int i = 0; i < rows.size(); ++i) {
        const NewItem& it = rows[i];
        Run ins(m_db, QStringLiteral("INSERT INTO items(archival_code, title, year, retention, security, pages, box_id, item_no, state, created_at)"
                                     " VALUES(?,?,?,?,?,?,?,?,'in_place',?)"));
        if (auto st = ins.exec(it.archivalCode.trimmed(), it.title.trimmed(), it.year, ready[i].retention, ready[i].security, it.pages,
                               ready[i].boxId, it.itemNo ? QVariant(it.itemNo) : QVariant(), now);
            !st)
            return st.error();
    }
    QJsonObject d{{QStringLiteral("count"), int(rows.size())}};
    if (!rows.isEmpty()) {
        d.insert(QStringLiteral("first"), rows.first().archivalCode.trimmed());
        d.insert(QStringLiteral("last"), rows.last().archivalCode.trimmed());
    }
    if (auto r = ledger(m_db, actor, "import.items", QStringLiteral("items"), d); !r) return r.error();
    if (auto st = tx.commit(); !st) return st.error();
    return int(rows.size());
}

Result<int> Books::importPeople(const QList<NewPerson>& rows, const QString& actor, QList<RowProblem>* problemsOut) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto depts = codeMap(m_db, QStringLiteral("SELECT code, id FROM departments UNION ALL SELECT name, id FROM departments"));
    if (!depts) return depts.error();
    QList<RowProblem> problems;
    QSet<QString> seen;
    struct Ready { QString kind, roles; qint64 deptId = 0; };
    QList<Ready> ready(rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        const NewPerson& p = rows[i];
        if (textOk(problems, i, "card", p.card, 64, true)) {
            const QString c = p.card.trimmed();
            if (seen.contains(c)) problem(problems, i, "card", QStringLiteral("卡号 %1 重复").arg(c), QStringLiteral("card %1 repeated").arg(c));
            seen.insert(c);
            auto ex = scalar(m_db, QStringLiteral("SELECT count(*) FROM people WHERE card = ?"), c);
            if (!ex) return ex.error();
            if (ex->toInt() > 0) problem(problems, i, "card", QStringLiteral("卡号 %1 已存在").arg(c), QStringLiteral("card %1 already exists").arg(c));
        }
        textOk(problems, i, "name", p.name, 100, true);
        textOk(problems, i, "phone", p.phone, 40, false);
        textOk(problems, i, "unit", p.unit, 200, false);
        if (!parseKind(p.kind, &ready[i].kind))
            problem(problems, i, "kind", QStringLiteral("类别“%1”无法识别（内部/外部）").arg(p.kind),
                    QStringLiteral("unknown kind \"%1\" (internal/external)").arg(p.kind));
        QStringList roles;
        for (const QString& r : p.roles) {
            if (r.trimmed().isEmpty()) continue;
            QString code;
            if (!parseRole(r, &code))
                problem(problems, i, "roles", QStringLiteral("角色“%1”无法识别").arg(r), QStringLiteral("unknown role \"%1\"").arg(r));
            else if (!roles.contains(code)) roles << code;
        }
        if (roles.isEmpty()) roles << QStringLiteral("borrower");
        ready[i].roles = roles.join(QLatin1Char(','));
        if (!p.departmentCode.trimmed().isEmpty()) {
            if (!depts->contains(p.departmentCode.trimmed()))
                problem(problems, i, "department", QStringLiteral("找不到部门 %1").arg(p.departmentCode), QStringLiteral("no department %1").arg(p.departmentCode));
            else ready[i].deptId = depts->value(p.departmentCode.trimmed());
        }
    }
    if (problemsOut) *problemsOut = problems;
    if (!problems.isEmpty()) return importRefused(problems, QStringLiteral("人员"), QStringLiteral("People"));
    const qint64 now = m_db.nowMs();
    for (int i = 0; i < rows.size(); ++i) {
        const NewPerson& p = rows[i];
        Run ins(m_db, QStringLiteral("INSERT INTO people(card, name, department_id, kind, roles, phone, unit, created_at) VALUES(?,?,?,?,?,?,?,?)"));
        if (auto st = ins.exec(p.card.trimmed(), p.name.trimmed(), ready[i].deptId ? QVariant(ready[i].deptId) : QVariant(), ready[i].kind,
                               ready[i].roles, p.phone.trimmed(), p.unit.trimmed(), now);
            !st)
            return st.error();
    }
    if (auto r = ledger(m_db, actor, "import.people", QStringLiteral("people"), {{QStringLiteral("count"), int(rows.size())}}); !r)
        return r.error();
    if (auto st = tx.commit(); !st) return st.error();
    return int(rows.size());
}

Status Books::setSetting(const QString& key, const QString& value, const QString& actor) {
    static const QStringList known = {QStringLiteral("overdue_incident_days"), QStringLiteral("pin_max_failures"),
                                      QStringLiteral("pin_lock_minutes")};
    if (!known.contains(key))
        return badInput(QStringLiteral("未知的设置项 %1。").arg(key), QStringLiteral("Unknown setting %1.").arg(key));
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    if (!ok || n < 0 || n > 100000)
        return badInput(QStringLiteral("设置项 %1 须为 0–100000 的整数。").arg(key), QStringLiteral("Setting %1 must be a whole number 0–100000.").arg(key));
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    Run u(m_db, QStringLiteral("UPDATE books_settings SET value = ? WHERE key = ?"));
    if (auto st = u.exec(QString::number(n), key); !st) return st;
    if (u.affected() == 0) {
        Run i(m_db, QStringLiteral("INSERT INTO books_settings(key, value) VALUES(?,?)"));
        if (auto st = i.exec(key, QString::number(n)); !st) return st;
    }
    if (auto r = ledger(m_db, actor, "setting", QStringLiteral("setting:") + key, {{QStringLiteral("value"), n}}); !r) return r.error();
    return tx.commit();
}

QString Books::setting(const QString& key, const QString& fallback) {
    auto v = scalar(m_db, QStringLiteral("SELECT value FROM books_settings WHERE key = ?"), key);
    if (!v || v->isNull()) return fallback;
    return v->toString();
}

}  // namespace archive::db
