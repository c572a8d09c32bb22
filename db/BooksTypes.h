#pragma once
// Value types of the archive's books (issue 2): what db/Books.h and db/Catalog.h return.
// Plain structs, copyable, no Qt object machinery; kiosk/ wraps them for QML, cli/ prints them.
// Codes (states, roles, security, retention) are the stable English words stored in the tables;
// the *Zh() helpers give the Chinese label shown to people.

#include <QList>
#include <QString>
#include <QStringList>

namespace archive::db {

// Security levels, lowest first: 公开 / 内部 / 秘密 / 机密.
inline const QStringList& securityLevels() {
    static const QStringList l = {QStringLiteral("public"), QStringLiteral("internal"), QStringLiteral("secret"),
                                  QStringLiteral("confidential")};
    return l;
}
QString securityZh(const QString& code);    // "secret" → "秘密"
QString retentionZh(const QString& code);   // "30y" → "定期30年"
QString boxStateZh(const QString& code);    // "on_loan" → "借出"
QString roleZh(const QString& code);        // "head" → "档案室负责人"

enum class ReturnCondition { Ok, Damaged, Incomplete, Lost };
QString conditionCode(ReturnCondition c);   // "ok", "damaged", "incomplete", "lost"
bool parseCondition(const QString& text, ReturnCondition* out);  // accepts codes and 完好/损坏/不完整/丢失

struct LocationInfo {
    qint64 id = 0;
    QString barcode;
    QString roomCode, roomName, cabinet, shelf, position;
    int capacity = 0;
    QString display() const;  // "一号库房 › 3柜 › 2层 › 5位"
};

struct PersonInfo {
    qint64 id = 0;
    QString card, name;
    qint64 departmentId = 0;
    QString departmentCode, departmentName;
    QString kind;        // "internal" / "external"
    QStringList roles;   // borrower, archivist, head, leader, manager, admin
    QString phone, unit;
    bool hasPin = false;
    qint64 pinLockedUntil = 0;  // ms; > now → locked
    bool active = true;
    bool hasRole(const QString& r) const { return roles.contains(r); }
    bool isStaff() const;  // archivist, head or admin: may check out / in
};

struct BoxInfo {
    qint64 id = 0;
    QString barcode;
    QString fondsCode, fondsName;
    int year = 0;
    QString retention;            // permanent / 30y / 10y
    QString boxNo;
    int firstItemNo = 0, lastItemNo = 0;
    QString orgUnit, title;
    QString categoryCode, categoryName;
    bool inRoomOnly = false;
    QString state;                // in_place / on_loan / missing / destroyed / transferred_out
    LocationInfo location;        // id 0 when not shelved
    int itemCount = 0;
    QString maxSecurity;          // highest security of its items (category default when empty)
    qint64 updatedAt = 0;
    // Current loan of the whole box (0 when none).
    qint64 loanId = 0;
    QString borrowerCard, borrowerName;
    qint64 dueAt = 0;
    bool overdue = false;
    int itemsOnLoan = 0;          // items of this box lent individually
};

struct ItemInfo {
    qint64 id = 0;
    QString archivalCode, title;
    int year = 0;
    QString retention, security;
    int pages = 0;
    int itemNo = 0;
    QString state;
    qint64 boxId = 0;
    QString boxBarcode;
};

struct LoanInfo {
    qint64 id = 0;
    qint64 boxId = 0;
    QString boxBarcode, boxTitle;
    qint64 itemId = 0;            // 0: the whole box
    QString itemCode, itemTitle;
    qint64 borrowerId = 0;
    QString borrowerCard, borrowerName;
    qint64 requestId = 0;
    qint64 outAt = 0, dueAt = 0, returnedAt = 0;
    QString returnCondition;      // empty while open
    int renewals = 0, maxRenewals = 0;
    QString outBy, inBy;
    bool overdue = false;         // open and past due (at the time of the query)
    int daysOverdue = 0;
    qint64 incidentId = 0;        // set by check-in when R9 recorded an incident
};

struct ApprovalInfo {
    qint64 id = 0;
    QString role, decision, approverCard, approverName, note;
    qint64 at = 0;
};

struct RequestInfo {
    qint64 id = 0;
    qint64 requesterId = 0;
    QString requesterCard, requesterName, requesterKind, departmentName;
    qint64 boxId = 0;
    QString boxBarcode, boxTitle;
    qint64 itemId = 0;
    QString itemCode, itemTitle;
    QString security;             // of the item, or the box's highest
    QString purpose;
    QString mode;                 // take_out / on_site
    QString state;                // pending / approved / rejected / fulfilled / cancelled
    bool needsHead = false, needsLeader = false, needsReview = false;
    QStringList pendingRoles;     // roles whose approval is still missing ("head", "leader", "archivist")
    QList<ApprovalInfo> approvals;
    qint64 createdAt = 0, decidedAt = 0;
    LocationInfo location;        // where the box is (pick list)
    QString note;
    qint64 pickedAt = 0;          // pick list only (pickList / pickRequest / pickBox): the ledger's "pick", 0 = not yet
    QString pickedByCard, pickedByName;
};

struct NewRequest {
    QString requesterCard;
    QString boxBarcode;           // the box, or
    QString itemCode;             // one item (its box is found)
    QString purpose;              // required
    QString mode = QStringLiteral("take_out");  // take_out / on_site
};

struct CheckinLine {
    QString code;                 // box barcode or item archival code
    ReturnCondition condition = ReturnCondition::Ok;
    QString note;
};

struct CheckinBatchResult {
    QList<LoanInfo> done;         // committed together in one transaction
    struct Refused { int index = 0; QString code; QString messageZh, messageEn; };
    QList<Refused> refused;       // lines that were not checked in (nothing changed for them)
};

struct MisplacedBox {
    QString barcode;
    QString expectedLocation;     // barcode of where the books say it is ("" if nowhere)
};

struct SweepResult {
    QString shelfBarcode;
    QStringList found;            // expected here and scanned
    QStringList missing;          // expected here, not scanned → state 'missing', flagged
    QList<MisplacedBox> misplaced;// scanned here, recorded elsewhere
    QStringList unknown;          // scanned, not in the books
    QStringList recovered;        // were 'missing' and now scanned here
};

struct TransferLine {
    QString archivalCode;
    QString title;
    int year = 0;
    int pages = 0;
    QString boxBarcode;
};

struct TransferDifference {
    QString archivalCode;
    QString kind;                 // missing (registered, not received) / extra / mismatch
    QString detail;
};

struct TransferInfo {
    qint64 id = 0;
    QString code, state;
    QString departmentName, sender, senderHead, receivedBy;
    int registerLines = 0, receivedLines = 0;
    QList<TransferDifference> differences;
    qint64 createdAt = 0, completedAt = 0;
    // Filled by completeTransfer: what was put into the books (boxes by barcode, items by count).
    QStringList boxesCreated;
    int itemsCreated = 0;
};

// Where and how the received files go into the books when a transfer is accepted (R10). The archival
// code names fonds, category and retention when it follows DA/T 22 (0101-WS·2019-D30-BGS-0001); the
// fields here are used when it does not. retention empty → the category's default.
struct TransferReceipt {
    QString locationBarcode;      // the shelf position the received boxes are placed on (required)
    QString fondsCode, categoryCode, retention;
};

struct AppraisalInfo {
    qint64 id = 0;
    QString boxBarcode, itemCode, decision, reason, state, appraiserCard, approverCard;
    qint64 appraisedAt = 0, approvedAt = 0;
};

struct OnSiteUse {
    QString kind = QStringLiteral("reading");  // reading / copy
    QString code;                 // box barcode or item code
    QString personCard;           // the reader
    QString staffCard;            // the archivist recording it
    int pages = 0;                // copies: number of pages copied
    QString purpose;
    qint64 requestId = 0;         // optional: the approved on-site request
};

struct HoldingsRow {
    QString key;                  // fonds code / category code / year / room code
    QString label;                // its name
    qint64 boxes = 0, items = 0, onLoan = 0, missing = 0, destroyed = 0;
};

struct MonthCount {
    QString month;                // "2026-11" (local time)
    qint64 loans = 0, returns = 0;
};

// Catalogue search (db/Catalog.h).
struct SearchQuery {
    QString text;                 // words; every word must occur (substring, any case for Latin letters)
    QString categoryCode;         // filter, empty = any
    QString fondsCode;
    int yearFrom = 0, yearTo = 0; // 0 = open
    QString security;             // exact level, empty = any
    QString maxSecurity;          // at most this level, empty = any
    bool availableOnly = false;   // item and its box on the shelf now
    enum class Sort { Catalogue, YearAsc, YearDesc, Code, Title };
    Sort sort = Sort::Catalogue;  // Catalogue = catalogue order (fastest)
    int offset = 0;
    int limit = 50;               // 1..500
};

struct SearchHit {
    qint64 itemId = 0;
    QString archivalCode, title;
    int year = 0;
    QString security, retention;
    qint64 boxId = 0;
    QString boxBarcode, boxState, itemState;
    QString fondsCode, fondsName, categoryCode, categoryName;
    QString locationBarcode, locationDisplay;
    bool available = false;       // on the shelf and lendable now
};

struct SearchPage {
    QList<SearchHit> hits;
    bool more = false;            // another page exists
};

}  // namespace archive::db

namespace archive::db {
// Parsers for what people type or import (English codes or Chinese words); false when unknown.
bool parseRetention(const QString& text, QString* code);  // permanent/永久/Y, 30y/定期30年/30年/D30, 10y/…
bool parseSecurity(const QString& text, QString* code);   // public/公开, internal/内部, secret/秘密, confidential/机密
bool parseKind(const QString& text, QString* code);       // internal/内部/本单位, external/外部/外单位
bool parseRole(const QString& text, QString* code);       // borrower/借阅者, archivist/档案员, head/档案室负责人, …
}  // namespace archive::db
