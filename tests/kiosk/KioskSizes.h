#pragma once
// The window sizes every kiosk screen is shot and checked at (issue 7: "works from 1024×600 to 1920×1080,
// landscape and portrait"), and the fit check that follows each screenshot.
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace kiosktest {

// Smallest and largest, landscape and portrait.
inline QStringList kioskSizes() {
    return {QStringLiteral("1024x600"), QStringLiteral("600x1024"), QStringLiteral("1920x1080"), QStringLiteral("1080x1920")};
}

// After every "shot NAME" line: "expect-fit" — the kiosk prints each visible text of that screen that is elided or
// cut off (window edge, clipping parent) and then exits 1. Shots named in `unchecked` are only saved.
inline QString withFitChecks(QString script, const QStringList& unchecked = {}) {
    static const QRegularExpression shot(QStringLiteral("^shot ([^\\n]+)$"), QRegularExpression::MultilineOption);
    QString out;
    qsizetype from = 0;
    for (auto it = shot.globalMatch(script); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += script.mid(from, m.capturedEnd() - from);
        if (!unchecked.contains(m.captured(1))) out += QStringLiteral("\nexpect-fit");
        from = m.capturedEnd();
    }
    return out + script.mid(from);
}

}  // namespace kiosktest
