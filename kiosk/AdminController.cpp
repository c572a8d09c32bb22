#include "AdminController.h"

#include "Convert.h"
#include "DbService.h"
#include "ManagerSupport.h"
#include "SessionController.h"
#include "db/Books.h"
#include "db/Database.h"
#include "db/env/ClimateProfiles.h"
#include "db/env/ReadingStore.h"
#include "db/import/Importer.h"
#include "labels/CupsPrinter.h"
#include "labels/LabelTemplate.h"

#include <QFileInfo>
#include <QJsonArray>

namespace archive::kiosk {

namespace {
const QString kPrefix = QStringLiteral("scanner_prefix");
const QString kSuffix = QStringLiteral("scanner_suffix");
const QString kGap = QStringLiteral("scanner_max_gap_ms");
const QString kMinLen = QStringLiteral("scanner_min_length");
}  // namespace

AdminController::AdminController(DbService* db, SessionController* session, QObject* parent)
    : QObject(parent), m_db(db), m_session(session),
      m_rooms({"code", "name", "profile", "shelves", "boxes"}),
      m_shelves({"barcode", "cabinet", "shelf", "position", "capacity", "boxes"}),
      m_sensors({"sensorKey", "name", "kind", "roomCode", "roomName", "lastSeen", "intervalS"}),
      m_profiles({"code", "nameZh", "nameEn", "tMin", "tMax", "rhMin", "rhMax", "tSwing", "rhSwing"}),
      m_printers({"name", "uri", "condition", "conditionZh", "conditionEn", "isDefault", "makeModel", "media"}),
      m_stocks({"name", "titleZh", "titleEn", "size"}),
      m_categories({"code", "name", "loanDays", "maxRenewals", "inRoomOnly", "needsReview", "needsHead", "security"}),
      m_departments({"code", "name", "needsReview", "allowed"}) {
    QList<QVariantMap> stocks;
    for (const auto& s : labels::TemplateRegistry::instance().stocks())
        stocks << QVariantMap{{QStringLiteral("name"), s.name}, {QStringLiteral("titleZh"), s.titleZh},
                              {QStringLiteral("titleEn"), s.titleEn}, {QStringLiteral("size"), s.sizeText()}};
    m_stocks.setRows(stocks);
    m_scanner = QVariantMap{{QStringLiteral("prefix"), QString()}, {QStringLiteral("suffix"), QString()},
                            {QStringLiteral("maxGapMs"), scanner::WedgeConfig{}.maxGapMs},
                            {QStringLiteral("minLength"), scanner::WedgeConfig{}.minLength}};
}

QString AdminController::actor() const { return m_session ? m_session->card() : QStringLiteral("system"); }

void AdminController::setMessage(bool ok, const QString& zh, const QString& en) {
    m_msgOk = ok;
    m_msgZh = zh;
    m_msgEn = en;
    emit messageChanged();
}

void AdminController::afterWrite(const Status& s, const QString& zh, const QString& en) {
    if (!s) return setMessage(false, s.error().messageZh, s.error().messageEn);
    setMessage(true, zh, en);
    emit saved();
    refresh();
}

void AdminController::setShelfRoom(const QString& code) {
    if (code == m_shelfRoom) return;
    m_shelfRoom = code;
    emit shelfRoomChanged();
    loadShelves();
}

struct AdminData {
    QList<QVariantMap> rooms, sensors, profiles, categories, departments;
};

void AdminController::refresh() {
    m_db->run<AdminData>(
        this,
        [](db::Database& d) -> Result<AdminData> {
            AdminData a;
            auto rooms = selectRows(d, QStringLiteral(
                "SELECT r.code, r.name, r.climate_profile AS profile, "
                "(SELECT COUNT(*) FROM locations l WHERE l.room_id = r.id) AS shelves, "
                "(SELECT COUNT(*) FROM boxes b JOIN locations l ON l.id = b.location_id WHERE l.room_id = r.id) AS boxes "
                "FROM rooms r ORDER BY r.code"));
            if (!rooms) return rooms.error();
            a.rooms = rooms.value();
            auto sensors = db::ReadingStore(d).sensors();
            if (!sensors) return sensors.error();
            for (const auto& s : sensors.value())
                a.sensors << QVariantMap{{QStringLiteral("sensorKey"), s.sensorKey}, {QStringLiteral("name"), s.name},
                                         {QStringLiteral("kind"), s.kind}, {QStringLiteral("roomCode"), s.roomCode},
                                         {QStringLiteral("roomName"), s.roomName},
                                         {QStringLiteral("lastSeen"), s.lastSeenAt ? localDateTime(s.lastSeenAt) : QString()},
                                         {QStringLiteral("intervalS"), s.intervalS}};
            auto profiles = db::env::ClimateProfiles::list(d);
            if (!profiles) return profiles.error();
            for (const auto& p : profiles.value())
                a.profiles << QVariantMap{{QStringLiteral("code"), p.code}, {QStringLiteral("nameZh"), p.nameZh},
                                          {QStringLiteral("nameEn"), p.nameEn}, {QStringLiteral("tMin"), p.tMin},
                                          {QStringLiteral("tMax"), p.tMax}, {QStringLiteral("rhMin"), p.rhMin},
                                          {QStringLiteral("rhMax"), p.rhMax}, {QStringLiteral("tSwing"), p.tSwing},
                                          {QStringLiteral("rhSwing"), p.rhSwing}};
            auto cats = selectRows(d, QStringLiteral(
                "SELECT code, name, loan_days AS loanDays, max_renewals AS maxRenewals, in_room_only AS inRoomOnly, "
                "needs_review AS needsReview, needs_head AS needsHead, security_default AS security "
                "FROM categories ORDER BY code"));
            if (!cats) return cats.error();
            for (QVariantMap c : cats.value()) {
                for (const char* k : {"inRoomOnly", "needsReview", "needsHead"})
                    c.insert(QLatin1String(k), c.value(QLatin1String(k)).toInt() != 0);
                a.categories << c;
            }
            auto depts = selectRows(d, QStringLiteral("SELECT id, code, name, needs_review AS needsReview FROM departments ORDER BY code"));
            if (!depts) return depts.error();
            auto perms = selectRows(d, QStringLiteral(
                "SELECT dc.department_id AS dept, c.code FROM department_categories dc JOIN categories c ON c.id = dc.category_id"));
            if (!perms) return perms.error();
            for (QVariantMap dpt : depts.value()) {
                QStringList allowed;
                for (const auto& p : perms.value())
                    if (p.value(QStringLiteral("dept")) == dpt.value(QStringLiteral("id")))
                        allowed << p.value(QStringLiteral("code")).toString();
                allowed.sort();
                dpt.insert(QStringLiteral("allowed"), allowed);
                dpt.insert(QStringLiteral("needsReview"), dpt.value(QStringLiteral("needsReview")).toInt() != 0);
                a.departments << dpt;
            }
            return a;
        },
        [this](Result<AdminData> r) {
            if (!r) return setMessage(false, r.error().messageZh, r.error().messageEn);
            m_rooms.setRows(r->rooms);
            m_roomCodes.clear();
            for (const auto& room : r->rooms) m_roomCodes << room.value(QStringLiteral("code")).toString();
            emit roomCodesChanged();
            m_sensors.setRows(r->sensors);
            m_profiles.setRows(r->profiles);
            m_categories.setRows(r->categories);
            m_departments.setRows(r->departments);
            if (m_shelfRoom.isEmpty() && !r->rooms.isEmpty())
                setShelfRoom(r->rooms.first().value(QStringLiteral("code")).toString());
            else
                loadShelves();
        });
}

void AdminController::loadShelves() {
    const QString room = m_shelfRoom;
    if (room.isEmpty()) return;
    m_db->run<QList<QVariantMap>>(
        this,
        [room](db::Database& d) {
            return selectRows(d, QStringLiteral(
                "SELECT l.barcode, l.cabinet, l.shelf, l.position, l.capacity, "
                "(SELECT COUNT(*) FROM boxes b WHERE b.location_id = l.id) AS boxes "
                "FROM locations l JOIN rooms r ON r.id = l.room_id WHERE r.code = ? "
                "ORDER BY l.cabinet, l.shelf, l.position LIMIT 2000"), {room});
        },
        [this, room](Result<QList<QVariantMap>> r) {
            if (room != m_shelfRoom) return;
            if (!r) return setMessage(false, r.error().messageZh, r.error().messageEn);
            m_shelves.setRows(r.value());
        });
}

static QString conditionText(const QString& c, bool en) {
    static const QHash<QString, std::pair<const char*, const char*>> words = {
        {QStringLiteral("ready"), {"就绪", "ready"}}, {QStringLiteral("busy"), {"打印中", "printing"}},
        {QStringLiteral("offline"), {"离线", "offline"}}, {QStringLiteral("media-empty"), {"标签纸用完", "out of labels"}},
        {QStringLiteral("paused"), {"已暂停", "paused"}}, {QStringLiteral("jam"), {"卡纸", "paper jam"}},
        {QStringLiteral("door-open"), {"盖子未关", "cover open"}}};
    const auto w = words.value(c, {"故障", "error"});
    return QString::fromUtf8(en ? w.second : w.first);
}

void AdminController::loadPrinters() {
    loadPrinterChoice();
    runOffThread<Result<QList<labels::PrinterInfo>>>(
        this, []() { return labels::CupsClient().printers(); },
        [this](Result<QList<labels::PrinterInfo>> r) {
            QList<QVariantMap> rows;
            if (!r) {
                m_printerZh = r.error().messageZh;
                m_printerEn = r.error().messageEn;
            } else {
                for (const auto& p : r.value())
                    rows << QVariantMap{{QStringLiteral("name"), p.name}, {QStringLiteral("uri"), p.uri},
                                        {QStringLiteral("condition"), p.status.condition()},
                                        {QStringLiteral("conditionZh"), conditionText(p.status.condition(), false)},
                                        {QStringLiteral("conditionEn"), conditionText(p.status.condition(), true)},
                                        {QStringLiteral("isDefault"), p.isDefault},
                                        {QStringLiteral("makeModel"), p.makeModel},
                                        {QStringLiteral("media"), p.media.mid(0, 4).join(QStringLiteral(", "))}};
                m_printerZh = rows.isEmpty() ? QStringLiteral("打印服务中没有打印机。请用 archivectl printers 或 CUPS 网页（localhost:631）添加。") : QString();
                m_printerEn = rows.isEmpty() ? QStringLiteral("The print service has no printers. Add one with archivectl printers or the CUPS page (localhost:631).") : QString();
            }
            m_printers.setRows(rows);
            emit printersChanged();
        });
}

void AdminController::loadPrinterChoice() {
    m_db->run<QHash<QString, QString>>(
        this,
        [](db::Database& d) {
            return db::Books(d).settings({QStringLiteral("label_printer"), QStringLiteral("report_printer"),
                                          QStringLiteral("label_template")});
        },
        [this](Result<QHash<QString, QString>> r) {
            if (!r) return setMessage(false, r.error().messageZh, r.error().messageEn);
            QVariantMap c;
            // The same order PrintController looks in: the books, then the environment.
            const auto pick = [&](const QString& key, const char* env, const QString& nameKey, const QString& fromKey) {
                QString name = r->value(key);
                QString from = name.isEmpty() ? QString() : QStringLiteral("books");
                if (name.isEmpty() && !qEnvironmentVariable(env).isEmpty()) {
                    name = qEnvironmentVariable(env);
                    from = QStringLiteral("env");
                }
                c.insert(nameKey, name);
                c.insert(fromKey, from);
            };
            pick(QStringLiteral("label_printer"), "ARCHIVE_LABEL_PRINTER", QStringLiteral("labelPrinter"), QStringLiteral("labelFrom"));
            pick(QStringLiteral("report_printer"), "ARCHIVE_REPORT_PRINTER", QStringLiteral("reportPrinter"), QStringLiteral("reportFrom"));
            // The stock box labels are laid out for: the label template's first stock (PrintController's default).
            const QString tplName = r->value(QStringLiteral("label_template"), QStringLiteral("spine-40"));
            c.insert(QStringLiteral("labelTemplate"), tplName);
            const auto& reg = labels::TemplateRegistry::instance();
            if (auto tpl = reg.findTemplate(tplName)) {
                if (auto stock = reg.findStock(tpl->stocks.value(0))) {
                    c.insert(QStringLiteral("stockName"), stock->name);
                    c.insert(QStringLiteral("stockZh"), stock->titleZh);
                    c.insert(QStringLiteral("stockEn"), stock->titleEn);
                }
            }
            m_printerChoice = c;
            emit printerChoiceChanged();
        });
}

void AdminController::choosePrinter(const QString& use, const QString& printer) {
    const bool label = use == QLatin1String("label");
    if (!label && use != QLatin1String("report"))
        return setMessage(false, QStringLiteral("未知的打印用途 %1。").arg(use), QStringLiteral("Unknown printer use %1.").arg(use));
    const QString who = actor();
    const QString key = label ? QStringLiteral("label_printer") : QStringLiteral("report_printer");
    const QString name = printer.trimmed();
    m_db->run<Unit>(
        this, [key, name, who](db::Database& d) { return db::Books(d).setSetting(key, name, who); },
        [this, label, name](Status s) {
            if (!s) return setMessage(false, s.error().messageZh, s.error().messageEn);
            loadPrinterChoice();
            if (name.isEmpty())
                return setMessage(true, label ? QStringLiteral("已取消标签打印机的选择。") : QStringLiteral("已取消报告打印机的选择。"),
                                  label ? QStringLiteral("The label printer is no longer chosen.")
                                        : QStringLiteral("The report printer is no longer chosen."));
            setMessage(true,
                       label ? QStringLiteral("标签将打印到 %1（立即生效）。").arg(name)
                             : QStringLiteral("报告将打印到 %1（立即生效）。").arg(name),
                       label ? QStringLiteral("Labels now print on %1 (effective at once).").arg(name)
                             : QStringLiteral("Reports now print on %1 (effective at once).").arg(name));
        });
}

void AdminController::addRoom(const QString& code, const QString& name, const QString& profile) {
    const QString who = actor();
    db::NewRoom r{code.trimmed(), name.trimmed(), profile.isEmpty() ? QStringLiteral("paper") : profile};
    if (r.code.isEmpty() || r.name.isEmpty())
        return setMessage(false, QStringLiteral("请填写库房编号和名称。"), QStringLiteral("Fill in the room's code and name."));
    m_db->run<Unit>(
        this,
        [r, who](db::Database& d) -> Status {
            auto id = db::Books(d).addRoom(r, who);
            if (!id) return id.error();
            return okStatus();
        },
        [this, r](Status s) { afterWrite(s, QStringLiteral("已添加库房 %1。").arg(r.name), QStringLiteral("Room %1 added.").arg(r.name)); });
}

void AdminController::addShelf(const QString& barcode, const QString& roomCode, const QString& cabinet,
                               const QString& shelf, const QString& position, int capacity) {
    const QString who = actor();
    db::NewLocation l{barcode.trimmed(), roomCode.trimmed(), cabinet.trimmed(), shelf.trimmed(), position.trimmed(), capacity};
    if (l.barcode.isEmpty() || l.roomCode.isEmpty())
        return setMessage(false, QStringLiteral("请扫描或填写架位条码，并选择库房。"), QStringLiteral("Scan or type the shelf barcode and pick the room."));
    m_db->run<Unit>(
        this,
        [l, who](db::Database& d) -> Status {
            QList<db::RowProblem> problems;
            auto n = db::Books(d).importLocations({l}, who, &problems);
            if (!problems.isEmpty())
                return makeError(QStringLiteral("bad_input"), problems.first().messageZh, problems.first().messageEn);
            if (!n) return n.error();
            return okStatus();
        },
        [this, l](Status s) { afterWrite(s, QStringLiteral("已添加架位 %1。").arg(l.barcode), QStringLiteral("Shelf %1 added.").arg(l.barcode)); });
}

void AdminController::bindSensor(const QString& sensorKey, const QString& roomCode) {
    const QString who = actor();
    m_db->run<Unit>(
        this, [sensorKey, roomCode, who](db::Database& d) { return db::ReadingStore(d).bindSensor(sensorKey, roomCode, who); },
        [this, sensorKey, roomCode](Status s) {
            afterWrite(s, QStringLiteral("传感器 %1 已绑定到 %2。").arg(sensorKey, roomCode),
                       QStringLiteral("Sensor %1 now belongs to %2.").arg(sensorKey, roomCode));
        });
}

void AdminController::saveProfile(const QString& code, double tMin, double tMax, double rhMin, double rhMax,
                                  double tSwing, double rhSwing) {
    const QString who = actor();
    m_db->run<Unit>(
        this,
        [=](db::Database& d) -> Status {
            auto p = db::env::ClimateProfiles::get(d, code);
            if (!p) return p.error();
            db::env::ClimateProfile np = p.value();
            np.tMin = tMin, np.tMax = tMax, np.rhMin = rhMin, np.rhMax = rhMax, np.tSwing = tSwing, np.rhSwing = rhSwing;
            return db::env::ClimateProfiles::save(d, np, who);
        },
        [this, code](Status s) {
            afterWrite(s, QStringLiteral("温湿度标准 %1 已保存。").arg(code), QStringLiteral("Climate profile %1 saved.").arg(code));
        });
}

void AdminController::saveCategory(const QString& code, int loanDays, int maxRenewals, bool inRoomOnly, bool needsReview) {
    if (loanDays < 1 || loanDays > 365 || maxRenewals < 0 || maxRenewals > 20)
        return setMessage(false, QStringLiteral("借期须为 1–365 天，续借次数 0–20。"),
                          QStringLiteral("Loan days must be 1–365 and renewals 0–20."));
    const QString who = actor();
    QJsonObject details{{QStringLiteral("loan_days"), loanDays}, {QStringLiteral("max_renewals"), maxRenewals},
                        {QStringLiteral("in_room_only"), inRoomOnly}, {QStringLiteral("needs_review"), needsReview}};
    m_db->run<Unit>(
        this,
        [=](db::Database& d) -> Status {
            auto exists = selectRows(d, QStringLiteral("SELECT id FROM categories WHERE code = ?"), {code});
            if (!exists) return exists.error();
            if (exists->isEmpty())
                return makeError(QStringLiteral("not_found"), QStringLiteral("没有门类 %1。").arg(code), QStringLiteral("No category %1.").arg(code));
            return writeWithLedger(d, {{QStringLiteral("UPDATE categories SET loan_days = ?, max_renewals = ?, in_room_only = ?, "
                                                       "needs_review = ? WHERE code = ?"),
                                        {loanDays, maxRenewals, inRoomOnly ? 1 : 0, needsReview ? 1 : 0, code}}},
                                   who, QStringLiteral("category.rules"), QStringLiteral("category:") + code, details);
        },
        [this, code](Status s) {
            afterWrite(s, QStringLiteral("门类 %1 的借阅规则已保存。").arg(code), QStringLiteral("Loan rules of %1 saved.").arg(code));
        });
}

void AdminController::setDepartmentCategory(const QString& deptCode, const QString& categoryCode, bool allowed) {
    const QString who = actor();
    m_db->run<Unit>(
        this,
        [=](db::Database& d) -> Status {
            auto ids = selectRows(d, QStringLiteral("SELECT (SELECT id FROM departments WHERE code = ?) AS dept, "
                                                    "(SELECT id FROM categories WHERE code = ?) AS cat"),
                                  {deptCode, categoryCode});
            if (!ids) return ids.error();
            const QVariant dept = ids->value(0).value(QStringLiteral("dept")), cat = ids->value(0).value(QStringLiteral("cat"));
            if (dept.isNull() || cat.isNull())
                return makeError(QStringLiteral("not_found"), QStringLiteral("没有该部门或门类。"), QStringLiteral("No such department or category."));
            const SqlStep step = allowed
                ? SqlStep{QStringLiteral("INSERT INTO department_categories(department_id, category_id) SELECT ?, ? "
                                         "WHERE NOT EXISTS (SELECT 1 FROM department_categories WHERE department_id = ? AND category_id = ?)"),
                          {dept, cat, dept, cat}}
                : SqlStep{QStringLiteral("DELETE FROM department_categories WHERE department_id = ? AND category_id = ?"), {dept, cat}};
            return writeWithLedger(d, {step}, who, allowed ? QStringLiteral("department.allow") : QStringLiteral("department.deny"),
                                   QStringLiteral("department:") + deptCode, QJsonObject{{QStringLiteral("category"), categoryCode}});
        },
        [this, deptCode, categoryCode, allowed](Status s) {
            afterWrite(s,
                       allowed ? QStringLiteral("%1 现可借阅 %2。").arg(deptCode, categoryCode)
                               : QStringLiteral("%1 不再可借阅 %2。").arg(deptCode, categoryCode),
                       allowed ? QStringLiteral("%1 may now borrow %2.").arg(deptCode, categoryCode)
                               : QStringLiteral("%1 may no longer borrow %2.").arg(deptCode, categoryCode));
        });
}

void AdminController::importPeople(const QString& path) {
    const QString file = path.trimmed();
    if (file.isEmpty())
        return setMessage(false, QStringLiteral("请填写 CSV 文件路径（例如 U 盘上的 /media/usb/人员.csv）。"),
                          QStringLiteral("Type the CSV file's path (e.g. /media/usb/people.csv on a USB stick)."));
    m_importing = true;
    m_importProblems.clear();
    m_imported = 0;
    emit importChanged();
    db::ImportOptions opt;
    opt.actor = actor();
    m_db->run<db::ImportReport>(
        this, [file, opt](db::Database& d) { return db::Importer::importFile(d, db::ImportKind::People, file, opt); },
        [this](Result<db::ImportReport> r) {
            m_importing = false;
            if (!r) {
                emit importChanged();
                return setMessage(false, r.error().messageZh, r.error().messageEn);
            }
            for (const auto& p : r->problems) m_importProblems << p.text();
            if (r->problemsTotal > r->problems.size())
                m_importProblems << QStringLiteral("… 另有 %1 处问题 — %1 more problem(s)").arg(r->problemsTotal - r->problems.size());
            m_imported = r->ok() ? r->imported : 0;  // the books roll everything back on any problem
            emit importChanged();
            if (r->ok()) afterWrite(okStatus(), QStringLiteral("已导入 %1 人。").arg(r->imported), QStringLiteral("%1 people imported.").arg(r->imported));
            else setMessage(false, QStringLiteral("文件有 %1 处问题，未导入任何人。请改正后重试。").arg(r->problemsTotal),
                            QStringLiteral("The file has %1 problem(s); nobody was imported. Correct it and try again.").arg(r->problemsTotal));
        });
}

scanner::WedgeConfig AdminController::wedgeConfig(const QVariantMap& s, scanner::WedgeConfig base) {
    base.prefix = s.value(QStringLiteral("prefix")).toString();
    base.suffix = s.value(QStringLiteral("suffix")).toString();
    if (int g = s.value(QStringLiteral("maxGapMs")).toInt(); g > 0) base.maxGapMs = g;
    if (int n = s.value(QStringLiteral("minLength")).toInt(); n > 0) base.minLength = n;
    return base;
}

void AdminController::loadScannerSettings() {
    m_db->run<QList<QVariantMap>>(
        this,
        [](db::Database& d) {
            return selectRows(d, QStringLiteral("SELECT key, value FROM books_settings WHERE key IN (?,?,?,?)"),
                              {kPrefix, kSuffix, kGap, kMinLen});
        },
        [this](Result<QList<QVariantMap>> r) {
            if (!r) return;
            for (const auto& row : r.value()) {
                const QString k = row.value(QStringLiteral("key")).toString();
                const QString v = row.value(QStringLiteral("value")).toString();
                if (k == kPrefix) m_scanner[QStringLiteral("prefix")] = v;
                else if (k == kSuffix) m_scanner[QStringLiteral("suffix")] = v;
                else if (k == kGap) m_scanner[QStringLiteral("maxGapMs")] = v.toInt();
                else if (k == kMinLen) m_scanner[QStringLiteral("minLength")] = v.toInt();
            }
            emit scannerChanged();
            if (m_sink) m_sink(wedgeConfig(m_scanner));
        });
}

static bool printableAscii(const QString& s) {
    for (QChar c : s)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e) return false;
    return s.size() <= 8;
}

void AdminController::saveScanner(const QString& prefix, const QString& suffix, int maxGapMs, int minLength) {
    if (!printableAscii(prefix) || !printableAscii(suffix))
        return setMessage(false, QStringLiteral("前缀和后缀只能是最多 8 个可见英文字符或数字。"),
                          QStringLiteral("Prefix and suffix may only be up to 8 visible ASCII characters."));
    if (maxGapMs < 5 || maxGapMs > 200 || minLength < 1 || minLength > 64)
        return setMessage(false, QStringLiteral("按键间隔须为 5–200 毫秒，最短长度 1–64。"),
                          QStringLiteral("The key gap must be 5–200 ms and the minimum length 1–64."));
    const QString who = actor();
    const QVariantMap values{{QStringLiteral("prefix"), prefix}, {QStringLiteral("suffix"), suffix},
                             {QStringLiteral("maxGapMs"), maxGapMs}, {QStringLiteral("minLength"), minLength}};
    m_db->run<Unit>(
        this,
        [=](db::Database& d) -> Status {
            QList<SqlStep> steps;
            const QList<std::pair<QString, QString>> kv = {{kPrefix, prefix}, {kSuffix, suffix},
                                                           {kGap, QString::number(maxGapMs)}, {kMinLen, QString::number(minLength)}};
            for (const auto& [k, v] : kv) {
                const QString value = v.isEmpty() ? QStringLiteral("") : v;  // a null QString would bind as NULL
                steps << SqlStep{QStringLiteral("DELETE FROM books_settings WHERE key = ?"), {k}};
                steps << SqlStep{QStringLiteral("INSERT INTO books_settings(key, value) VALUES(?, ?)"), {k, value}};
            }
            return writeWithLedger(d, steps, who, QStringLiteral("settings.scanner"), QStringLiteral("settings:scanner"),
                                   QJsonObject::fromVariantMap(values));
        },
        [this, values](Status s) {
            if (!s) return setMessage(false, s.error().messageZh, s.error().messageEn);
            m_scanner = values;
            emit scannerChanged();
            if (m_sink) m_sink(wedgeConfig(m_scanner));
            setMessage(true, QStringLiteral("扫描枪设置已保存并生效。"), QStringLiteral("Scanner settings saved and applied."));
        });
}

}  // namespace archive::kiosk
