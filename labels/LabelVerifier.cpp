#include "labels/LabelVerifier.h"

#include "labels/LabelRenderer.h"

#include <ZXing/ReadBarcode.h>

#include <QTransform>

namespace archive::labels {

namespace {
ZXing::BarcodeFormat formatOf(Symbology s) {
    switch (s) {
    case Symbology::Code128: return ZXing::BarcodeFormat::Code128;
    case Symbology::DataMatrix: return ZXing::BarcodeFormat::DataMatrix;
    case Symbology::QRCode: return ZXing::BarcodeFormat::QRCode;
    }
    return ZXing::BarcodeFormat::Code128;
}

ZXing::ImageView viewOf(const QImage& img) {
    return ZXing::ImageView(img.constBits(), img.width(), img.height(),
                            img.format() == QImage::Format_Grayscale8 ? ZXing::ImageFormat::Lum : ZXing::ImageFormat::BGRX,
                            int(img.bytesPerLine()));
}
}  // namespace

namespace {
QString readBack(const QImage& img, ZXing::BarcodeFormat fmt, bool harder) {
    ZXing::DecodeHints hints;
    hints.setFormats(fmt);
    hints.setTryHarder(harder);
    hints.setTryRotate(harder);
    const ZXing::Result r = ZXing::ReadBarcode(viewOf(img), hints);
    return r.isValid() ? QString::fromStdString(r.text()) : QString();
}
}  // namespace

Status verifyLabel(const LabelLayout& label) {
    for (const LaidBarcode& b : label.barcodes) {
        // the code, its quiet zone and a little of what surrounds it, as printed
        const QRectF region = b.zoneMm.adjusted(-1.5, -1.5, 1.5, 1.5).intersected(QRectF(0, 0, label.widthMm, label.heightMm));
        PaintOptions opt;
        opt.monochrome = true;
        opt.onlyMm = region;
        opt.grayscale = true;
        QImage img = renderImage(label, label.dpi, opt, region);
        if (b.rotate == 90 && b.matrix.symbology == Symbology::Code128)
            img = img.transformed(QTransform().rotate(-90));  // bars upright: the fast scan finds it
        const ZXing::BarcodeFormat fmt = formatOf(b.matrix.symbology);
        QString got = readBack(img, fmt, false);
        if (got != b.value) got = readBack(img, fmt, true);  // a second, thorough look before refusing
        if (got != b.value) {
            return makeError(QStringLiteral("barcode_unreadable"),
                             QStringLiteral("标签 %1 上的条码“%2”打印后扫不出来（%3 dpi 试读%4）：请选用更宽的模板，"
                                            "或换用分辨率更高的打印机。")
                                 .arg(label.templateName, b.value).arg(label.dpi)
                                 .arg(got.isEmpty() ? QStringLiteral("失败") : QStringLiteral("得到“%1”").arg(got)),
                             QStringLiteral("Barcode \"%2\" on label %1 would not scan once printed (test read at %3 dpi %4): "
                                            "choose a wider template or a printer with a higher resolution.")
                                 .arg(label.templateName, b.value).arg(label.dpi)
                                 .arg(got.isEmpty() ? QStringLiteral("failed") : QStringLiteral("gave \"%1\"").arg(got)));
        }
    }
    return okStatus();
}

QStringList decodeBarcodes(const QImage& image) {
    // One code per image: ReadBarcodes() of ZXing 1.4 asserts on some rotated 1-D codes. Callers crop a sheet
    // into its labels first.
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    QStringList out;
    for (auto fmt : {ZXing::BarcodeFormat::Code128, ZXing::BarcodeFormat::DataMatrix, ZXing::BarcodeFormat::QRCode}) {
        ZXing::DecodeHints hints;
        hints.setFormats(fmt);
        hints.setTryHarder(true);
        hints.setTryRotate(true);
        const ZXing::Result r = ZXing::ReadBarcode(viewOf(img), hints);
        if (r.isValid()) out << QString::fromStdString(r.text());
    }
    return out;
}

}  // namespace archive::labels
