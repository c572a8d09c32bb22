#pragma once
// Verification before printing: every barcode of a laid-out label is rasterised at the printer's dpi the way a
// thermal head prints it (no anti-aliasing) and read back with ZXing. A label whose code does not read back
// exactly is refused with a message saying what to change. Text overflow, missing glyphs and modules
// narrower than the printer's minimum are already refused by layoutLabel(). Any thread.

#include "common/Result.h"
#include "labels/LabelLayout.h"

#include <QImage>

namespace archive::labels {

Status verifyLabel(const LabelLayout& label);

// Reads the barcodes in an image (a rasterised label or PDF page): at most one per symbology (Code 128,
// Data Matrix, QR); crop a sheet into its labels first.
QStringList decodeBarcodes(const QImage& image);

}  // namespace archive::labels
