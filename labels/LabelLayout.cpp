#include "labels/LabelLayout.h"

#include "labels/LabelFonts.h"

#include <QRegularExpression>
#include <cmath>

namespace archive::labels {

namespace {
constexpr double kLineSpacing = 1.2;    // horizontal line pitch, em
constexpr double kVCell = 1.08;         // vertical character pitch, em
constexpr double kVColumn = 1.25;       // vertical column pitch, em
constexpr double kSafety = 0.98;        // measured width must stay within 98 % of the box

QString substitute(const QString& text, const LabelData& data, QStringList* keysOut) {
    static const QRegularExpression re(QStringLiteral("\\{([a-z_]+)\\}"));
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += data.value(m.captured(1)).simplified();
        if (keysOut) *keysOut << m.captured(1);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

QString fieldNamesZh(const QStringList& keys) {
    QStringList n;
    for (const auto& k : keys) n << LabelData::keyNameZh(k);
    return n.join(QStringLiteral("、"));
}
QString fieldNamesEn(const QStringList& keys) {
    QStringList n;
    for (const auto& k : keys) n << LabelData::keyNameEn(k);
    return n.join(QStringLiteral(", "));
}

// Greedy line breaking by character (Chinese breaks anywhere; Latin words are kept when they fit).
QStringList breakLines(const QString& text, double widthEm, bool bold, const LabelFonts& fonts) {
    QStringList lines;
    QString cur;
    double curW = 0;
    const QList<uint> cps = text.toUcs4();
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const QString ch = QString::fromUcs4(reinterpret_cast<const char32_t*>(&cps[i]), 1);
        const double w = fonts.advanceEm(ch, bold);
        if (curW + w > widthEm && !cur.isEmpty()) {
            // keep a Latin word together when the break falls inside it
            qsizetype sp = cur.lastIndexOf(QLatin1Char(' '));
            if (ch.at(0).isLetterOrNumber() && ch.at(0).unicode() < 0x2e80 && sp > 0 && sp > cur.size() / 2) {
                lines << cur.left(sp);
                cur = cur.mid(sp + 1);
                curW = fonts.advanceEm(cur, bold);
            } else {
                lines << cur;
                cur.clear();
                curW = 0;
            }
            if (ch == QLatin1String(" ")) continue;
        }
        cur += ch;
        curW += w;
    }
    if (!cur.isEmpty()) lines << cur;
    return lines;
}

struct Fit {
    bool ok = false;
    QStringList lines;
};

Fit fitAt(const QString& text, double pt, double wMm, double hMm, const TemplateElement& el, const LabelFonts& fonts) {
    const double em = ptToMm(pt);
    Fit f;
    const int maxLines = el.wrap ? std::max(1, el.maxLines) : 1;
    if (el.vertical) {
        const int perCol = int(std::floor(hMm / (em * kVCell)));
        if (perCol < 1) return f;
        const QList<uint> cps = text.toUcs4();
        const int cols = int((cps.size() + perCol - 1) / perCol);
        if (cols > maxLines || em + (cols - 1) * em * kVColumn > wMm * kSafety) return f;
        for (int c = 0; c < cols; ++c) {
            const auto part = cps.mid(c * perCol, perCol);
            f.lines << QString::fromUcs4(reinterpret_cast<const char32_t*>(part.constData()), part.size());
        }
        f.ok = true;
        return f;
    }
    const double widthEm = wMm * kSafety / em;
    f.lines = el.wrap ? breakLines(text, widthEm, el.bold, fonts) : QStringList{text};
    if (f.lines.size() > maxLines) return f;
    const double needH = em * (1.0 + (f.lines.size() - 1) * kLineSpacing);
    if (needH > hMm + 1e-6) return f;
    for (const auto& l : f.lines)
        if (fonts.advanceEm(l, el.bold) > widthEm) return f;
    f.ok = true;
    return f;
}

// At the smallest size: as much text as fits, ending in "…".
QStringList elided(const QString& text, double pt, double wMm, double hMm, const TemplateElement& el,
                   const LabelFonts& fonts) {
    QList<uint> cps = text.toUcs4();
    qsizetype lo = 0, hi = cps.size();
    QStringList best{QStringLiteral("…")};
    while (lo <= hi) {  // binary search on the number of characters kept
        const qsizetype mid = (lo + hi) / 2;
        QString t = QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData()), mid).trimmed() +
                    QStringLiteral("…");
        const Fit f = fitAt(t, pt, wMm, hMm, el, fonts);
        if (f.ok) { best = f.lines; lo = mid + 1; }
        else hi = mid - 1;
    }
    return best;
}

int capacityChars(double pt, double wMm, double hMm, const TemplateElement& el) {
    const double em = ptToMm(pt);
    const int lines = el.wrap ? std::max(1, el.maxLines) : 1;
    if (el.vertical) return int(std::floor(hMm / (em * kVCell))) * lines;
    return int(std::floor(wMm / em)) * lines;
}
}  // namespace

Status checkStock(const LabelTemplate& tpl, const Stock& stock) {
    if (stock.fits(tpl.widthMm, tpl.heightMm)) return okStatus();
    QStringList fitting;
    for (const auto& s : TemplateRegistry::instance().stocks())
        if (s.fits(tpl.widthMm, tpl.heightMm)) fitting << s.name;
    const QString size = QStringLiteral("%1×%2 mm").arg(tpl.widthMm).arg(tpl.heightMm);
    return makeError(QStringLiteral("stock_too_small"),
                     QStringLiteral("模板 %1（%2）放不下标签纸 %3（%4）：请换用 %5，或选一个更小的模板。")
                         .arg(tpl.name, size, stock.name, stock.sizeText(),
                              fitting.isEmpty() ? QStringLiteral("更大的标签纸") : fitting.join(QStringLiteral(" 或 "))),
                     QStringLiteral("Template %1 (%2) does not fit label stock %3 (%4): load %5, or pick a smaller template.")
                         .arg(tpl.name, size, stock.name, stock.sizeText(),
                              fitting.isEmpty() ? QStringLiteral("a larger stock") : fitting.join(QStringLiteral(" or "))));
}

Result<LabelLayout> layoutLabel(const LabelTemplate& tpl, const LabelData& data, const PrinterProfile& printer) {
    const LabelFonts& fonts = LabelFonts::get();
    LabelLayout out;
    out.templateName = tpl.name;
    out.widthMm = tpl.widthMm;
    out.heightMm = tpl.heightMm;
    out.frame = tpl.frame;
    out.dpi = printer.dpi;
    out.dataHash = data.hash();
    out.subject = data.barcode;
    const double dot = printer.dotMm();

    for (const TemplateElement& el : tpl.elements) {
        if (el.type == TemplateElement::Type::Line) {
            out.lines << LaidLine{QLineF(el.rectMm.left(), el.rectMm.top(), el.rectMm.right(), el.rectMm.bottom()),
                                  el.lineWidthMm};
            continue;
        }
        QStringList keys;
        const QString text = substitute(el.text, data, &keys).trimmed();
        const bool hasValue = keys.isEmpty() || !substitute(el.text, data, nullptr).trimmed().isEmpty();
        bool anyEmpty = false;
        for (const auto& k : keys) anyEmpty = anyEmpty || data.value(k).trimmed().isEmpty();
        if (el.required && (anyEmpty || !hasValue))
            return makeError(QStringLiteral("label_field_empty"),
                             QStringLiteral("“%1”为空，标签 %2 必须印出此项：请先在档案目录中补录%1。")
                                 .arg(fieldNamesZh(keys), tpl.name),
                             QStringLiteral("\"%1\" is empty but label %2 must show it: fill in the %1 in the catalogue first.")
                                 .arg(fieldNamesEn(keys), tpl.name));
        if (text.isEmpty()) continue;

        if (el.type == TemplateElement::Type::Barcode) {
            auto m = encodeBarcode(el.symbology, text);
            if (!m) return m.error();
            const BarcodeMatrix& mx = m.value();
            const double along = el.rotate == 0 ? el.rectMm.width() : el.rectMm.height();
            const double across = el.rotate == 0 ? el.rectMm.height() : el.rectMm.width();
            const int q = mx.quietModules();
            const bool linear = el.symbology == Symbology::Code128;
            const int modulesAlong = mx.cols + 2 * q;
            const double room = linear ? along : std::min(along, across);
            const int modules = linear ? modulesAlong : std::max(mx.cols, mx.rows) + 2 * q;
            int dots = int(std::floor(room / modules / dot + 1e-9));
            dots = std::min(dots, std::max(1, int(std::floor(el.maxModuleMm / dot + 1e-9))));
            const double needMm = std::max(printer.minModuleMm, dot);
            if (dots < 1 || dots * dot < needMm - 1e-9) {
                const double have = room / modules;
                return makeError(QStringLiteral("barcode_too_long"),
                                 QStringLiteral("条码“%1”在模板 %2 上放不下：每个条宽只有 %3 mm，窄于打印机 %4（%5 dpi）可靠打印的 %6 mm。"
                                                "请选用更宽的模板（如 spine-40、spine-50）或更短的条码。")
                                     .arg(text.left(40), tpl.name).arg(have, 0, 'f', 2).arg(printer.name)
                                     .arg(printer.dpi).arg(needMm, 0, 'f', 2),
                                 QStringLiteral("Barcode \"%1\" does not fit template %2: a module would be %3 mm, narrower than "
                                                "the %6 mm printer %4 (%5 dpi) prints reliably. Choose a wider template "
                                                "(e.g. spine-40, spine-50) or a shorter barcode.")
                                     .arg(text.left(40), tpl.name).arg(have, 0, 'f', 2).arg(printer.name)
                                     .arg(printer.dpi).arg(needMm, 0, 'f', 2));
            }
            LaidBarcode b;
            b.matrix = mx;
            b.value = text;
            b.moduleDots = dots;
            b.moduleMm = dots * dot;
            b.rotate = el.rotate;
            const double symAlong = mx.cols * b.moduleMm;
            const double symAcross = linear ? across : mx.rows * b.moduleMm;
            // centre in the element, origin snapped to the printer's dot grid
            const double cxAlong = (along - symAlong) / 2, cxAcross = (across - symAcross) / 2;
            auto snap = [dot](double v) { return std::round(v / dot) * dot; };
            QRectF sym;
            if (el.rotate == 0)
                sym = QRectF(snap(el.rectMm.left() + cxAlong), snap(el.rectMm.top() + cxAcross), symAlong, symAcross);
            else
                sym = QRectF(snap(el.rectMm.left() + cxAcross), snap(el.rectMm.top() + cxAlong), symAcross, symAlong);
            b.symbolMm = sym;
            const double qz = q * b.moduleMm;
            b.zoneMm = linear ? (el.rotate == 0 ? sym.adjusted(-qz, 0, qz, 0) : sym.adjusted(0, -qz, 0, qz))
                              : sym.adjusted(-qz, -qz, qz, qz);
            out.barcodes << b;
            continue;
        }

        // text: every character must be in the label font
        for (char32_t c : text.toUcs4()) {
            if (c == U'…' || c == U'—' || fonts.canRender(c)) continue;
            const QString ch = QString::fromUcs4(&c, 1);
            const QString hex = QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
            const QString whereZh = keys.isEmpty() ? text.left(20) : fieldNamesZh(keys);
            const QString whereEn = keys.isEmpty() ? text.left(20) : fieldNamesEn(keys);
            return makeError(QStringLiteral("label_glyph_missing"),
                             QStringLiteral("“%1”中的字符“%2”（U+%3）无法打印：标签字体中没有这个字（表情符号或生僻字）。"
                                            "请在目录中改用常用字、拼音或文字说明。").arg(whereZh, ch, hex),
                             QStringLiteral("The character \"%2\" (U+%3) in \"%1\" cannot be printed: the label font has no such "
                                            "glyph (emoji or rare character). Use a common character or a description instead.")
                                 .arg(whereEn, ch, hex));
        }
        const double wMm = el.rotate == 90 ? el.rectMm.height() : el.rectMm.width();
        const double hMm = el.rotate == 90 ? el.rectMm.width() : el.rectMm.height();
        LaidText t;
        t.rectMm = el.rectMm;
        t.bold = el.bold;
        t.vertical = el.vertical;
        t.rotate = el.rotate;
        t.align = el.align;
        bool done = false;
        for (double pt = el.maxPt; pt >= el.minPt - 1e-9; pt -= 0.5) {
            const Fit f = fitAt(text, pt, wMm, hMm, el, fonts);
            if (f.ok) { t.pt = pt; t.lines = f.lines; done = true; break; }
        }
        if (!done) {
            const int cap = capacityChars(el.minPt, wMm, hMm, el);
            if (!el.elide)
                return makeError(QStringLiteral("label_text_overflow"),
                                 QStringLiteral("“%1”太长（%2 字），在模板 %3 上用最小字号也放不下（约 %4 字以内）："
                                                "请缩短%1，或选用更宽的模板（如 spine-40、spine-50）。")
                                     .arg(fieldNamesZh(keys)).arg(text.size()).arg(tpl.name).arg(cap),
                                 QStringLiteral("\"%1\" is too long (%2 characters) for template %3 even at the smallest size "
                                                "(about %4 fit): shorten it or choose a wider template (e.g. spine-40, spine-50).")
                                     .arg(fieldNamesEn(keys)).arg(text.size()).arg(tpl.name).arg(cap));
            t.pt = el.minPt;
            t.lines = elided(text, el.minPt, wMm, hMm, el, fonts);
            out.warnings << Notice{QStringLiteral("label_text_shortened"),
                                   QStringLiteral("“%1”较长（%2 字），标签 %3 上只印出前面部分并以“…”结尾。")
                                       .arg(fieldNamesZh(keys)).arg(text.size()).arg(tpl.name),
                                   QStringLiteral("\"%1\" is long (%2 characters): label %3 shows its beginning, ending in \"…\".")
                                       .arg(fieldNamesEn(keys)).arg(text.size()).arg(tpl.name)};
        }
        out.texts << t;
    }
    return out;
}

}  // namespace archive::labels
