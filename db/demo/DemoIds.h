#pragma once
// The archive's own identifiers, as the demo prints them on boxes, shelves and cards.
// Same format as devices/scanner/Identifier.h (db/ must not include devices/, so this is a small copy):
//   KIND + BODY + CHECK, KIND one of B (box), L (location/shelf), P (person card), I (item);
//   BODY 4–24 characters of 0-9 A-Z; CHECK = ISO/IEC 7064 MOD 37-2 over KIND + BODY
//   (alphabet "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*").
// e.g. box 1 → "B00000001" + check.

#include <QString>

namespace archive::db::demo {

// MOD 37-2 check character over data (0-9 A-Z only); null QChar when data holds anything else.
QChar mod37_2(const QString& data);
// kind + body + check; body must already be 0-9 A-Z.
QString identifier(QChar kind, const QString& body);

}  // namespace archive::db::demo
