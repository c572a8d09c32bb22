#pragma once
// Reading a CSV file the way archivists produce them (Excel, WPS, hand-edited): UTF-8 with or without
// BOM, or GB18030 (GBK is a subset), auto-detected; RFC 4180 quoting (quoted fields may hold commas,
// doubled quotes and line breaks); comma separated, or tab separated when the header has tabs and no
// commas ("Unicode text" saved by Excel). Every problem carries the line number where its record starts.

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace archive::db::csv {

enum class Encoding { Auto, Utf8, Gb18030, Utf16 };  // Utf16 only when the file starts with its BOM

// "utf-8", "utf8", "gb18030", "gbk", "gb2312", "auto" (case-insensitive) → encoding; nullopt if unknown.
std::optional<Encoding> encodingFromName(const QString& name);
QString encodingName(Encoding e);

// One problem in a file: line 0 = the whole file; column empty = the whole line.
struct Problem {
    int line = 0;
    QString column;
    QString messageZh;
    QString messageEn;
    QString text() const;  // "第 12 行 [year]：… — line 12 [year]: …"
};

struct Record {
    int line = 0;          // physical line where the record starts (header = line 1 normally)
    QStringList fields;
};

class Reader {
public:
    static constexpr int kDefaultMaxFieldChars = 2000;

    // Decodes the whole file. Decoding problems (not text, wrong encoding) are reported with the lines
    // that hold bad bytes; then ok() is false and no records are produced.
    Reader(const QByteArray& bytes, Encoding encoding = Encoding::Auto, int maxFieldChars = kDefaultMaxFieldChars);

    bool ok() const { return m_problems.isEmpty(); }
    const QList<Problem>& problems() const { return m_problems; }
    Encoding encodingUsed() const { return m_used; }
    QChar separator() const { return m_sep; }

    // Next record (skips lines that are completely empty). Returns false at the end.
    // A field longer than maxFieldChars is cut and reported once in fieldProblem; an unterminated
    // quote is reported there too.
    bool next(Record& out, QList<Problem>& fieldProblems);

private:
    void decode(const QByteArray& bytes, Encoding requested);
    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_maxField;
    QChar m_sep = QLatin1Char(',');
    Encoding m_used = Encoding::Utf8;
    QList<Problem> m_problems;
};

}  // namespace archive::db::csv
