#include "SyntheticFrames.h"

#include "devices/scanner/Identifier.h"
#include "devices/scanner/Scan.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QBuffer>
#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>
#include <QtMath>
#include <vector>

namespace archive::scanner {

namespace {

Result<ZXing::BarcodeFormat> writerFormat(const QString& s) {
    using F = ZXing::BarcodeFormat;
    if (s == Symbology::Code128) return F::Code128;
    if (s == Symbology::Code39) return F::Code39;
    if (s == Symbology::QRCode) return F::QRCode;
    if (s == Symbology::DataMatrix) return F::DataMatrix;
    if (s == Symbology::EAN13) return F::EAN13;
    return makeError(QStringLiteral("bad_input"), QStringLiteral("不支持的条码类型：%1").arg(s),
                     QStringLiteral("Unsupported barcode type: %1").arg(s));
}

void boxBlur(QImage& img, int r) {
    if (r <= 0) return;
    const int w = img.width(), h = img.height();
    std::vector<int> line(size_t(std::max(w, h)));
    for (int y = 0; y < h; ++y) {  // horizontal
        uchar* row = img.scanLine(y);
        for (int x = 0; x < w; ++x) line[size_t(x)] = row[x];
        int sum = 0;
        for (int x = -r; x <= r; ++x) sum += line[size_t(std::clamp(x, 0, w - 1))];
        for (int x = 0; x < w; ++x) {
            row[x] = uchar(sum / (2 * r + 1));
            sum += line[size_t(std::min(x + r + 1, w - 1))] - line[size_t(std::max(x - r, 0))];
        }
    }
    for (int x = 0; x < w; ++x) {  // vertical
        for (int y = 0; y < h; ++y) line[size_t(y)] = img.scanLine(y)[x];
        int sum = 0;
        for (int y = -r; y <= r; ++y) sum += line[size_t(std::clamp(y, 0, h - 1))];
        for (int y = 0; y < h; ++y) {
            img.scanLine(y)[x] = uchar(sum / (2 * r + 1));
            sum += line[size_t(std::min(y + r + 1, h - 1))] - line[size_t(std::max(y - r, 0))];
        }
    }
}

}  // namespace

Result<QImage> SyntheticFrames::renderCode(const QString& text, const QString& symbology, int moduleSize,
                                           int barHeight, int quietModules) {
    auto fmt = writerFormat(symbology);
    if (!fmt) return fmt.error();
    if (text.isEmpty())
        return makeError(QStringLiteral("bad_input"), QStringLiteral("条码内容为空。"), QStringLiteral("The code is empty."));
    ZXing::BitMatrix m;
    try {
        ZXing::MultiFormatWriter w(*fmt);
        w.setMargin(0);
        bool ascii = true;
        for (QChar c : text) ascii = ascii && c.unicode() < 0x80;
        if (!ascii && (*fmt == ZXing::BarcodeFormat::QRCode || *fmt == ZXing::BarcodeFormat::DataMatrix))
            w.setEncoding(ZXing::CharacterSet::UTF8);
        m = w.encode(text.toStdString(), 0, 0);
    } catch (const std::exception& e) {
        return makeError(QStringLiteral("bad_input"),
                         QStringLiteral("“%1”不能编成%2条码。").arg(text.left(40), symbology),
                         QStringLiteral("\"%1\" cannot be encoded as %2.").arg(text.left(40), symbology),
                         QString::fromUtf8(e.what()));
    }
    const bool oneD = m.height() <= 2 || (*fmt != ZXing::BarcodeFormat::QRCode && *fmt != ZXing::BarcodeFormat::DataMatrix);
    const int ms = std::max(1, moduleSize);
    const int quiet = quietModules * ms;
    const int w = m.width() * ms + 2 * quiet;
    const int h = oneD ? barHeight + 2 * quiet / 2 : m.height() * ms + 2 * quiet;
    QImage img(w, h, QImage::Format_Grayscale8);
    img.fill(255);
    for (int y = 0; y < (oneD ? barHeight : m.height() * ms); ++y) {
        uchar* row = img.scanLine(y + (oneD ? quiet / 2 : quiet));
        const int my = oneD ? 0 : y / ms;
        for (int x = 0; x < m.width() * ms; ++x)
            if (m.get(x / ms, my)) row[quiet + x] = 0;
    }
    return img;
}

QImage SyntheticFrames::compose(const QImage& code, QSize frameSize, const Distortion& d, quint32 seed, QPoint offset) {
    QRandomGenerator rng(seed);
    QImage canvas(frameSize, QImage::Format_RGB32);
    canvas.fill(QColor(236, 236, 232));  // a desk/paper background, not pure white
    {
        QPainter p(&canvas);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.setRenderHint(QPainter::Antialiasing);
        const QSizeF cs = code.size();
        // The far (right) edge shrinks by `perspective`; then rotate about the centre.
        const double s = std::clamp(d.perspective, 0.0, 0.6);
        QPolygonF src(QRectF(QPointF(0, 0), cs));
        src.removeLast();
        QPolygonF dst;
        dst << QPointF(0, 0) << QPointF(cs.width() * (1 - s * 0.3), cs.height() * s / 2)
            << QPointF(cs.width() * (1 - s * 0.3), cs.height() * (1 - s / 2)) << QPointF(0, cs.height());
        QTransform persp;
        QTransform::quadToQuad(src, dst, persp);
        QTransform place;
        place.translate(frameSize.width() / 2.0 + offset.x(), frameSize.height() / 2.0 + offset.y());
        place.rotate(d.rotateDeg);
        place.translate(-cs.width() / 2.0, -cs.height() / 2.0);
        p.setTransform(persp * place);
        p.drawImage(QPointF(0, 0), code);
    }
    QImage img = canvas.convertToFormat(QImage::Format_Grayscale8);
    const int w = img.width(), h = img.height();

    if (d.warpAmplitude > 0) {  // crumple: displace rows and columns by two crossing sine waves
        QImage src = img;
        const double a = d.warpAmplitude, per = std::max(10.0, d.warpPeriod);
        const double ph1 = rng.generateDouble() * 6.28, ph2 = rng.generateDouble() * 6.28;
        for (int y = 0; y < h; ++y) {
            uchar* out = img.scanLine(y);
            for (int x = 0; x < w; ++x) {
                const int sx = std::clamp(int(x + a * qSin(2 * M_PI * y / per + ph1)), 0, w - 1);
                const int sy = std::clamp(int(y + a * qSin(2 * M_PI * x / (per * 1.3) + ph2)), 0, h - 1);
                out[x] = src.constScanLine(sy)[sx];
            }
        }
    }
    boxBlur(img, d.blurRadius);
    const double lo = std::clamp(d.contrastLow, 0, 254), hi = std::clamp(d.contrastHigh, int(lo) + 1, 255);
    for (int y = 0; y < h; ++y) {
        uchar* row = img.scanLine(y);
        for (int x = 0; x < w; ++x) {
            double v = lo + (hi - lo) * row[x] / 255.0;
            if (d.unevenLight > 0) {
                // light from the left, falling off to the right, plus a soft round shadow
                const double gx = 1.0 - d.unevenLight * 0.55 * x / w;
                const double dx = (x - 0.7 * w) / (0.25 * w), dy = (y - 0.3 * h) / (0.25 * h);
                const double shadow = 1.0 - d.unevenLight * 0.3 * qExp(-(dx * dx + dy * dy));
                v *= gx * shadow;
            }
            if (d.noiseSigma > 0) {
                // Box–Muller
                const double u1 = std::max(1e-12, rng.generateDouble()), u2 = rng.generateDouble();
                v += d.noiseSigma * qSqrt(-2 * qLn(u1)) * qCos(2 * M_PI * u2);
            }
            row[x] = uchar(std::clamp(v, 0.0, 255.0));
        }
    }
    if (d.jpegQuality > 0) {
        QByteArray bytes;
        QBuffer buf(&bytes);
        buf.open(QIODevice::WriteOnly);
        img.save(&buf, "JPG", std::clamp(d.jpegQuality, 1, 100));
        QImage back;
        if (back.loadFromData(bytes, "JPG")) img = back.convertToFormat(QImage::Format_Grayscale8);
    }
    return img;
}

QChar SyntheticFrames::ean13Check(QStringView d) {
    int sum = 0;
    for (int i = 0; i < 12 && i < d.size(); ++i) sum += (d[i].unicode() - '0') * (i % 2 ? 3 : 1);
    return QLatin1Char(char('0' + (10 - sum % 10) % 10));
}

QList<SyntheticSample> SyntheticFrames::distortedSet(QSize frameSize, quint32 seed) {
    struct Preset { const char* name; Distortion d; };
    auto D = [](auto f) { Distortion d; f(d); return d; };
    const Preset presets[] = {
        {"clean", {}},
        {"rotate7", D([](Distortion& d) { d.rotateDeg = 7; })},
        {"rotate103", D([](Distortion& d) { d.rotateDeg = 103; })},
        {"upsidedown", D([](Distortion& d) { d.rotateDeg = 180; })},
        {"blur1", D([](Distortion& d) { d.blurRadius = 1; })},
        {"noise18", D([](Distortion& d) { d.noiseSigma = 18; })},
        {"lowcontrast", D([](Distortion& d) { d.contrastLow = 95; d.contrastHigh = 165; })},
        {"perspective", D([](Distortion& d) { d.perspective = 0.12; })},
        {"unevenlight", D([](Distortion& d) { d.unevenLight = 0.8; })},
        {"jpeg20", D([](Distortion& d) { d.jpegQuality = 20; })},
        {"crumple", D([](Distortion& d) { d.warpAmplitude = 1.5; d.warpPeriod = 160; })},
        {"photo1", D([](Distortion& d) { d.rotateDeg = 4; d.perspective = 0.08; d.blurRadius = 1; d.noiseSigma = 8;
                                          d.contrastLow = 40; d.contrastHigh = 215; d.unevenLight = 0.5;
                                          d.jpegQuality = 55; d.warpAmplitude = 1.0; d.warpPeriod = 180; })},
        {"photo2", D([](Distortion& d) { d.rotateDeg = -6; d.perspective = 0.1; d.noiseSigma = 10;
                                          d.contrastLow = 60; d.contrastHigh = 200; d.unevenLight = 0.6;
                                          d.jpegQuality = 40; d.warpAmplitude = 1.0; d.warpPeriod = 200; })},
        {"photo3", D([](Distortion& d) { d.rotateDeg = 178; d.blurRadius = 1; d.noiseSigma = 6;
                                          d.contrastLow = 30; d.contrastHigh = 190; d.unevenLight = 0.7;
                                          d.jpegQuality = 35; })},
    };
    const QString ean12 = QStringLiteral("978704039663");
    struct Code { QString symbology, text; int module; };
    const Code codes[] = {
        {Symbology::Code128, Identifier::make(IdKind::Box, u"2024000123"), 2},
        {Symbology::Code39, QStringLiteral("B24-0042"), 3},
        {Symbology::QRCode, QStringLiteral("P20230017 张三 档案室借阅证"), 5},
        {Symbology::DataMatrix, QStringLiteral("I J001 2024 Y 0017"), 7},
        {Symbology::EAN13, ean12 + ean13Check(ean12), 3},
    };
    QList<SyntheticSample> out;
    quint32 s = seed;
    for (const Code& c : codes) {
        const QString input = c.symbology == Symbology::EAN13 ? ean12 : c.text;
        auto img = renderCode(input, c.symbology, c.module, 90);
        if (!img) continue;
        for (const Preset& p : presets) {
            SyntheticSample smp;
            smp.name = c.symbology + QLatin1Char('/') + QLatin1String(p.name);
            smp.symbology = c.symbology;
            smp.text = c.text;
            smp.distortion = p.d;
            smp.frame = compose(*img, frameSize, p.d, ++s);
            out.append(std::move(smp));
        }
    }
    return out;
}

}  // namespace archive::scanner
