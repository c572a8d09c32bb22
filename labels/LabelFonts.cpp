#include "labels/LabelFonts.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QRawFont>
#include <QStringList>

namespace archive::labels {

namespace {
constexpr int kRefPx = 256;  // measuring size; widths scale linearly without hinting
QMutex s_mutex;
QHash<quint64, double> s_advance;   // (bold << 32 | ucs4) → em
QHash<char32_t, bool> s_coverage;
QRawFont* s_raw = nullptr;
}  // namespace

const LabelFonts& LabelFonts::get() {
    static const LabelFonts fonts;
    return fonts;
}

LabelFonts::LabelFonts() {
    const int id = QFontDatabase::addApplicationFont(QString::fromLatin1(kFontPath));
    if (id >= 0) {
        const QStringList fams = QFontDatabase::applicationFontFamilies(id);
        if (!fams.isEmpty()) m_family = fams.first();
    }
    if (m_family.isEmpty()) m_family = QStringLiteral("WenQuanYi Micro Hei");
    s_raw = new QRawFont(QString::fromLatin1(kFontPath), kRefPx);
    QFont f = font(12, false);
    f.setPixelSize(kRefPx);
    const QFontMetricsF fm(f);
    m_ascentEm = fm.ascent() / kRefPx;
    m_descentEm = fm.descent() / kRefPx;
}

QFont LabelFonts::font(double pt, bool bold) const {
    QFont f(m_family);
    f.setPointSizeF(pt);
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    f.setStyleStrategy(QFont::NoFontMerging);
    f.setKerning(false);
    return f;
}

bool LabelFonts::canRender(char32_t ucs4) const {
    if (ucs4 < 0x20) return false;
    QMutexLocker lock(&s_mutex);
    auto it = s_coverage.constFind(ucs4);
    if (it != s_coverage.constEnd()) return *it;
    const bool ok = s_raw && s_raw->isValid() && s_raw->supportsCharacter(uint(ucs4));
    s_coverage.insert(ucs4, ok);
    return ok;
}

double LabelFonts::advanceEm(const QString& text, bool bold) const {
    double sum = 0;
    QMutexLocker lock(&s_mutex);
    for (char32_t c : text.toUcs4()) {
        const quint64 key = (quint64(bold) << 32) | c;
        auto it = s_advance.constFind(key);
        if (it == s_advance.constEnd()) {
            QFont f = font(12, bold);
            f.setPixelSize(kRefPx);
            const double w = QFontMetricsF(f).horizontalAdvance(QString::fromUcs4(&c, 1)) / kRefPx;
            it = s_advance.insert(key, w);
        }
        sum += *it;
    }
    return sum;
}

}  // namespace archive::labels
