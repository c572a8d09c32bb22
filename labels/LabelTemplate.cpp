#include "labels/LabelTemplate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace archive::labels {

QString symbologyName(Symbology s) {
    switch (s) {
    case Symbology::Code128: return QStringLiteral("code128");
    case Symbology::DataMatrix: return QStringLiteral("datamatrix");
    case Symbology::QRCode: return QStringLiteral("qr");
    }
    return {};
}

namespace {
Error badTemplate(const QString& source, const QString& what) {
    return makeError(QStringLiteral("bad_template"),
                     QStringLiteral("标签模板 %1 有误：%2。请联系管理员修正模板文件。").arg(source, what),
                     QStringLiteral("Label template %1 is broken: %2. Ask the administrator to fix the template file.")
                         .arg(source, what));
}
QRectF rectOf(const QJsonObject& o) {
    return QRectF(o.value(QLatin1String("x")).toDouble(), o.value(QLatin1String("y")).toDouble(),
                  o.value(QLatin1String("w")).toDouble(), o.value(QLatin1String("h")).toDouble());
}
}  // namespace

Result<LabelTemplate> LabelTemplate::fromJson(const QByteArray& json, const QString& sourceName) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return badTemplate(sourceName, QStringLiteral("JSON %1 @%2").arg(pe.errorString()).arg(pe.offset));
    const QJsonObject o = doc.object();
    LabelTemplate t;
    t.name = o.value(QLatin1String("name")).toString();
    t.titleZh = o.value(QLatin1String("title_zh")).toString();
    t.titleEn = o.value(QLatin1String("title_en")).toString();
    t.kind = o.value(QLatin1String("kind")).toString(QStringLiteral("spine"));
    t.widthMm = o.value(QLatin1String("width_mm")).toDouble();
    t.heightMm = o.value(QLatin1String("height_mm")).toDouble();
    t.frame = o.value(QLatin1String("frame")).toBool();
    for (const auto& s : o.value(QLatin1String("stocks")).toArray()) t.stocks << s.toString();
    if (t.name.isEmpty()) return badTemplate(sourceName, QStringLiteral("name missing"));
    if (t.widthMm <= 0 || t.heightMm <= 0) return badTemplate(sourceName, QStringLiteral("width_mm/height_mm"));
    const QRectF bounds(0, 0, t.widthMm, t.heightMm);
    for (const auto& ev : o.value(QLatin1String("elements")).toArray()) {
        const QJsonObject e = ev.toObject();
        TemplateElement el;
        const QString type = e.value(QLatin1String("type")).toString();
        el.rectMm = rectOf(e);
        if (type == QLatin1String("text")) {
            el.type = TemplateElement::Type::Text;
            el.text = e.value(QLatin1String("text")).toString();
            el.maxPt = e.value(QLatin1String("max_pt")).toDouble(12);
            el.minPt = e.value(QLatin1String("min_pt")).toDouble(5);
            el.bold = e.value(QLatin1String("bold")).toBool();
            el.vertical = e.value(QLatin1String("vertical")).toBool();
            el.wrap = e.value(QLatin1String("wrap")).toBool();
            el.maxLines = e.value(QLatin1String("max_lines")).toInt(el.wrap ? 3 : 1);
            el.required = e.value(QLatin1String("required")).toBool();
            el.rotate = e.value(QLatin1String("rotate")).toInt(0);
            if (el.rotate != 0 && el.rotate != 90) return badTemplate(sourceName, QStringLiteral("rotate must be 0 or 90"));
            el.elide = e.value(QLatin1String("overflow")).toString() == QLatin1String("elide");
            const QString a = e.value(QLatin1String("align")).toString();
            el.align = a == QLatin1String("center") ? Qt::AlignHCenter
                       : a == QLatin1String("right") ? Qt::AlignRight : Qt::AlignLeft;
            if (el.minPt <= 0 || el.maxPt < el.minPt) return badTemplate(sourceName, QStringLiteral("min_pt/max_pt"));
        } else if (type == QLatin1String("barcode")) {
            el.type = TemplateElement::Type::Barcode;
            el.text = e.value(QLatin1String("value")).toString(QStringLiteral("{barcode}"));
            const QString s = e.value(QLatin1String("symbology")).toString(QStringLiteral("code128"));
            if (s == QLatin1String("code128")) el.symbology = Symbology::Code128;
            else if (s == QLatin1String("datamatrix")) el.symbology = Symbology::DataMatrix;
            else if (s == QLatin1String("qr")) el.symbology = Symbology::QRCode;
            else return badTemplate(sourceName, QStringLiteral("symbology %1").arg(s));
            el.rotate = e.value(QLatin1String("rotate")).toInt(0);
            if (el.rotate != 0 && el.rotate != 90) return badTemplate(sourceName, QStringLiteral("rotate must be 0 or 90"));
            el.humanReadable = e.value(QLatin1String("human_readable")).toBool(true);
            el.maxModuleMm = e.value(QLatin1String("max_module_mm")).toDouble(el.symbology == Symbology::Code128 ? 0.5 : 1.0);
        } else if (type == QLatin1String("line")) {
            el.type = TemplateElement::Type::Line;
            el.lineWidthMm = e.value(QLatin1String("width_mm")).toDouble(0.3);
        } else {
            return badTemplate(sourceName, QStringLiteral("element type \"%1\"").arg(type));
        }
        if (el.type != TemplateElement::Type::Line && (el.rectMm.width() <= 0 || el.rectMm.height() <= 0))
            return badTemplate(sourceName, QStringLiteral("element without size"));
        const QRectF b = bounds.adjusted(-0.01, -0.01, 0.01, 0.01);
        if (!b.contains(el.rectMm.topLeft()) || !b.contains(el.rectMm.bottomRight()))
            return badTemplate(sourceName, QStringLiteral("element %1 \"%2\" outside the label")
                                               .arg(t.elements.size() + 1).arg(el.text));
        t.elements << el;
    }
    return t;
}

bool Stock::fits(double w, double h, bool* rotated) const {
    constexpr double eps = 0.01;
    auto set = [&](bool r) { if (rotated) *rotated = r; return true; };
    if (type == Type::Continuous) {
        const double across = printableWidthMm > 0 ? printableWidthMm : widthMm;
        if (w <= across + eps) return set(false);
        if (h <= across + eps) return set(true);
        return false;
    }
    if (w <= widthMm + eps && h <= heightMm + eps) return set(false);
    if (h <= widthMm + eps && w <= heightMm + eps) return set(true);
    return false;
}

QString Stock::sizeText() const {
    auto n = [](double v) { return QString::number(v, 'g', 4); };
    switch (type) {
    case Type::Continuous: return QStringLiteral("%1 mm 连续 / continuous").arg(n(widthMm));
    case Type::DieCut: return QStringLiteral("%1×%2 mm").arg(n(widthMm), n(heightMm));
    case Type::Sheet:
        return QStringLiteral("%1×%2 mm 纸 / sheet, %3×%4 (%5×%6 mm)")
            .arg(n(pageWidthMm), n(pageHeightMm)).arg(cols).arg(rows).arg(n(widthMm), n(heightMm));
    }
    return {};
}

const TemplateRegistry& TemplateRegistry::instance() {
    static const TemplateRegistry r;
    return r;
}

Result<LabelTemplate> TemplateRegistry::loadFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return badTemplate(path, f.errorString());
    return LabelTemplate::fromJson(f.readAll(), QFileInfo(path).fileName());
}

TemplateRegistry::TemplateRegistry() {
    const QDir dir(QStringLiteral(":/labels/templates"));
    for (const QString& fn : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(fn);
        if (fn == QLatin1String("stocks.json")) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) continue;
            for (const auto& v : QJsonDocument::fromJson(f.readAll()).array()) {
                const QJsonObject o = v.toObject();
                Stock s;
                s.name = o.value(QLatin1String("name")).toString();
                s.titleZh = o.value(QLatin1String("title_zh")).toString();
                s.titleEn = o.value(QLatin1String("title_en")).toString();
                const QString type = o.value(QLatin1String("type")).toString();
                s.type = type == QLatin1String("sheet") ? Stock::Type::Sheet
                         : type == QLatin1String("die-cut") ? Stock::Type::DieCut : Stock::Type::Continuous;
                s.widthMm = o.value(QLatin1String("width_mm")).toDouble();
                s.heightMm = o.value(QLatin1String("height_mm")).toDouble();
                s.printableWidthMm = o.value(QLatin1String("printable_width_mm")).toDouble();
                s.pageWidthMm = o.value(QLatin1String("page_width_mm")).toDouble();
                s.pageHeightMm = o.value(QLatin1String("page_height_mm")).toDouble();
                s.marginLeftMm = o.value(QLatin1String("margin_left_mm")).toDouble();
                s.marginTopMm = o.value(QLatin1String("margin_top_mm")).toDouble();
                s.pitchXMm = o.value(QLatin1String("pitch_x_mm")).toDouble(s.widthMm);
                s.pitchYMm = o.value(QLatin1String("pitch_y_mm")).toDouble(s.heightMm);
                s.cols = o.value(QLatin1String("cols")).toInt(1);
                s.rows = o.value(QLatin1String("rows")).toInt(1);
                if (!s.name.isEmpty() && s.widthMm > 0) m_stocks << s;
            }
            continue;
        }
        auto t = loadFile(path);
        if (t) m_templates << t.value();
        else m_problems << t.errorMessage();
    }
}

Result<LabelTemplate> TemplateRegistry::findTemplate(const QString& name) const {
    QStringList names;
    for (const auto& t : m_templates) {
        if (t.name == name) return t;
        names << t.name;
    }
    return makeError(QStringLiteral("unknown_template"),
                     QStringLiteral("没有名为“%1”的标签模板。可用模板：%2").arg(name.left(60), names.join(QStringLiteral("、"))),
                     QStringLiteral("There is no label template \"%1\". Available: %2").arg(name.left(60), names.join(QStringLiteral(", "))));
}

Result<Stock> TemplateRegistry::findStock(const QString& name) const {
    QStringList names;
    for (const auto& s : m_stocks) {
        if (s.name == name) return s;
        names << s.name;
    }
    return makeError(QStringLiteral("unknown_stock"),
                     QStringLiteral("没有名为“%1”的标签纸。可用：%2").arg(name.left(60), names.join(QStringLiteral("、"))),
                     QStringLiteral("There is no label stock \"%1\". Available: %2").arg(name.left(60), names.join(QStringLiteral(", "))));
}

}  // namespace archive::labels
