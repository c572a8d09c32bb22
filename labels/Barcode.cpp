#include "labels/Barcode.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace archive::labels {

int BarcodeMatrix::quietModules() const {
    switch (symbology) {
    case Symbology::Code128: return 10;
    case Symbology::DataMatrix: return 2;
    case Symbology::QRCode: return 4;
    }
    return 10;
}

Result<BarcodeMatrix> encodeBarcode(Symbology symbology, const QString& value) {
    if (value.isEmpty())
        return makeError(QStringLiteral("barcode_empty"),
                         QStringLiteral("条码内容为空：请先为档案盒或架位登记条码。"),
                         QStringLiteral("The barcode is empty: record a barcode for the box or shelf first."));
    for (QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return makeError(QStringLiteral("barcode_charset"),
                             QStringLiteral("条码“%1”含有无法印成条码的字符“%2”：条码只能由字母、数字和 - . * 等符号组成，请更正条码。")
                                 .arg(value.left(40), QString(c)),
                             QStringLiteral("The barcode \"%1\" contains \"%2\", which a barcode cannot carry: use letters, digits and - . * only.")
                                 .arg(value.left(40), QString(c)));
    }
    ZXing::BarcodeFormat fmt = ZXing::BarcodeFormat::Code128;
    if (symbology == Symbology::DataMatrix) fmt = ZXing::BarcodeFormat::DataMatrix;
    if (symbology == Symbology::QRCode) fmt = ZXing::BarcodeFormat::QRCode;
    try {
        ZXing::MultiFormatWriter writer(fmt);
        writer.setMargin(0);
        if (symbology == Symbology::QRCode) writer.setEccLevel(2);  // M
        const ZXing::BitMatrix m = writer.encode(value.toStdString(), 0, 0);
        BarcodeMatrix out;
        out.symbology = symbology;
        out.cols = m.width();
        out.rows = symbology == Symbology::Code128 ? 1 : m.height();
        out.bits.resize(out.cols * out.rows);
        for (int y = 0; y < out.rows; ++y)
            for (int x = 0; x < out.cols; ++x) out.bits[y * out.cols + x] = m.get(x, y) ? 1 : 0;
        if (out.cols <= 0 || out.rows <= 0) throw std::runtime_error("empty symbol");
        return out;
    } catch (const std::exception& e) {
        return makeError(QStringLiteral("barcode_encode"),
                         QStringLiteral("条码“%1”无法生成（%2 码不能容纳这些内容）：请检查条码是否正确，或改用其他模板。")
                             .arg(value.left(40), symbologyName(symbology)),
                         QStringLiteral("Cannot make a %2 barcode for \"%1\": check the barcode or choose another template.")
                             .arg(value.left(40), symbologyName(symbology)),
                         QString::fromUtf8(e.what()));
    }
}

}  // namespace archive::labels
