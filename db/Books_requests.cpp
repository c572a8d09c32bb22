// Requests and approvals: R4 (head), R5 (archivist review), R6 (leader for external borrowers).
#include "BooksInternal.h"
#include "Transaction.h"

#include <QDateTime>

namespace archive::db {

using namespace detail;

namespace {

const char* const kRequestSelect =
    "SELECT r.id, r.requester_id, p.card, p.name, p.kind, d.name, r.box_id, b.barcode, b.title, r.item_id,"
    " i.archival_code, i.title, i.security, r.purpose, r.mode, r.state, r.needs_head, r.needs_leader, r.needs_review,"
    " r.created_at, r.decided_at, r.note, l.id, l.barcode, rm.code, rm.name, l.cabinet, l.shelf, l.position,"
    " b.max_security_rank, c.security_default"
    " FROM requests r JOIN people p ON p.id = r.requester_id LEFT JOIN departments d ON d.id = p.department_id"
    " JOIN boxes b ON b.id = r.box_id JOIN categories c ON c.id = b.category_id LEFT JOIN items i ON i.id = r.item_id"
    " LEFT JOIN locations l ON l.id = b.location_id LEFT JOIN rooms rm ON rm.id = l.room_id ";

RequestInfo requestFrom(const Run& r) {
    RequestInfo q;
    q.id = r.ll(0);
    q.requesterId = r.ll(1);
    q.requesterCard = r.s(2);
    q.requesterName = r.s(3);
    q.requesterKind = r.s(4);
    q.departmentName = r.s(5);
    q.boxId = r.ll(6);
    q.boxBarcode = r.s(7);
    q.boxTitle = r.s(8);
    q.itemId = r.ll(9);
    q.itemCode = r.s(10);
    q.itemTitle = r.s(11);
    q.security = r.s(12);
    if (!q.itemId) q.security = r.isNull(29) ? r.s(30) : securityLevels().value(r.n(29));
    q.purpose = r.s(13);
    q.mode = r.s(14);
    q.state = r.s(15);
    q.needsHead = r.n(16) != 0;
    q.needsLeader = r.n(17) != 0;
    q.needsReview = r.n(18) != 0;
    q.createdAt = r.ll(19);
    q.decidedAt = r.ll(20);
    q.note = r.s(21);
    q.location.id = r.ll(22);
    q.location.barcode = r.s(23);
    q.location.roomCode = r.s(24);
    q.location.roomName = r.s(25);
    q.location.cabinet = r.s(26);
    q.location.shelf = r.s(27);
    q.location.position = r.s(28);
    return q;
}

Status fillApprovals(Database& db, RequestInfo& q) {
    Run r(db, QStringLiteral("SELECT a.id, a.role, a.decision, p.card, p.name, a.note, a.at FROM approvals a"
                             " JOIN people p ON p.id = a.approver_id WHERE a.request_id = ? ORDER BY a.id"));
    if (auto st = r.exec(q.id); !st) return st;
    QSet<QString> done;
    while (r.next()) {
        ApprovalInfo a{r.ll(0), r.s(1), r.s(2), r.s(3), r.s(4), r.s(5), r.ll(6)};
        if (a.decision == QLatin1String("approved")) done.insert(a.role);
        q.approvals << a;
    }
    q.pendingRoles.clear();
    if (q.state != QLatin1String("pending")) return okStatus();
    if (q.needsHead && !done.contains(QStringLiteral("head"))) q.pendingRoles << QStringLiteral("head");
    if (q.needsLeader && !done.contains(QStringLiteral("leader"))) q.pendingRoles << QStringLiteral("leader");
    if (q.needsReview && !done.contains(QStringLiteral("archivist")) && !done.contains(QStringLiteral("head")))
        q.pendingRoles << QStringLiteral("archivist");
    return okStatus();
}

Result<QList<RequestInfo>> listRequests(Database& db, const QString& where, const QVariantList& binds) {
    Run r(db, QString::fromLatin1(kRequestSelect) + where);
    Status st = okStatus();
    switch (binds.size()) {
    case 0: st = r.exec(); break;
    case 1: st = r.exec(binds[0]); break;
    default: st = r.exec(binds[0], binds[1]); break;
    }
    if (!st) return st.error();
    QList<RequestInfo> out;
    while (r.next()) out << requestFrom(r);
    for (RequestInfo& q : out)
        if (auto s2 = fillApprovals(db, q); !s2) return s2.error();
    return out;
}

// Which pending roles this approver can fill: head fills head and the review; leader fills leader;
// archivist fills the review.
QStringList fillable(const PersonInfo& p, const QStringList& pending) {
    QStringList out;
    for (const QString& role : pending) {
        if (role == QLatin1String("head") && p.hasRole(QStringLiteral("head"))) out << role;
        else if (role == QLatin1String("leader") && p.hasRole(QStringLiteral("leader"))) out << role;
        else if (role == QLatin1String("archivist") &&
                 (p.hasRole(QStringLiteral("archivist")) || p.hasRole(QStringLiteral("head"))))
            out << role;
    }
    return out;
}

Error wrongApprover(const PersonInfo& p, const RequestInfo& q) {
    const QString first = q.pendingRoles.value(0);
    if (first == QLatin1String("head"))
        return err("R4", QStringLiteral("%1档案需档案室负责人批准 — %2 不是档案室负责人。请档案室负责人批准申请 #%3。")
                             .arg(securityZh(q.security), nameOf(p)).arg(q.id),
                   QStringLiteral("%1 files need the archive-room head's approval; %2 is not the head. Ask the archive-room "
                                  "head to approve request #%3.").arg(q.security, p.name).arg(q.id));
    if (first == QLatin1String("leader"))
        return err("R6", QStringLiteral("外单位借阅需主管领导批准 — %1 不是主管领导。请主管领导批准申请 #%2。").arg(nameOf(p)).arg(q.id),
                   QStringLiteral("External borrowers need the supervising leader's approval; %1 is not a leader. Ask the "
                                  "supervising leader to approve request #%2.").arg(p.name).arg(q.id));
    return err("R5", QStringLiteral("此申请需档案员审核 — %1 没有审核权限。请档案员审核申请 #%2。").arg(nameOf(p)).arg(q.id),
               QStringLiteral("This request needs an archivist's review; %1 may not review. Ask an archivist to review "
                              "request #%2.").arg(p.name).arg(q.id));
}

// The pick list's tick of a request: its latest ledger "pick" or "unpick" entry — ticked (who, when) when that is a
// "pick", not ticked when it is an "unpick" or there is none. The ledger is append-only: an undone tick stays in it,
// followed by its "unpick". Uses the ledger's subject index.
Status fillPick(Database& db, RequestInfo& q) {
    Run r(db, QStringLiteral("SELECT l.action, l.at, l.actor, p.name FROM ledger l LEFT JOIN people p ON p.card = l.actor"
                             " WHERE l.subject = ? AND l.action IN ('pick', 'unpick') ORDER BY l.seq DESC LIMIT 1"));
    if (auto st = r.exec(QStringLiteral("request:%1").arg(q.id)); !st) return st;
    q.pickedAt = 0;
    q.pickedByCard.clear();
    q.pickedByName.clear();
    if (r.next() && r.s(0) == QLatin1String("pick")) {
        q.pickedAt = r.ll(1);
        q.pickedByCard = r.s(2);
        q.pickedByName = r.isNull(3) ? r.s(2) : r.s(3);
    }
    return okStatus();
}

QString pickTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

Error alreadyPicked(const RequestInfo& q) {
    return err("already_picked",
               QStringLiteral("申请 #%1 的档案盒 %2 已由 %3 于 %4 取出，无需再扫。").arg(q.id).arg(q.boxBarcode, q.pickedByName, pickTime(q.pickedAt)),
               QStringLiteral("The box %2 of request #%1 was already taken out by %3 at %4; no need to scan it again.")
                   .arg(q.id).arg(q.boxBarcode, q.pickedByName, pickTime(q.pickedAt)));
}

// Appends the "pick" entry of one approved, unpicked request (inside the caller's transaction) and reloads its tick.
Status recordPick(Database& db, RequestInfo& q, const PersonRow& staff) {
    const QString target = q.itemId ? QStringLiteral("item:") + q.itemCode : QStringLiteral("box:") + q.boxBarcode;
    if (auto r = ledger(db, staff.info.card, "pick", QStringLiteral("request:%1").arg(q.id),
                        {{QStringLiteral("box"), q.boxBarcode}, {QStringLiteral("location"), q.location.barcode},
                         {QStringLiteral("target"), target}});
        !r)
        return r.error();
    return fillPick(db, q);
}

}  // namespace

Result<RequestInfo> Books::requestById(qint64 id) {
    auto l = listRequests(m_db, QStringLiteral("WHERE r.id = ?"), {id});
    if (!l) return l.error();
    if (l->isEmpty())
        return notFound(QStringLiteral("找不到借阅申请 #%1。请核对申请单号。").arg(id),
                        QStringLiteral("No request #%1. Check the request number.").arg(id));
    return l->first();
}

Result<RequestInfo> Books::request(const NewRequest& nr) {
    if (auto e = checkText(nr.purpose, 500, QStringLiteral("借阅目的"), QStringLiteral("The purpose"))) return *e;
    if (nr.mode != QLatin1String("take_out") && nr.mode != QLatin1String("on_site"))
        return badInput(QStringLiteral("借阅方式只能是“借出”或“室内查阅”。"),
                        QStringLiteral("The mode must be take_out or on_site."));
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto who = loadPerson(m_db, nr.requesterCard, "借阅者", "borrower");
    if (!who) return who.error();
    BoxRow box;
    qint64 itemId = 0;
    QString security, subject;
    if (!nr.itemCode.trimmed().isEmpty()) {
        auto it = loadItem(m_db, nr.itemCode);
        if (!it) return it.error();
        auto b = loadBoxById(m_db, it->boxId);
        if (!b) return b.error();
        box = b.value();
        itemId = it->id;
        security = it->security;
        subject = QStringLiteral("item:") + it->code;
        if (it->state == QLatin1String("destroyed"))
            return err("R11", QStringLiteral("档案 %1 已销毁，不能借阅。").arg(it->code),
                       QStringLiteral("File %1 has been destroyed and can never be lent.").arg(it->code));
    } else {
        auto b = loadBox(m_db, nr.boxBarcode);
        if (!b) return b.error();
        box = b.value();
        security = box.maxSecurity;
        subject = QStringLiteral("box:") + box.barcode;
    }
    if (box.state == QLatin1String("destroyed"))
        return err("R11", QStringLiteral("档案盒 %1 已销毁，不能借阅。").arg(box.barcode),
                   QStringLiteral("Box %1 has been destroyed and can never be lent.").arg(box.barcode));
    if (box.state == QLatin1String("transferred_out"))
        return badState(QStringLiteral("档案盒 %1 已移出本档案室，不能借阅。").arg(box.barcode),
                        QStringLiteral("Box %1 has left this archive and cannot be requested.").arg(box.barcode));
    const bool external = who->info.kind == QLatin1String("external");
    if (nr.mode == QLatin1String("take_out")) {
        if (box.inRoomOnly)
            return err("R3", QStringLiteral("“%1”类档案仅限室内查阅，不能借出。请改为申请室内查阅。").arg(box.categoryName),
                       QStringLiteral("%1 files are for reading in the archive room only. Request on-site reading instead.")
                           .arg(box.categoryName));
        if (external)
            return err("R6", QStringLiteral("外单位借阅者只能在档案室查阅，不能借出。请改为申请室内查阅（需主管领导批准）。"),
                       QStringLiteral("External borrowers read on site only. Request on-site reading instead (the supervising "
                                      "leader must approve)."));
        auto od = scalar(m_db, QStringLiteral("SELECT count(*) FROM loans WHERE borrower_id = ? AND returned_at IS NULL AND due_at < ?"),
                         who->info.id, m_db.nowMs());
        if (!od) return od.error();
        if (od->toInt() > 0)
            return err("R8", QStringLiteral("%1 有 %2 件逾期未还的档案，须先归还才能再借。").arg(nameOf(who->info)).arg(od->toInt()),
                       QStringLiteral("%1 has %2 overdue loan(s); return them before borrowing again.").arg(who->info.name).arg(od->toInt()));
    }
    if (!external) {
        if (who->info.departmentId == 0)
            return err("R7", QStringLiteral("%1 未登记所属部门，不能借阅。请档案员补登部门。").arg(nameOf(who->info)),
                       QStringLiteral("%1 has no department on record and cannot borrow. Ask the archivist to set it.").arg(who->info.name));
        auto allowed = scalar(m_db, QStringLiteral("SELECT count(*) FROM department_categories WHERE department_id = ? AND category_id = ?"),
                              who->info.departmentId, box.categoryId);
        if (!allowed) return allowed.error();
        if (allowed->toInt() == 0)
            return err("R7", QStringLiteral("%1无权借阅“%2”类档案。如确需借阅，请部门负责人联系档案室调整权限。")
                                 .arg(who->info.departmentName, box.categoryName),
                       QStringLiteral("The department %1 may not borrow %2 files. Ask the archive room to change its permissions.")
                           .arg(who->info.departmentName, box.categoryName));
    }
    {
        auto dup = scalar(m_db, QStringLiteral("SELECT min(id) FROM requests WHERE requester_id = ? AND box_id = ?"
                                               " AND coalesce(item_id, 0) = ? AND state IN ('pending','approved')"),
                          who->info.id, box.id, itemId);
        if (!dup) return dup.error();
        if (!dup->isNull())
            return badState(QStringLiteral("您已有相同的借阅申请 #%1，无需重复申请。").arg(dup->toLongLong()),
                            QStringLiteral("You already have request #%1 for this; no need to ask again.").arg(dup->toLongLong()));
    }
    const bool needHead = isHighSecurity(security) || box.needsHead;
    const bool needLeader = external;
    const bool needReview = box.needsReview || who->deptNeedsReview;
    const bool autoApproved = !needHead && !needLeader && !needReview;
    const qint64 now = m_db.nowMs();
    Run ins(m_db, QStringLiteral("INSERT INTO requests(requester_id, box_id, item_id, purpose, mode, state, needs_head,"
                                 " needs_leader, needs_review, created_at, decided_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)"));
    if (auto st = ins.exec(who->info.id, box.id, itemId ? QVariant(itemId) : QVariant(), nr.purpose.trimmed(), nr.mode,
                           autoApproved ? QStringLiteral("approved") : QStringLiteral("pending"), needHead, needLeader,
                           needReview, now, autoApproved ? QVariant(now) : QVariant());
        !st)
        return st.error();
    const qint64 id = ins.lastId();
    if (auto r = ledger(m_db, who->info.card, "request", QStringLiteral("request:%1").arg(id),
                        {{QStringLiteral("target"), subject}, {QStringLiteral("mode"), nr.mode},
                         {QStringLiteral("purpose"), nr.purpose.trimmed()}, {QStringLiteral("needs_head"), needHead},
                         {QStringLiteral("needs_leader"), needLeader}, {QStringLiteral("needs_review"), needReview}});
        !r)
        return r.error();
    auto out = requestById(id);
    if (!out) return out.error();
    if (auto st = tx.commit(); !st) return st.error();
    return out;
}

Result<RequestInfo> Books::approve(qint64 requestId, const QString& approverCard, const QString& note) {
    if (auto e = checkText(note, 1000, QStringLiteral("意见"), QStringLiteral("The note"), false)) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto who = loadPerson(m_db, approverCard, "审批人", "approver");
    if (!who) return who.error();
    auto q = requestById(requestId);
    if (!q) return q.error();
    if (q->state != QLatin1String("pending"))
        return badState(QStringLiteral("申请 #%1 当前状态为“%2”，无需审批。").arg(requestId).arg(q->state),
                        QStringLiteral("Request #%1 is %2; there is nothing to approve.").arg(requestId).arg(q->state));
    if (q->requesterId == who->info.id)
        return err("forbidden", QStringLiteral("不能审批自己的申请 #%1。请由他人审批。").arg(requestId),
                   QStringLiteral("You cannot approve your own request #%1. Ask someone else.").arg(requestId));
    const QStringList roles = fillable(who->info, q->pendingRoles);
    if (roles.isEmpty()) return wrongApprover(who->info, *q);
    const qint64 now = m_db.nowMs();
    for (const QString& role : roles) {
        Run ins(m_db, QStringLiteral("INSERT INTO approvals(request_id, approver_id, role, decision, at, note)"
                                     " VALUES(?,?,?,'approved',?,?)"));
        if (auto st = ins.exec(requestId, who->info.id, role, now, note); !st) return st.error();
    }
    const bool complete = roles.size() == q->pendingRoles.size();
    if (complete) {
        Run u(m_db, QStringLiteral("UPDATE requests SET state = 'approved', decided_at = ? WHERE id = ?"));
        if (auto st = u.exec(now, requestId); !st) return st.error();
    }
    if (auto r = ledger(m_db, who->info.card, "approve", QStringLiteral("request:%1").arg(requestId),
                        {{QStringLiteral("roles"), roles.join(QLatin1Char(','))}, {QStringLiteral("complete"), complete},
                         {QStringLiteral("note"), note}});
        !r)
        return r.error();
    auto out = requestById(requestId);
    if (!out) return out.error();
    if (auto st = tx.commit(); !st) return st.error();
    return out;
}

Result<RequestInfo> Books::reject(qint64 requestId, const QString& approverCard, const QString& reason) {
    if (auto e = checkText(reason, 1000, QStringLiteral("驳回理由"), QStringLiteral("The reason"))) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto who = loadPerson(m_db, approverCard, "审批人", "approver");
    if (!who) return who.error();
    auto q = requestById(requestId);
    if (!q) return q.error();
    if (q->state != QLatin1String("pending"))
        return badState(QStringLiteral("申请 #%1 当前状态为“%2”，不能驳回。").arg(requestId).arg(q->state),
                        QStringLiteral("Request #%1 is %2 and cannot be rejected.").arg(requestId).arg(q->state));
    const QStringList roles = fillable(who->info, q->pendingRoles);
    if (roles.isEmpty()) return wrongApprover(who->info, *q);
    const qint64 now = m_db.nowMs();
    Run ins(m_db, QStringLiteral("INSERT INTO approvals(request_id, approver_id, role, decision, at, note) VALUES(?,?,?,'rejected',?,?)"));
    if (auto st = ins.exec(requestId, who->info.id, roles.first(), now, reason.trimmed()); !st) return st.error();
    Run u(m_db, QStringLiteral("UPDATE requests SET state = 'rejected', decided_at = ?, note = ? WHERE id = ?"));
    if (auto st = u.exec(now, reason.trimmed(), requestId); !st) return st.error();
    if (auto r = ledger(m_db, who->info.card, "reject", QStringLiteral("request:%1").arg(requestId),
                        {{QStringLiteral("role"), roles.first()}, {QStringLiteral("reason"), reason.trimmed()}});
        !r)
        return r.error();
    auto out = requestById(requestId);
    if (!out) return out.error();
    if (auto st = tx.commit(); !st) return st.error();
    return out;
}

Status Books::cancelRequest(qint64 requestId, const QString& actorCard) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    auto who = loadPerson(m_db, actorCard);
    if (!who) return who.error();
    auto q = requestById(requestId);
    if (!q) return q.error();
    if (q->requesterId != who->info.id && !who->info.isStaff())
        return err("forbidden", QStringLiteral("只有申请人或档案员可以撤销申请 #%1。").arg(requestId),
                   QStringLiteral("Only the requester or an archivist can cancel request #%1.").arg(requestId));
    if (q->state != QLatin1String("pending") && q->state != QLatin1String("approved"))
        return badState(QStringLiteral("申请 #%1 当前状态为“%2”，不能撤销。").arg(requestId).arg(q->state),
                        QStringLiteral("Request #%1 is %2 and cannot be cancelled.").arg(requestId).arg(q->state));
    Run u(m_db, QStringLiteral("UPDATE requests SET state = 'cancelled', decided_at = ? WHERE id = ?"));
    if (auto st = u.exec(m_db.nowMs(), requestId); !st) return st;
    if (auto r = ledger(m_db, who->info.card, "request.cancel", QStringLiteral("request:%1").arg(requestId), {}); !r)
        return r.error();
    return tx.commit();
}

Result<QList<RequestInfo>> Books::requestsOf(const QString& card, bool openOnly) {
    auto who = loadPerson(m_db, card);
    if (!who) return who.error();
    return listRequests(m_db,
                        openOnly ? QStringLiteral("WHERE r.requester_id = ? AND r.state IN ('pending','approved') ORDER BY r.id DESC")
                                 : QStringLiteral("WHERE r.requester_id = ? ORDER BY r.id DESC LIMIT 500"),
                        {who->info.id});
}

Result<QList<RequestInfo>> Books::pendingApprovals(const QString& approverCard) {
    auto who = loadPerson(m_db, approverCard, "审批人", "approver");
    if (!who) return who.error();
    auto all = listRequests(m_db, QStringLiteral("WHERE r.state = 'pending' ORDER BY r.created_at, r.id"), {});
    if (!all) return all.error();
    QList<RequestInfo> out;
    for (const RequestInfo& q : all.value())
        if (q.requesterId != who->info.id && !fillable(who->info, q.pendingRoles).isEmpty()) out << q;
    return out;
}

Result<QList<RequestInfo>> Books::pickList() {
    auto list = listRequests(m_db, QStringLiteral("WHERE r.state = 'approved' ORDER BY rm.code, l.cabinet, l.shelf, l.position, b.barcode, r.id"),
                             {});
    if (!list) return list;
    for (RequestInfo& q : list.value())
        if (auto st = fillPick(m_db, q); !st) return st.error();
    return list;
}

namespace {
// A pick-list tick or its undo, inside the caller's transaction: the staff card (an archivist's or the head's) and the
// request, refused as values in that order.
Result<std::pair<PersonRow, RequestInfo>> staffAndRequest(Books& books, Database& db, const QString& staffCard, qint64 requestId) {
    auto who = loadPerson(db, staffCard, "档案员", "archivist");
    if (!who) return who.error();
    if (auto st = requireStaff(who.value()); !st) return st.error();
    auto q = books.requestById(requestId);
    if (!q) return q.error();
    return std::pair{who.value(), q.value()};
}
}  // namespace

Result<RequestInfo> Books::pickRequest(qint64 requestId, const QString& boxBarcode, const QString& staffCard) {
    const QString barcode = cleanCode(boxBarcode);
    if (auto e = checkText(barcode, 64, QStringLiteral("档案盒条码"), QStringLiteral("The box barcode"))) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto sr = staffAndRequest(*this, m_db, staffCard, requestId);
    if (!sr) return sr.error();
    auto& [staff, request] = sr.value();
    if (request.state != QLatin1String("approved")) {
        const QString zh = request.state == QLatin1String("pending")     ? QStringLiteral("尚未批准")
                           : request.state == QLatin1String("fulfilled") ? QStringLiteral("已借出")
                           : request.state == QLatin1String("rejected")  ? QStringLiteral("已驳回")
                                                                    : QStringLiteral("已撤销");
        return badState(QStringLiteral("申请 #%1 %2，不在调卷单上。请把档案盒 %3 放回原处。").arg(requestId).arg(zh, barcode),
                        QStringLiteral("Request #%1 is %2, not approved, so it is not on the pick list. Put box %3 back.")
                            .arg(requestId).arg(request.state, barcode));
    }
    if (request.boxBarcode != barcode)
        return err("wrong_box",
                   QStringLiteral("档案盒 %1 不是申请 #%2 要调的档案盒。请放回原处，去取 %3（架位 %4）。")
                       .arg(barcode).arg(requestId).arg(request.boxBarcode, request.location.barcode),
                   QStringLiteral("Box %1 is not the box of request #%2. Put it back and take %3 (shelf %4).")
                       .arg(barcode).arg(requestId).arg(request.boxBarcode, request.location.barcode));
    if (auto st = fillPick(m_db, request); !st) return st.error();
    if (request.pickedAt) return alreadyPicked(request);
    if (auto st = recordPick(m_db, request, staff); !st) return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return request;
}

Result<RequestInfo> Books::unpickRequest(qint64 requestId, const QString& staffCard, const QString& reason) {
    if (auto e = checkText(reason, 500, QStringLiteral("撤销原因"), QStringLiteral("The reason"))) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto sr = staffAndRequest(*this, m_db, staffCard, requestId);
    if (!sr) return sr.error();
    auto& [staff, request] = sr.value();
    if (request.state == QLatin1String("fulfilled"))
        return badState(QStringLiteral("申请 #%1 的档案盒 %2 已借出，勾选不能再撤销。档案盒归还时请在档案盒页办理归还。")
                            .arg(requestId).arg(request.boxBarcode),
                        QStringLiteral("The box %2 of request #%1 has been handed out; its tick can no longer be undone. "
                                       "When the box comes back, check it in at the box desk.").arg(requestId).arg(request.boxBarcode));
    if (request.state != QLatin1String("approved")) {
        const QString zh = request.state == QLatin1String("pending")    ? QStringLiteral("尚未批准")
                           : request.state == QLatin1String("rejected") ? QStringLiteral("已驳回")
                                                                   : QStringLiteral("已撤销");
        return badState(QStringLiteral("申请 #%1 %2，不在调卷单上，没有可撤销的勾选。").arg(requestId).arg(zh),
                        QStringLiteral("Request #%1 is %2, not on the pick list; there is no tick to undo.")
                            .arg(requestId).arg(request.state));
    }
    if (auto st = fillPick(m_db, request); !st) return st.error();
    if (!request.pickedAt)
        return err("not_picked",
                   QStringLiteral("申请 #%1 的档案盒 %2 尚未勾选为已取出，无需撤销。").arg(requestId).arg(request.boxBarcode),
                   QStringLiteral("The box %2 of request #%1 is not ticked as taken out; there is nothing to undo.")
                       .arg(requestId).arg(request.boxBarcode));
    const QString target = request.itemId ? QStringLiteral("item:") + request.itemCode : QStringLiteral("box:") + request.boxBarcode;
    if (auto r = ledger(m_db, staff.info.card, "unpick", QStringLiteral("request:%1").arg(requestId),
                        {{QStringLiteral("box"), request.boxBarcode}, {QStringLiteral("location"), request.location.barcode},
                         {QStringLiteral("target"), target}, {QStringLiteral("reason"), reason.trimmed()},
                         {QStringLiteral("picked_by"), request.pickedByCard}, {QStringLiteral("picked_at"), request.pickedAt}});
        !r)
        return r.error();
    if (auto st = fillPick(m_db, request); !st) return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return request;
}

Result<QList<RequestInfo>> Books::pickBox(const QString& boxBarcode, const QString& staffCard) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto who = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!who) return who.error();
    if (auto st = requireStaff(who.value()); !st) return st.error();
    auto box = loadBox(m_db, boxBarcode);
    if (!box) return box.error();
    auto open = listRequests(m_db, QStringLiteral("WHERE r.state = 'approved' AND r.box_id = ? ORDER BY r.id"), {box->id});
    if (!open) return open.error();
    if (open->isEmpty())
        return err("not_on_pick_list",
                   QStringLiteral("%1 不在调卷单上，请放回原处。").arg(box->barcode),
                   QStringLiteral("%1 is not on the pick list; put it back.").arg(box->barcode));
    QList<RequestInfo> picked;
    for (RequestInfo& q : open.value()) {
        if (auto st = fillPick(m_db, q); !st) return st.error();
        if (q.pickedAt) continue;
        if (auto st = recordPick(m_db, q, who.value()); !st) return st.error();
        picked << q;
    }
    if (picked.isEmpty()) return alreadyPicked(open->first());
    if (auto st = tx.commit(); !st) return st.error();
    return picked;
}

}  // namespace archive::db
