// db/import/CsvReader: quoting, line numbers, encodings (unit level, no process).
#include <gtest/gtest.h>

#include "db/import/CsvReader.h"

#include <QStringEncoder>

using namespace archive::db::csv;

namespace {

QList<Record> readAll(Reader& r, QList<Problem>* problems = nullptr) {
    QList<Record> out;
    Record rec;
    QList<Problem> ps;
    while (r.next(rec, ps)) out << rec;
    if (problems) *problems = ps;
    return out;
}

TEST(CsvReader, QuotesCommasNewlinesAndLineNumbers) {
    Reader r(QByteArray("a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\r\n\r\n1,2,3"));
    ASSERT_TRUE(r.ok());
    const auto recs = readAll(r);
    ASSERT_EQ(recs.size(), 3);
    EXPECT_EQ(recs[1].fields, (QStringList{QStringLiteral("x, y"), QStringLiteral("he said \"hi\""), QStringLiteral("two\nlines")}));
    EXPECT_EQ(recs[1].line, 2);
    EXPECT_EQ(recs[2].line, 5) << "the quoted newline and the empty line count";
}

TEST(CsvReader, BomTabsAndGb18030) {
    Reader bom(QByteArray("\xEF\xBB\xBF" "条码\t年度\nB1\t2020\n"));
    EXPECT_EQ(bom.encodingUsed(), Encoding::Utf8);
    EXPECT_EQ(bom.separator(), QLatin1Char('\t'));
    EXPECT_EQ(readAll(bom).first().fields.first(), QStringLiteral("条码"));

    QStringEncoder enc("GB18030");
    Reader gb(enc(QStringLiteral("条码,题名\nB1,档案室温湿度记录\n")));
    ASSERT_TRUE(gb.ok());
    EXPECT_EQ(gb.encodingUsed(), Encoding::Gb18030);
    EXPECT_EQ(readAll(gb).last().fields.last(), QStringLiteral("档案室温湿度记录"));
}

TEST(CsvReader, BadBytesAreReportedByLine) {
    Reader r(QByteArray("a,b\nok,ok\n\xFF\xFE\xFD,x\n"), Encoding::Utf8);
    ASSERT_FALSE(r.ok());
    bool line3 = false;
    for (const auto& p : r.problems()) line3 |= p.line == 3;
    EXPECT_TRUE(line3);
}

TEST(CsvReader, LongFieldAndUnclosedQuote) {
    Reader r(QByteArray("a,b\n") + QByteArray(5000, 'x') + ",\"open\n");
    QList<Problem> ps;
    const auto recs = readAll(r, &ps);
    ASSERT_EQ(ps.size(), 2);
    EXPECT_EQ(ps[0].line, 2);
    EXPECT_EQ(recs.last().fields.first().size(), Reader::kDefaultMaxFieldChars);
}

TEST(CsvReader, EncodingNames) {
    EXPECT_EQ(encodingFromName(QStringLiteral("GBK")), Encoding::Gb18030);
    EXPECT_EQ(encodingFromName(QStringLiteral("utf-8")), Encoding::Utf8);
    EXPECT_EQ(encodingFromName(QStringLiteral("latin-9")), std::nullopt);
}

}  // namespace
