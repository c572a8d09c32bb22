#pragma once
// A small real archive for the kiosk tests, built with the books' own API (db/Books.h) in a SQLite file:
// one fonds, an ordinary and a personnel category, one room with two shelves, boxes (one holding a 机密 item),
// an archivist, the archive-room head, a borrower, a borrower with an overdue loan. Codes are the project's own
// identifiers (devices/scanner/Identifier.h) so the kiosk classifies them without a lookup.
// The printing half (a running kiosk's controllers on a fresh archive, the real CUPS test printer, the file printer's
// folder, pdfinfo) is KioskPrintFixture.h, for the tests that link kiosk_ui and the printer fixture.

#include "common/Result.h"

#include <QString>

namespace kiosktest {

struct Fixture {
    QString dbPath;
    QString archivistCard, archivistPin = QStringLiteral("246810");
    QString headCard, headPin = QStringLiteral("864200");
    QString adminCard, adminPin = QStringLiteral("445566");
    QString borrowerCard;        // no PIN, nothing on loan
    QString lateBorrowerCard;    // has an overdue loan
    QString shelfA, shelfB;
    QString boxPlain;            // in place, ordinary papers
    QString boxPlain2;           // in place
    QString boxSecret;           // holds one confidential (机密) item
    QString secretItem;          // its archival code
    QString secretTitle;
    QString boxLate;             // lent to lateBorrower, overdue
};

// Creates the archive at dir/archive.db. Returns an Error when any books call fails.
archive::Result<Fixture> makeFixture(const QString& dir);

}  // namespace kiosktest
