// Loans: check-out, check-in (single and batch), renewal, loss. Rules R1–R9, R11.
#include "BooksInternal.h"
#include "Transaction.h"

#include <QJsonArray>

namespace archive::db {

using namespace detail;

namespace {

struct LendTarget {
    BoxRow box;
    qint64 itemId = 0;
    QString itemCode;
    QString security;  // of the item, or the box's highest
    QString label() const {
        return itemId ? QStringLiteral("%1（%2）").arg(itemCode, box.barcode) : box.barcode;
    }
};

// The approved request that covers this loan: given explicitly, or the borrower's latest approved
// take-out request for the box/item. Returns 0 when there is none.
struct RequestCheck { qint64 id = 0; bool headApproved = false, reviewed = false; qint64 pendingId = 0; };

Result<RequestCheck> findRequest(Database& db, qint64 borrowerId, const LendTarget& t, qint64 requestId,
                                 const QString& mode) {
    RequestCheck rc;
    const QString cols = QStringLiteral(
        "SELECT r.id, r.state, r.mode, r.requester_id, r.box_id, r.item_id,"
        " (SELECT count(*) FROM approvals a WHERE a.request_id = r.id AND a.role = 'head' AND a.decision = 'approved'),"
        " (SELECT count(*) FROM approvals a WHERE a.request_id = r.id AND a.role IN ('archivist','head')"
        "  AND a.decision = 'approved') FROM requests r ");
    if (requestId > 0) {
        Run r(db, cols + QStringLiteral("WHERE r.id = ?"));
        if (auto st = r.exec(requestId); !st) return st.error();
        if (!r.next())
            return notFound(QStringLiteral("找不到借阅申请 #%1。").arg(requestId), QStringLiteral("No request #%1.").arg(requestId));
        if (r.ll(3) != borrowerId || r.ll(4) != t.box.id || (r.ll(5) != 0 && r.ll(5) != t.itemId))
            return badInput(QStringLiteral("借阅申请 #%1 不是此人对 %2 的申请。请核对申请单号。").arg(requestId).arg(t.label()),
                            QStringLiteral("Request #%1 is not this person's request for %2. Check the request number.")
                                .arg(requestId).arg(t.label()));
        if (r.s(1) == QLatin1String("pending")) { rc.pendingId = requestId; return rc; }
        if (r.s(1) != QLatin1String("approved"))
            return badState(QStringLiteral("借阅申请 #%1 的状态是“%2”，不能据此办理。请重新申请。").arg(requestId).arg(r.s(1)),
                            QStringLiteral("Request #%1 is %2 and cannot be used. Please make a new request.").arg(requestId).arg(r.s(1)));
        if (r.s(2) != mode)
            return err("R6", QStringLiteral("借阅申请 #%1 只批准了在档案室查阅，不能借出。").arg(requestId),
                       QStringLiteral("Request #%1 was approved for reading in the archive room only, not for taking out.").arg(requestId));
        rc.id = r.ll(0);
        rc.headApproved = r.n(6) > 0;
        rc.reviewed = r.n(7) > 0;
        return rc;
    }
    Run r(db, cols + QStringLiteral("WHERE r.requester_id = ? AND r.box_id = ? AND (r.item_id IS NULL OR r.item_id = ?)"
                                    " AND r.mode = ? AND r.state IN ('approved','pending') ORDER BY r.state, r.id DESC"));
    if (auto st = r.exec(borrowerId, t.box.id, t.itemId, mode); !st) return st.error();
    while (r.next()) {
        if (r.s(1) == QLatin1String("approved")) {
            rc.id = r.ll(0);
            rc.headApproved = r.n(6) > 0;
            rc.reviewed = r.n(7) > 0;
            return rc;
        }
        if (!rc.pendingId) rc.pendingId = r.ll(0);
    }
    return rc;
}

// R7's and R8's counts when the caller has already read them (check-out of a whole box reads them in its one
// joined statement); -1: checkLendRules queries them itself.
struct LendCounts { int allowed = -1, overdue = -1; };

// All lending rules for a take-out loan, in the order a person can act on them. Returns the request used.
Result<qint64> checkLendRules(Database& db, const PersonRow& borrower, const LendTarget& t, qint64 requestId,
                              LendCounts pre = {}) {
    const BoxRow& b = t.box;
    const QString who = nameOf(borrower.info);
    if (b.state == QLatin1String("destroyed"))
        return err("R11", QStringLiteral("档案盒 %1 已销毁，不能借出。").arg(b.barcode),
                   QStringLiteral("Box %1 has been destroyed and can never be lent.").arg(b.barcode));
    if (b.state == QLatin1String("on_loan"))
        return badState(QStringLiteral("档案盒 %1 已借出，尚未归还。请先办理归还。").arg(b.barcode),
                        QStringLiteral("Box %1 is already on loan. Check it in first.").arg(b.barcode));
    if (b.state != QLatin1String("in_place"))
        return badState(QStringLiteral("档案盒 %1 当前状态为“%2”，不能借出。请先核实档案盒。").arg(b.barcode, boxStateZh(b.state)),
                        QStringLiteral("Box %1 is %2 and cannot be lent. Please check the box first.").arg(b.barcode, b.state));
    if (b.inRoomOnly)
        return err("R3", QStringLiteral("“%1”类档案仅限室内查阅，不能借出。请登记室内查阅或由档案员复制。").arg(b.categoryName),
                   QStringLiteral("%1 files are for reading in the archive room only and cannot be taken out. "
                                  "Record an on-site reading or ask the archivist for a copy.").arg(b.categoryName));
    if (borrower.info.kind == QLatin1String("external"))
        return err("R6", QStringLiteral("%1 是外单位借阅者，只能在档案室查阅（需主管领导批准），不能借出。").arg(who),
                   QStringLiteral("%1 (%2) is an external borrower: reading on site only, with the supervising leader's "
                                  "approval; files cannot be taken out.").arg(borrower.info.name, borrower.info.card));
    // R7: the department's permission profile.
    if (borrower.info.departmentId == 0)
        return err("R7", QStringLiteral("%1 未登记所属部门，不能借阅。请档案员补登部门。").arg(who),
                   QStringLiteral("%1 (%2) has no department on record and cannot borrow. Ask the archivist to set it.")
                       .arg(borrower.info.name, borrower.info.card));
    {
        int allowed = pre.allowed;
        if (allowed < 0) {
            auto a = scalar(db, QStringLiteral("SELECT count(*) FROM department_categories WHERE department_id = ? AND category_id = ?"),
                            borrower.info.departmentId, b.categoryId);
            if (!a) return a.error();
            allowed = a->toInt();
        }
        if (allowed == 0)
            return err("R7", QStringLiteral("%1（%2）无权借阅“%3”类档案。如确需借阅，请部门负责人联系档案室调整权限。")
                                 .arg(borrower.info.departmentName, who, b.categoryName),
                       QStringLiteral("The department %1 of %2 may not borrow %3 files. Ask the archive room to change the "
                                      "department's permissions if this is needed.")
                           .arg(borrower.info.departmentName, borrower.info.name, b.categoryName));
    }
    // R8: overdue loans block new loans.
    {
        int overdue = pre.overdue;
        if (overdue < 0) {
            auto od = scalar(db, QStringLiteral("SELECT count(*) FROM loans WHERE borrower_id = ? AND returned_at IS NULL AND due_at < ?"),
                             borrower.info.id, db.nowMs());
            if (!od) return od.error();
            overdue = od->toInt();
        }
        if (overdue > 0)
            return err("R8", QStringLiteral("%1 有 %2 件逾期未还的档案，须先归还才能再借。").arg(who).arg(overdue),
                       QStringLiteral("%1 (%2) has %3 overdue loan(s); return them before borrowing again.")
                           .arg(borrower.info.name, borrower.info.card).arg(overdue));
    }
    const bool needHead = isHighSecurity(t.security) || b.needsHead;
    const bool needReview = b.needsReview || borrower.deptNeedsReview;
    qint64 usedRequest = 0;
    if (needHead || needReview || requestId > 0) {
        auto rc = findRequest(db, borrower.info.id, t, requestId, QStringLiteral("take_out"));
        if (!rc) return rc.error();
        if (needHead && !(rc->id && rc->headApproved)) {
            const QString level = isHighSecurity(t.security) ? securityZh(t.security) : b.categoryName;
            if (rc->pendingId)
                return err("R4", QStringLiteral("%1档案需档案室负责人批准。借阅申请 #%2 尚待负责人批准，请联系档案室负责人。")
                                     .arg(level).arg(rc->pendingId),
                           QStringLiteral("%1 files need the archive-room head's approval: ask the archive-room head to approve request #%2.")
                               .arg(isHighSecurity(t.security) ? t.security : b.categoryName).arg(rc->pendingId));
            return err("R4", QStringLiteral("%1档案需档案室负责人批准后才能借出。请先提交借阅申请，并请档案室负责人批准。").arg(level),
                       QStringLiteral("%1 files can only be lent after the archive-room head approves: make a request and ask "
                                      "the archive-room head to approve it.").arg(isHighSecurity(t.security) ? t.security : b.categoryName));
        }
        if (needReview && !(rc->id && rc->reviewed)) {
            if (rc->pendingId)
                return err("R5", QStringLiteral("此借阅需档案员审核。借阅申请 #%1 尚待审核，请联系档案员。").arg(rc->pendingId),
                           QStringLiteral("This loan needs an archivist's review: ask an archivist to review request #%1.").arg(rc->pendingId));
            return err("R5", QStringLiteral("此类借阅需档案员审核。请先提交借阅申请，审核通过后再借。"),
                       QStringLiteral("This loan needs an archivist's review: make a request and wait for its approval."));
        }
        if (requestId > 0 && !rc->id)
            return badState(QStringLiteral("借阅申请 #%1 尚未批准。").arg(requestId), QStringLiteral("Request #%1 is not approved yet.").arg(requestId));
        usedRequest = rc->id;
    }
    if (b.loanDays <= 0)
        return err("R1", QStringLiteral("“%1”类档案未设置借期，不能借出。请管理员先设置该门类的借阅期限。").arg(b.categoryName),
                   QStringLiteral("The category %1 has no loan period, so nothing can be lent. Ask the administrator to set it.")
                       .arg(b.categoryName));
    return usedRequest;
}

Result<qint64> insertLoan(Database& db, const PersonRow& borrower, const PersonRow& staff, const LendTarget& t,
                          qint64 requestId, qint64 now, qint64 due, qint64 presetId = 0) {
    // PostgreSQL: the new id comes back with the INSERT (QPSQL's lastInsertId is one more round trip,
    // SELECT lastval()); SQLite's last rowid costs nothing, so it keeps the plain INSERT.
    const bool pg = db.dialect() == Dialect::PostgreSQL;
    qint64 loanId = 0;
    if (pg && presetId && !t.itemId &&
        Transaction::queueStatement(db, QStringLiteral("SELECT loan_checkout_write(%1, %2, %3, %4, %5, %6, %7)")
                                            .arg(presetId)
                                            .arg(t.box.id)
                                            .arg(borrower.info.id)
                                            .arg(requestId ? QString::number(requestId) : QStringLiteral("NULL"))
                                            .arg(now)
                                            .arg(due)
                                            .arg(Transaction::literal(db, staff.info.card)))) {
        // A whole box in a scoped PostgreSQL transaction: the box goes out and the loan is written by the server
        // function of 0006, sent with the ledger entry and COMMIT (no round trip of its own).
        loanId = presetId;
    } else {
        Run ins(db, pg ? QStringLiteral("INSERT INTO loans(box_id, item_id, borrower_id, request_id, out_at, due_at, out_by)"
                                        " VALUES(?,?,?,?,?,?,?) RETURNING id")
                       : QStringLiteral("INSERT INTO loans(box_id, item_id, borrower_id, request_id, out_at, due_at, out_by)"
                                        " VALUES(?,?,?,?,?,?,?)"));
        if (auto st = ins.exec(t.box.id, t.itemId ? QVariant(t.itemId) : QVariant(), borrower.info.id,
                               requestId ? QVariant(requestId) : QVariant(), now, due, staff.info.card);
            !st)
            return st.error();
        loanId = pg ? (ins.next() ? ins.ll(0) : 0) : ins.lastId();
        if (t.itemId) {
            Run u(db, QStringLiteral("UPDATE items SET state = 'on_loan' WHERE id = ?"));
            if (auto st = u.exec(t.itemId); !st) return st.error();
        } else {
            Run u(db, QStringLiteral("UPDATE boxes SET state = 'on_loan', updated_at = ? WHERE id = ?"));
            if (auto st = u.exec(now, t.box.id); !st) return st.error();
        }
    }
    if (requestId) {
        Run u(db, QStringLiteral("UPDATE requests SET state = 'fulfilled' WHERE id = ?"));
        if (auto st = u.exec(requestId); !st) return st.error();
    }
    QJsonObject d{{QStringLiteral("loan"), loanId}, {QStringLiteral("borrower"), borrower.info.card},
                  {QStringLiteral("due"), due}, {QStringLiteral("box"), t.box.barcode}};
    if (requestId) d.insert(QStringLiteral("request"), requestId);
    const QString subject = t.itemId ? QStringLiteral("item:") + t.itemCode : QStringLiteral("box:") + t.box.barcode;
    if (auto l = ledger(db, staff.info.card, "checkout", subject, d); !l) return l.error();
    return loanId;
}

// Finds the open loan for a box barcode (whole-box loan) or an item code, read in full in the same query
// (no second read of the loan by id).
Result<LoanInfo> findOpenLoan(Database& db, const QString& codeIn) {
    const QString code = cleanCode(codeIn);
    if (auto e = checkText(code, 128, QStringLiteral("条码或档号"), QStringLiteral("The barcode or archival code"))) return *e;
    const qint64 now = db.nowMs();
    // SQLite: the two reads through the C API on statements only used here (the check-in batch's hottest reads).
    static const QString boxSql = QString::fromLatin1(kLoanSelect) +
                                  QStringLiteral("WHERE b.barcode = ?1 AND l.returned_at IS NULL AND l.item_id IS NULL");
    static const QString itemSql = QString::fromLatin1(kLoanSelect) + QStringLiteral("WHERE i.archival_code = ?1 AND l.returned_at IS NULL");
    bool readBoth = false;  // both reads done on the fast path, no open loan
    for (const QString* sql : {&boxSql, &itemSql}) {
        SqliteStmt st = sqliteStatement(db, *sql);
        if (!st) {
            if (db.dialect() == Dialect::SQLite && !st.failed.code.isEmpty()) return st.failed;
            break;  // PostgreSQL (or no handle): the Qt Sql reads below
        }
        std::optional<Error> error;
        const bool found = sqliteStepText(st, 1, code, &error);
        const LoanInfo l = found ? loanFrom(st.st, now) : LoanInfo{};
        sqliteReset(st);
        if (error) return *error;
        if (found) return l;
        readBoth = sql == &itemSql;
    }
    if (!readBoth) {
        {
            Run r(db, QString::fromLatin1(kLoanSelect) +
                          QStringLiteral("WHERE b.barcode = ? AND l.returned_at IS NULL AND l.item_id IS NULL"));
            if (auto st = r.exec(code); !st) return st.error();
            if (r.next()) return loanFrom(r, now);
        }
        {
            Run r(db, QString::fromLatin1(kLoanSelect) + QStringLiteral("WHERE i.archival_code = ? AND l.returned_at IS NULL"));
            if (auto st = r.exec(code); !st) return st.error();
            if (r.next()) return loanFrom(r, now);
        }
    }
    auto isBox = scalar(db, QStringLiteral("SELECT count(*) FROM boxes WHERE barcode = ?"), code);
    if (!isBox) return isBox.error();
    auto isItem = scalar(db, QStringLiteral("SELECT count(*) FROM items WHERE archival_code = ?"), code);
    if (!isItem) return isItem.error();
    if (isBox->toInt() == 0 && isItem->toInt() == 0)
        return notFound(QStringLiteral("找不到条码或档号 %1。请检查后重试。").arg(code),
                        QStringLiteral("No box or file with code %1. Please check it and try again.").arg(code));
    if (isBox->toInt() > 0) {
        auto parts = scalar(db, QStringLiteral("SELECT count(*) FROM loans l JOIN boxes b ON b.id = l.box_id"
                                               " WHERE b.barcode = ? AND l.returned_at IS NULL"), code);
        if (parts && parts->toInt() > 0)
            return badState(QStringLiteral("档案盒 %1 未整盒借出，但其中有 %2 件单独借出。请逐件扫描档号归还。").arg(code).arg(parts->toInt()),
                            QStringLiteral("Box %1 is not lent as a whole, but %2 of its files are. Scan each file's code to return it.")
                                .arg(code).arg(parts->toInt()));
    }
    return badState(QStringLiteral("%1 没有未归还的借阅记录，无需归还。").arg(code),
                    QStringLiteral("%1 has no open loan; there is nothing to return.").arg(code));
}

qint64 overdueIncidentDays(Database& db) { return settingInt(db, QStringLiteral("overdue_incident_days"), 30); }

// One check-in inside an open transaction. All checks happen before the first write.
// overdueIncidentDays: the setting overdue_incident_days (read once per batch by the caller).
// known: the open loan when the caller already read it (in the same transaction, under the box's lock).
Result<LoanInfo> checkInOne(Database& db, const PersonRow& staff, const QString& code, ReturnCondition cond,
                            const QString& note, qint64 now, qint64 overdueIncidentDays, const LoanInfo* known = nullptr) {
    if (auto e = checkText(note, 2000, QStringLiteral("备注"), QStringLiteral("The note"), false)) return *e;
    LoanInfo l;
    if (known) {
        l = *known;
    } else {
        auto loan = findOpenLoan(db, code);
        if (!loan) return loan.error();
        l = loan.value();
    }
    const QString condCode = conditionCode(cond);
    const QString newState = cond == ReturnCondition::Lost ? QStringLiteral("missing") : QStringLiteral("in_place");
    if (db.dialect() == Dialect::PostgreSQL && !l.itemId &&
        Transaction::queueStatement(db, QStringLiteral("SELECT loan_checkin_write(%1, %2, %3, %4, %5, %6, %7)")
                                            .arg(l.id)
                                            .arg(now)
                                            .arg(Transaction::literal(db, condCode), Transaction::literal(db, staff.info.card),
                                                 Transaction::literal(db, note.isNull() ? QString::fromLatin1("") : note))
                                            .arg(l.boxId)
                                            .arg(Transaction::literal(db, newState)))) {
        // A whole box in a scoped PostgreSQL transaction: the loan is closed and the box shelved by the server
        // function of 0006, sent with the ledger entry and COMMIT (no round trip of its own).
    } else {
        {
            Run u(db, QStringLiteral("UPDATE loans SET returned_at = ?, return_condition = ?, in_by = ?,"
                                     " note = CASE WHEN ? = '' THEN note ELSE ? END WHERE id = ? AND returned_at IS NULL"));
            if (auto st = u.exec(now, condCode, staff.info.card, note, note, l.id); !st) return st.error();
        }
        if (l.itemId) {
            Run u(db, QStringLiteral("UPDATE items SET state = ? WHERE id = ?"));
            if (auto st = u.exec(newState, l.itemId); !st) return st.error();
        } else {
            Run u(db, QStringLiteral("UPDATE boxes SET state = ?, updated_at = ? WHERE id = ?"));
            if (auto st = u.exec(newState, now, l.boxId); !st) return st.error();
        }
    }
    // R9: damage, loss, incompleteness and long overdue are incidents against the borrower.
    QString incidentKind;
    if (cond != ReturnCondition::Ok) incidentKind = condCode;
    else if (now > l.dueAt + overdueIncidentDays * kDayMs) incidentKind = QStringLiteral("overdue");
    QJsonObject d{{QStringLiteral("loan"), l.id}, {QStringLiteral("borrower"), l.borrowerCard},
                  {QStringLiteral("condition"), condCode}, {QStringLiteral("due"), l.dueAt}};
    if (!note.isEmpty()) d.insert(QStringLiteral("note"), note);
    if (!incidentKind.isEmpty()) {
        const bool pg = db.dialect() == Dialect::PostgreSQL;  // as in insertLoan: the id with the INSERT
        Run ins(db, pg ? QStringLiteral("INSERT INTO incidents(kind, person_id, loan_id, box_id, item_id, at, recorded_by, note)"
                                        " VALUES(?,?,?,?,?,?,?,?) RETURNING id")
                       : QStringLiteral("INSERT INTO incidents(kind, person_id, loan_id, box_id, item_id, at, recorded_by, note)"
                                        " VALUES(?,?,?,?,?,?,?,?)"));
        QString n = note;
        if (incidentKind == QLatin1String("overdue"))
            n = QStringLiteral("逾期 %1 天归还 / returned %1 days late").arg((now - l.dueAt) / kDayMs);
        if (auto st = ins.exec(incidentKind, l.borrowerId, l.id, l.boxId, l.itemId ? QVariant(l.itemId) : QVariant(), now,
                               staff.info.card, n);
            !st)
            return st.error();
        l.incidentId = pg ? (ins.next() ? ins.ll(0) : 0) : ins.lastId();
        d.insert(QStringLiteral("incident"), l.incidentId);
        d.insert(QStringLiteral("incident_kind"), incidentKind);
    }
    const QString subject = l.itemId ? QStringLiteral("item:") + l.itemCode : QStringLiteral("box:") + l.boxBarcode;
    if (auto r = ledger(db, staff.info.card, "checkin", subject, d); !r) return r.error();
    l.returnedAt = now;
    l.returnCondition = condCode;
    l.inBy = staff.info.card;
    l.overdue = false;
    return l;
}

}  // namespace

namespace {
// The joined reads of check-out and check-in (one round trip on PostgreSQL) always yield one row; none means the read
// itself went wrong.
Error joinedReadFailed(const char* what) {
    return makeError(QStringLiteral("db_error"), QStringLiteral("数据库出错，操作未保存。请重试；如仍失败请联系管理员。"),
                     QStringLiteral("A database error occurred; nothing was saved. Try again, and call the administrator if it persists."),
                     QString::fromLatin1(what) + QStringLiteral(": no row"));
}
// The staff card's columns (personColumns, from column 0) of such a read: refused as loadPerson would refuse it.
Result<PersonRow> staffFromJoinedRead(const Run& r, const QString& staffCode) {
    if (r.isNull(0)) return personNotFound(staffCode, "档案员", "archivist");
    PersonRow staff = personFrom(r, 0);
    if (auto st = requireActive(staff); !st) return st.error();
    return staff;
}
}  // namespace

Result<LoanInfo> Books::checkOutBox(const QString& boxBarcode, const QString& borrowerCard, const QString& staffCard,
                                    qint64 requestId) {
    mapForLookups(m_db);
    Transaction tx(m_db, WriteScope::loan(boxBarcode, borrowerCard));  // PostgreSQL: box + borrower locks only
    if (!tx.begun()) return tx.begun().error();
    std::optional<PersonRow> staff, borrower;
    LendTarget t;
    LendCounts counts;
    int partsOnLoan = 0;
    qint64 presetLoanId = 0;  // PostgreSQL: the id read with the rules (0: the INSERT assigns it)
    const QString staffCode = cleanCode(staffCard), borrowerCode = cleanCode(borrowerCard), boxCode = cleanCode(boxBarcode);
    const bool wellFormed = !checkText(staffCode, 64, QString(), QString()) && !checkText(borrowerCode, 64, QString(), QString()) &&
                            !checkText(boxCode, 64, QString(), QString());
    if (wellFormed) {
        // One statement for every read of the rules (one round trip on PostgreSQL instead of six): staff, borrower,
        // box with its category, the box's files on loan, R7's permission and R8's overdue count. The refusals are
        // decided below in the same order as the separate reads (else branch), so both give the same answers.
        // PostgreSQL also takes the new loan's id from its sequence here (column 49), so the loan can be written with
        // the ledger entry and COMMIT in one message (Transaction::queueStatement). A refused check-out leaves a gap
        // in the loan numbers, as a rolled-back one always did.
        static const QString columns =
            QStringLiteral("SELECT ") + personColumns("s", "sd") + QStringLiteral(", ") + personColumns("p", "d") +
            QStringLiteral(", ") + boxColumns() +
            QStringLiteral(", b.items_on_loan,"
                           " (SELECT count(*) FROM department_categories dc WHERE dc.department_id = p.department_id"
                           "  AND dc.category_id = b.category_id),"
                           " (SELECT count(*) FROM loans ol WHERE ol.borrower_id = p.id AND ol.returned_at IS NULL AND ol.due_at < ?)");
        const bool pg = m_db.dialect() == Dialect::PostgreSQL;
        static const QString from =
            QStringLiteral(" FROM (SELECT 1 AS one) one"
                           " LEFT JOIN people s ON s.card = ? LEFT JOIN departments sd ON sd.id = s.department_id"
                           " LEFT JOIN people p ON p.card = ? LEFT JOIN departments d ON d.id = p.department_id"
                           " LEFT JOIN boxes b ON b.barcode = ? LEFT JOIN categories c ON c.id = b.category_id");
        static const QString sqlite = columns + from, sqlPg = columns + QStringLiteral(", nextval('loans_id_seq')") + from;
        Run r(m_db, pg ? sqlPg : sqlite);
        if (auto st = r.exec(m_db.nowMs(), staffCode, borrowerCode, boxCode); !st) return st.error();
        if (!r.next()) return joinedReadFailed("check-out read");  // it always yields one row
        auto s = staffFromJoinedRead(r, staffCode);
        if (!s) return s.error();
        staff = *s;
        if (auto st = requireStaff(*staff); !st) return st.error();
        if (r.isNull(14)) return personNotFound(borrowerCode, "借阅者", "borrower");
        borrower = personFrom(r, 14);
        if (auto st = requireActive(*borrower); !st) return st.error();
        if (r.isNull(28)) return noSuchBox(boxCode);
        t.box = boxRowFrom(r, 28);
        partsOnLoan = r.n(46);
        counts.allowed = r.n(47);
        counts.overdue = r.n(48);
        if (pg) presetLoanId = r.ll(49);
    } else {
        // A malformed card or barcode: the separate reads, which refuse it at the same point as always.
        auto s = loadPerson(m_db, staffCard, "档案员", "archivist");
        if (!s) return s.error();
        staff = *s;
        if (auto st = requireStaff(*staff); !st) return st.error();
        auto p = loadPerson(m_db, borrowerCard, "借阅者", "borrower");
        if (!p) return p.error();
        borrower = *p;
        auto box = loadBox(m_db, boxBarcode);
        if (!box) return box.error();
        t.box = box.value();
        auto parts = scalar(m_db, QStringLiteral("SELECT items_on_loan FROM boxes WHERE id = ?"), t.box.id);
        if (!parts) return parts.error();
        partsOnLoan = parts->toInt();
    }
    t.security = t.box.maxSecurity;
    if (partsOnLoan > 0)
        return badState(QStringLiteral("档案盒 %1 中有 %2 件档案已单独借出，整盒不能借出。请先收回这些档案。").arg(t.box.barcode).arg(partsOnLoan),
                        QStringLiteral("%2 file(s) of box %1 are on loan individually, so the whole box cannot be lent. "
                                       "Get them back first.").arg(t.box.barcode).arg(partsOnLoan));
    auto req = checkLendRules(m_db, *borrower, t, requestId, counts);
    if (!req) return req.error();
    const qint64 now = m_db.nowMs();
    const qint64 due = now + qint64(t.box.loanDays) * kDayMs;
    auto loanId = insertLoan(m_db, *borrower, *staff, t, *req, now, due, presetLoanId);
    if (!loanId) return loanId.error();
    // The loan as just written (what loadLoan would read back, without the extra round trip).
    LoanInfo loan;
    loan.id = *loanId;
    loan.boxId = t.box.id;
    loan.boxBarcode = t.box.barcode;
    loan.boxTitle = t.box.title;
    loan.borrowerId = borrower->info.id;
    loan.borrowerCard = borrower->info.card;
    loan.borrowerName = borrower->info.name;
    loan.requestId = *req;
    loan.outAt = now;
    loan.dueAt = due;
    loan.maxRenewals = t.box.maxRenewals;
    loan.outBy = staff->info.card;
    if (auto st = tx.commit(); !st) return st.error();
    return loan;
}

Result<QList<LoanInfo>> Books::checkOutItems(const QStringList& itemCodes, const QString& borrowerCard,
                                             const QString& staffCard, qint64 requestId) {
    if (itemCodes.isEmpty())
        return badInput(QStringLiteral("没有要借出的档案。请扫描档号。"), QStringLiteral("No files to lend. Scan the archival codes."));
    if (itemCodes.size() > 1000)
        return badInput(QStringLiteral("一次最多借出 1000 件。"), QStringLiteral("At most 1000 files per check-out."));
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto staff = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st.error();
    auto borrower = loadPerson(m_db, borrowerCard, "借阅者", "borrower");
    if (!borrower) return borrower.error();
    const qint64 now = m_db.nowMs();
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const QString& code : itemCodes) {
        auto item = loadItem(m_db, code);
        if (!item) return item.error();
        if (seen.contains(item->id)) continue;
        seen.insert(item->id);
        auto box = loadBoxById(m_db, item->boxId);
        if (!box) return box.error();
        if (item->state == QLatin1String("destroyed"))
            return err("R11", QStringLiteral("档案 %1 已销毁，不能借出。").arg(item->code),
                       QStringLiteral("File %1 has been destroyed and can never be lent.").arg(item->code));
        if (item->state != QLatin1String("in_place"))
            return badState(QStringLiteral("档案 %1 当前状态为“%2”，不能借出。").arg(item->code, boxStateZh(item->state)),
                            QStringLiteral("File %1 is %2 and cannot be lent.").arg(item->code, item->state));
        LendTarget t;
        t.box = box.value();
        t.itemId = item->id;
        t.itemCode = item->code;
        t.security = item->security;
        auto req = checkLendRules(m_db, *borrower, t, requestId);
        if (!req) return req.error();
        const qint64 due = now + qint64(t.box.loanDays) * kDayMs;
        auto loanId = insertLoan(m_db, *borrower, *staff, t, *req, now, due);
        if (!loanId) return loanId.error();
        ids << *loanId;
    }
    QList<LoanInfo> out;
    for (qint64 id : ids) {
        auto l = loadLoan(m_db, id);
        if (!l) return l.error();
        out << l.value();
    }
    if (auto st = tx.commit(); !st) return st.error();
    return out;
}

Result<LoanInfo> Books::checkIn(const QString& code, const QString& staffCard, ReturnCondition condition,
                                const QString& note) {
    mapForLookups(m_db);
    Transaction tx(m_db, WriteScope::loan(code));  // PostgreSQL: the box's lock only (an item code: its box)
    if (!tx.begun()) return tx.begun().error();
    // The staff card and the setting overdue_incident_days in one statement (one round trip on PostgreSQL);
    // a malformed card goes through loadPerson, which refuses it as always.
    const QString staffCode = cleanCode(staffCard);
    std::optional<PersonRow> staff;
    std::optional<LoanInfo> boxLoan;  // PostgreSQL: the box's open loan, read with the staff card
    qint64 incidentDays = 30;
    const QString boxCode = cleanCode(code);
    if (m_db.dialect() == Dialect::PostgreSQL && !checkText(staffCode, 64, QString(), QString()) &&
        !checkText(boxCode, 128, QString(), QString())) {
        // One round trip for the staff card, the setting and the open loan of a box with this barcode (the common
        // case). No such loan: findOpenLoan below reads a file's loan or says why there is nothing to return.
        static const QString sql =
            QStringLiteral("SELECT ") + personColumns("s", "sd") +
            QStringLiteral(", (SELECT value FROM books_settings WHERE key = 'overdue_incident_days'), ") + loanColumns() +
            QStringLiteral(" FROM (SELECT 1 AS one) one"
                           " LEFT JOIN people s ON s.card = ? LEFT JOIN departments sd ON sd.id = s.department_id"
                           " LEFT JOIN boxes b ON b.barcode = ?"
                           " LEFT JOIN loans l ON l.box_id = b.id AND l.returned_at IS NULL AND l.item_id IS NULL"
                           " LEFT JOIN categories c ON c.id = b.category_id LEFT JOIN people p ON p.id = l.borrower_id"
                           " LEFT JOIN items i ON i.id = l.item_id");
        Run r(m_db, sql);
        if (auto st = r.exec(staffCode, boxCode); !st) return st.error();
        if (!r.next()) return joinedReadFailed("check-in read");  // it always yields one row
        auto s = staffFromJoinedRead(r, staffCode);
        if (!s) return s.error();
        staff = *s;
        incidentDays = settingIntFrom(r.v(14), 30);
        if (!r.isNull(15)) boxLoan = loanFrom(r, m_db.nowMs(), 15);
    } else if (!checkText(staffCode, 64, QString(), QString())) {
        static const QString sql =
            QStringLiteral("SELECT ") + personColumns("p", "d") +
            QStringLiteral(", (SELECT value FROM books_settings WHERE key = 'overdue_incident_days')"
                           " FROM people p LEFT JOIN departments d ON d.id = p.department_id WHERE p.card = ?");
        Run r(m_db, sql);
        if (auto st = r.exec(staffCode); !st) return st.error();
        if (!r.next()) return personNotFound(staffCode, "档案员", "archivist");
        staff = personFrom(r, 0);
        if (auto st = requireActive(*staff); !st) return st.error();
        incidentDays = settingIntFrom(r.v(14), 30);
    } else {
        auto s = loadPerson(m_db, staffCard, "档案员", "archivist");
        if (!s) return s.error();
        staff = *s;
        incidentDays = overdueIncidentDays(m_db);
    }
    if (auto st = requireStaff(*staff); !st) return st.error();
    auto l = checkInOne(m_db, *staff, code, condition, note, m_db.nowMs(), incidentDays, boxLoan ? &*boxLoan : nullptr);
    if (!l) return l.error();
    if (auto st = tx.commit(); !st) return st.error();
    return l;
}

Result<CheckinBatchResult> Books::checkInBatch(const QList<CheckinLine>& lines, const QString& staffCard) {
    if (lines.size() > 100000)
        return badInput(QStringLiteral("一批最多归还 100000 件。"), QStringLiteral("At most 100,000 returns per batch."));
    mapForLookups(m_db);
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto staff = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st.error();
    CheckinBatchResult res;
    const qint64 now = m_db.nowMs();
    const qint64 incidentDays = overdueIncidentDays(m_db);
    for (int i = 0; i < lines.size(); ++i) {
        auto l = checkInOne(m_db, *staff, lines[i].code, lines[i].condition, lines[i].note, now, incidentDays);
        if (l) {
            res.done << l.value();
            continue;
        }
        const Error& e = l.error();
        // Only refusals found before any write are skipped; a database failure aborts the batch.
        if (e.code == QLatin1String("not_found") || e.code == QLatin1String("bad_state") ||
            e.code == QLatin1String("bad_input"))
            res.refused << CheckinBatchResult::Refused{i, e.code, e.messageZh, e.messageEn};
        else
            return e;
    }
    if (auto st = tx.commit(); !st) return st.error();
    return res;
}

Result<LoanInfo> Books::renew(const QString& code, const QString& actorCard) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto actor = loadPerson(m_db, actorCard);
    if (!actor) return actor.error();
    auto loan = findOpenLoan(m_db, code);
    if (!loan) return loan.error();
    LoanInfo l = loan.value();
    if (l.borrowerId != actor->info.id && !actor->info.isStaff())
        return err("forbidden", QStringLiteral("只有借阅者本人或档案员可以续借 %1。").arg(code),
                   QStringLiteral("Only the borrower or an archivist can renew %1.").arg(code));
    const qint64 now = m_db.nowMs();
    if (now > l.dueAt)
        return err("R8", QStringLiteral("%1 已逾期 %2 天，不能续借。请先归还。").arg(code).arg(l.daysOverdue),
                   QStringLiteral("%1 is %2 day(s) overdue and cannot be renewed. Please return it.").arg(code).arg(l.daysOverdue));
    if (l.renewals >= l.maxRenewals)
        return err("R8", QStringLiteral("%1 已续借 %2 次，达到上限（%3 次），不能再续借。请按期归还。").arg(code).arg(l.renewals).arg(l.maxRenewals),
                   QStringLiteral("%1 has been renewed %2 time(s), the limit is %3. Please return it on time.")
                       .arg(code).arg(l.renewals).arg(l.maxRenewals));
    {
        auto others = scalar(m_db, QStringLiteral(
            "SELECT min(id) FROM requests WHERE box_id = ? AND requester_id <> ? AND state IN ('pending','approved')"
            " AND (? = 0 OR item_id IS NULL OR item_id = ?)"), l.boxId, l.borrowerId, l.itemId, l.itemId);
        if (!others) return others.error();
        if (!others->isNull())
            return err("R8", QStringLiteral("%1 已有他人预约（申请 #%2），不能续借。请按期归还。").arg(code).arg(others->toLongLong()),
                       QStringLiteral("Someone else has requested %1 (request #%2), so it cannot be renewed. Please return it on time.")
                           .arg(code).arg(others->toLongLong()));
    }
    auto box = loadBoxById(m_db, l.boxId);
    if (!box) return box.error();
    if (box->loanDays <= 0)
        return err("R1", QStringLiteral("“%1”类档案未设置借期，不能续借。").arg(box->categoryName),
                   QStringLiteral("The category %1 has no loan period; cannot renew.").arg(box->categoryName));
    const qint64 due = l.dueAt + qint64(box->loanDays) * kDayMs;
    Run u(m_db, QStringLiteral("UPDATE loans SET due_at = ?, renewals = renewals + 1 WHERE id = ?"));
    if (auto st = u.exec(due, l.id); !st) return st.error();
    const QString subject = l.itemId ? QStringLiteral("item:") + l.itemCode : QStringLiteral("box:") + l.boxBarcode;
    if (auto r = ledger(m_db, actor->info.card, "renew", subject,
                        {{QStringLiteral("loan"), l.id}, {QStringLiteral("old_due"), l.dueAt}, {QStringLiteral("due"), due}});
        !r)
        return r.error();
    auto out = loadLoan(m_db, l.id);
    if (!out) return out.error();
    if (auto st = tx.commit(); !st) return st.error();
    return out;
}

Status Books::markLost(const QString& code, const QString& staffCard, const QString& note) {
    if (auto e = checkText(note, 2000, QStringLiteral("说明"), QStringLiteral("The note"), false)) return *e;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto staff = loadPerson(m_db, staffCard, "档案员", "archivist");
    if (!staff) return staff.error();
    if (auto st = requireStaff(*staff); !st) return st.error();
    const qint64 now = m_db.nowMs();
    auto loanId = findOpenLoan(m_db, code);
    if (loanId) {  // lent: close the loan as lost (incident against the borrower, R9)
        auto l = checkInOne(m_db, *staff, code, ReturnCondition::Lost, note, now, overdueIncidentDays(m_db));
        if (!l) return l.error();
        return tx.commit();
    }
    if (loanId.error().code != QLatin1String("bad_state") || loanId.error().messageEn.contains(QLatin1String("individually")))
        return loanId.error();
    // Not lent: the box or item itself is missing from the shelf.
    qint64 boxId = 0, itemId = 0;
    QString subject;
    if (auto b = loadBox(m_db, code)) {
        if (b->state == QLatin1String("destroyed") || b->state == QLatin1String("transferred_out"))
            return badState(QStringLiteral("档案盒 %1 已%2，不能标记为丢失。").arg(b->barcode, boxStateZh(b->state)),
                            QStringLiteral("Box %1 is %2 and cannot be marked lost.").arg(b->barcode, b->state));
        boxId = b->id;
        subject = QStringLiteral("box:") + b->barcode;
        Run u(m_db, QStringLiteral("UPDATE boxes SET state = 'missing', updated_at = ? WHERE id = ?"));
        if (auto st = u.exec(now, boxId); !st) return st;
    } else {
        auto it = loadItem(m_db, code);
        if (!it) return it.error();
        if (it->state == QLatin1String("destroyed"))
            return badState(QStringLiteral("档案 %1 已销毁，不能标记为丢失。").arg(it->code),
                            QStringLiteral("File %1 has been destroyed and cannot be marked lost.").arg(it->code));
        boxId = it->boxId;
        itemId = it->id;
        subject = QStringLiteral("item:") + it->code;
        Run u(m_db, QStringLiteral("UPDATE items SET state = 'missing' WHERE id = ?"));
        if (auto st = u.exec(itemId); !st) return st;
    }
    Run ins(m_db, QStringLiteral("INSERT INTO incidents(kind, box_id, item_id, at, recorded_by, note) VALUES('lost',?,?,?,?,?)"));
    if (auto st = ins.exec(boxId, itemId ? QVariant(itemId) : QVariant(), now, staff->info.card, note); !st) return st;
    if (auto r = ledger(m_db, staff->info.card, "lost", subject,
                        {{QStringLiteral("incident"), ins.lastId()}, {QStringLiteral("note"), note}});
        !r)
        return r.error();
    return tx.commit();
}

}  // namespace archive::db
