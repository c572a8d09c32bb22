#include "DemoArchive.h"

#include "DemoIds.h"
#include "DemoWords.h"

#include "db/Books.h"
#include "db/Database.h"
#include "db/Ledger.h"
#include "db/Transaction.h"

#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace archive::db {

using namespace archive::db::demo;

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;

struct Cat {
    const char* code;
    const char* name;
    int loanDays, maxRenewals;
    const char* security;
    int inRoomOnly, needsReview, needsHead;
    const char* climate;
    const char* retention;
    int weight;  // share of boxes, percent
    int room;    // 0-based room index
};
const Cat kCats[] = {
    {"WS", "文书", 30, 2, "internal", 0, 0, 0, "paper", "30y", 40, 0},
    {"KJ", "科技", 30, 1, "internal", 0, 0, 0, "paper", "permanent", 15, 0},
    {"KU", "会计", 15, 1, "internal", 0, 0, 0, "paper", "30y", 20, 1},
    {"RS", "人事", 7, 0, "secret", 0, 0, 1, "paper", "permanent", 8, 1},
    {"ZY", "资源林政", 0 + 7, 0, "internal", 1, 0, 0, "paper", "permanent", 12, 1},
    {"SX", "声像", 15, 1, "public", 0, 1, 0, "av", "permanent", 3, 2},
    {"SW", "实物", 7, 0, "public", 0, 1, 0, "av", "permanent", 2, 2},
};

struct Fonds { const char* code; const char* name; int from, to, weight; };
const Fonds kFonds[] = {
    {"0101", "青山县林业局", 1985, 2025, 55},
    {"0102", "青山县国有东山林场", 1990, 2025, 20},
    {"0103", "青山县林业工作站", 1995, 2025, 15},
    {"0104", "青山县森林病虫害防治检疫站", 2000, 2025, 10},
};

struct Room { const char* code; const char* name; const char* climate; int cabinets, shelves, positions, capacity; };
const Room kRooms[] = {
    {"R1", "一号库房（纸质档案库）", "paper", 12, 5, 3, 8},
    {"R2", "二号库房（特藏库）", "special", 10, 5, 3, 8},
    {"R3", "三号库房（音像磁带库）", "av", 3, 5, 2, 6},
};

struct Dept { const char* code; const char* name; const char* abbr; int needsReview; const char* cats; };
const Dept kDepts[] = {
    {"BGS", "办公室", "BGS", 0, "WS KJ KU ZY SX SW"},
    {"RSK", "人事科", "RSK", 0, "WS RS"},
    {"CWK", "财务科", "CWK", 0, "WS KU"},
    {"ZYK", "资源管理科", "ZYK", 0, "WS KJ ZY"},
    {"ZLK", "造林科", "ZLK", 0, "WS KJ ZY SX"},
    {"LZD", "林政执法大队", "LZD", 1, "WS ZY"},
    {"FHB", "森林防火办公室", "FHB", 0, "WS KJ SX"},
    {"KJZ", "科技推广站", "KJZ", 0, "WS KJ SX SW"},
    {"YLK", "营林科", "YLK", 0, "WS KJ ZY"},
    {"JTK", "计划统计科", "JTK", 0, "WS KU KJ"},
};

struct StaffSpec { const char* role; const char* roleZh; const char* roles; const char* name; const char* pin; };
const StaffSpec kStaff[] = {
    {"archivist", "档案员", "archivist,borrower", "林晓梅", "246810"},
    {"archivist", "档案员（兼职）", "archivist,borrower", "周建国", "135790"},
    {"head", "档案室负责人", "head,archivist,borrower", "陈志远", "864200"},
    {"leader", "主管领导", "leader,borrower", "王德福", "975310"},
    {"manager", "管理人员（检查）", "manager,borrower", "赵秋雨", "112233"},
    {"admin", "系统管理员", "admin", "孙浩然", "445566"},
};

const char* retentionCode(const QString& r) {
    if (r == QLatin1String("permanent")) return "Y";
    if (r == QLatin1String("30y")) return "D30";
    return "D10";
}

template <class T>
int weighted(QRandomGenerator& rng, const T& arr) {
    int total = 0;
    for (const auto& a : arr) total += a.weight;
    int x = int(rng.bounded(total));
    int i = 0;
    for (const auto& a : arr) {
        if (x < a.weight) return i;
        x -= a.weight;
        ++i;
    }
    return 0;
}

Status execOr(QSqlQuery& q, const char* what) {
    if (!q.exec()) return sqlError(q.lastError(), QString::fromLatin1(what));
    return okStatus();
}

struct BoxSpec {
    int cat, fonds, year, dept;
    QString retention;
};

struct PersonSpec {
    QString card, name, kind, roles, phone, unit = QStringLiteral("");
    int dept = -1;
};

// ---- the catalogue, people and shelves: one transaction, one ledger entry.
Status writeCatalogue(Database& db, const DemoOptions& o, QRandomGenerator& rng, DemoSummary& sum,
                      QList<PersonSpec>& people, QStringList& boxCodes, QList<int>& boxCat) {
    Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    const qint64 now = db.nowMs();
    QSqlQuery q(db.sql());

    QList<qint64> fondsIds, catIds, roomIds, deptIds;
    q.prepare(QStringLiteral("INSERT INTO fonds(code, name, start_year, end_year) VALUES(?,?,?,?)"));
    for (const auto& f : kFonds) {
        q.bindValue(0, QString::fromUtf8(f.code));
        q.bindValue(1, QString::fromUtf8(f.name));
        q.bindValue(2, f.from);
        q.bindValue(3, f.to);
        if (auto st = execOr(q, "demo fonds"); !st) return st;
        fondsIds << q.lastInsertId().toLongLong();
    }
    q.prepare(QStringLiteral("INSERT INTO categories(code, name, loan_days, max_renewals, security_default, in_room_only, "
                             "needs_review, needs_head, climate_profile, retention_default) VALUES(?,?,?,?,?,?,?,?,?,?)"));
    for (const auto& c : kCats) {
        const QVariantList v{QString::fromUtf8(c.code), QString::fromUtf8(c.name), c.loanDays, c.maxRenewals,
                             QString::fromUtf8(c.security), c.inRoomOnly, c.needsReview, c.needsHead,
                             QString::fromUtf8(c.climate), QString::fromUtf8(c.retention)};
        for (int i = 0; i < v.size(); ++i) q.bindValue(i, v[i]);
        if (auto st = execOr(q, "demo category"); !st) return st;
        catIds << q.lastInsertId().toLongLong();
    }
    q.prepare(QStringLiteral("INSERT INTO rooms(code, name, climate_profile) VALUES(?,?,?)"));
    for (const auto& r : kRooms) {
        q.bindValue(0, QString::fromUtf8(r.code));
        q.bindValue(1, QString::fromUtf8(r.name));
        q.bindValue(2, QString::fromUtf8(r.climate));
        if (auto st = execOr(q, "demo room"); !st) return st;
        roomIds << q.lastInsertId().toLongLong();
    }
    // Shelves: room › cabinet (列) › shelf (层) › position (位), each barcoded.
    QList<QList<qint64>> roomLocs(std::size(kRooms));
    q.prepare(QStringLiteral("INSERT INTO locations(barcode, room_id, cabinet, shelf, position, capacity) VALUES(?,?,?,?,?,?)"));
    for (int r = 0; r < int(std::size(kRooms)); ++r) {
        const Room& room = kRooms[r];
        for (int c = 1; c <= room.cabinets; ++c)
            for (int s = 1; s <= room.shelves; ++s)
                for (int p = 1; p <= room.positions; ++p) {
                    q.bindValue(0, identifier(QLatin1Char('L'), QStringLiteral("%1%2%3%4").arg(r + 1).arg(c, 2, 10, QLatin1Char('0'))
                                                                     .arg(s).arg(p, 2, 10, QLatin1Char('0'))));
                    q.bindValue(1, roomIds[r]);
                    q.bindValue(2, QString::number(c));
                    q.bindValue(3, QString::number(s));
                    q.bindValue(4, QString::number(p));
                    q.bindValue(5, room.capacity);
                    if (auto st = execOr(q, "demo location"); !st) return st;
                    roomLocs[r] << q.lastInsertId().toLongLong();
                    ++sum.locations;
                }
    }
    q.prepare(QStringLiteral("INSERT INTO departments(code, name, needs_review) VALUES(?,?,?)"));
    QSqlQuery perm(db.sql());
    perm.prepare(QStringLiteral("INSERT INTO department_categories(department_id, category_id) VALUES(?,?)"));
    for (const auto& d : kDepts) {
        q.bindValue(0, QString::fromUtf8(d.code));
        q.bindValue(1, QString::fromUtf8(d.name));
        q.bindValue(2, d.needsReview);
        if (auto st = execOr(q, "demo department"); !st) return st;
        const qint64 id = q.lastInsertId().toLongLong();
        deptIds << id;
        for (const QString& c : QString::fromUtf8(d.cats).split(QLatin1Char(' '))) {
            for (int i = 0; i < int(std::size(kCats)); ++i)
                if (c == QLatin1String(kCats[i].code)) {
                    perm.bindValue(0, id);
                    perm.bindValue(1, catIds[i]);
                    if (auto st = execOr(perm, "demo permission"); !st) return st;
                }
        }
    }

    // People: staff first (cards P9000xx), then borrowers (P1xxxxx); about 1 in 10 borrowers external.
    int staffNo = 1;
    for (const auto& s : kStaff) {
        PersonSpec p;
        p.card = identifier(QLatin1Char('P'), QStringLiteral("9%1").arg(staffNo++, 5, 10, QLatin1Char('0')));
        p.name = QString::fromUtf8(s.name);
        p.kind = QStringLiteral("internal");
        p.roles = QString::fromUtf8(s.roles);
        p.phone = phone(rng);
        p.dept = 0;  // 办公室
        people << p;
        sum.staff << DemoStaff{QString::fromUtf8(s.role), QString::fromUtf8(s.roleZh), p.name, p.card, QString::fromUtf8(s.pin)};
    }
    for (int i = 1; i <= o.borrowers; ++i) {
        PersonSpec p;
        p.card = identifier(QLatin1Char('P'), QStringLiteral("1%1").arg(i, 5, 10, QLatin1Char('0')));
        p.name = personName(rng);
        p.roles = QStringLiteral("borrower");
        p.phone = phone(rng);
        if (i % 10 == 0) {
            p.kind = QStringLiteral("external");
            p.unit = externalUnit(rng);
        } else {
            p.kind = QStringLiteral("internal");
            p.dept = int(rng.bounded(int(std::size(kDepts))));
        }
        people << p;
    }
    q.prepare(QStringLiteral("INSERT INTO people(card, name, department_id, kind, roles, phone, unit, created_at) VALUES(?,?,?,?,?,?,?,?)"));
    for (const auto& p : people) {
        const QVariantList v{p.card, p.name, p.dept >= 0 ? QVariant(deptIds[p.dept]) : QVariant(QMetaType(QMetaType::LongLong)),
                             p.kind, p.roles, p.phone, p.unit, now};
        for (int i = 0; i < v.size(); ++i) q.bindValue(i, v[i]);
        if (auto st = execOr(q, "demo person"); !st) return st;
    }

    // Boxes: drawn at random, then sorted the way they stand on the shelves (category, fonds, year).
    QList<BoxSpec> specs;
    specs.reserve(o.boxes);
    for (int i = 0; i < o.boxes; ++i) {
        BoxSpec b;
        b.cat = weighted(rng, kCats);
        b.fonds = weighted(rng, kFonds);
        b.year = kFonds[b.fonds].from + int(rng.bounded(kFonds[b.fonds].to - kFonds[b.fonds].from + 1));
        const QString code = QString::fromUtf8(kCats[b.cat].code);
        if (code == QLatin1String("WS")) b.retention = rng.bounded(10) < 3 ? QStringLiteral("permanent")
                                                       : rng.bounded(10) < 7 ? QStringLiteral("30y") : QStringLiteral("10y");
        else if (code == QLatin1String("KU")) b.retention = rng.bounded(10) < 8 ? QStringLiteral("30y") : QStringLiteral("10y");
        else b.retention = QString::fromUtf8(kCats[b.cat].retention);
        b.dept = code == QLatin1String("RS") ? 1 : code == QLatin1String("KU") ? 2 : int(rng.bounded(int(std::size(kDepts))));
        specs << b;
    }
    std::stable_sort(specs.begin(), specs.end(), [](const BoxSpec& a, const BoxSpec& b) {
        return std::tie(a.cat, a.fonds, a.year, a.retention, a.dept) < std::tie(b.cat, b.fonds, b.year, b.retention, b.dept);
    });

    QSqlQuery box(db.sql()), item(db.sql()), move(db.sql());
    box.prepare(QStringLiteral("INSERT INTO boxes(barcode, fonds_id, year, retention, box_no, first_item_no, last_item_no, org_unit, "
                               "title, category_id, location_id, state, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,'in_place',?,?)"));
    item.prepare(QStringLiteral("INSERT INTO items(archival_code, title, year, retention, security, pages, box_id, item_no, state, "
                                "created_at) VALUES(?,?,?,?,?,?,?,?,'in_place',?)"));
    move.prepare(QStringLiteral("INSERT INTO box_moves(box_id, from_location_id, to_location_id, at, actor, reason) "
                                "VALUES(?, NULL, ?, ?, 'demo', 'import')"));
    QHash<QString, int> boxNo, itemNo;  // per fonds·category·year·retention(·unit)
    QList<int> roomFill(std::size(kRooms), 0);
    for (int i = 0; i < specs.size(); ++i) {
        const BoxSpec& b = specs[i];
        const Cat& cat = kCats[b.cat];
        const QString catCode = QString::fromUtf8(cat.code);
        const QString fondsCode = QString::fromUtf8(kFonds[b.fonds].code);
        const QString org = QString::fromUtf8(kDepts[b.dept].name);
        const QString abbr = QString::fromUtf8(kDepts[b.dept].abbr);
        const QString groupKey = fondsCode + catCode + QString::number(b.year) + b.retention;
        const int no = ++boxNo[groupKey];
        const QString itemGroup = groupKey + abbr;
        const int first = itemNo.value(itemGroup) + 1;
        const int last = first + o.itemsPerBox - 1;
        itemNo[itemGroup] = last;
        const QString barcode = identifier(QLatin1Char('B'), QStringLiteral("%1").arg(i + 1, 8, 10, QLatin1Char('0')));
        // Location: the room of the category, next free position.
        const int r = cat.room;
        const int locIdx = roomFill[r]++ / kRooms[r].capacity;
        const qint64 loc = locIdx < roomLocs[r].size() ? roomLocs[r][locIdx] : 0;
        const QVariantList bv{barcode, fondsIds[b.fonds], b.year, b.retention, QStringLiteral("%1").arg(no, 4, 10, QLatin1Char('0')),
                              first, last, org, boxTitle(catCode, b.year, org, QString::fromUtf8(kFonds[b.fonds].name)),
                              catIds[b.cat], loc ? QVariant(loc) : QVariant(QMetaType(QMetaType::LongLong)), now, now};
        for (int k = 0; k < bv.size(); ++k) box.bindValue(k, bv[k]);
        if (auto st = execOr(box, "demo box"); !st) return st;
        const qint64 boxId = box.lastInsertId().toLongLong();
        boxCodes << barcode;
        boxCat << b.cat;
        ++sum.boxes;
        if (loc) {
            move.bindValue(0, boxId);
            move.bindValue(1, loc);
            move.bindValue(2, now);
            if (auto st = execOr(move, "demo box move"); !st) return st;
        }
        for (int n = first; n <= last; ++n) {
            QString security = QString::fromUtf8(cat.security);
            const int roll = int(rng.bounded(100));
            if (catCode == QLatin1String("WS") || catCode == QLatin1String("KJ")) {
                if (roll < 3) security = QStringLiteral("confidential");
                else if (roll < 8) security = QStringLiteral("secret");
            } else if (catCode == QLatin1String("RS") && roll < 15) {
                security = QStringLiteral("confidential");
            }
            const QString code = QStringLiteral("%1-%2·%3-%4-%5-%6")
                                     .arg(fondsCode, catCode).arg(b.year).arg(QLatin1String(retentionCode(b.retention)), abbr)
                                     .arg(n, 4, 10, QLatin1Char('0'));
            const QVariantList iv{code, itemTitle(rng, catCode, b.year, org), b.year, b.retention, security,
                                  2 + int(rng.bounded(150)), boxId, n, now};
            for (int k = 0; k < iv.size(); ++k) item.bindValue(k, iv[k]);
            if (auto st = execOr(item, "demo item"); !st) return st;
            ++sum.items;
        }
    }
    sum.fonds = int(std::size(kFonds));
    sum.categories = int(std::size(kCats));
    sum.rooms = int(std::size(kRooms));
    sum.departments = int(std::size(kDepts));
    sum.people = people.size();

    auto seq = Ledger::append(db, LedgerEntry{QStringLiteral("archivectl"), QStringLiteral("demo.generate"), QStringLiteral("demo"),
                                              QJsonObject{{QStringLiteral("seed"), qint64(o.seed)},
                                                          {QStringLiteral("boxes"), sum.boxes},
                                                          {QStringLiteral("items"), sum.items},
                                                          {QStringLiteral("people"), sum.people},
                                                          {QStringLiteral("locations"), sum.locations}},
                                              now});
    if (!seq) return seq.error();
    return tx.commit();
}

}  // namespace

Result<DemoSummary> DemoArchive::generate(Database& db, const DemoOptions& o) {
    {
        QSqlQuery q(db.sql());
        if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM boxes) + (SELECT count(*) FROM people)")))
            return sqlError(q.lastError(), QStringLiteral("demo: check empty"));
        if (q.next() && q.value(0).toLongLong() > 0)
            return makeError(QStringLiteral("bad_state"),
                             QStringLiteral("这个档案库里已经有档案盒或人员，演示数据只能写入空库。请用 --db 指定一个新文件。"),
                             QStringLiteral("This archive already holds boxes or people; demo data only goes into an empty archive. "
                                            "Give a new file with --db."));
    }
    // Demo data is throw-away: skip the per-commit fsync while generating (hundreds of small loan
    // transactions), then restore the books' synchronous=FULL on this connection.
    struct SyncGuard {
        Database& db;
        explicit SyncGuard(Database& d) : db(d) { QSqlQuery(db.sql()).exec(QStringLiteral("PRAGMA synchronous=OFF")); }
        ~SyncGuard() { QSqlQuery(db.sql()).exec(QStringLiteral("PRAGMA synchronous=FULL")); }
    } syncGuard(db);
    QRandomGenerator rng(o.seed);
    DemoSummary sum;
    QList<PersonSpec> people;
    QStringList boxes;
    QList<int> boxCat;
    // The archive room was set up before the history below: the catalogue goes in 400 days ago.
    db.setClockOffsetMs(-400 * kDay);
    if (auto st = writeCatalogue(db, o, rng, sum, people, boxes, boxCat); !st) {
        db.setClockOffsetMs(0);
        return st.error();
    }
    db.setClockOffsetMs(0);

    Books books(db);
    const QString archivist = sum.staff.value(0).card;
    const QString head = sum.staff.value(2).card;
    const QString admin = sum.staff.value(5).card;
    for (const auto& s : sum.staff)
        if (auto st = books.setPin(s.card, s.pin, admin); !st) return st.error();

    // Borrowers who may take out WS/KJ/KU boxes directly: internal, department without review.
    QList<int> internal, external;
    for (int i = int(std::size(kStaff)); i < people.size(); ++i) {
        if (people[i].kind == QLatin1String("external")) external << i;
        else if (!kDepts[people[i].dept].needsReview) internal << i;
    }
    auto deptAllows = [&](int person, int cat) {
        return QString::fromUtf8(kDepts[people[person].dept].cats).split(QLatin1Char(' ')).contains(QString::fromUtf8(kCats[cat].code));
    };
    QList<int> lendable;  // boxes of ordinary categories
    for (int i = 0; i < boxes.size(); ++i) {
        const QString c = QString::fromUtf8(kCats[boxCat[i]].code);
        if (c == QLatin1String("WS") || c == QLatin1String("KJ") || c == QLatin1String("KU")) lendable << i;
    }
    // ---- History, replayed in time order through db/Books (each step its own transaction and ledger row), so
    // every box's location and loan history is consistent: returned loans over the past year, and over the
    // last 90 days (the span of the demo's climate readings) more loans and round trips of boxes to another
    // room and back (送特藏库修裱 / 数字化), then the open and overdue loans. Per box the planned intervals
    // (loans, stays away) never overlap; a destination slot is only ever a position that was free after the
    // catalogue went in, so a box always fits back on its own shelf.
    QSet<int> secretBoxes;  // boxes holding 秘密/机密 items: lending them needs approvals (R4)
    {
        QSqlQuery sq(db.sql());
        if (!sq.exec(QStringLiteral("SELECT DISTINCT b.barcode FROM items i JOIN boxes b ON b.id = i.box_id "
                                    "WHERE i.security IN ('secret','confidential')")))
            return sqlError(sq.lastError(), QStringLiteral("demo: secret boxes"));
        QSet<QString> codes;
        while (sq.next()) codes.insert(sq.value(0).toString());
        for (int i = 0; i < boxes.size(); ++i)
            if (codes.contains(boxes[i])) secretBoxes.insert(i);
    }
    lendable.erase(std::remove_if(lendable.begin(), lendable.end(), [&](int b) { return secretBoxes.contains(b); }),
                   lendable.end());
    struct Slot { QString barcode; int room; QList<QPair<qint64, qint64>> busy; };
    QList<Slot> freeSlots;         // one per free shelf position (capacity minus boxes after the catalogue)
    QHash<int, int> homeRoom;  // box → room index of its shelf
    {
        QSqlQuery sq(db.sql());
        if (!sq.exec(QStringLiteral("SELECT l.barcode, r.code, l.capacity - (SELECT count(*) FROM boxes b WHERE b.location_id = l.id) "
                                    "FROM locations l JOIN rooms r ON r.id = l.room_id ORDER BY l.id")))
            return sqlError(sq.lastError(), QStringLiteral("demo: free positions"));
        while (sq.next()) {
            int room = 0;
            for (int r = 0; r < int(std::size(kRooms)); ++r)
                if (sq.value(1).toString() == QLatin1String(kRooms[r].code)) room = r;
            for (int k = 0; k < sq.value(2).toInt(); ++k) freeSlots << Slot{sq.value(0).toString(), room, {}};
        }
        if (!sq.exec(QStringLiteral("SELECT b.barcode, r.code FROM boxes b JOIN locations l ON l.id = b.location_id "
                                    "JOIN rooms r ON r.id = l.room_id")))
            return sqlError(sq.lastError(), QStringLiteral("demo: box rooms"));
        QHash<QString, int> idx;
        for (int i = 0; i < boxes.size(); ++i) idx.insert(boxes[i], i);
        while (sq.next())
            for (int r = 0; r < int(std::size(kRooms)); ++r)
                if (sq.value(1).toString() == QLatin1String(kRooms[r].code)) homeRoom.insert(idx.value(sq.value(0).toString()), r);
    }
    const qint64 nowMs = db.nowMs();
    auto at = [&](double daysAgo) { return nowMs - qint64(daysAgo * double(kDay)); };
    QHash<int, QList<QPair<qint64, qint64>>> planned;  // box → intervals already planned
    auto overlaps = [](const QList<QPair<qint64, qint64>>& l, qint64 a, qint64 b) {
        for (const auto& iv : l)
            if (a < iv.second + kDay && iv.first < b + kDay) return true;  // a day apart at least
        return false;
    };
    enum Kind { Out, In, Away, Back };
    struct Ev { qint64 t; int order; Kind kind; int box; int person; int slot; ReturnCondition cond; int plan; };
    QList<Ev> evs;
    int planNo = 0;
    auto planLoan = [&](qint64 out, qint64 back, ReturnCondition cond) -> bool {  // back 0 = still out
        for (int attempt = 0; attempt < 60; ++attempt) {
            const int b = lendable[int(rng.bounded(quint32(lendable.size())))];
            const int p = internal[int(rng.bounded(quint32(internal.size())))];
            if (!deptAllows(p, boxCat[b]) || overlaps(planned[b], out, back ? back : nowMs)) continue;
            planned[b] << qMakePair(out, back ? back : nowMs);
            ++planNo;
            evs << Ev{out, planNo * 2, Out, b, p, -1, cond, planNo};
            if (back) evs << Ev{back, planNo * 2 + 1, In, b, p, -1, cond, planNo};
            return true;
        }
        return false;
    };
    auto planTrip = [&](qint64 away, qint64 back) -> bool {
        for (int attempt = 0; attempt < 60; ++attempt) {
            const int b = int(rng.bounded(quint32(boxes.size())));
            if (!homeRoom.contains(b) || overlaps(planned[b], away, back)) continue;
            const int start = int(rng.bounded(quint32(qMax(1, int(freeSlots.size())))));
            for (int k = 0; k < freeSlots.size(); ++k) {
                Slot& sl = freeSlots[(start + k) % freeSlots.size()];
                if (sl.room == homeRoom.value(b) || overlaps(sl.busy, away, back)) continue;
                sl.busy << qMakePair(away, back);
                planned[b] << qMakePair(away, back);
                ++planNo;
                evs << Ev{away, planNo * 2, Away, b, -1, int(&sl - freeSlots.data()), ReturnCondition::Ok, planNo};
                evs << Ev{back, planNo * 2 + 1, Back, b, -1, -1, ReturnCondition::Ok, planNo};
                return true;
            }
        }
        return false;
    };
    // Returned loans over the past year (a few damaged → incidents, R9), more of them in the last 90 days.
    for (int i = 0; i < 150; ++i) {
        const double ago = 40 + rng.bounded(320);
        planLoan(at(ago), at(ago - 2 - rng.bounded(25)), i % 50 == 7 ? ReturnCondition::Damaged : ReturnCondition::Ok);
    }
    for (int i = 0; i < 150; ++i) {
        const double ago = 3 + rng.bounded(85.0);
        const double days = 1 + rng.bounded(qMin(25.0, ago - 1));
        planLoan(at(ago), at(ago - days), ReturnCondition::Ok);
    }
    // Round trips to another room over the last 90 days: a few days to a month away, some boxes twice.
    for (int i = 0; i < 400; ++i) {
        const double ago = 4 + rng.bounded(86.0);
        const double days = 2 + rng.bounded(qMin(30.0, ago - 2));
        planTrip(at(ago), at(ago - days));
    }
    // Open loans within their period, then overdue ones (R8 then blocks those borrowers).
    int wantOpen = 40, wantOverdue = 15;
    QSet<int> openPlans, overduePlans;
    for (int i = 0; i < 200 && (wantOpen > 0 || wantOverdue > 0); ++i) {
        const bool overdue = wantOverdue > 0 && (wantOpen == 0 || i % 3 == 2);
        const double ago = overdue ? 50 + rng.bounded(60) : rng.bounded(12.0);
        if (!planLoan(at(ago), 0, ReturnCondition::Ok)) continue;
        (overdue ? overduePlans : openPlans).insert(planNo);
        --(overdue ? wantOverdue : wantOpen);
    }
    std::sort(evs.begin(), evs.end(), [](const Ev& a, const Ev& b) { return std::tie(a.t, a.order) < std::tie(b.t, b.order); });
    QHash<int, QString> homeOf;  // box → its shelf barcode while away
    QSet<int> lentPlans, awayPlans;
    QSet<int> usedBox;           // boxes on open loan at the end
    for (const Ev& e : evs) {
        db.setClockOffsetMs(e.t - nowMs);
        switch (e.kind) {
        case Out: {
            // The planned borrower first; if a rule refuses (e.g. R8: an overdue loan by then), another one.
            for (int k = 0; k < 20; ++k) {
                const int p = k == 0 ? e.person : internal[int(rng.bounded(quint32(internal.size())))];
                if (k && !deptAllows(p, boxCat[e.box])) continue;
                if (books.checkOutBox(boxes[e.box], people[p].card, archivist)) {
                    lentPlans.insert(e.plan);
                    break;
                }
            }
            if (!lentPlans.contains(e.plan)) break;
            if (openPlans.contains(e.plan)) { ++sum.openLoans; usedBox.insert(e.box); }
            else if (overduePlans.contains(e.plan)) { ++sum.overdueLoans; usedBox.insert(e.box); }
            break;
        }
        case In:
            if (!lentPlans.contains(e.plan)) break;
            if (!books.checkIn(boxes[e.box], archivist, e.cond)) return makeError(QStringLiteral("demo"), QStringLiteral("演示数据：归还失败。"), QStringLiteral("Demo: a return failed."));
            ++sum.returnedLoans;
            break;
        case Away: {
            auto b = books.box(boxes[e.box]);
            if (!b || b->state != QLatin1String("in_place") || b->location.barcode.isEmpty()) break;
            if (books.moveBox(boxes[e.box], freeSlots[e.slot].barcode, archivist)) {
                homeOf.insert(e.box, b->location.barcode);
                awayPlans.insert(e.plan);
                ++sum.roomMoves;
            }
            break;
        }
        case Back:
            if (!awayPlans.contains(e.plan)) break;
            if (auto st = books.moveBox(boxes[e.box], homeOf.value(e.box), archivist); !st) return st.error();
            ++sum.roomMoves;
            break;
        }
    }
    db.setClockOffsetMs(0);

    // Pending requests: confidential/personnel (head, R4), external (leader, R6), review categories (R5).
    auto requestBox = [&](int person, int b, const QString& mode) -> qint64 {
        NewRequest r;
        r.requesterCard = people[person].card;
        r.boxBarcode = boxes[b];
        r.purpose = requestPurpose(rng);
        r.mode = mode;
        auto res = books.request(r);
        return res ? res->id : 0;
    };
    QList<int> byCat[std::size(kCats)];
    for (int i = 0; i < boxes.size(); ++i)
        if (!usedBox.contains(i)) byCat[boxCat[i]] << i;
    auto someBox = [&](int cat) { return byCat[cat].value(int(rng.bounded(quint32(qMax(1, int(byCat[cat].size())))))); };
    int madeHead = 0, madeLeader = 0, madeReview = 0;
    for (int i = 0; i < 60 && madeHead < 6; ++i) {  // 人事 boxes requested by 人事科 / 办公室 people
        const int p = internal[int(rng.bounded(quint32(internal.size())))];
        if (!deptAllows(p, 3) || byCat[3].isEmpty()) continue;
        if (requestBox(p, someBox(3), QStringLiteral("take_out"))) { ++madeHead; ++sum.pendingRequests; }
    }
    for (int i = 0; i < external.size() && madeLeader < 5; ++i)
        if (requestBox(external[i], someBox(0), QStringLiteral("on_site"))) { ++madeLeader; ++sum.pendingRequests; }
    for (int i = 0; i < 60 && madeReview < 4; ++i) {  // 声像 needs review
        const int p = internal[int(rng.bounded(quint32(internal.size())))];
        if (!deptAllows(p, 5) || byCat[5].isEmpty()) continue;
        if (requestBox(p, someBox(5), QStringLiteral("take_out"))) { ++madeReview; ++sum.pendingRequests; }
    }
    // Two head approvals so the pick list is not empty.
    if (auto pending = books.pendingApprovals(head); pending) {
        int approved = 0;
        for (const auto& r : pending.value()) {
            if (approved == 2 || r.pendingRoles != QStringList{QStringLiteral("head")}) continue;
            if (books.approve(r.id, head, QStringLiteral("同意"))) { ++approved; --sum.pendingRequests; }
        }
    }
    // Something to try at once: boxes on the shelf with nothing secret inside, and borrowers with no open
    // loan in departments without review (they get the demo PIN 1234).
    QSqlQuery q(db.sql());
    if (q.exec(QStringLiteral("SELECT b.barcode FROM boxes b JOIN categories c ON c.id = b.category_id "
                              "WHERE c.code IN ('WS','KJ') AND b.state = 'in_place' AND NOT EXISTS (SELECT 1 FROM items i "
                              "WHERE i.box_id = b.id AND i.security IN ('secret','confidential')) ORDER BY b.id LIMIT 3")))
        while (q.next()) sum.sampleBoxes << q.value(0).toString();
    if (q.exec(QStringLiteral("SELECT p.card FROM people p JOIN departments d ON d.id = p.department_id "
                              "WHERE p.kind = 'internal' AND p.roles = 'borrower' AND d.needs_review = 0 AND NOT EXISTS "
                              "(SELECT 1 FROM loans l WHERE l.borrower_id = p.id AND l.returned_at IS NULL) ORDER BY p.id LIMIT 5"))) {
        QStringList cards;
        while (q.next()) cards << q.value(0).toString();
        q.finish();
        for (const QString& card : cards)
            if (books.setPin(card, QStringLiteral("1234"), admin)) sum.sampleBorrowers << card;
    }
    return sum;
}

}  // namespace archive::db
