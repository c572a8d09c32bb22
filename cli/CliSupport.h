#pragma once
// Helpers shared by the issue-2 archivectl commands: argument checks with bilingual messages, JSON/text
// output, and opening the Books. Every check happens before the database is touched.

#include "Command.h"

#include "db/BooksTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace archivectl {

// Prints "error: zh — en" (or JSON) and returns ExitBadInput.
int badInput(const Context& ctx, const QString& zh, const QString& en);

// Shortens user input for messages ("abc…" after 40 characters, control characters shown as '?').
QString shown(const QString& text, int max = 40);

// Checks one value given on the command line: not empty, at most maxLen characters, no control characters.
// On a problem prints a message naming the field and returns false.
bool checkValue(const Context& ctx, const QString& value, const QString& fieldZh, const QString& fieldEn,
                int maxLen = 64);

// Before options are taken: an option given with an empty value ("--to ''") is bad input, not "absent".
bool checkOptions(const Context& ctx, const QStringList& args);

// After options were taken: refuses leftover "--x" options and a wrong number of positional arguments.
bool checkPositional(const Context& ctx, const QStringList& args, int min, int max, const QString& usage);

// --as CARD (the person doing it); prints the message and returns nullopt when missing or malformed.
std::optional<QString> actorOption(const Context& ctx, QStringList& args, bool required = true);

// A positive whole number (request id, appraisal id …).
std::optional<qint64> idValue(const Context& ctx, const QString& text, const QString& fieldZh, const QString& fieldEn);

// Prints a success: JSON object (with "ok": true) in --json mode, else the text lines.
void succeed(const Context& ctx, QJsonObject json, const QStringList& text);

// Date as people read it (local time).
QString localDateTime(qint64 ms);
QString localDate(qint64 ms);

// Reads codes from a file (one per line, '#' comments, blanks skipped) or "-" = stdin.
std::optional<QStringList> readCodeList(const Context& ctx, const QString& path);

// JSON and one-line text of the books' values.
QJsonObject loanJson(const archive::db::LoanInfo& l);
QString loanText(const archive::db::LoanInfo& l);
QJsonObject requestJson(const archive::db::RequestInfo& r);
QString requestText(const archive::db::RequestInfo& r);
QString roleListZh(const QStringList& roles);

// Box barcode or item code? Asks the books; true when a box has this barcode.
bool isBoxCode(archive::db::Database& db, const QString& code);

}  // namespace archivectl
