#pragma once
// Draws laid-out labels with QPainter: a vector PDF (fonts embedded by Qt) laid out on a stock (continuous
// tape, die-cut labels, or an A4 sheet starting at a chosen position), a PNG preview at the printer's
// resolution, and raw ZPL for Zebra printers (text as a graphic — CJK needs no printer font — and the
// barcodes as native ZPL symbols). Pure functions of their input; safe on any thread (not the GUI thread
// for large batches: 1,000 labels take about a second).

#include "common/Result.h"
#include "labels/LabelLayout.h"
#include "labels/LabelTemplate.h"

#include <QByteArray>
#include <QImage>
#include <QList>

class QIODevice;
class QPainter;

namespace archive::labels {

struct PaintOptions {
    bool text = true;        // texts, lines and frame
    bool barcodes = true;
    bool monochrome = false; // no anti-aliasing: what a thermal print head does
    QRectF onlyMm;           // when set, skip elements outside this part of the label (faster crops)
    bool grayscale = false;  // renderImage(): an 8-bit grey image instead of RGB32
};

// Paints one label with its top-left corner at originPx; pxPerMm device pixels per millimetre.
void paintLabel(QPainter& painter, const LabelLayout& label, QPointF originPx, double pxPerMm,
                const PaintOptions& options = {});

// One label at dpi (default: the layout's dpi); regionMm crops to a part of the label.
QImage renderImage(const LabelLayout& label, int dpi = 0, const PaintOptions& options = {}, QRectF regionMm = {});

struct PdfOptions {
    int startPosition = 1;   // sheets: first free cell (1 = top-left, row by row), for partly used sheets
    QString title;           // PDF document title
    int resolution = 1200;   // PDF user units per inch (vector output; only the positioning grid)
};

// Writes all labels into one PDF on the given stock. Refuses a template that does not fit the stock and a
// start position outside the sheet.
Status writePdf(QIODevice* out, const QList<LabelLayout>& labels, const Stock& stock, const PdfOptions& options = {});
Result<QByteArray> renderPdf(const QList<LabelLayout>& labels, const Stock& stock, const PdfOptions& options = {});
// The same pages as the PDF, as images at dpi (previews, golden tests); sheets show their cells in light grey.
Result<QList<QImage>> renderPages(const QList<LabelLayout>& labels, const Stock& stock, int dpi, int startPosition = 1);

// ZPL II for all labels (one ^XA…^XZ block each), at the layout's dpi (203 → 8 dots/mm, 300 → 12).
QByteArray renderZpl(const QList<LabelLayout>& labels);

}  // namespace archive::labels
