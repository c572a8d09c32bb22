#pragma once
// A demo archive (档案室演示数据) for trying the kiosk and archivectl: the archive room of a county forestry
// bureau (青山县林业局). Deterministic for a seed (same rooms, boxes, titles, people, loans; times are
// relative to now):
//   4 fonds; 7 categories (文书, 科技, 会计, 人事 [head approval], 资源林政 [in-room only], 声像, 实物);
//   3 rooms (paper, special, audio-visual) with cabinets › shelves › positions, every shelf barcoded;
//   2,000 boxes, 20,000 items with Chinese titles (some 秘密/机密); 10 departments with permission profiles;
//   200 borrowers (internal in departments + external units) and staff with every role (PINs set);
//   returned loans over the past year, open loans, overdue loans, pending requests (head, leader, review);
//   over the last 90 days (the climate readings' span) more loans and round trips of boxes to another room,
//   all replayed in time order through db/Books so each box has a consistent location and loan history.
//   The catalogue is dated 400 days back.
// The catalogue goes in with prepared inserts in one transaction (one ledger entry "demo.generate");
// loans and requests go through db/Books so every rule applies and each has its ledger entry.

#include "common/Result.h"

#include <QList>
#include <QString>

namespace archive::db {

class Database;

struct DemoOptions {
    quint32 seed = 20261126;
    int boxes = 2000;
    int itemsPerBox = 10;
    int borrowers = 200;
};

struct DemoStaff {
    QString role, roleZh, name, card, pin;
};

struct DemoSummary {
    int fonds = 0, categories = 0, rooms = 0, locations = 0, departments = 0;
    int boxes = 0, items = 0, people = 0;
    int returnedLoans = 0, openLoans = 0, overdueLoans = 0, pendingRequests = 0;
    int roomMoves = 0;            // moves of boxes to another room and back (last 90 days)
    QList<DemoStaff> staff;
    QStringList sampleBoxes;      // a few box barcodes to try
    QStringList sampleBorrowers;  // a few borrower cards to try
};

class DemoArchive {
public:
    // Refuses ("bad_state") when the archive already holds boxes or people.
    static Result<DemoSummary> generate(Database& db, const DemoOptions& options = {});
};

}  // namespace archive::db
