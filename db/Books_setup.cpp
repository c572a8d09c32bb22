// Setup and import of the catalogue: fonds, categories, rooms, departments, locations, boxes, items, people.
// Imports are all-or-nothing (db/import/Importer): any problem → nothing changes, every problem listed.
#include "BooksInternal.h"
#include "Transaction.h"
#include "import/Importer.h"

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

// ---- imports: one path. The rows go through db/import's Importer (the one archivectl and the kiosk use for
// CSV files): the same checks, one transaction, one ledger entry "import" (subject import:<kind>).

namespace {

QString num(int v) { return v ? QString::number(v) : QString(); }  // 0 = not given

Result<int> importVia(Database& db, ImportKind kind, const QStringList& header, const QList<QStringList>& rows,
                      const QString& actor, QList<RowProblem>* problemsOut, const QString& whatZh, const QString& whatEn) {
    if (problemsOut) problemsOut->clear();
    if (rows.isEmpty()) return 0;
    ImportOptions opt;
    opt.actor = actor;
    opt.maxProblems = 10000;
    auto rep = Importer::importRows(db, kind, header, rows, opt);
    if (!rep) return rep.error();
    QList<RowProblem> problems;
    for (const csv::Problem& p : rep->problems)  // line 1 = the header, line 2 = rows[0]
        problems << RowProblem{std::max(p.line - 2, -1), p.column, p.messageZh, p.messageEn};
    if (problemsOut) *problemsOut = problems;
    if (!rep->ok()) return importRefused(problems, whatZh, whatEn);
    return rep->imported;
}

}  // namespace

Result<int> Books::importLocations(const QList<NewLocation>& rows, const QString& actor, QList<RowProblem>* problemsOut) {
    QList<QStringList> cells;
    for (const NewLocation& l : rows)
        cells << QStringList{l.barcode, l.roomCode, l.cabinet, l.shelf, l.position, QString::number(l.capacity)};
    return importVia(m_db, ImportKind::Locations,
                     {QStringLiteral("barcode"), QStringLiteral("room"), QStringLiteral("cabinet"), QStringLiteral("shelf"),
                      QStringLiteral("position"), QStringLiteral("capacity")},
                     cells, actor, problemsOut, QStringLiteral("位置"), QStringLiteral("Locations"));
}

Result<int> Books::importBoxes(const QList<NewBox>& rows, const QString& actor, QList<RowProblem>* problemsOut) {
    QList<QStringList> cells;
    for (const NewBox& b : rows)
        cells << QStringList{b.barcode, b.fondsCode, QString::number(b.year), b.retention, b.boxNo, b.categoryCode, b.title,
                             b.locationBarcode, b.orgUnit, num(b.firstItemNo), num(b.lastItemNo)};
    return importVia(m_db, ImportKind::Boxes,
                     {QStringLiteral("barcode"), QStringLiteral("fonds"), QStringLiteral("year"), QStringLiteral("retention"),
                      QStringLiteral("box_no"), QStringLiteral("category"), QStringLiteral("title"), QStringLiteral("location"),
                      QStringLiteral("org_unit"), QStringLiteral("first_item_no"), QStringLiteral("last_item_no")},
                     cells, actor, problemsOut, QStringLiteral("档案盒"), QStringLiteral("Boxes"));
}

Result<int> Books::importItems(const QList<NewItem>& rows, const QString& actor, QList<RowProblem>* problemsOut) {
    QList<QStringList> cells;
    for (const NewItem& it : rows)
        cells << QStringList{it.archivalCode, it.title, QString::number(it.year), it.retention, it.security,
                             QString::number(it.pages), it.boxBarcode, num(it.itemNo)};
    return importVia(m_db, ImportKind::Items,
                     {QStringLiteral("archival_code"), QStringLiteral("title"), QStringLiteral("year"), QStringLiteral("retention"),
                      QStringLiteral("security"), QStringLiteral("pages"), QStringLiteral("box"), QStringLiteral("item_no")},
                     cells, actor, problemsOut, QStringLiteral("档案"), QStringLiteral("Files"));
}

Result<int> Books::importPeople(const QList<NewPerson>& rows, const QString& actor, QList<RowProblem>* problemsOut) {
    QList<QStringList> cells;
    for (const NewPerson& p : rows)
        cells << QStringList{p.card, p.name, p.departmentCode, p.kind, p.roles.join(QLatin1Char(',')), p.phone, p.unit};
    return importVia(m_db, ImportKind::People,
                     {QStringLiteral("card"), QStringLiteral("name"), QStringLiteral("department"), QStringLiteral("kind"),
                      QStringLiteral("roles"), QStringLiteral("phone"), QStringLiteral("unit")},
                     cells, actor, problemsOut, QStringLiteral("人员"), QStringLiteral("People"));
}

namespace {
const QStringList kPrinterKeys = {QStringLiteral("label_printer"), QStringLiteral("report_printer")};

// A CUPS queue name (printable, no space, '/', '#', '\\', quotes; at most 127 characters) or an ipp(s):// URI.
std::optional<Error> checkPrinterName(const QString& name) {
    const bool uri = name.startsWith(QLatin1String("ipp://")) || name.startsWith(QLatin1String("ipps://"));
    const int max = uri ? 255 : 127;
    bool ok = !name.isEmpty() && name.size() <= max;
    for (QChar c : name) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f) ok = false;
        if (!uri && (c == QLatin1Char('/') || c == QLatin1Char('#') || c == QLatin1Char('\\') || c == QLatin1Char('"')
                     || c == QLatin1Char('\'')))
            ok = false;
    }
    if (ok) return std::nullopt;
    return badInput(QStringLiteral("打印机名称“%1”无效。请从打印服务（CUPS）列出的打印机中选择，或填写 ipp:// 地址。").arg(name),
                    QStringLiteral("\"%1\" is not a valid printer name. Pick one of the printers the print service (CUPS) lists, "
                                   "or give an ipp:// address.").arg(name));
}
}  // namespace

Status Books::setSetting(const QString& key, const QString& value, const QString& actor) {
    static const QStringList known = {QStringLiteral("overdue_incident_days"), QStringLiteral("pin_max_failures"),
                                      QStringLiteral("pin_lock_minutes")};
    const bool printer = kPrinterKeys.contains(key);
    if (!known.contains(key) && !printer)
        return badInput(QStringLiteral("未知的设置项 %1。").arg(key), QStringLiteral("Unknown setting %1.").arg(key));
    QString stored;
    QJsonValue logged;
    if (printer) {
        stored = value.trimmed();
        if (!stored.isEmpty())
            if (auto e = checkPrinterName(stored)) return *e;
        auto who = loadPerson(m_db, actor, "操作人", "operator");
        if (!who) return who.error();
        if (!who->info.hasRole(QStringLiteral("admin")))
            return err("forbidden",
                       QStringLiteral("%1 不是系统管理员，不能选择打印机。请由系统管理员刷卡设置。").arg(nameOf(who->info)),
                       QStringLiteral("%1 (%2) is not an administrator and cannot choose printers. Ask the administrator to "
                                      "scan their card.").arg(who->info.name, who->info.card));
        logged = stored;
    } else {
        bool ok = false;
        const int n = value.trimmed().toInt(&ok);
        if (!ok || n < 0 || n > 100000)
            return badInput(QStringLiteral("设置项 %1 须为 0–100000 的整数。").arg(key), QStringLiteral("Setting %1 must be a whole number 0–100000.").arg(key));
        stored = QString::number(n);
        logged = n;
    }
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    QJsonObject details{{QStringLiteral("value"), logged}};
    if (printer) {
        auto previous = scalar(m_db, QStringLiteral("SELECT value FROM books_settings WHERE key = ?"), key);
        if (!previous) return previous.error();
        details.insert(QStringLiteral("previous"), previous->toString());
    }
    if (stored.isEmpty()) {  // only printers may be cleared
        Run del(m_db, QStringLiteral("DELETE FROM books_settings WHERE key = ?"));
        if (auto st = del.exec(key); !st) return st;
    } else {
        Run u(m_db, QStringLiteral("UPDATE books_settings SET value = ? WHERE key = ?"));
        if (auto st = u.exec(stored, key); !st) return st;
        if (u.affected() == 0) {
            Run i(m_db, QStringLiteral("INSERT INTO books_settings(key, value) VALUES(?,?)"));
            if (auto st = i.exec(key, stored); !st) return st;
        }
    }
    if (auto r = ledger(m_db, actor, "setting", QStringLiteral("setting:") + key, details); !r) return r.error();
    return tx.commit();
}

QString Books::setting(const QString& key, const QString& fallback) {
    auto v = scalar(m_db, QStringLiteral("SELECT value FROM books_settings WHERE key = ?"), key);
    if (!v || v->isNull()) return fallback;
    return v->toString();
}

Result<QHash<QString, QString>> Books::settings(const QStringList& keys) {
    QHash<QString, QString> out;
    for (const QString& key : keys) {
        auto v = scalar(m_db, QStringLiteral("SELECT value FROM books_settings WHERE key = ?"), key);
        if (!v) return v.error();
        if (!v->isNull()) out.insert(key, v->toString());
    }
    return out;
}

}  // namespace archive::db
