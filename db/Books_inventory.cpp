// Locations, inventory sweeps (R2), on-site use (R3), transfers (R10), appraisal and destruction (R11).
#include "BooksInternal.h"
#include "Transaction.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace archive::db {

using namespace detail;

namespace {

Result<LocationInfo> loadLocation(Database& db, const QString& barcodeIn) {
    const QString barcode = cleanCode(barcodeIn);
    if (auto e = checkText(barcode, 64, QStringLiteral("位置条码"), QStringLiteral("The location barcode"))) return *e;
    Run r(db, QStringLiteral("SELECT l.id, l.barcode, r.code, r.name, l.cabinet, l.shelf, l.position, l.capacity"
                             " FROM locations l JOIN rooms r ON r.id = l.room_id WHERE l.barcode = ?"));
    if (auto st = r.exec(barcode); !st) return st.error();
    if (!r.next())
        return notFound(QStringLiteral("找不到位置条码 %1。请检查货架标签，或先登记该位置。").arg(barcode),
                        QStringLiteral("No shelf location %1. Check the shelf label or register the location first.").arg(barcode));
    return LocationInfo{r.ll(0), r.s(1), r.s(2), r.s(3), r.s(4), r.s(5), r.s(6), r.n(7)};
}

QJsonArray toJson(const QStringList& l) {
    QJsonArray a;
    for (const QString& s : l) a.append(s);
    return a;
}

int retentionYears(const QString& code) {
    if (code == QLatin1String("30y")) return 30;
    if (code == QLatin1String("10y")) return 10;
    return -1;  // permanent
}

}  // namespace

Result<LocationInfo> Books::location(const QString& barcode) { return loadLocation(m_db, barcode); }

Status Books::moveBox(const QString& boxBarcode, const QString& locationBarcode, const QString& staffCard) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    auto staff = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st;
    auto box = loadBox(m_db, boxBarcode);
    if (!box) return box.error();
    auto loc = loadLocation(m_db, locationBarcode);
    if (!loc) return loc.error();
    if (box->state == QLatin1String("destroyed") || box->state == QLatin1String("transferred_out"))
        return badState(QStringLiteral("档案盒 %1 已%2，不能上架。").arg(box->barcode, boxStateZh(box->state)),
                        QStringLiteral("Box %1 is %2 and cannot be shelved.").arg(box->barcode, box->state));
    if (box->state == QLatin1String("on_loan"))
        return err("R2", QStringLiteral("档案盒 %1 已借出，不在架上，不能移位。请先办理归还再上架。").arg(box->barcode),
                   QStringLiteral("Box %1 is out on loan, not on a shelf, so it cannot be moved. Check it in first, then shelve it.")
                       .arg(box->barcode));
    if (box->locationId == loc->id && box->state != QLatin1String("missing"))
        return badState(QStringLiteral("档案盒 %1 已在 %2，无需移动。").arg(box->barcode, loc->display()),
                        QStringLiteral("Box %1 is already at %2.").arg(box->barcode, loc->barcode));
    if (loc->capacity > 0 && box->locationId != loc->id) {
        auto used = scalar(m_db, QStringLiteral("SELECT count(*) FROM boxes WHERE location_id = ? AND state NOT IN ('destroyed','transferred_out')"),
                           loc->id);
        if (!used) return used.error();
        if (used->toInt() >= loc->capacity)
            return badState(QStringLiteral("位置 %1 已满（容量 %2 盒）。请换一个位置。").arg(loc->display()).arg(loc->capacity),
                            QStringLiteral("Location %1 is full (capacity %2 boxes). Choose another one.").arg(loc->barcode).arg(loc->capacity));
    }
    const qint64 now = m_db.nowMs();
    Run mv(m_db, QStringLiteral("INSERT INTO box_moves(box_id, from_location_id, to_location_id, at, actor, reason) VALUES(?,?,?,?,?,?)"));
    if (auto st = mv.exec(box->id, box->locationId ? QVariant(box->locationId) : QVariant(), loc->id, now, staff->info.card,
                          box->state == QLatin1String("missing") ? QStringLiteral("found") : QStringLiteral("move"));
        !st)
        return st;
    const QString newState = box->state == QLatin1String("missing") ? QStringLiteral("in_place") : box->state;
    Run u(m_db, QStringLiteral("UPDATE boxes SET location_id = ?, state = ?, updated_at = ? WHERE id = ?"));
    if (auto st = u.exec(loc->id, newState, now, box->id); !st) return st;
    QString from;
    if (box->locationId) {
        auto f = scalar(m_db, QStringLiteral("SELECT barcode FROM locations WHERE id = ?"), box->locationId);
        if (f) from = f->toString();
    }
    if (auto r = ledger(m_db, staff->info.card, "move", QStringLiteral("box:") + box->barcode,
                        {{QStringLiteral("from"), from}, {QStringLiteral("to"), loc->barcode}});
        !r)
        return r.error();
    return tx.commit();
}

Result<SweepResult> Books::sweepShelf(const QString& locationBarcode, const QStringList& scannedBoxes,
                                      const QString& staffCard) {
    if (scannedBoxes.size() > 10000)
        return badInput(QStringLiteral("一次盘点最多扫描 10000 盒。"), QStringLiteral("At most 10,000 boxes per shelf sweep."));
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto staff = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st.error();
    auto loc = loadLocation(m_db, locationBarcode);
    if (!loc) return loc.error();
    SweepResult res;
    res.shelfBarcode = loc->barcode;
    // Expected on this shelf: boxes recorded here that are in place (or already flagged missing).
    QHash<QString, QString> expected;  // barcode → state
    {
        Run r(m_db, QStringLiteral("SELECT barcode, state FROM boxes WHERE location_id = ? AND state IN ('in_place','missing')"));
        if (auto st = r.exec(loc->id); !st) return st.error();
        while (r.next()) expected.insert(r.s(0), r.s(1));
    }
    QSet<QString> seen;
    const qint64 now = m_db.nowMs();
    for (const QString& raw : scannedBoxes) {
        const QString code = raw.trimmed();
        if (code.isEmpty() || code.size() > 64 || seen.contains(code)) {
            if (code.size() > 64) res.unknown << code.left(64);
            continue;
        }
        seen.insert(code);
        if (expected.contains(code)) {
            if (expected.value(code) == QLatin1String("missing")) {
                res.recovered << code;
                Run u(m_db, QStringLiteral("UPDATE boxes SET state = 'in_place', updated_at = ? WHERE barcode = ?"));
                if (auto st = u.exec(now, code); !st) return st.error();
            } else {
                res.found << code;
            }
            continue;
        }
        Run r(m_db, QStringLiteral("SELECT l.barcode FROM boxes b LEFT JOIN locations l ON l.id = b.location_id WHERE b.barcode = ?"));
        if (auto st = r.exec(code); !st) return st.error();
        if (r.next()) res.misplaced << MisplacedBox{code, r.s(0)};
        else res.unknown << code;
    }
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        if (seen.contains(it.key()) || it.value() != QLatin1String("in_place")) continue;
        res.missing << it.key();
    }
    std::sort(res.found.begin(), res.found.end());
    std::sort(res.missing.begin(), res.missing.end());
    for (const QString& code : res.missing) {
        Run u(m_db, QStringLiteral("UPDATE boxes SET state = 'missing', updated_at = ? WHERE barcode = ?"));
        if (auto st = u.exec(now, code); !st) return st.error();
        Run ins(m_db, QStringLiteral("INSERT INTO incidents(kind, box_id, at, recorded_by, note)"
                                     " SELECT 'missing', id, ?, ?, ? FROM boxes WHERE barcode = ?"));
        if (auto st = ins.exec(now, staff->info.card, QStringLiteral("盘点未找到 / not found in sweep of %1").arg(loc->barcode), code); !st)
            return st.error();
    }
    QJsonArray mis;
    for (const MisplacedBox& m : res.misplaced) mis.append(m.barcode + QLatin1Char('@') + m.expectedLocation);
    if (auto r = ledger(m_db, staff->info.card, "sweep", QStringLiteral("location:") + loc->barcode,
                        {{QStringLiteral("found"), res.found.size()}, {QStringLiteral("missing"), toJson(res.missing)},
                         {QStringLiteral("misplaced"), mis}, {QStringLiteral("unknown"), toJson(res.unknown)},
                         {QStringLiteral("recovered"), toJson(res.recovered)}});
        !r)
        return r.error();
    if (auto st = tx.commit(); !st) return st.error();
    return res;
}

Result<qint64> Books::recordOnSiteUse(const OnSiteUse& use) {
    if (use.kind != QLatin1String("reading") && use.kind != QLatin1String("copy"))
        return badInput(QStringLiteral("登记类型只能是“查阅”或“复制”。"), QStringLiteral("The kind must be reading or copy."));
    if (use.kind == QLatin1String("copy") && (use.pages <= 0 || use.pages > 100000))
        return badInput(QStringLiteral("请填写复制的页数（1–100000）。"), QStringLiteral("Enter the number of pages copied (1–100000)."));
    if (auto e = checkText(use.purpose, 500, QStringLiteral("用途"), QStringLiteral("The purpose"), false)) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto staff = loadPerson(m_db, use.staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st.error();
    auto reader = loadPerson(m_db, use.personCard, "查阅人", "reader");
    if (!reader) return reader.error();
    BoxRow box;
    qint64 itemId = 0;
    QString security, subject;
    if (auto b = loadBox(m_db, use.code)) {
        box = b.value();
        security = box.maxSecurity;
        subject = QStringLiteral("box:") + box.barcode;
    } else {
        auto it = loadItem(m_db, use.code);
        if (!it) return b.error().code == QLatin1String("not_found") ? it.error() : b.error();
        auto bb = loadBoxById(m_db, it->boxId);
        if (!bb) return bb.error();
        box = bb.value();
        itemId = it->id;
        security = it->security;
        subject = QStringLiteral("item:") + it->code;
        if (it->state == QLatin1String("destroyed"))
            return err("R11", QStringLiteral("档案 %1 已销毁。").arg(it->code), QStringLiteral("File %1 has been destroyed.").arg(it->code));
    }
    if (box.state == QLatin1String("destroyed"))
        return err("R11", QStringLiteral("档案盒 %1 已销毁。").arg(box.barcode), QStringLiteral("Box %1 has been destroyed.").arg(box.barcode));
    if (box.state != QLatin1String("in_place"))
        return badState(QStringLiteral("档案盒 %1 当前状态为“%2”，不在档案室内。").arg(box.barcode, boxStateZh(box.state)),
                        QStringLiteral("Box %1 is %2, not in the archive room.").arg(box.barcode, box.state));
    // R4 / R6 also hold for reading on site: the head / leader must have approved a request.
    const bool needHead = isHighSecurity(security) || box.needsHead;
    const bool needLeader = reader->info.kind == QLatin1String("external");
    qint64 requestId = 0;
    if (needHead || needLeader || use.requestId > 0) {
        Run r(m_db, QStringLiteral(
            "SELECT r.id,"
            " (SELECT count(*) FROM approvals a WHERE a.request_id = r.id AND a.role = 'head' AND a.decision = 'approved'),"
            " (SELECT count(*) FROM approvals a WHERE a.request_id = r.id AND a.role = 'leader' AND a.decision = 'approved')"
            " FROM requests r WHERE r.requester_id = ? AND r.box_id = ? AND (r.item_id IS NULL OR r.item_id = ?)"
            " AND r.state = 'approved' AND (? = 0 OR r.id = ?) ORDER BY r.id DESC"));
        if (auto st = r.exec(reader->info.id, box.id, itemId, use.requestId, use.requestId); !st) return st.error();
        bool headOk = false, leaderOk = false;
        while (r.next()) {
            if ((!needHead || r.n(1) > 0) && (!needLeader || r.n(2) > 0)) {
                requestId = r.ll(0);
                headOk = leaderOk = true;
                break;
            }
            headOk = headOk || r.n(1) > 0;
            leaderOk = leaderOk || r.n(2) > 0;
        }
        if (!requestId) {
            if (needHead && !headOk)
                return err("R4", QStringLiteral("%1档案需档案室负责人批准后才能查阅。请先提交申请并请档案室负责人批准。").arg(securityZh(security)),
                           QStringLiteral("%1 files need the archive-room head's approval before reading: make a request and ask "
                                          "the archive-room head to approve it.").arg(security));
            if (needLeader && !leaderOk)
                return err("R6", QStringLiteral("外单位查阅需主管领导批准。请先提交查阅申请并请主管领导批准。"),
                           QStringLiteral("External readers need the supervising leader's approval: make a request and ask the "
                                          "supervising leader to approve it."));
            return badState(QStringLiteral("申请 #%1 未批准或不是此人此档案的申请。").arg(use.requestId),
                            QStringLiteral("Request #%1 is not approved or not for this reader and file.").arg(use.requestId));
        }
    }
    const qint64 now = m_db.nowMs();
    Run ins(m_db, QStringLiteral("INSERT INTO onsite_uses(kind, box_id, item_id, person_id, request_id, at, recorded_by, pages, purpose)"
                                 " VALUES(?,?,?,?,?,?,?,?,?)"));
    if (auto st = ins.exec(use.kind, box.id, itemId ? QVariant(itemId) : QVariant(), reader->info.id,
                           requestId ? QVariant(requestId) : QVariant(), now, staff->info.card, use.pages, use.purpose.trimmed());
        !st)
        return st.error();
    const qint64 id = ins.lastId();
    if (requestId) {
        Run u(m_db, QStringLiteral("UPDATE requests SET state = 'fulfilled' WHERE id = ?"));
        if (auto st = u.exec(requestId); !st) return st.error();
    }
    if (auto r = ledger(m_db, staff->info.card, use.kind == QLatin1String("copy") ? "onsite.copy" : "onsite.reading", subject,
                        {{QStringLiteral("reader"), reader->info.card}, {QStringLiteral("pages"), use.pages},
                         {QStringLiteral("use"), id}, {QStringLiteral("purpose"), use.purpose.trimmed()}});
        !r)
        return r.error();
    if (auto st = tx.commit(); !st) return st.error();
    return id;
}

// ---- transfers (R10)

Result<qint64> Books::openTransfer(const QString& codeIn, const QString& departmentCode, const QString& sender,
                                   const QString& senderHead, const QList<TransferLine>& registerLines,
                                   const QString& staffCard) {
    const QString code = cleanCode(codeIn);
    if (auto e = checkText(code, 64, QStringLiteral("移交单号"), QStringLiteral("The transfer number"))) return *e;
    if (auto e = checkText(sender, 100, QStringLiteral("移交人"), QStringLiteral("The sender"))) return *e;
    if (auto e = checkText(senderHead, 100, QStringLiteral("移交部门负责人"), QStringLiteral("The sender's head"), false)) return *e;
    if (registerLines.isEmpty())
        return err("R10", QStringLiteral("移交清单为空。请先录入移交清单。"), QStringLiteral("The transfer register is empty. Enter the register lines first."));
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto staff = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st.error();
    QVariant deptId;
    if (!departmentCode.trimmed().isEmpty()) {
        auto d = scalar(m_db, QStringLiteral("SELECT id FROM departments WHERE code = ? OR name = ?"), departmentCode.trimmed(),
                        departmentCode.trimmed());
        if (!d) return d.error();
        if (d->isNull())
            return notFound(QStringLiteral("找不到部门 %1。").arg(departmentCode), QStringLiteral("No department %1.").arg(departmentCode));
        deptId = d.value();
    }
    auto dup = scalar(m_db, QStringLiteral("SELECT count(*) FROM transfers WHERE code = ?"), code);
    if (!dup) return dup.error();
    if (dup->toInt() > 0)
        return badInput(QStringLiteral("移交单号 %1 已存在。").arg(code), QStringLiteral("Transfer %1 already exists.").arg(code));
    const qint64 now = m_db.nowMs();
    Run ins(m_db, QStringLiteral("INSERT INTO transfers(code, from_department_id, sender, sender_head, created_at) VALUES(?,?,?,?,?)"));
    if (auto st = ins.exec(code, deptId, sender.trimmed(), senderHead.trimmed(), now); !st) return st.error();
    const qint64 id = ins.lastId();
    int n = 0;
    for (const TransferLine& l : registerLines) {
        ++n;
        if (auto e = checkText(l.archivalCode, 128, QStringLiteral("第 %1 行档号").arg(n), QStringLiteral("Line %1 archival code").arg(n))) return *e;
        if (auto e = checkText(l.title, 1000, QStringLiteral("第 %1 行题名").arg(n), QStringLiteral("Line %1 title").arg(n), false)) return *e;
        Run li(m_db, QStringLiteral("INSERT INTO transfer_lines(transfer_id, side, line_no, archival_code, title, year, pages, box_barcode)"
                                    " VALUES(?,'register',?,?,?,?,?,?)"));
        if (auto st = li.exec(id, n, l.archivalCode.trimmed(), l.title.trimmed(), l.year, l.pages, l.boxBarcode.trimmed()); !st)
            return st.error();
    }
    if (auto r = ledger(m_db, staff->info.card, "transfer.open", QStringLiteral("transfer:") + code,
                        {{QStringLiteral("lines"), n}, {QStringLiteral("sender"), sender.trimmed()}});
        !r)
        return r.error();
    if (auto st = tx.commit(); !st) return st.error();
    return id;
}

Status Books::receiveTransferLines(qint64 transferId, const QList<TransferLine>& received, const QString& staffCard) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    auto staff = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st;
    auto t = transfer(transferId);
    if (!t) return t.error();
    if (t->state != QLatin1String("open"))
        return badState(QStringLiteral("移交 %1 已完成，不能再登记接收。").arg(t->code),
                        QStringLiteral("Transfer %1 is complete; nothing more can be received.").arg(t->code));
    int n = t->receivedLines;
    for (const TransferLine& l : received) {
        ++n;
        if (auto e = checkText(l.archivalCode, 128, QStringLiteral("接收档号"), QStringLiteral("The received archival code"))) return *e;
        if (auto e = checkText(l.title, 1000, QStringLiteral("题名"), QStringLiteral("The title"), false)) return *e;
        Run li(m_db, QStringLiteral("INSERT INTO transfer_lines(transfer_id, side, line_no, archival_code, title, year, pages, box_barcode)"
                                    " VALUES(?,'received',?,?,?,?,?,?)"));
        if (auto st = li.exec(transferId, n, l.archivalCode.trimmed(), l.title.trimmed(), l.year, l.pages, l.boxBarcode.trimmed()); !st)
            return st;
    }
    if (auto r = ledger(m_db, staff->info.card, "transfer.receive", QStringLiteral("transfer:") + t->code,
                        {{QStringLiteral("lines"), int(received.size())}});
        !r)
        return r.error();
    return tx.commit();
}

namespace {
// Register vs received → differences (not yet stored).
Result<QList<TransferDifference>> reconcile(Database& db, qint64 transferId, QHash<qint64, QString>* statusById) {
    struct L { qint64 id; QString title; int pages; };
    QHash<QString, L> reg, rec;
    Run r(db, QStringLiteral("SELECT id, side, archival_code, title, pages FROM transfer_lines WHERE transfer_id = ? ORDER BY line_no"));
    if (auto st = r.exec(transferId); !st) return st.error();
    QStringList order;
    while (r.next()) {
        auto& m = r.s(1) == QLatin1String("register") ? reg : rec;
        const QString code = r.s(2);
        if (r.s(1) == QLatin1String("register") && !reg.contains(code)) order << code;
        if (!m.contains(code)) m.insert(code, L{r.ll(0), r.s(3), r.n(4)});
        else if (statusById) statusById->insert(r.ll(0), QStringLiteral("duplicate"));
    }
    QList<TransferDifference> diffs;
    for (const QString& code : order) {
        const L& a = reg[code];
        if (!rec.contains(code)) {
            diffs << TransferDifference{code, QStringLiteral("missing"), QStringLiteral("登记未收到 / registered, not received")};
            if (statusById) statusById->insert(a.id, QStringLiteral("missing"));
            continue;
        }
        const L& b = rec[code];
        QStringList why;
        if (!a.title.isEmpty() && !b.title.isEmpty() && a.title != b.title)
            why << QStringLiteral("题名不符 / title differs: %1 ≠ %2").arg(a.title, b.title);
        if (a.pages > 0 && b.pages > 0 && a.pages != b.pages)
            why << QStringLiteral("页数不符 / pages differ: %1 ≠ %2").arg(a.pages).arg(b.pages);
        const QString st = why.isEmpty() ? QStringLiteral("matched") : QStringLiteral("mismatch");
        if (!why.isEmpty()) diffs << TransferDifference{code, st, why.join(QStringLiteral("; "))};
        if (statusById) {
            statusById->insert(a.id, st);
            statusById->insert(b.id, st);
        }
    }
    QStringList extra;
    for (auto it = rec.constBegin(); it != rec.constEnd(); ++it)
        if (!reg.contains(it.key())) extra << it.key();
    extra.sort();
    for (const QString& code : extra) {
        diffs << TransferDifference{code, QStringLiteral("extra"), QStringLiteral("收到但未登记 / received, not registered")};
        if (statusById) statusById->insert(rec[code].id, QStringLiteral("extra"));
    }
    return diffs;
}

// ---- accepting a transfer: the registered files that arrived go into the books (R10)

struct AcceptedFile {
    QString code, title, box;
    int year = 0, pages = 0, itemNo = 0;
    qint64 fondsId = 0, categoryId = 0;
    QString retention, security;
};

// DA/T 22 archival codes: 全宗号-门类代码·年度-保管期限-机构（问题）-件号, e.g. 0101-WS·2019-D30-BGS-0001.
struct CodeParts { QString fonds, category, retention; int itemNo = 0; };
CodeParts splitArchivalCode(const QString& code) {
    CodeParts p;
    const QStringList seg = code.split(QLatin1Char('-'));
    if (seg.size() < 2) return p;
    p.fonds = seg[0].trimmed();
    const QString catYear = seg[1];
    const int dot = catYear.indexOf(QRegularExpression(QStringLiteral("[·.]")));
    p.category = (dot > 0 ? catYear.left(dot) : catYear).trimmed();
    if (seg.size() > 2) {
        QString r;
        if (parseRetention(seg[2], &r)) p.retention = r;
    }
    bool ok = false;
    const int n = seg.last().toInt(&ok);
    if (ok && n > 0 && seg.size() > 2) p.itemNo = n;
    return p;
}

int retentionRank(const QString& r) {
    if (r == QLatin1String("permanent")) return 3;
    if (r == QLatin1String("30y")) return 2;
    return 1;
}

struct Problems {
    QStringList zh, en;
    void add(const QString& z, const QString& e) { zh << z; en << e; }
    bool empty() const { return zh.isEmpty(); }
};

Status acceptReceived(Database& db, qint64 transferId, const QString& transferCode, const TransferReceipt& rc,
                      const QString& actor, qint64 now, QStringList* boxesOut, int* itemsOut) {
    struct Line { QString title, box; int year = 0, pages = 0; };
    QHash<QString, Line> reg, rec;
    QStringList order;
    {
        Run r(db, QStringLiteral("SELECT side, archival_code, title, year, pages, box_barcode FROM transfer_lines"
                                 " WHERE transfer_id = ? ORDER BY line_no"));
        if (auto st = r.exec(transferId); !st) return st;
        while (r.next()) {
            const bool isReg = r.s(0) == QLatin1String("register");
            auto& m = isReg ? reg : rec;
            const QString code = r.s(1);
            if (m.contains(code)) continue;  // a repeated line: the first one counts
            if (isReg) order << code;
            m.insert(code, Line{r.s(2), r.s(5), r.n(3), r.n(4)});
        }
    }
    QList<AcceptedFile> files;
    for (const QString& code : order) {
        if (!rec.contains(code)) continue;  // registered, not received: a recorded difference only
        const Line& a = reg[code];
        const Line& b = rec[code];
        AcceptedFile f;
        f.code = code;
        f.title = b.title.isEmpty() ? a.title : b.title;  // what arrived counts (页数以实物为准)
        f.pages = b.pages > 0 ? b.pages : a.pages;
        f.year = b.year > 0 ? b.year : a.year;
        f.box = b.box.isEmpty() ? a.box : b.box;
        files << f;
    }
    if (files.isEmpty()) return okStatus();

    Problems pr;
    const QString locCode = cleanCode(rc.locationBarcode);
    if (locCode.isEmpty())
        return err("R10", QStringLiteral("接收移交 %1 需要指定上架位置（架位条码），收到的 %2 件档案将放在那里入账。")
                              .arg(transferCode).arg(files.size()),
                   QStringLiteral("To accept transfer %1, give the shelf location (its barcode) where the %2 received file(s) go "
                                  "into the books.").arg(transferCode).arg(files.size()));
    auto loc = loadLocation(db, locCode);
    if (!loc) return loc.error();

    // Fonds and categories: by the code's own parts, else the receipt's defaults.
    auto idOf = [&](const QString& table, const QString& key) -> Result<qint64> {
        if (key.isEmpty()) return qint64(0);
        auto v = scalar(db, QStringLiteral("SELECT id FROM %1 WHERE code = ? OR name = ?").arg(table), key, key);
        if (!v) return v.error();
        return v->isNull() ? qint64(0) : v->toLongLong();
    };
    auto defFonds = idOf(QStringLiteral("fonds"), rc.fondsCode.trimmed());
    if (!defFonds) return defFonds.error();
    auto defCat = idOf(QStringLiteral("categories"), rc.categoryCode.trimmed());
    if (!defCat) return defCat.error();
    if (!rc.fondsCode.trimmed().isEmpty() && *defFonds == 0)
        pr.add(QStringLiteral("找不到全宗 %1").arg(rc.fondsCode.trimmed()), QStringLiteral("no fonds %1").arg(rc.fondsCode.trimmed()));
    if (!rc.categoryCode.trimmed().isEmpty() && *defCat == 0)
        pr.add(QStringLiteral("找不到门类 %1").arg(rc.categoryCode.trimmed()), QStringLiteral("no category %1").arg(rc.categoryCode.trimmed()));
    QString defRetention;
    if (!rc.retention.trimmed().isEmpty() && !parseRetention(rc.retention, &defRetention))
        pr.add(QStringLiteral("保管期限“%1”无法识别").arg(rc.retention), QStringLiteral("unknown retention \"%1\"").arg(rc.retention));
    QHash<qint64, std::pair<QString, QString>> catDefaults;  // category id → (retention, security) defaults
    const int maxYear = QDate::currentDate().year() + 1;
    QHash<QString, QList<int>> byBox;  // box barcode → indexes into files, in register order
    QStringList boxOrder;
    for (int i = 0; i < files.size(); ++i) {
        AcceptedFile& f = files[i];
        const CodeParts parts = splitArchivalCode(f.code);
        auto fid = idOf(QStringLiteral("fonds"), parts.fonds);
        if (!fid) return fid.error();
        auto cid = idOf(QStringLiteral("categories"), parts.category);
        if (!cid) return cid.error();
        f.fondsId = *fid ? *fid : *defFonds;
        f.categoryId = *cid ? *cid : *defCat;
        f.itemNo = parts.itemNo;
        if (f.fondsId == 0)
            pr.add(QStringLiteral("%1：档号里没有已登记的全宗号，请指定全宗").arg(f.code),
                   QStringLiteral("%1: the code names no registered fonds; give the fonds").arg(f.code));
        if (f.categoryId == 0)
            pr.add(QStringLiteral("%1：档号里没有已登记的门类代码，请指定门类").arg(f.code),
                   QStringLiteral("%1: the code names no registered category; give the category").arg(f.code));
        if (f.categoryId && !catDefaults.contains(f.categoryId)) {
            Run c(db, QStringLiteral("SELECT retention_default, security_default FROM categories WHERE id = ?"));
            if (auto st = c.exec(f.categoryId); !st) return st;
            if (c.next()) catDefaults.insert(f.categoryId, {c.s(0), c.s(1)});
        }
        f.retention = !parts.retention.isEmpty() ? parts.retention
                      : !defRetention.isEmpty()  ? defRetention
                                                 : catDefaults.value(f.categoryId).first;
        if (f.retention.isEmpty()) f.retention = QStringLiteral("30y");
        f.security = catDefaults.value(f.categoryId).second;
        if (f.security.isEmpty()) f.security = QStringLiteral("internal");
        if (f.year < 1000 || f.year > maxYear)
            pr.add(QStringLiteral("%1：年度 %2 不合理").arg(f.code).arg(f.year),
                   QStringLiteral("%1: year %2 is not plausible").arg(f.code).arg(f.year));
        if (f.box.isEmpty()) {
            pr.add(QStringLiteral("%1：没有盒条码，请在接收清单中填写它装在哪个档案盒").arg(f.code),
                   QStringLiteral("%1: no box barcode; say in the received list which box it is in").arg(f.code));
        } else {
            if (!byBox.contains(f.box)) boxOrder << f.box;
            byBox[f.box] << i;
        }
        auto ex = scalar(db, QStringLiteral("SELECT count(*) FROM items WHERE archival_code = ?"), f.code);
        if (!ex) return ex.error();
        if (ex->toInt() > 0)
            pr.add(QStringLiteral("%1：档号已在档案室账上").arg(f.code), QStringLiteral("%1: this archival code is already in the books").arg(f.code));
    }
    for (const QString& bc : boxOrder) {
        auto ex = scalar(db, QStringLiteral("SELECT count(*) FROM boxes WHERE barcode = ?"), bc);
        if (!ex) return ex.error();
        if (ex->toInt() > 0)
            pr.add(QStringLiteral("档案盒 %1 已在账上，移交的档案须装在新的档案盒里").arg(bc),
                   QStringLiteral("box %1 is already in the books; transferred files come in new boxes").arg(bc));
        const AcceptedFile& first = files[byBox[bc].first()];
        for (int i : byBox[bc])
            if (files[i].fondsId != first.fondsId || files[i].categoryId != first.categoryId)
                pr.add(QStringLiteral("档案盒 %1 里的 %2 与 %3 不属于同一全宗和门类").arg(bc, files[i].code, first.code),
                       QStringLiteral("box %1 holds %2 and %3 of different fonds or categories").arg(bc, files[i].code, first.code));
    }
    if (loc->capacity > 0) {
        auto used = scalar(db, QStringLiteral("SELECT count(*) FROM boxes WHERE location_id = ? AND state NOT IN ('destroyed','transferred_out')"),
                           loc->id);
        if (!used) return used.error();
        if (used->toInt() + boxOrder.size() > loc->capacity)
            pr.add(QStringLiteral("位置 %1 只剩 %2 个空位，放不下 %3 个档案盒，请另选位置")
                       .arg(loc->barcode).arg(std::max(0, loc->capacity - used->toInt())).arg(boxOrder.size()),
                   QStringLiteral("location %1 has room for %2 more box(es), not %3; choose another location")
                       .arg(loc->barcode).arg(std::max(0, loc->capacity - used->toInt())).arg(boxOrder.size()));
    }
    if (!pr.empty()) {
        Error e = err("R10", QStringLiteral("移交 %1 的档案不能入账，未做任何改动：%2。").arg(transferCode, pr.zh.mid(0, 5).join(QStringLiteral("；"))),
                      QStringLiteral("The files of transfer %1 cannot go into the books; nothing was changed: %2.")
                          .arg(transferCode, pr.en.mid(0, 5).join(QStringLiteral("; "))));
        e.detail = pr.en.join(QLatin1Char('\n'));
        return e;
    }

    for (const QString& bc : boxOrder) {
        const QList<int>& idx = byBox[bc];
        const AcceptedFile& first = files[idx.first()];
        int year = first.year, firstNo = 0, lastNo = 0;
        QString retention = first.retention;
        for (int i : idx) {
            const AcceptedFile& f = files[i];
            year = std::min(year, f.year);
            if (retentionRank(f.retention) > retentionRank(retention)) retention = f.retention;
            if (f.itemNo > 0) {
                firstNo = firstNo ? std::min(firstNo, f.itemNo) : f.itemNo;
                lastNo = std::max(lastNo, f.itemNo);
            }
        }
        Run ins(db, QStringLiteral("INSERT INTO boxes(barcode, fonds_id, year, retention, box_no, first_item_no, last_item_no, org_unit,"
                                   " title, category_id, location_id, state, created_at, updated_at)"
                                   " VALUES(?,?,?,?,'',?,?,'',?,?,?,'in_place',?,?)"));
        if (auto st = ins.exec(bc, first.fondsId, year, retention, firstNo ? QVariant(firstNo) : QVariant(),
                               lastNo ? QVariant(lastNo) : QVariant(), first.title.left(500), first.categoryId, loc->id, now, now);
            !st)
            return st;
        const qint64 boxId = ins.lastId();
        Run mv(db, QStringLiteral("INSERT INTO box_moves(box_id, to_location_id, at, actor, reason) VALUES(?,?,?,?,'transfer')"));
        if (auto st = mv.exec(boxId, loc->id, now, actor); !st) return st;
        for (int i : idx) {
            const AcceptedFile& f = files[i];
            Run it(db, QStringLiteral("INSERT INTO items(archival_code, title, year, retention, security, pages, box_id, item_no, state, created_at)"
                                      " VALUES(?,?,?,?,?,?,?,?,'in_place',?)"));
            if (auto st = it.exec(f.code, f.title.isEmpty() ? f.code : f.title, f.year, f.retention, f.security, f.pages, boxId,
                                  f.itemNo ? QVariant(f.itemNo) : QVariant(), now);
                !st)
                return st;
        }
        if (boxesOut) *boxesOut << bc;
        if (itemsOut) *itemsOut += int(idx.size());
    }
    return okStatus();
}
}  // namespace

Result<TransferInfo> Books::transfer(qint64 transferId) {
    Run r(m_db, QStringLiteral(
        "SELECT t.id, t.code, t.state, d.name, t.sender, t.sender_head, t.received_by, t.created_at, t.completed_at,"
        " (SELECT count(*) FROM transfer_lines x WHERE x.transfer_id = t.id AND x.side = 'register'),"
        " (SELECT count(*) FROM transfer_lines x WHERE x.transfer_id = t.id AND x.side = 'received')"
        " FROM transfers t LEFT JOIN departments d ON d.id = t.from_department_id WHERE t.id = ?"));
    if (auto st = r.exec(transferId); !st) return st.error();
    if (!r.next())
        return notFound(QStringLiteral("找不到移交记录 #%1。").arg(transferId), QStringLiteral("No transfer #%1.").arg(transferId));
    TransferInfo t;
    t.id = r.ll(0);
    t.code = r.s(1);
    t.state = r.s(2);
    t.departmentName = r.s(3);
    t.sender = r.s(4);
    t.senderHead = r.s(5);
    t.receivedBy = r.s(6);
    t.createdAt = r.ll(7);
    t.completedAt = r.ll(8);
    t.registerLines = r.n(9);
    t.receivedLines = r.n(10);
    auto d = reconcile(m_db, transferId, nullptr);
    if (!d) return d.error();
    t.differences = d.value();
    return t;
}

Result<TransferInfo> Books::completeTransfer(qint64 transferId, const QString& staffCard, const QString& differencesNote,
                                             const TransferReceipt& receipt) {
    if (auto e = checkText(differencesNote, 2000, QStringLiteral("差异说明"), QStringLiteral("The note on differences"), false)) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto staff = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st.error();
    auto t = transfer(transferId);
    if (!t) return t.error();
    if (t->state != QLatin1String("open"))
        return badState(QStringLiteral("移交 %1 已完成。").arg(t->code), QStringLiteral("Transfer %1 is already complete.").arg(t->code));
    if (t->receivedLines == 0)
        return err("R10", QStringLiteral("移交 %1 还没有登记任何实收档案，不能完成。请先逐件扫描接收。").arg(t->code),
                   QStringLiteral("Nothing has been received for transfer %1 yet; scan what arrived before completing it.").arg(t->code));
    QHash<qint64, QString> status;
    auto diffs = reconcile(m_db, transferId, &status);
    if (!diffs) return diffs.error();
    if (!diffs->isEmpty() && differencesNote.trimmed().isEmpty()) {
        int missing = 0, extra = 0, mismatch = 0;
        for (const auto& d : diffs.value()) {
            if (d.kind == QLatin1String("missing")) ++missing;
            else if (d.kind == QLatin1String("extra")) ++extra;
            else ++mismatch;
        }
        Error e = err("R10", QStringLiteral("移交清单与实收不符：缺 %1 件、多 %2 件、不符 %3 件。请核对后填写差异说明再完成接收。")
                                 .arg(missing).arg(extra).arg(mismatch),
                      QStringLiteral("The register and what arrived differ: %1 missing, %2 extra, %3 not matching. Check them and "
                                     "record a note on the differences to complete the transfer.").arg(missing).arg(extra).arg(mismatch));
        QStringList detail;
        for (const auto& d : diffs.value()) detail << d.archivalCode + QLatin1Char(' ') + d.kind;
        e.detail = detail.join(QLatin1Char('\n'));
        return e;
    }
    const qint64 now = m_db.nowMs();
    QStringList boxesCreated;
    int itemsCreated = 0;
    if (auto st = acceptReceived(m_db, transferId, t->code, receipt, staff->info.card, now, &boxesCreated, &itemsCreated); !st)
        return st.error();
    for (auto it = status.constBegin(); it != status.constEnd(); ++it) {
        Run u(m_db, QStringLiteral("UPDATE transfer_lines SET status = ? WHERE id = ?"));
        if (auto st = u.exec(it.value(), it.key()); !st) return st.error();
    }
    for (const auto& d : diffs.value()) {
        Run ins(m_db, QStringLiteral("INSERT INTO incidents(kind, at, recorded_by, note) VALUES('transfer_difference',?,?,?)"));
        if (auto st = ins.exec(now, staff->info.card,
                               QStringLiteral("%1 %2 %3: %4").arg(t->code, d.archivalCode, d.kind, d.detail));
            !st)
            return st.error();
    }
    Run u(m_db, QStringLiteral("UPDATE transfers SET state = 'complete', completed_at = ?, received_by = ?, differences = ?, note = ? WHERE id = ?"));
    if (auto st = u.exec(now, staff->info.card, int(diffs->size()), differencesNote.trimmed(), transferId); !st) return st.error();
    QJsonArray dj;
    for (const auto& d : diffs.value()) dj.append(d.archivalCode + QLatin1Char(':') + d.kind);
    if (auto r = ledger(m_db, staff->info.card, "transfer.complete", QStringLiteral("transfer:") + t->code,
                        {{QStringLiteral("differences"), dj}, {QStringLiteral("note"), differencesNote.trimmed()},
                         {QStringLiteral("location"), boxesCreated.isEmpty() ? QString() : cleanCode(receipt.locationBarcode)},
                         {QStringLiteral("boxes"), toJson(boxesCreated)}, {QStringLiteral("items"), itemsCreated}});
        !r)
        return r.error();
    auto out = transfer(transferId);
    if (!out) return out.error();
    out->boxesCreated = boxesCreated;
    out->itemsCreated = itemsCreated;
    if (auto st = tx.commit(); !st) return st.error();
    return out;
}

// ---- appraisal and destruction (R11)

namespace {
Result<AppraisalInfo> loadAppraisal(Database& db, qint64 id) {
    Run r(db, QStringLiteral(
        "SELECT a.id, b.barcode, i.archival_code, a.decision, a.reason, a.state, p.card, q.card, a.appraised_at, a.approved_at"
        " FROM appraisals a JOIN boxes b ON b.id = a.box_id LEFT JOIN items i ON i.id = a.item_id"
        " JOIN people p ON p.id = a.appraiser_id LEFT JOIN people q ON q.id = a.approver_id WHERE a.id = ?"));
    if (auto st = r.exec(id); !st) return st.error();
    if (!r.next())
        return notFound(QStringLiteral("找不到鉴定记录 #%1。").arg(id), QStringLiteral("No appraisal #%1.").arg(id));
    return AppraisalInfo{r.ll(0), r.s(1), r.s(2), r.s(3), r.s(4), r.s(5), r.s(6), r.s(7), r.ll(8), r.ll(9)};
}
}  // namespace

Result<AppraisalInfo> Books::appraise(const QString& code, const QString& decision, const QString& reason,
                                      const QString& archivistCard) {
    if (decision != QLatin1String("destroy") && decision != QLatin1String("keep") && decision != QLatin1String("extend"))
        return badInput(QStringLiteral("鉴定结论只能是“销毁”“继续保存”或“延长保管期限”。"),
                        QStringLiteral("The decision must be destroy, keep or extend."));
    if (auto e = checkText(reason, 2000, QStringLiteral("鉴定意见"), QStringLiteral("The appraisal reason"))) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto staff = loadPerson(m_db, archivistCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st.error();
    BoxRow box;
    qint64 itemId = 0;
    int year = 0;
    QString retention, subject;
    if (auto b = loadBox(m_db, code)) {
        box = b.value();
        year = box.year;
        retention = box.retention;
        subject = QStringLiteral("box:") + box.barcode;
    } else {
        auto it = loadItem(m_db, code);
        if (!it) return it.error();
        auto bb = loadBoxById(m_db, it->boxId);
        if (!bb) return bb.error();
        box = bb.value();
        itemId = it->id;
        year = it->year;
        retention = it->retention;
        subject = QStringLiteral("item:") + it->code;
    }
    if (box.state == QLatin1String("destroyed"))
        return badState(QStringLiteral("档案盒 %1 已销毁。").arg(box.barcode), QStringLiteral("Box %1 is already destroyed.").arg(box.barcode));
    if (decision == QLatin1String("destroy")) {
        const int years = retentionYears(retention);
        if (years < 0)
            return err("R11", QStringLiteral("永久保管的档案不能销毁。"), QStringLiteral("Files kept permanently can never be destroyed."));
        const int nowYear = QDateTime::fromMSecsSinceEpoch(m_db.nowMs()).toLocalTime().date().year();
        if (year + years >= nowYear)
            return err("R11", QStringLiteral("保管期限未满（%1 年形成，%2，%3 年底到期），不能提出销毁。").arg(year).arg(retentionZh(retention)).arg(year + years),
                       QStringLiteral("The retention period has not expired (from %1, %2, expires end of %3); destruction cannot be proposed.")
                           .arg(year).arg(retention).arg(year + years));
    }
    const qint64 now = m_db.nowMs();
    Run ins(m_db, QStringLiteral("INSERT INTO appraisals(box_id, item_id, decision, reason, appraiser_id, appraised_at) VALUES(?,?,?,?,?,?)"));
    if (auto st = ins.exec(box.id, itemId ? QVariant(itemId) : QVariant(), decision, reason.trimmed(), staff->info.id, now); !st)
        return st.error();
    const qint64 id = ins.lastId();
    if (auto r = ledger(m_db, staff->info.card, "appraise", subject,
                        {{QStringLiteral("appraisal"), id}, {QStringLiteral("decision"), decision}, {QStringLiteral("reason"), reason.trimmed()}});
        !r)
        return r.error();
    auto out = loadAppraisal(m_db, id);
    if (!out) return out.error();
    if (auto st = tx.commit(); !st) return st.error();
    return out;
}

Result<AppraisalInfo> Books::approveAppraisal(qint64 appraisalId, const QString& headCard, bool approve) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto head = loadPerson(m_db, headCard, "档案室负责人", "archive-room head");
    if (!head) return head.error();
    auto a = loadAppraisal(m_db, appraisalId);
    if (!a) return a.error();
    if (!head->info.hasRole(QStringLiteral("head")))
        return err("R11", QStringLiteral("鉴定结论须由档案室负责人审批 — %1 不是档案室负责人。请档案室负责人审批鉴定 #%2。").arg(nameOf(head->info)).arg(appraisalId),
                   QStringLiteral("Appraisals are approved by the archive-room head; %1 is not the head. Ask the head to approve appraisal #%2.")
                       .arg(head->info.name).arg(appraisalId));
    if (a->state != QLatin1String("proposed"))
        return badState(QStringLiteral("鉴定 #%1 已审批过（%2）。").arg(appraisalId).arg(a->state),
                        QStringLiteral("Appraisal #%1 was already decided (%2).").arg(appraisalId).arg(a->state));
    if (a->appraiserCard == head->info.card)
        return err("R11", QStringLiteral("鉴定人不能审批自己的鉴定 #%1，请另一位负责人审批。").arg(appraisalId),
                   QStringLiteral("The appraiser cannot approve their own appraisal #%1; another head must approve it.").arg(appraisalId));
    const qint64 now = m_db.nowMs();
    Run u(m_db, QStringLiteral("UPDATE appraisals SET state = ?, approver_id = ?, approved_at = ? WHERE id = ?"));
    if (auto st = u.exec(approve ? QStringLiteral("approved") : QStringLiteral("rejected"), head->info.id, now, appraisalId); !st)
        return st.error();
    if (auto r = ledger(m_db, head->info.card, approve ? "appraisal.approve" : "appraisal.reject",
                        QStringLiteral("appraisal:%1").arg(appraisalId), {{QStringLiteral("decision"), a->decision}});
        !r)
        return r.error();
    auto out = loadAppraisal(m_db, appraisalId);
    if (!out) return out.error();
    if (auto st = tx.commit(); !st) return st.error();
    return out;
}

Status Books::destroy(qint64 appraisalId, const QString& staffCard, const QString& witness, const QString& method) {
    if (auto e = checkText(witness, 200, QStringLiteral("监销人"), QStringLiteral("The witness"))) return *e;
    if (auto e = checkText(method, 200, QStringLiteral("销毁方式"), QStringLiteral("The method"), false)) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    auto staff = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st;
    auto a = loadAppraisal(m_db, appraisalId);
    if (!a) return a.error();
    if (a->decision != QLatin1String("destroy"))
        return err("R11", QStringLiteral("鉴定 #%1 的结论不是销毁，不能销毁。").arg(appraisalId),
                   QStringLiteral("Appraisal #%1 did not decide destruction; nothing may be destroyed.").arg(appraisalId));
    if (a->state == QLatin1String("done"))
        return badState(QStringLiteral("鉴定 #%1 对应的档案已销毁。").arg(appraisalId),
                        QStringLiteral("The files of appraisal #%1 are already destroyed.").arg(appraisalId));
    if (a->state != QLatin1String("approved"))
        return err("R11", QStringLiteral("鉴定 #%1 尚未经档案室负责人批准，不能销毁。请先请负责人审批。").arg(appraisalId),
                   QStringLiteral("Appraisal #%1 is not approved by the archive-room head; ask the head to approve it first.").arg(appraisalId));
    auto box = loadBox(m_db, a->boxBarcode);
    if (!box) return box.error();
    qint64 itemId = 0;
    if (!a->itemCode.isEmpty()) {
        auto it = loadItem(m_db, a->itemCode);
        if (!it) return it.error();
        itemId = it->id;
        if (it->state == QLatin1String("on_loan"))
            return badState(QStringLiteral("档案 %1 已借出，须先归还才能销毁。").arg(it->code),
                            QStringLiteral("File %1 is on loan; it must be returned before destruction.").arg(it->code));
    } else {
        auto lent = scalar(m_db, QStringLiteral("SELECT count(*) FROM loans WHERE box_id = ? AND returned_at IS NULL"), box->id);
        if (!lent) return lent.error();
        if (lent->toInt() > 0)
            return badState(QStringLiteral("档案盒 %1 有未归还的借阅，须先归还才能销毁。").arg(box->barcode),
                            QStringLiteral("Box %1 has open loans; they must be returned before destruction.").arg(box->barcode));
    }
    const qint64 now = m_db.nowMs();
    if (itemId) {
        Run u(m_db, QStringLiteral("UPDATE items SET state = 'destroyed' WHERE id = ?"));
        if (auto st = u.exec(itemId); !st) return st;
    } else {
        Run u(m_db, QStringLiteral("UPDATE boxes SET state = 'destroyed', updated_at = ? WHERE id = ?"));
        if (auto st = u.exec(now, box->id); !st) return st;
        Run ui(m_db, QStringLiteral("UPDATE items SET state = 'destroyed' WHERE box_id = ?"));
        if (auto st = ui.exec(box->id); !st) return st;
    }
    Run ins(m_db, QStringLiteral("INSERT INTO destructions(appraisal_id, box_id, item_id, destroyed_at, destroyed_by, witness, method)"
                                 " VALUES(?,?,?,?,?,?,?)"));
    if (auto st = ins.exec(appraisalId, box->id, itemId ? QVariant(itemId) : QVariant(), now, staff->info.card, witness.trimmed(),
                           method.trimmed());
        !st)
        return st;
    Run u(m_db, QStringLiteral("UPDATE appraisals SET state = 'done' WHERE id = ?"));
    if (auto st = u.exec(appraisalId); !st) return st;
    const QString subject = itemId ? QStringLiteral("item:") + a->itemCode : QStringLiteral("box:") + box->barcode;
    if (auto r = ledger(m_db, staff->info.card, "destroy", subject,
                        {{QStringLiteral("appraisal"), appraisalId}, {QStringLiteral("witness"), witness.trimmed()},
                         {QStringLiteral("method"), method.trimmed()}});
        !r)
        return r.error();
    return tx.commit();
}

}  // namespace archive::db
