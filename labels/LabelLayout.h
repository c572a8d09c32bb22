#pragma once
// Lays out one label: resolves the template's placeholders from LabelData, auto-fits every text field
// (largest size between min_pt and max_pt that fits; wraps; 竖排 stacks characters), and sizes each barcode
// so that one module is a whole number of printer dots. Refuses — with a message saying what to change — a
// label that cannot print well: a required field is empty, text does not fit even at the smallest size,
// a character is missing from the label font (emoji, rare CJK), the barcode's module would be narrower than
// the printer's minimum, or the template does not fit the chosen stock. Pure: no I/O; any thread.

#include "common/Result.h"
#include "labels/Barcode.h"
#include "labels/LabelData.h"
#include "labels/LabelTemplate.h"

#include <QLineF>
#include <QList>
#include <QRectF>
#include <QStringList>

namespace archive::labels {

struct PrinterProfile {
    QString name;                // printer (queue) name for messages
    int dpi = 300;               // dots per inch of the print head
    double minModuleMm = 0.25;   // narrowest barcode module printed reliably (and read by the kiosk's scanners)
    bool zpl = false;            // Zebra: send raw ZPL instead of PDF
    double dotMm() const { return 25.4 / dpi; }
};

struct Notice {
    QString code, zh, en;
};

struct LaidText {
    QRectF rectMm;               // in label coordinates (before the element's rotation)
    QStringList lines;           // horizontal: lines top to bottom; vertical: columns right to left
    double pt = 10;
    bool bold = false, vertical = false;
    int rotate = 0;
    Qt::Alignment align = Qt::AlignLeft;
};

struct LaidBarcode {
    QRectF symbolMm;             // the symbol itself (dark modules), without quiet zone, unrotated frame
    QRectF zoneMm;               // symbol + quiet zone, in label coordinates
    BarcodeMatrix matrix;
    QString value;
    double moduleMm = 0;
    int moduleDots = 1;
    int rotate = 0;
};

struct LaidLine {
    QLineF mm;
    double widthMm = 0.3;
};

struct LabelLayout {
    QString templateName;
    double widthMm = 0, heightMm = 0;
    bool frame = false;
    int dpi = 300;
    QList<LaidText> texts;
    QList<LaidBarcode> barcodes;
    QList<LaidLine> lines;
    QList<Notice> warnings;      // printed anyway (e.g. a long title shortened with …)
    QString dataHash;            // LabelData::hash() of the data it was made from
    QString subject;             // the barcode (box or location) it labels
};

Result<LabelLayout> layoutLabel(const LabelTemplate& tpl, const LabelData& data, const PrinterProfile& printer);

// Checks that the template fits the stock (and says which stock would), e.g. a 30 mm spine on 29 mm tape.
Status checkStock(const LabelTemplate& tpl, const Stock& stock);

}  // namespace archive::labels
