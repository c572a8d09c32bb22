#pragma once
// The archive's own identifiers (boxes, shelf locations, people's cards, items) and their check character.
//
// Format (see README "Scanners"):   KIND  BODY  CHECK
//   KIND  one letter: B = box (档案盒), L = location/shelf (架位), P = person/card (借阅证), I = item (件/卷)
//   BODY  4–24 characters from 0-9 A-Z (upper case; lower case input is accepted and upper-cased)
//   CHECK one character from "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*", ISO/IEC 7064 MOD 37-2 computed over
//         KIND + BODY, so a mistyped or misread kind letter is caught as well.
//   e.g. Identifier::make(IdKind::Box, "2024000123") → "B2024000123" + check.
// Print own identifiers as Code 128 or QR (the check may be '*', which Code 39 cannot carry).
//
// Pre-existing barcodes of an archive are accepted through configurable patterns (one regular expression per
// kind, anchored to the whole code). Own format is tried first; a code that looks like ours but whose check
// fails is rejected unless a legacy pattern accepts it.
//
// Dependency-free on purpose (QtCore only): db/demo and labels/ may copy mod37_2() without including devices/.

#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringView>

namespace archive::scanner {

enum class IdKind { Unknown, Box, Location, Person, Item };

QString idKindName(IdKind k);             // "box", "location", "person", "item", "unknown"
IdKind idKindFromName(QStringView name);  // inverse (also accepts the one-letter prefixes); Unknown if none

// ISO/IEC 7064 MOD 37-2 (pure system, modulus 37, radix 2) over 0-9 A-Z.
namespace Mod37_2 {
inline constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
int value(QChar c);                       // 0..36, −1 when the character is not in the alphabet ('*' → 36)
QChar checkChar(QStringView data);        // null QChar when data has a character outside 0-9 A-Z
bool isValid(QStringView dataWithCheck);  // last character is the correct check for the rest
}  // namespace Mod37_2

// Configurable acceptance of an archive's pre-existing barcodes.
class IdentifierPatterns {
public:
    // Adds a pattern for a kind; the expression must match the whole code. Returns false (and adds nothing)
    // when the expression is invalid; errorOut then says why.
    bool add(IdKind kind, const QString& regex, QString* errorOut = nullptr);
    // Parses lines "box = ^\d{8}$" (kind names or letters; '#' starts a comment). Returns the number of
    // patterns added; invalid lines are reported in errorsOut and skipped.
    int addFromText(const QString& text, QStringList* errorsOut = nullptr);
    IdKind match(const QString& code) const;  // first matching kind, or Unknown
    bool isEmpty() const { return m_patterns.isEmpty(); }
    const QList<QPair<IdKind, QRegularExpression>>& patterns() const { return m_patterns; }

private:
    QList<QPair<IdKind, QRegularExpression>> m_patterns;
};

struct Classification {
    enum class Status {
        Own,         // our format, check character correct
        Legacy,      // accepted by a configured pattern
        BadCheck,    // looks like our format but the check character is wrong (misread or mistyped)
        Unknown,     // neither our format nor any pattern
        Empty        // nothing (or only blanks) was given
    };
    Status status = Status::Empty;
    IdKind kind = IdKind::Unknown;
    QString code;       // normalised: trimmed; own codes upper-cased
    QString messageZh;  // empty for Own/Legacy; otherwise what to do next
    QString messageEn;
    bool accepted() const { return status == Status::Own || status == Status::Legacy; }
    QString message() const { return messageZh + QStringLiteral(" — ") + messageEn; }
};

class Identifier {
public:
    static QChar prefix(IdKind kind);  // 'B', 'L', 'P', 'I'; null for Unknown
    static constexpr int kMinBody = 4;
    static constexpr int kMaxBody = 24;
    // Builds an own identifier; returns an empty string when the kind is Unknown or the body is not
    // 4–24 characters of 0-9 A-Z (lower case is upper-cased).
    static QString make(IdKind kind, QStringView body);
    // Classifies a scanned or typed code without a database lookup.
    static Classification classify(const QString& text, const IdentifierPatterns& patterns = {});
};

}  // namespace archive::scanner
