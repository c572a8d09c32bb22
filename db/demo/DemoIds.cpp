#include "DemoIds.h"

namespace archive::db::demo {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

int valueOf(QChar c) {
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9') return u - u'0';
    if (u >= u'A' && u <= u'Z') return 10 + (u - u'A');
    return -1;
}
}  // namespace

QChar mod37_2(const QString& data) {
    // Pure system (ISO/IEC 7064): p = ((p + v) * 2) mod 37 over the data; check = (38 - p) mod 37.
    int p = 0;
    for (const QChar c : data) {
        const int v = valueOf(c);
        if (v < 0) return {};
        p = ((p + v) * 2) % 37;
    }
    return QLatin1Char(kAlphabet[(38 - p) % 37]);
}

QString identifier(QChar kind, const QString& body) {
    const QString data = QString(kind) + body;
    return data + mod37_2(data);
}

}  // namespace archive::db::demo
