#pragma once
// The label font: WenQuanYi Micro Hei (fonts-wqy-microhei), registered once with QFontDatabase and embedded
// into PDFs by Qt. Needs a QGuiApplication (the offscreen platform is enough). Thread-safe.
// Text is measured in em units so that the layout is the same for PDF, PNG and ZPL at any resolution.

#include <QFont>
#include <QString>

namespace archive::labels {

class LabelFonts {
public:
    static const LabelFonts& get();
    static constexpr const char* kFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    bool loaded() const { return !m_family.isEmpty(); }
    QString family() const { return m_family; }
    QFont font(double pt, bool bold) const;          // no hinting, so measurement and drawing agree
    bool canRender(char32_t ucs4) const;              // the glyph is in the label font
    double advanceEm(const QString& text, bool bold) const;  // width of text in em
    double ascentEm() const { return m_ascentEm; }
    double descentEm() const { return m_descentEm; }

private:
    LabelFonts();
    QString m_family;
    double m_ascentEm = 0.8, m_descentEm = 0.2;
};

inline double ptToMm(double pt) { return pt * 25.4 / 72.0; }

}  // namespace archive::labels
