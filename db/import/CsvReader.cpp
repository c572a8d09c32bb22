#include "CsvReader.h"

#include <QStringDecoder>

namespace archive::db::csv {

std::optional<Encoding> encodingFromName(const QString& name) {
    const QString n = name.trimmed().toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    if (n.isEmpty() || n == QLatin1String("auto")) return Encoding::Auto;
    if (n == QLatin1String("utf8") || n == QLatin1String("utf8bom")) return Encoding::Utf8;
    if (n == QLatin1String("gb18030") || n == QLatin1String("gbk") || n == QLatin1String("gb2312") ||
        n == QLatin1String("cp936") || n == QLatin1String("ansi"))
        return Encoding::Gb18030;
    if (n == QLatin1String("utf16")) return Encoding::Utf16;
    return std::nullopt;
}

QString encodingName(Encoding e) {
    switch (e) {
    case Encoding::Auto: return QStringLiteral("auto");
    case Encoding::Utf8: return QStringLiteral("UTF-8");
    case Encoding::Gb18030: return QStringLiteral("GB18030");
    case Encoding::Utf16: return QStringLiteral("UTF-16");
    }
    return {};
}

QString Problem::text() const {
    QString zh, en;
    if (line > 0) {
        zh = QStringLiteral("第 %1 行").arg(line);
        en = QStringLiteral("line %1").arg(line);
    } else {
        zh = QStringLiteral("文件");
        en = QStringLiteral("file");
    }
    if (!column.isEmpty()) {
        zh += QStringLiteral("「%1」列").arg(column);
        en += QStringLiteral(", column \"%1\"").arg(column);
    }
    return zh + QStringLiteral("：") + messageZh + QStringLiteral(" — ") + en + QStringLiteral(": ") + messageEn;
}

namespace {

bool decodes(QStringDecoder& d, const QByteArray& bytes, QString* out) {
    QString s = d.decode(bytes);
    if (d.hasError()) return false;
    if (out) *out = std::move(s);
    return true;
}

QStringDecoder makeDecoder(Encoding e) {
    switch (e) {
    case Encoding::Gb18030: return QStringDecoder("GB18030", QStringConverter::Flag::Stateless);
    case Encoding::Utf16: return QStringDecoder(QStringConverter::Utf16);
    default: return QStringDecoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    }
}

// Lines (1-based) whose bytes do not decode in the given encoding; at most `limit` are listed.
QList<int> badLines(const QByteArray& bytes, Encoding e, int limit, int* total) {
    QList<int> lines;
    *total = 0;
    qsizetype start = 0;
    int line = 1;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0) end = bytes.size();
        QStringDecoder d = makeDecoder(e);
        const QByteArray chunk = bytes.mid(start, end - start);
        bool bad = chunk.contains('\0');
        if (!bad) {
            const QString decoded = d.decode(chunk);  // operator() is lazy: decode() converts now
            bad = d.hasError();
        }
        if (bad) {
            ++*total;
            if (lines.size() < limit) lines.append(line);
        }
        start = end + 1;
        ++line;
    }
    return lines;
}

}  // namespace

Reader::Reader(const QByteArray& bytes, Encoding encoding, int maxFieldChars) : m_maxField(maxFieldChars) {
    decode(bytes, encoding);
    if (!ok()) return;
    // Separator: tab when the header line has tabs and no commas.
    const qsizetype eol = m_text.indexOf(QLatin1Char('\n'));
    const QStringView header = QStringView(m_text).left(eol < 0 ? m_text.size() : eol);
    if (header.contains(QLatin1Char('\t')) && !header.contains(QLatin1Char(','))) m_sep = QLatin1Char('\t');
}

void Reader::decode(const QByteArray& bytes, Encoding requested) {
    static const QByteArray utf8Bom("\xEF\xBB\xBF");
    const bool hasUtf8Bom = bytes.startsWith(utf8Bom);
    const bool hasUtf16Bom = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");

    if (hasUtf16Bom && (requested == Encoding::Auto || requested == Encoding::Utf16)) {
        QStringDecoder d(QStringConverter::Utf16, QStringConverter::Flag::Stateless);
        if (decodes(d, bytes, &m_text)) {
            m_used = Encoding::Utf16;
            return;
        }
    }

    // Binary data is never a CSV file, in any encoding we accept.
    if (!hasUtf16Bom && bytes.contains('\0')) {
        int total = 0;
        const QList<int> lines = badLines(bytes, Encoding::Utf8, 10, &total);
        QStringList ls;
        for (int l : lines) ls << QString::number(l);
        m_problems.append({0, {},
                           QStringLiteral("这不是文本格式的 CSV 文件（含二进制数据，%1 行受影响，例如第 %2 行）。请在 Excel/WPS 中“另存为 CSV（逗号分隔）”后再导入。")
                               .arg(total).arg(ls.join(QStringLiteral("、"))),
                           QStringLiteral("This is not a CSV text file (it holds binary data on %1 lines, e.g. line %2). "
                                          "Save it from Excel/WPS as \"CSV (comma delimited)\" and import again.")
                               .arg(total).arg(ls.join(QStringLiteral(", ")))});
        return;
    }

    QList<Encoding> tries;
    if (requested == Encoding::Auto) tries = {Encoding::Utf8, Encoding::Gb18030};
    else if (hasUtf8Bom && requested != Encoding::Utf8) tries = {Encoding::Utf8};  // a BOM does not lie
    else tries = {requested};

    for (Encoding e : tries) {
        QStringDecoder d = makeDecoder(e);
        if (decodes(d, bytes, &m_text)) {
            m_used = e;
            if (!m_text.isEmpty() && m_text.front() == QChar(0xFEFF)) m_text.remove(0, 1);
            return;
        }
    }

    // Nothing fits: name the lines that hold bytes we cannot read.
    const Encoding shown = requested == Encoding::Auto ? Encoding::Gb18030 : tries.first();
    int total = 0;
    const QList<int> lines = badLines(bytes, shown, 20, &total);
    const QString what = requested == Encoding::Auto ? QStringLiteral("UTF-8 / GB18030") : encodingName(shown);
    m_problems.append({0, {},
                       QStringLiteral("文件编码无法识别：它既不是 %1 编码的文本，共 %2 行含无法识别的字符。请用 Excel/WPS 另存为“CSV UTF-8（逗号分隔）”，或用 --encoding 指定正确编码。")
                           .arg(what).arg(total),
                       QStringLiteral("Unreadable encoding: the file is not %1 text; %2 lines hold bytes that cannot be read. "
                                      "Save it from Excel/WPS as \"CSV UTF-8 (comma delimited)\", or give the right --encoding.")
                           .arg(what).arg(total)});
    for (int l : lines)
        m_problems.append({l, {}, QStringLiteral("此行含有无法识别的字符（编码错误）"),
                           QStringLiteral("this line holds bytes that are not %1 text (wrong encoding)").arg(what)});
}

bool Reader::next(Record& out, QList<Problem>& fieldProblems) {
    const qsizetype n = m_text.size();
    const QChar* s = m_text.constData();
    while (m_pos < n) {
        out.line = m_line;
        out.fields.clear();
        QString field;
        bool quoted = false;      // inside quotes
        bool wasQuoted = false;   // the current field had quotes
        bool tooLong = false;
        bool endOfRecord = false;
        const int startLine = m_line;
        auto pushField = [&] {
            out.fields.append(field);
            field.clear();
            wasQuoted = false;
        };
        auto addChar = [&](QChar c) {
            if (field.size() < m_maxField) field.append(c);
            else if (!tooLong) {
                tooLong = true;
                fieldProblems.append({startLine, QString::number(out.fields.size() + 1),
                                      QStringLiteral("内容过长（超过 %1 个字符），请检查是否缺少引号或分隔符").arg(m_maxField),
                                      QStringLiteral("text is too long (over %1 characters); check for a missing quote or separator").arg(m_maxField)});
            }
        };
        while (m_pos < n && !endOfRecord) {
            // An unquoted field is taken in one piece up to its separator or the line end (one allocation
            // instead of one append per character); quotes inside it are literal, as below.
            if (!quoted && !wasQuoted && field.isEmpty()) {
                const QChar c0 = s[m_pos];
                if (c0 != QLatin1Char('"') && c0 != m_sep && c0 != QLatin1Char('\r') && c0 != QLatin1Char('\n')) {
                    const qsizetype start = m_pos;
                    while (m_pos < n) {
                        const QChar c = s[m_pos];
                        if (c == m_sep || c == QLatin1Char('\r') || c == QLatin1Char('\n')) break;
                        ++m_pos;
                    }
                    const qsizetype len = m_pos - start;
                    field = QString(s + start, qMin<qsizetype>(len, m_maxField));
                    if (len > m_maxField && !tooLong) {
                        tooLong = true;
                        fieldProblems.append({startLine, QString::number(out.fields.size() + 1),
                                              QStringLiteral("内容过长（超过 %1 个字符），请检查是否缺少引号或分隔符").arg(m_maxField),
                                              QStringLiteral("text is too long (over %1 characters); check for a missing quote or separator").arg(m_maxField)});
                    }
                    continue;
                }
            }
            const QChar c = s[m_pos++];
            if (quoted) {
                if (c == QLatin1Char('"')) {
                    if (m_pos < n && s[m_pos] == QLatin1Char('"')) {
                        addChar(c);
                        ++m_pos;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == QLatin1Char('\n')) ++m_line;
                    addChar(c);
                }
                continue;
            }
            if (c == QLatin1Char('"') && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == m_sep) {
                pushField();
            } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
                if (c == QLatin1Char('\r') && m_pos < n && s[m_pos] == QLatin1Char('\n')) ++m_pos;
                ++m_line;
                endOfRecord = true;
            } else {
                addChar(c);
            }
        }
        if (quoted) {
            fieldProblems.append({startLine, QString::number(out.fields.size() + 1),
                                  QStringLiteral("引号没有闭合：从这一行开始的引号直到文件末尾都没有结束"),
                                  QStringLiteral("a quote opened on this line is never closed before the end of the file")});
        }
        pushField();
        // A completely empty line is not a record.
        if (out.fields.size() == 1 && out.fields.first().isEmpty() && !quoted) continue;
        return true;
    }
    return false;
}

}  // namespace archive::db::csv
