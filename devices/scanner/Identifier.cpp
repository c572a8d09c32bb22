#include "Identifier.h"

namespace archive::scanner {

QString idKindName(IdKind k) {
    switch (k) {
    case IdKind::Box: return QStringLiteral("box");
    case IdKind::Location: return QStringLiteral("location");
    case IdKind::Person: return QStringLiteral("person");
    case IdKind::Item: return QStringLiteral("item");
    case IdKind::Unknown: break;
    }
    return QStringLiteral("unknown");
}

IdKind idKindFromName(QStringView name) {
    const QString n = name.trimmed().toString().toLower();
    if (n == QLatin1String("box") || n == QLatin1String("b")) return IdKind::Box;
    if (n == QLatin1String("location") || n == QLatin1String("shelf") || n == QLatin1String("l"))
        return IdKind::Location;
    if (n == QLatin1String("person") || n == QLatin1String("card") || n == QLatin1String("p"))
        return IdKind::Person;
    if (n == QLatin1String("item") || n == QLatin1String("i")) return IdKind::Item;
    return IdKind::Unknown;
}

namespace Mod37_2 {

int value(QChar c) {
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9') return u - '0';
    if (u >= 'A' && u <= 'Z') return u - 'A' + 10;
    if (u == '*') return 36;
    return -1;
}

QChar checkChar(QStringView data) {
    // Hybrid evaluation of the pure system: p = (p + a) · 2 mod 37 for each character left to right,
    // then the check c satisfies p + c ≡ 1 (mod 37).
    int p = 0;
    for (QChar c : data) {
        const int v = value(c);
        if (v < 0 || v > 35) return QChar();
        p = ((p + v) * 2) % 37;
    }
    return QLatin1Char(kAlphabet[(38 - p) % 37]);
}

bool isValid(QStringView s) {
    if (s.size() < 2) return false;
    const QChar c = checkChar(s.first(s.size() - 1));
    return !c.isNull() && c == s.back();
}

}  // namespace Mod37_2

bool IdentifierPatterns::add(IdKind kind, const QString& regex, QString* errorOut) {
    if (kind == IdKind::Unknown) {
        if (errorOut) *errorOut = QStringLiteral("unknown kind");
        return false;
    }
    QRegularExpression re(QRegularExpression::anchoredPattern(regex));
    if (!re.isValid()) {
        if (errorOut) *errorOut = re.errorString();
        return false;
    }
    re.optimize();
    m_patterns.append({kind, re});
    return true;
}

int IdentifierPatterns::addFromText(const QString& text, QStringList* errorsOut) {
    int added = 0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        QString err;
        if (eq <= 0) {
            err = QStringLiteral("line %1: expected \"kind = regex\"").arg(i + 1);
        } else {
            const IdKind k = idKindFromName(QStringView(line).first(eq));
            const QString re = line.mid(eq + 1).trimmed();
            if (k == IdKind::Unknown)
                err = QStringLiteral("line %1: unknown kind \"%2\"").arg(i + 1).arg(line.left(eq).trimmed());
            else if (re.isEmpty())
                err = QStringLiteral("line %1: empty pattern").arg(i + 1);
            else if (!add(k, re, &err))
                err = QStringLiteral("line %1: %2").arg(i + 1).arg(err);
            else
                ++added;
        }
        if (!err.isEmpty() && errorsOut) errorsOut->append(err);
    }
    return added;
}

IdKind IdentifierPatterns::match(const QString& code) const {
    for (const auto& [kind, re] : m_patterns)
        if (re.match(code).hasMatch()) return kind;
    return IdKind::Unknown;
}

QChar Identifier::prefix(IdKind kind) {
    switch (kind) {
    case IdKind::Box: return QLatin1Char('B');
    case IdKind::Location: return QLatin1Char('L');
    case IdKind::Person: return QLatin1Char('P');
    case IdKind::Item: return QLatin1Char('I');
    case IdKind::Unknown: break;
    }
    return QChar();
}

static IdKind kindFromPrefix(QChar c) {
    switch (c.unicode()) {
    case 'B': return IdKind::Box;
    case 'L': return IdKind::Location;
    case 'P': return IdKind::Person;
    case 'I': return IdKind::Item;
    default: return IdKind::Unknown;
    }
}

static bool isBodyChar(QChar c) {
    const char16_t u = c.unicode();
    return (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z');
}

QString Identifier::make(IdKind kind, QStringView body) {
    const QChar p = prefix(kind);
    if (p.isNull() || body.size() < kMinBody || body.size() > kMaxBody) return {};
    QString s;
    s.reserve(body.size() + 2);
    s.append(p);
    for (QChar c : body) {
        const QChar u = c.toUpper();
        if (!isBodyChar(u)) return {};
        s.append(u);
    }
    s.append(Mod37_2::checkChar(s));
    return s;
}

Classification Identifier::classify(const QString& text, const IdentifierPatterns& patterns) {
    Classification r;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        r.status = Classification::Status::Empty;
        r.messageZh = QStringLiteral("没有读到条码内容，请重新扫描。");
        r.messageEn = QStringLiteral("No code was read. Please scan again.");
        return r;
    }
    // Our shape: prefix letter, 4–24 body characters, one check character.
    const QString upper = trimmed.toUpper();
    const IdKind ownKind = kindFromPrefix(upper[0]);
    bool ownShape = ownKind != IdKind::Unknown && upper.size() >= kMinBody + 2 && upper.size() <= kMaxBody + 2;
    for (qsizetype i = 1; ownShape && i < upper.size() - 1; ++i) ownShape = isBodyChar(upper[i]);
    if (ownShape) ownShape = Mod37_2::value(upper.back()) >= 0;
    if (ownShape && Mod37_2::isValid(upper)) {
        r.status = Classification::Status::Own;
        r.kind = ownKind;
        r.code = upper;
        return r;
    }
    if (const IdKind k = patterns.match(trimmed); k != IdKind::Unknown) {
        r.status = Classification::Status::Legacy;
        r.kind = k;
        r.code = trimmed;
        return r;
    }
    if (ownShape) {
        r.status = Classification::Status::BadCheck;
        r.kind = ownKind;
        r.code = upper;
        r.messageZh = QStringLiteral("条码“%1”校验位不对：可能读错或输错了。请重新扫描；仍不行请核对标签或重新打印。").arg(upper);
        r.messageEn = QStringLiteral("The check character of \"%1\" is wrong: it was misread or mistyped. "
                                     "Scan again; if it keeps failing, check or reprint the label.").arg(upper);
        return r;
    }
    r.status = Classification::Status::Unknown;
    r.code = trimmed;
    r.messageZh = QStringLiteral("不认识的条码“%1”：不是本档案室的盒、架位、借阅证或文件条码。").arg(trimmed.left(64));
    r.messageEn = QStringLiteral("Unknown code \"%1\": not a box, shelf, card or item code of this archive.")
                      .arg(trimmed.left(64));
    return r;
}

}  // namespace archive::scanner
