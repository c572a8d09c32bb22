#include "labels/LabelRenderer.h"

#include "labels/LabelFonts.h"

#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <cmath>

namespace archive::labels {

namespace {
constexpr double kLineSpacing = 1.2;   // must match LabelLayout.cpp
constexpr double kVCell = 1.08;
constexpr double kVColumn = 1.25;

void drawText(QPainter& p, const LaidText& t, QPointF o, double ppm, const PaintOptions& opt) {
    const LabelFonts& fonts = LabelFonts::get();
    const double em = ptToMm(t.pt);
    QFont f = fonts.font(t.pt, t.bold);
    const double devDpi = p.device()->logicalDpiY();
    f.setPointSizeF(em * ppm * 72.0 / devDpi);
    if (opt.monochrome) f.setStyleStrategy(QFont::StyleStrategy(QFont::NoFontMerging | QFont::NoAntialias));
    p.setFont(f);
    p.setPen(Qt::black);

    p.save();
    QRectF r = t.rectMm;  // in mm, local frame after rotation
    if (t.rotate == 90) {
        p.translate(o.x() + r.right() * ppm, o.y() + r.top() * ppm);
        p.rotate(90);
        r = QRectF(0, 0, t.rectMm.height(), t.rectMm.width());
    } else {
        p.translate(o);
    }
    const double baseOff = em * (1.0 + fonts.ascentEm() - fonts.descentEm()) / 2.0;
    if (!t.vertical) {
        const int n = int(t.lines.size());
        const double blockH = em * (1.0 + (n - 1) * kLineSpacing);
        const double top = r.top() + (r.height() - blockH) / 2.0;
        for (int i = 0; i < n; ++i) {
            const double w = fonts.advanceEm(t.lines[i], t.bold) * em;
            double x = r.left();
            if (t.align & Qt::AlignHCenter) x = r.left() + (r.width() - w) / 2.0;
            else if (t.align & Qt::AlignRight) x = r.right() - w;
            p.drawText(QPointF(x * ppm, (top + i * em * kLineSpacing + baseOff) * ppm), t.lines[i]);
        }
    } else {
        const int cols = int(t.lines.size());
        const double blockW = em + (cols - 1) * em * kVColumn;
        double right = r.right();
        if (t.align & Qt::AlignHCenter) right = r.left() + (r.width() + blockW) / 2.0;
        else if (t.align & Qt::AlignLeft) right = r.left() + blockW;
        int longest = 0;
        for (const auto& col : t.lines) longest = std::max(longest, int(col.toUcs4().size()));
        const double top = r.top() + (r.height() - longest * em * kVCell) / 2.0;
        for (int c = 0; c < cols; ++c) {
            const double colCentre = right - em / 2.0 - c * em * kVColumn;  // right to left
            const QList<uint> cps = t.lines[c].toUcs4();
            for (qsizetype i = 0; i < cps.size(); ++i) {
                const QString ch = QString::fromUcs4(reinterpret_cast<const char32_t*>(&cps[i]), 1);
                const double w = fonts.advanceEm(ch, t.bold) * em;
                p.drawText(QPointF((colCentre - w / 2.0) * ppm, (top + i * em * kVCell + baseOff) * ppm), ch);
            }
        }
    }
    p.restore();
}

void drawBarcode(QPainter& p, const LaidBarcode& b, QPointF o, double ppm) {
    const BarcodeMatrix& m = b.matrix;
    const double mod = b.moduleMm;
    const bool linear = m.symbology == Symbology::Code128;
    for (int y = 0; y < m.rows; ++y) {
        int x = 0;
        while (x < m.cols) {
            if (!m.dark(x, y)) { ++x; continue; }
            int e = x;
            while (e < m.cols && m.dark(e, y)) ++e;
            QRectF r;
            if (linear) {
                if (b.rotate == 90)
                    r = QRectF(b.symbolMm.left(), b.symbolMm.top() + x * mod, b.symbolMm.width(), (e - x) * mod);
                else
                    r = QRectF(b.symbolMm.left() + x * mod, b.symbolMm.top(), (e - x) * mod, b.symbolMm.height());
            } else {
                r = QRectF(b.symbolMm.left() + x * mod, b.symbolMm.top() + y * mod, (e - x) * mod, mod);
            }
            p.fillRect(QRectF(o.x() + r.left() * ppm, o.y() + r.top() * ppm, r.width() * ppm, r.height() * ppm), Qt::black);
            x = e;
        }
    }
}
}  // namespace

void paintLabel(QPainter& p, const LabelLayout& l, QPointF o, double ppm, const PaintOptions& opt) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setRenderHint(QPainter::TextAntialiasing, !opt.monochrome);
    if (opt.text) {
        if (l.frame) {
            const double w = 0.25;
            QPen pen(Qt::black, w * ppm);
            pen.setJoinStyle(Qt::MiterJoin);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(o.x() + w / 2 * ppm, o.y() + w / 2 * ppm, (l.widthMm - w) * ppm, (l.heightMm - w) * ppm));
        }
        for (const auto& ln : l.lines) {
            QPen pen(Qt::black, ln.widthMm * ppm);
            pen.setCapStyle(Qt::FlatCap);
            p.setPen(pen);
            p.drawLine(QLineF(o + ln.mm.p1() * ppm, o + ln.mm.p2() * ppm));
        }
        for (const auto& t : l.texts)
            if (opt.onlyMm.isNull() || opt.onlyMm.intersects(t.rectMm)) drawText(p, t, o, ppm, opt);
    }
    if (opt.barcodes)
        for (const auto& b : l.barcodes)
            if (opt.onlyMm.isNull() || opt.onlyMm.intersects(b.zoneMm)) drawBarcode(p, b, o, ppm);
    p.restore();
}

QImage renderImage(const LabelLayout& l, int dpi, const PaintOptions& opt, QRectF region) {
    if (dpi <= 0) dpi = l.dpi;
    const double ppm = dpi / 25.4;
    if (region.isNull()) region = QRectF(0, 0, l.widthMm, l.heightMm);
    const int w = std::max(1, int(std::lround(region.width() * ppm)));
    const int h = std::max(1, int(std::lround(region.height() * ppm)));
    QImage img(w, h, opt.grayscale ? QImage::Format_Grayscale8 : QImage::Format_RGB32);
    img.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    img.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    img.fill(Qt::white);
    QPainter p(&img);
    paintLabel(p, l, QPointF(-region.left() * ppm, -region.top() * ppm), ppm, opt);
    p.end();
    return img;
}

namespace {
struct Placement {
    int page = 0;
    QPointF topLeftMm;   // where the label (as placed, maybe turned) starts on its page
};
struct PageLayout {
    QSizeF pageMm;
    bool rotated = false;
    double placedW = 0, placedH = 0;
    QList<Placement> places;
    int pages = 0;
};

Result<PageLayout> placeLabels(const QList<LabelLayout>& labels, const Stock& stock, int startPosition) {
    if (labels.isEmpty())
        return makeError(QStringLiteral("no_labels"), QStringLiteral("没有要打印的标签。"), QStringLiteral("There are no labels to print."));
    const LabelLayout& first = labels.first();
    PageLayout pl;
    if (!stock.fits(first.widthMm, first.heightMm, &pl.rotated)) {
        LabelTemplate t;
        t.name = first.templateName;
        t.widthMm = first.widthMm;
        t.heightMm = first.heightMm;
        return checkStock(t, stock).error();
    }
    if (stock.type == Stock::Type::Sheet && (startPosition < 1 || startPosition > stock.cells()))
        return makeError(QStringLiteral("bad_start_position"),
                         QStringLiteral("起始位置 %1 不在这张标签纸上：请填 1 到 %2 之间的数（从左上角起，逐行数）。")
                             .arg(startPosition).arg(stock.cells()),
                         QStringLiteral("Start position %1 is not on this sheet: give a number from 1 to %2 (from the top left, row by row).")
                             .arg(startPosition).arg(stock.cells()));
    pl.placedW = pl.rotated ? first.heightMm : first.widthMm;
    pl.placedH = pl.rotated ? first.widthMm : first.heightMm;
    switch (stock.type) {
    case Stock::Type::Continuous: pl.pageMm = QSizeF(stock.widthMm, pl.placedH); break;
    case Stock::Type::DieCut: pl.pageMm = QSizeF(stock.widthMm, stock.heightMm); break;
    case Stock::Type::Sheet: pl.pageMm = QSizeF(stock.pageWidthMm, stock.pageHeightMm); break;
    }
    int cell = stock.type == Stock::Type::Sheet ? startPosition - 1 : 0;
    int page = 0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QPointF cellOrigin;
        QSizeF cellSize = pl.pageMm;
        if (stock.type == Stock::Type::Sheet) {
            if (cell >= stock.cells()) { ++page; cell = 0; }
            cellOrigin = QPointF(stock.marginLeftMm + (cell % stock.cols) * stock.pitchXMm,
                                 stock.marginTopMm + (cell / stock.cols) * stock.pitchYMm);
            cellSize = QSizeF(stock.widthMm, stock.heightMm);
            ++cell;
        } else {
            page = int(i);
        }
        pl.places << Placement{page, cellOrigin + QPointF((cellSize.width() - pl.placedW) / 2, (cellSize.height() - pl.placedH) / 2)};
    }
    pl.pages = page + 1;
    return pl;
}

void paintPlaced(QPainter& p, const LabelLayout& l, const PageLayout& pl, const Placement& at, double ppm,
                 const PaintOptions& opt = {}) {
    if (pl.rotated) {
        // turned 90° clockwise: the label's top edge runs down the right side of its place
        p.save();
        p.translate((at.topLeftMm.x() + pl.placedW) * ppm, at.topLeftMm.y() * ppm);
        p.rotate(90);
        paintLabel(p, l, QPointF(0, 0), ppm, opt);
        p.restore();
    } else {
        paintLabel(p, l, at.topLeftMm * ppm, ppm, opt);
    }
}
}  // namespace

Status writePdf(QIODevice* out, const QList<LabelLayout>& labels, const Stock& stock, const PdfOptions& opt) {
    auto placed = placeLabels(labels, stock, opt.startPosition);
    if (!placed) return placed.error();
    const PageLayout& pl = placed.value();
    QPdfWriter w(out);
    w.setResolution(opt.resolution);
    w.setCreator(QStringLiteral("archive-kiosk labels"));
    w.setTitle(opt.title.isEmpty() ? labels.first().templateName : opt.title);
    w.setPageSize(QPageSize(pl.pageMm, QPageSize::Millimeter, QString(), QPageSize::ExactMatch));
    w.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    QPainter p;
    if (!p.begin(&w))
        return makeError(QStringLiteral("pdf_write"), QStringLiteral("无法生成 PDF：磁盘已满或无写入权限？"),
                         QStringLiteral("Cannot write the PDF: is the disk full or read-only?"));
    const double ppm = opt.resolution / 25.4;
    int page = 0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        while (pl.places[i].page > page) { w.newPage(); ++page; }
        paintPlaced(p, labels[i], pl, pl.places[i], ppm);
    }
    p.end();
    return okStatus();
}

Result<QList<QImage>> renderPages(const QList<LabelLayout>& labels, const Stock& stock, int dpi, int startPosition) {
    auto placed = placeLabels(labels, stock, startPosition);
    if (!placed) return placed.error();
    const PageLayout& pl = placed.value();
    const double ppm = dpi / 25.4;
    QList<QImage> pages;
    for (int pg = 0; pg < pl.pages; ++pg) {
        QImage img(int(std::lround(pl.pageMm.width() * ppm)), int(std::lround(pl.pageMm.height() * ppm)), QImage::Format_RGB32);
        img.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
        img.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
        img.fill(Qt::white);
        QPainter p(&img);
        if (stock.type == Stock::Type::Sheet) {  // show the sheet's cells faintly (preview only)
            p.setPen(QPen(QColor(200, 200, 200), 1));
            for (int c = 0; c < stock.cells(); ++c)
                p.drawRect(QRectF((stock.marginLeftMm + (c % stock.cols) * stock.pitchXMm) * ppm,
                                  (stock.marginTopMm + (c / stock.cols) * stock.pitchYMm) * ppm,
                                  stock.widthMm * ppm, stock.heightMm * ppm));
        }
        for (qsizetype i = 0; i < labels.size(); ++i)
            if (pl.places[i].page == pg) paintPlaced(p, labels[i], pl, pl.places[i], ppm);
        p.end();
        pages << img;
    }
    return pages;
}

Result<QByteArray> renderPdf(const QList<LabelLayout>& labels, const Stock& stock, const PdfOptions& options) {
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    Status s = writePdf(&buf, labels, stock, options);
    if (!s) return s.error();
    buf.close();
    return bytes;
}

QByteArray renderZpl(const QList<LabelLayout>& labels) {
    QByteArray z;
    for (const LabelLayout& l : labels) {
        const double dpm = l.dpi / 25.4;
        auto dots = [dpm](double mm) { return int(std::lround(mm * dpm)); };
        PaintOptions opt;
        opt.barcodes = false;
        opt.monochrome = true;
        const QImage img = renderImage(l, l.dpi, opt);
        const int rowBytes = (img.width() + 7) / 8;
        QByteArray bits(rowBytes * img.height(), '\0');
        for (int y = 0; y < img.height(); ++y) {
            const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
            for (int x = 0; x < img.width(); ++x)
                if (qGray(line[x]) < 128) bits[y * rowBytes + x / 8] = char(bits[y * rowBytes + x / 8] | (0x80 >> (x % 8)));
        }
        z += "^XA\n^CI28\n";
        z += "^PW" + QByteArray::number(img.width()) + "\n^LL" + QByteArray::number(img.height()) + "\n^LH0,0\n";
        z += "^FX " + l.templateName.toUtf8() + " " + l.subject.toUtf8() + "\n";
        z += "^FO0,0^GFA," + QByteArray::number(bits.size()) + "," + QByteArray::number(bits.size()) + "," +
             QByteArray::number(rowBytes) + "," + bits.toHex().toUpper() + "^FS\n";
        for (const LaidBarcode& b : l.barcodes) {
            z += "^FO" + QByteArray::number(dots(b.symbolMm.left())) + "," + QByteArray::number(dots(b.symbolMm.top()));
            const QByteArray m = QByteArray::number(b.moduleDots);
            switch (b.matrix.symbology) {
            case Symbology::Code128: {
                const double h = b.rotate == 90 ? b.symbolMm.width() : b.symbolMm.height();
                z += "^BY" + m + "^BC" + (b.rotate == 90 ? "R" : "N") + "," + QByteArray::number(dots(h)) + ",N,N,N,A";
                z += "^FD" + b.value.toUtf8() + "^FS\n";
                break;
            }
            case Symbology::DataMatrix:
                z += "^BXN," + m + ",200^FD" + b.value.toUtf8() + "^FS\n";
                break;
            case Symbology::QRCode:
                z += "^BQN,2," + m + "^FDMA," + b.value.toUtf8() + "^FS\n";
                break;
            }
        }
        z += "^PQ1\n^XZ\n";
    }
    return z;
}

}  // namespace archive::labels
