#pragma once
// The archive's books (issue 2): every operation on boxes, items, people, loans and requests.
// Each write is ONE Transaction together with its Ledger entry, and enforces the rules of
// domain.md in here (never only in the UI). Refusals are Error values: code "R1".."R12" for a
// rule, else "not_found", "bad_state", "bad_input", "forbidden", "pin_locked", "pin_wrong", …;
// messageZh/messageEn say what to do next.
//
// Actors: `staffCard` / `actorCard` is the card barcode of the person doing it. Operations that
// need staff (check-out, check-in, move, sweep, …) refuse with "forbidden" unless that card has the
// archivist, head or admin role. Batch/import writers may pass "archivectl" or "system" as actor where
// noted; those are recorded as-is in the ledger.
//
// Thread use: like Database, a Books is used on the thread that opened its Database.

#include "BooksTypes.h"
#include "common/Result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace archive::db {

class Database;

// Catalogue / setup rows (used by archivectl import and the demo generator).
struct NewFonds { QString code, name; int startYear = 0, endYear = 0; };
struct NewCategory {
    QString code, name;
    int loanDays = 30, maxRenewals = 1;
    QString securityDefault = QStringLiteral("internal");
    bool inRoomOnly = false, needsReview = false, needsHead = false;  // needsHead: personnel/technical (R4)
    QString climateProfile = QStringLiteral("paper");
    QString retentionDefault = QStringLiteral("30y");
};
struct NewRoom { QString code, name, climateProfile = QStringLiteral("paper"); };
struct NewLocation { QString barcode, roomCode, cabinet, shelf, position; int capacity = 0; };
struct NewDepartment { QString code, name; bool needsReview = false; QStringList categoryCodes; /* R7 profile */ };
struct NewBox {
    QString barcode, fondsCode;
    int year = 0;
    QString retention;            // permanent / 30y / 10y (also 永久 / 30年 / 定期30年 / 10年 …)
    QString boxNo;
    int firstItemNo = 0, lastItemNo = 0;
    QString orgUnit, title, categoryCode;
    QString locationBarcode;      // may be empty (not shelved yet)
};
struct NewItem {
    QString archivalCode, title;
    int year = 0;
    QString retention, security;  // empty security → the category's default
    int pages = 0;
    QString boxBarcode;
    int itemNo = 0;
};
struct NewPerson {
    QString card, name;
    QString departmentCode;       // code or name of an existing department; empty for external
    QString kind = QStringLiteral("internal");
    QStringList roles = {QStringLiteral("borrower")};
    QString phone, unit;
};
// One problem of an import: index = 0-based row of the list given; column = field name.
struct RowProblem { int index = 0; QString column, messageZh, messageEn; };

class Books {
public:
    explicit Books(Database& db);
    Database& database() { return m_db; }

    // ---- setup and import: all-or-nothing; on any bad row nothing changes, every problem is listed.
    Result<qint64> addFonds(const NewFonds& f, const QString& actor);
    Result<qint64> addCategory(const NewCategory& c, const QString& actor);
    Result<qint64> addRoom(const NewRoom& r, const QString& actor);
    Result<qint64> addDepartment(const NewDepartment& d, const QString& actor);
    Result<int> importLocations(const QList<NewLocation>& rows, const QString& actor, QList<RowProblem>* problems = nullptr);
    Result<int> importBoxes(const QList<NewBox>& rows, const QString& actor, QList<RowProblem>* problems = nullptr);
    Result<int> importItems(const QList<NewItem>& rows, const QString& actor, QList<RowProblem>* problems = nullptr);
    Result<int> importPeople(const QList<NewPerson>& rows, const QString& actor, QList<RowProblem>* problems = nullptr);

    // ---- people and PINs (libsodium Argon2id, interactive limits: ~0.1 s and 64 MiB per hash/verify)
    Status setPin(const QString& card, const QString& pin, const QString& actorCard);
    // ok, or "pin_wrong" (failures counted), "pin_locked" (after pin_max_failures, for pin_lock_minutes),
    // "no_pin", "not_found".
    Status verifyPin(const QString& card, const QString& pin);

    // ---- loans
    // Whole box to a borrower (R1–R8). requestId 0 → the borrower's approved request for it is used if any.
    Result<LoanInfo> checkOutBox(const QString& boxBarcode, const QString& borrowerCard, const QString& staffCard,
                                 qint64 requestId = 0);
    // Single items (one transaction for all; any refusal → none lent).
    Result<QList<LoanInfo>> checkOutItems(const QStringList& itemCodes, const QString& borrowerCard,
                                          const QString& staffCard, qint64 requestId = 0);
    // code = box barcode or item code. R9: damaged / incomplete / lost / long overdue → incident.
    Result<LoanInfo> checkIn(const QString& code, const QString& staffCard,
                             ReturnCondition condition = ReturnCondition::Ok, const QString& note = {});
    // Many returns in ONE transaction (the return cart). Refused lines are listed, the rest commit.
    Result<CheckinBatchResult> checkInBatch(const QList<CheckinLine>& lines, const QString& staffCard);
    // R8: limited by the category's max_renewals; refused when someone else requested it.
    Result<LoanInfo> renew(const QString& code, const QString& actorCard);
    // Box (or item) lost: state 'missing', open loan closed as lost, incident (R9).
    Status markLost(const QString& code, const QString& staffCard, const QString& note);

    // ---- requests and approvals
    // Computes the approvals needed (R4 head for 秘密/机密 or needs_head categories; R6 leader for external
    // borrowers; R5 archivist review per category/department). Without any it is approved at once.
    Result<RequestInfo> request(const NewRequest& r);
    Result<RequestInfo> approve(qint64 requestId, const QString& approverCard, const QString& note = {});
    Result<RequestInfo> reject(qint64 requestId, const QString& approverCard, const QString& reason);
    Status cancelRequest(qint64 requestId, const QString& actorCard);
    // Pick list (调卷单): the archivist took this request's box off its shelf (scanned it while walking the list).
    // One transaction with ledger "pick" (subject request:N; details box, shelf, the request's target); the pick
    // list's ticks are built from these entries (RequestInfo::pickedAt/pickedBy), so every kiosk and a restart
    // show them. Refused as values: not staff (forbidden), no such request (not_found), request not approved
    // (bad_state), the scanned box is not this request's box (wrong_box), already picked (already_picked,
    // names who and when). Picking changes no state: lending it at the box card fulfils the request.
    Result<RequestInfo> pickRequest(qint64 requestId, const QString& boxBarcode, const QString& staffCard);
    // Every approved request for this box that is not picked yet, each with its own "pick" entry, in one
    // transaction. Refused: the box is on no approved request (not_on_pick_list), all of them picked already
    // (already_picked).
    Result<QList<RequestInfo>> pickBox(const QString& boxBarcode, const QString& staffCard);
    // Undoes a pick list tick (the wrong box was scanned, or the box went back on its shelf): one transaction with
    // ledger "unpick" (subject request:N; details box, shelf, target, reason, who picked it and when). The ledger
    // is append-only — the "pick" stays; the latest "pick"/"unpick" of a request decides its tick, so the request
    // is unticked on every kiosk and after a restart, and can be picked again. Refused as values: reason empty or
    // too long (bad_input), not staff (forbidden), no such request (not_found), handed out or no longer approved
    // (bad_state), not ticked (not_picked). Returns the request, unticked.
    Result<RequestInfo> unpickRequest(qint64 requestId, const QString& staffCard, const QString& reason);

    // ---- locations
    Status moveBox(const QString& boxBarcode, const QString& locationBarcode, const QString& staffCard);
    // Inventory sweep (盘点) of one shelf: scanned box barcodes vs the books.
    Result<SweepResult> sweepShelf(const QString& locationBarcode, const QStringList& scannedBoxes,
                                   const QString& staffCard);

    // ---- transfers in (R10)
    Result<qint64> openTransfer(const QString& code, const QString& departmentCode, const QString& sender,
                                const QString& senderHead, const QList<TransferLine>& registerLines,
                                const QString& staffCard);
    Status receiveTransferLines(qint64 transferId, const QList<TransferLine>& received, const QString& staffCard);
    // Differences must be acknowledged (differencesNote non-empty) before the transfer completes (R10).
    // Accepting it puts every registered file that arrived into the books, in the same transaction: its
    // box (received line's box barcode) is created on receipt.locationBarcode with a box_moves row
    // (reason 'transfer'), and the item with the received title/pages. Extra files (received, not on the
    // register) and missing ones are only recorded as differences.
    Result<TransferInfo> completeTransfer(qint64 transferId, const QString& staffCard,
                                          const QString& differencesNote = {}, const TransferReceipt& receipt = {});
    Result<TransferInfo> transfer(qint64 transferId);

    // ---- appraisal and destruction (R11)
    Result<AppraisalInfo> appraise(const QString& code, const QString& decision, const QString& reason,
                                   const QString& archivistCard);
    Result<AppraisalInfo> approveAppraisal(qint64 appraisalId, const QString& headCard, bool approve = true);
    Status destroy(qint64 appraisalId, const QString& staffCard, const QString& witness, const QString& method);

    // ---- R3: on-site reading or copy of files (required for in-room-only categories)
    Result<qint64> recordOnSiteUse(const OnSiteUse& use);

    // ---- lookups (read-only)
    Result<BoxInfo> box(const QString& barcode);
    Result<ItemInfo> item(const QString& archivalCode);
    Result<QList<ItemInfo>> itemsOfBox(const QString& boxBarcode);
    Result<PersonInfo> person(const QString& card);
    Result<LocationInfo> location(const QString& barcode);
    Result<QList<LoanInfo>> loansOf(const QString& card, bool openOnly = true);
    Result<QList<RequestInfo>> requestsOf(const QString& card, bool openOnly = true);
    Result<RequestInfo> requestById(qint64 id);
    Result<QList<RequestInfo>> pendingApprovals(const QString& approverCard);
    Result<QList<RequestInfo>> pickList();            // approved, sorted by room, cabinet, shelf, position; with picks
    Result<QList<LoanInfo>> overdue();                // open loans past due, most overdue first
    Result<QList<LoanInfo>> openLoans();
    enum class GroupBy { Fonds, Category, Year, Room };
    Result<QList<HoldingsRow>> holdings(GroupBy by);
    Result<QList<MonthCount>> loansPerMonth(qint64 fromMs, qint64 toMs);

    // Tunables in books_settings ('overdue_incident_days', 'pin_max_failures', 'pin_lock_minutes'), and the
    // printers the kiosk prints to: 'label_printer' (box labels) and 'report_printer' (reports) — a CUPS queue
    // name or an ipp:// / ipps:// URI; an empty value clears the choice (the kiosk then falls back to
    // $ARCHIVE_LABEL_PRINTER / $ARCHIVE_REPORT_PRINTER). Choosing a printer is an administrator's action: the
    // actor must be an active card with the admin role. One transaction with its ledger entry "setting"
    // (subject "setting:<key>", details value and, for printers, the previous value).
    Status setSetting(const QString& key, const QString& value, const QString& actor);
    QString setting(const QString& key, const QString& fallback = {});
    // Several settings in one go, a database error as a value; keys that are not set are absent from the map.
    Result<QHash<QString, QString>> settings(const QStringList& keys);

private:
    Database& m_db;
};

}  // namespace archive::db
