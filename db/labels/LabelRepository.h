#pragma once
// The books' side of labels (issue 6): the fields a label prints, read from boxes/fonds/categories/locations,
// and the record of printed labels (migration 0020, table label_prints) that tells when a label is stale.
// db/ does not include labels/: kiosk/ and cli/ map BoxLabelRow/LocationLabelRow onto labels::LabelData
// (field names match) and pass LabelData::hash() back here.

#include "common/Result.h"

#include <QList>
#include <QString>
#include <optional>

namespace archive::db {

class Database;

struct BoxLabelRow {
    QString barcode, fondsCode, fondsName;
    QString year;                       // 年度 as text
    QString retention;                  // 'permanent' | '30y' | '10y'
    QString orgUnit, firstItemNo, lastItemNo, boxNo, title, category;
    QString state;                      // boxes.state
    QString locationBarcode;            // empty when not shelved
    qint64 updatedAt = 0;
};

struct LocationLabelRow {
    QString barcode, roomCode, roomName, cabinet, shelf, position;
    int capacity = 0;
    QString text() const;               // "A03 柜 · 第 2 层 · 1 位"
};

struct LabelPrintRecord {
    QString kind = QStringLiteral("box");  // 'box' | 'location'
    QString barcode, templateName, dataHash, printer, jobRef;
    int cupsJobId = 0;
    qint64 printedAt = 0;               // 0 → db.nowMs()
    QString actor;
};

enum class LabelState { NeverPrinted, Current, Stale };

class LabelRepository {
public:
    explicit LabelRepository(Database& db) : m_db(db) {}

    Result<BoxLabelRow> box(const QString& barcode);                         // clear message when unknown
    Result<QList<BoxLabelRow>> boxesAt(const QString& locationBarcode);      // a shelf's boxes, by box number
    Result<QList<BoxLabelRow>> boxesOfTransfer(const QString& transferCode); // boxes received in a transfer
    Result<LocationLabelRow> location(const QString& barcode);

    // One transaction: the rows plus one ledger entry "label.print" (subject box:/location:<barcode>
    // for one label, labels:<jobRef> for a batch).
    Status recordPrinted(const QList<LabelPrintRecord>& records);
    Result<std::optional<LabelPrintRecord>> lastPrinted(const QString& barcode);
    // Compares the box's current hash with its last printed label.
    Result<LabelState> labelState(const QString& barcode, const QString& currentHash);

private:
    Database& m_db;
};

}  // namespace archive::db
