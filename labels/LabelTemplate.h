#pragma once
// Label templates and label stocks are data: one JSON file per template and one stocks.json in
// labels/templates/, embedded as resources under :/labels/templates/. Sizes are in millimetres with the origin
// at the top-left of the label as it is read (a spine label is tall: width = spine width, height = length).
//
// Template JSON:
//   { "name": "spine-30", "title_zh": "…", "title_en": "…", "kind": "spine"|"cover"|"shelf",
//     "width_mm": 30, "height_mm": 180, "stocks": ["brother-62", …], "frame": true,
//     "elements": [
//       {"type": "text", "text": "{fonds_code}" | "全宗号", "x": 2, "y": 4, "w": 26, "h": 8,
//        "max_pt": 16, "min_pt": 6, "bold": false, "vertical": false, "wrap": false, "max_lines": 1,
//        "align": "left"|"center"|"right", "overflow": "refuse"|"elide", "required": true},
//       {"type": "barcode", "value": "{barcode}", "symbology": "code128"|"datamatrix"|"qr", "x": …, "y": …,
//        "w": …, "h": …, "rotate": 0|90, "human_readable": true, "max_module_mm": 0.5},
//       {"type": "line", "x": 0, "y": 30, "w": 30, "h": 0, "width_mm": 0.3} ] }
// Placeholders {key} take LabelData::value(key). "vertical" stacks the characters top to bottom (竖排).

#include "common/Result.h"

#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace archive::labels {

enum class Symbology { Code128, DataMatrix, QRCode };
QString symbologyName(Symbology s);

struct TemplateElement {
    enum class Type { Text, Barcode, Line } type = Type::Text;
    QRectF rectMm;              // x, y, w, h
    QString text;               // text with {placeholders}, or the barcode value expression
    // text
    double maxPt = 12, minPt = 5;
    bool bold = false, vertical = false, wrap = false, required = false;
    int maxLines = 1;
    Qt::Alignment align = Qt::AlignLeft;
    bool elide = false;         // overflow: "elide" shortens with … and warns; "refuse" (default) refuses
    // barcode
    Symbology symbology = Symbology::Code128;
    int rotate = 0;             // 0 or 90 (clockwise), text and barcodes: runs along the label's length
    bool humanReadable = true;
    double maxModuleMm = 0.5;
    // line
    double lineWidthMm = 0.3;
};

struct LabelTemplate {
    QString name, titleZh, titleEn, kind;  // kind: "spine", "cover", "shelf"
    double widthMm = 0, heightMm = 0;
    QStringList stocks;                    // stocks it is meant for; the first is the default
    bool frame = false;
    QList<TemplateElement> elements;

    static Result<LabelTemplate> fromJson(const QByteArray& json, const QString& sourceName = {});
};

struct Stock {
    enum class Type { Continuous, DieCut, Sheet } type = Type::Continuous;
    QString name, titleZh, titleEn;
    double widthMm = 0;          // continuous: tape width; die-cut/sheet: one label's width
    double heightMm = 0;         // die-cut/sheet: one label's height; continuous: 0
    double printableWidthMm = 0; // continuous: printable width across the tape (≤ widthMm)
    // sheet only
    double pageWidthMm = 0, pageHeightMm = 0, marginLeftMm = 0, marginTopMm = 0, pitchXMm = 0, pitchYMm = 0;
    int cols = 1, rows = 1;
    int cells() const { return type == Type::Sheet ? cols * rows : 1; }
    // Where a label of w×h mm fits on this stock; rotated = it is printed turned by 90°.
    bool fits(double w, double h, bool* rotated = nullptr) const;
    QString sizeText() const;    // "62 mm 连续 / continuous", "36×89 mm", "A4 3×8 (70×37 mm)"
};

// The embedded templates and stocks (loaded once; thread-safe after the first call).
class TemplateRegistry {
public:
    static const TemplateRegistry& instance();
    const QList<LabelTemplate>& templates() const { return m_templates; }
    const QList<Stock>& stocks() const { return m_stocks; }
    Result<LabelTemplate> findTemplate(const QString& name) const;  // error lists the known names
    Result<Stock> findStock(const QString& name) const;
    QStringList loadProblems() const { return m_problems; }         // broken template files, if any

    // Loads templates from another folder as well (a site's own templates); later names win.
    static Result<LabelTemplate> loadFile(const QString& path);

private:
    TemplateRegistry();
    QList<LabelTemplate> m_templates;
    QList<Stock> m_stocks;
    QStringList m_problems;
};

}  // namespace archive::labels
