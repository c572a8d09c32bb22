#pragma once
// Barcode symbols for labels. Barcode.cpp is the one file that calls the ZXing writer (it throws on bad input;
// the exception becomes an archive::Error here).

#include "common/Result.h"
#include "labels/LabelTemplate.h"

#include <QVector>

namespace archive::labels {

struct BarcodeMatrix {
    Symbology symbology = Symbology::Code128;
    int cols = 0, rows = 0;      // modules; a 1-D code has rows == 1 (bars run the full height)
    QVector<quint8> bits;        // row-major, 1 = dark
    bool dark(int x, int y) const { return bits[y * cols + x] != 0; }
    // Minimum quiet zone in modules on each side (Code 128: 10, Data Matrix: 2, QR: 4).
    int quietModules() const;
};

// Encodes value (an identifier: ASCII letters, digits and - . * / + $ %) without any margin.
Result<BarcodeMatrix> encodeBarcode(Symbology symbology, const QString& value);

}  // namespace archive::labels
