#include "ImageDecoder.h"

#include <ZXing/ReadBarcode.h>

#include <algorithm>

namespace archive::scanner {

QPoint DecodedCode::center() const {
    if (corners.isEmpty()) return {};
    QPoint sum;
    for (const QPoint& p : corners) sum += p;
    return sum / int(corners.size());
}

namespace {

QString symbologyName(ZXing::BarcodeFormat f) {
    using F = ZXing::BarcodeFormat;
    switch (f) {
    case F::Code128: return Symbology::Code128;
    case F::Code39: return Symbology::Code39;
    case F::QRCode: return Symbology::QRCode;
    case F::DataMatrix: return Symbology::DataMatrix;
    case F::EAN13: return Symbology::EAN13;
    case F::EAN8: return Symbology::EAN8;
    case F::UPCA: return Symbology::UPCA;
    case F::PDF417: return Symbology::PDF417;
    case F::ITF: return Symbology::Interleaved2of5;
    case F::Codabar: return Symbology::Codabar;
    default: return QString::fromStdString(ZXing::ToString(f));
    }
}

// ZXing 1.4 (Debian 12) keeps its asserts, and Result::operator== asserts when it merges several 1-D
// results (maxNumberOfSymbols > 1): the process aborts (zxing-cpp issues #516, #740). So 1-D formats are
// always read with maxNumberOfSymbols = 1, and 2-D formats in a second pass with the requested number
// (when one symbol is wanted, one pass over all formats with maxNumberOfSymbols = 1 is safe).
ZXing::DecodeHints hintsFor(const DecodeOptions& o, ZXing::BarcodeFormats formats, int maxSymbols) {
    ZXing::DecodeHints h;
    h.setTryHarder(o.tryHarder).setTryRotate(o.tryRotate).setTryDownscale(o.tryDownscale);
    h.setMaxNumberOfSymbols(uint8_t(std::clamp(maxSymbols, 1, 255)));
    h.setFormats(formats);
    return h;
}

ZXing::BarcodeFormats linearFormats(const DecodeOptions& o) {
    using F = ZXing::BarcodeFormat;
    if (o.allFormats) return ZXing::BarcodeFormats(F::LinearCodes);
    return F::Code128 | F::Code39 | F::EAN13 | F::EAN8 | F::UPCA;
}

ZXing::BarcodeFormats matrixFormats(const DecodeOptions& o) {
    using F = ZXing::BarcodeFormat;
    if (o.allFormats) return ZXing::BarcodeFormats(F::MatrixCodes);
    return F::QRCode | F::DataMatrix;
}

Result<QList<DecodedCode>> run(const ZXing::ImageView& view, const DecodeOptions& o) {
    ZXing::Results results;
    try {
        if (o.maxSymbols <= 1) {
            // One symbol wanted (camera frames): a single pass over every format is safe and fastest.
            results = ZXing::ReadBarcodes(view, hintsFor(o, linearFormats(o) | matrixFormats(o), 1));
        } else {
            results = ZXing::ReadBarcodes(view, hintsFor(o, linearFormats(o), 1));
            ZXing::Results more = ZXing::ReadBarcodes(view, hintsFor(o, matrixFormats(o), o.maxSymbols));
            results.insert(results.end(), more.begin(), more.end());
        }
        if (results.empty() && o.fallbackBinarizer) {
            // Low-contrast labels: the local-average binarizer gives up on flat blocks; a global threshold
            // still separates faded ink from paper.
            results = ZXing::ReadBarcodes(
                view, hintsFor(o, matrixFormats(o), o.maxSymbols).setBinarizer(ZXing::Binarizer::GlobalHistogram));
        }
    } catch (const std::exception& e) {
        return makeError(QStringLiteral("decode_failed"), QStringLiteral("图片无法识别，请换一张清晰的图片再试。"),
                         QStringLiteral("The picture could not be processed. Try a clearer picture."),
                         QString::fromUtf8(e.what()));
    }
    QList<DecodedCode> out;
    for (const auto& r : results) {
        if (!r.isValid()) continue;
        DecodedCode c;
        c.text = QString::fromStdString(r.text());
        c.symbology = symbologyName(r.format());
        const auto& p = r.position();
        for (int i = 0; i < 4; ++i) c.corners.append(QPoint(p[i].x, p[i].y));
        c.orientationDeg = r.orientation();
        out.append(std::move(c));
    }
    if (out.isEmpty()) {
        return makeError(QStringLiteral("no_code"),
                         QStringLiteral("图中没有找到条码。请让条码完整、平整地出现在画面中，光线均匀、不反光，再试一次。"),
                         QStringLiteral("No barcode found in the picture. Make sure the whole code is in view, flat, "
                                        "evenly lit and without glare, then try again."));
    }
    return out;
}

}  // namespace

Result<QList<DecodedCode>> ImageDecoder::decodeGray(const uchar* data, int width, int height, int stride,
                                                    const DecodeOptions& options) {
    if (!data || width <= 0 || height <= 0)
        return makeError(QStringLiteral("bad_image"), QStringLiteral("图片是空的或无法读取。"),
                         QStringLiteral("The picture is empty or cannot be read."));
    return run(ZXing::ImageView(data, width, height, ZXing::ImageFormat::Lum, stride), options);
}

Result<QList<DecodedCode>> ImageDecoder::decode(const QImage& image, const DecodeOptions& options) {
    if (image.isNull() || image.width() <= 0 || image.height() <= 0)
        return makeError(QStringLiteral("bad_image"), QStringLiteral("图片是空的或无法读取。"),
                         QStringLiteral("The picture is empty or cannot be read."));
    switch (image.format()) {
    case QImage::Format_Grayscale8:
        return decodeGray(image.constBits(), image.width(), image.height(), int(image.bytesPerLine()), options);
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        // 0xAARRGGBB in native (little-endian) order: bytes B, G, R, A.
        return run(ZXing::ImageView(image.constBits(), image.width(), image.height(), ZXing::ImageFormat::BGRX,
                                    int(image.bytesPerLine())), options);
    case QImage::Format_RGB888:
        return run(ZXing::ImageView(image.constBits(), image.width(), image.height(), ZXing::ImageFormat::RGB,
                                    int(image.bytesPerLine())), options);
    default: {
        const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
        return decodeGray(gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()), options);
    }
    }
}

}  // namespace archive::scanner
