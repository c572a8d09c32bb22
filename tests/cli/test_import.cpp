// archivectl import: encodings, headers, and malformed files that must leave the archive unchanged with
// line-numbered problems.
#include "CliFixture.h"

#include <QRandomGenerator>
#include <QStringEncoder>

namespace {

class ImportTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        makeSmallArchive();
        before = snapshot();
    }
    // Imports boxes from bytes; expects refusal with exit 2 and an unchanged archive.
    CliResult refused(const QByteArray& csv, const QStringList& extra = {}) {
        const QString p = write(QStringLiteral("bad.csv"), csv);
        CliResult r = run(QStringList{QStringLiteral("import"), QStringLiteral("boxes"), p} + extra);
        EXPECT_FALSE(r.crashed);
        EXPECT_EQ(r.exitCode, 2) << r.all().toStdString();
        EXPECT_EQ(snapshot(), before) << "the archive changed";
        EXPECT_TRUE(r.err.contains(QStringLiteral("档案库没有任何改动"))) << r.err.toStdString();
        return r;
    }
    QMap<QString, QString> before;
};

const QByteArray kHeader = "barcode,fonds,year,retention,box_no,category,title,location\n";

QByteArray goodRows(int from, int to) {
    QByteArray b;
    for (int i = from; i <= to; ++i) b += QStringLiteral("NB%1,0101,2021,30y,%1,WS,新盒%1,L1\n").arg(i).toUtf8();
    return b;
}

TEST_F(ImportTest, Utf8WithBomAndChineseHeadersImports) {
    const QByteArray csv = "\xEF\xBB\xBF" "条码,全宗号,年度,保管期限,盒号,门类,题名,架位,起止件号\r\n"
                           "NB1,0101,2021,定期30年,1,文书,\"关于防火的通知, 含逗号\",L1,1-10\r\n"
                           "NB2,青山县林业局,2021,永久,2,WS,\"跨行\n题名\",L2,11-20\r\n";
    const CliResult r = run({QStringLiteral("import"), QStringLiteral("boxes"), write(QStringLiteral("b.csv"), csv)});
    ASSERT_EQ(r.exitCode, 0) << r.all().toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("UTF-8")));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM boxes WHERE barcode IN ('NB1','NB2')")), 2);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM boxes WHERE title = '关于防火的通知, 含逗号'")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM boxes WHERE title = '跨行\n题名'")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT last_item_no FROM boxes WHERE barcode = 'NB2'")), 20);
    // One ledger entry summarises the import; each shelved box has its placement in box_moves (R2).
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM ledger")), before.value(QStringLiteral("ledger")).toLongLong() + 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM box_moves m JOIN boxes b ON b.id = m.box_id WHERE b.barcode IN ('NB1','NB2')")), 2);
    EXPECT_EQ(run({QStringLiteral("verify")}).exitCode, 0);
}

TEST_F(ImportTest, Gb18030IsDetected) {
    QStringEncoder enc("GB18030");
    ASSERT_TRUE(enc.isValid());
    const QByteArray csv = enc(QStringLiteral("条码,全宗号,年度,保管期限,门类,题名\nGB1,0101,2019,永久,文书,林木采伐许可证存根\n"));
    const CliResult r = run({QStringLiteral("import"), QStringLiteral("boxes"), write(QStringLiteral("gb.csv"), csv)});
    ASSERT_EQ(r.exitCode, 0) << r.all().toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("GB18030")));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM boxes WHERE title = '林木采伐许可证存根'")), 1);
}

TEST_F(ImportTest, ExplicitEncodingThatDoesNotFitIsRefused) {
    QStringEncoder enc("GB18030");
    const QByteArray csv = enc(QStringLiteral("条码,全宗号,年度,保管期限,门类\nGB1,0101,2019,永久,文书\n"));
    const CliResult r = refused(csv, {QStringLiteral("--encoding"), QStringLiteral("utf-8")});
    EXPECT_TRUE(r.err.contains(QStringLiteral("编码"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("第 1 行"))) << r.err.toStdString();
}

TEST_F(ImportTest, UnknownEncodingNameIsBadInput) {
    const QString p = write(QStringLiteral("b.csv"), kHeader + goodRows(1, 1));
    const CliResult r = run({QStringLiteral("import"), QStringLiteral("boxes"), p, QStringLiteral("--encoding"), QStringLiteral("ebcdic")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("gb18030")));
    EXPECT_EQ(snapshot(), before);
}

TEST_F(ImportTest, MissingColumnsAreNamed) {
    const CliResult r = refused("barcode,fonds,title\nNB1,0101,x\n");
    EXPECT_TRUE(r.err.contains(QStringLiteral("year"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("retention")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("category")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 1")));
}

TEST_F(ImportTest, DuplicateAndEmptyBarcodesListedByLine) {
    const CliResult r = refused(kHeader + goodRows(1, 2) + "NB1,0101,2021,30y,3,WS,dup,L1\n,0101,2021,30y,4,WS,empty,L1\n" +
                                "BX001,0101,2021,30y,5,WS,exists,L1\n");
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 4, column \"barcode\""))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("repeats line 2")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 5, column \"barcode\": must not be empty")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 6"))) << "a barcode already in the archive";
    EXPECT_TRUE(r.err.contains(QStringLiteral("already in the archive")));
}

TEST_F(ImportTest, UnknownReferencesAndBadValues) {
    const CliResult r = refused(kHeader + goodRows(1, 1) +
                                "NB2,9999,2021,30y,2,WS,t,L1\n"      // line 3 unknown fonds
                                "NB3,0101,2021,30y,3,XX,t,L1\n"      // line 4 unknown category
                                "NB4,0101,2021,30y,4,WS,t,L999\n"    // line 5 unknown location
                                "NB5,0101,20x1,30y,5,WS,t,L1\n"      // line 6 bad year
                                "NB6,0101,2021,forever,6,WS,t,L1\n"  // line 7 bad retention
                                "NB7,0101,3021,30y,7,WS,t,L1\n");    // line 8 year in the future
    for (const char* s : {"line 3, column \"fonds\"", "line 4, column \"category\"", "line 5, column \"location\"",
                          "line 6, column \"year\"", "line 7, column \"retention\"", "line 8, column \"year\""})
        EXPECT_TRUE(r.err.contains(QLatin1String(s))) << s << "\n" << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("第 5 行「location」列")));
}

TEST_F(ImportTest, OneBadRowAmongManyImportsNothing) {
    QByteArray csv = kHeader + goodRows(1, 500) + "NB501,0101,2021,30y,501,WS,t,NOWHERE\n" + goodRows(502, 600);
    const CliResult r = refused(csv);
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 502"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("1 problem")));
}

TEST_F(ImportTest, WrongColumnCountAndUnclosedQuote) {
    const CliResult r = refused(kHeader + "NB1,0101,2021,30y,1,WS,a title, with a comma,L1\nNB2,0101,2021\n"
                                          "NB3,0101,2021,30y,3,WS,\"never closed,L1\nNB4,0101\n");
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 2"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 3")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 4")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("never closed")));
}

TEST_F(ImportTest, TenThousandCharacterFieldIsReported) {
    const QByteArray huge(10000, 'x');
    const CliResult r = refused(kHeader + goodRows(1, 1) + "NB2,0101,2021,30y,2,WS," + huge + ",L1\n");
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 3, column \"title\""))) << r.err.left(2000).toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("too long")));
    EXPECT_LT(r.err.size(), 20000) << "the message must not echo the whole field";
}

TEST_F(ImportTest, TenMegabytesOfGarbage) {
    QRandomGenerator rng(42);
    QByteArray junk(10 * 1024 * 1024, Qt::Uninitialized);
    for (char& c : junk) c = char(rng.bounded(256));
    const CliResult r = refused(junk);
    EXPECT_TRUE(r.err.contains(QStringLiteral("not a CSV text file")) || r.err.contains(QStringLiteral("not UTF-8")))
        << r.err.left(2000).toStdString();
    EXPECT_LT(r.err.size(), 50000) << "problems are capped, not millions of lines";
}

TEST_F(ImportTest, TextGarbageWithoutBinaryBytes) {
    QRandomGenerator rng(7);
    QByteArray junk;
    while (junk.size() < 2 * 1024 * 1024) junk += QByteArray::number(rng.generate64(), 36) + (rng.bounded(5) ? "," : "\n");
    const CliResult r = refused(junk);
    EXPECT_TRUE(r.err.contains(QStringLiteral("missing"))) << r.err.left(2000).toStdString();
}

TEST_F(ImportTest, EmptyFileAndHeaderOnly) {
    CliResult r = refused(QByteArray());
    EXPECT_TRUE(r.err.contains(QStringLiteral("empty")));
    r = refused(kHeader);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no data rows")));
}

TEST_F(ImportTest, MissingFileAndUnknownKind) {
    CliResult r = run({QStringLiteral("import"), QStringLiteral("boxes"), path(QStringLiteral("nope.csv"))});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("not found")));
    r = run({QStringLiteral("import"), QStringLiteral("spaceships"), write(QStringLiteral("x.csv"), kHeader)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("boxes")));
    EXPECT_EQ(snapshot(), before);
}

TEST_F(ImportTest, ItemsPeopleAndLocationsProblems) {
    CliResult r = run({QStringLiteral("import"), QStringLiteral("items"),
                       write(QStringLiteral("i.csv"), "档号,题名,年度,盒条码,密级\nX-1,题名,2020,NOBOX,内部\nX-2,,2020,BX001,绝密\n")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 2, column \"盒条码\""))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 3, column \"题名\"")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 3, column \"密级\"")));
    r = run({QStringLiteral("import"), QStringLiteral("people"),
             write(QStringLiteral("p.csv"), "card,name,kind,roles\nC9,王五,外星人,借阅者\nC10,赵六,内部,国王\nC0001,重复,内部,借阅者\n")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 2, column \"kind\""))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 3, column \"roles\"")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 4, column \"card\"")));
    r = run({QStringLiteral("import"), QStringLiteral("locations"),
             write(QStringLiteral("l.csv"), "barcode,room,capacity\nL9,R9,5\nL10,R1,lots\n")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 2, column \"room\""))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 3, column \"capacity\"")));
    EXPECT_EQ(snapshot(), before);
}

TEST_F(ImportTest, SqlMetacharactersAreJustText) {
    const QByteArray csv = kHeader + "\"NB'1\",0101,2021,30y,1,WS,\"x'); DROP TABLE boxes; --\",L1\n";
    const CliResult r = run({QStringLiteral("import"), QStringLiteral("boxes"), write(QStringLiteral("q.csv"), csv)});
    // A quote in a barcode is refused (people scan and type these); the archive is unchanged.
    EXPECT_EQ(r.exitCode, 2) << r.all().toStdString();
    EXPECT_EQ(snapshot(), before);
    const QByteArray ok = kHeader + "NB1,0101,2021,30y,1,WS,\"x'); DROP TABLE boxes; --\",L1\n";
    ASSERT_EQ(run({QStringLiteral("import"), QStringLiteral("boxes"), write(QStringLiteral("q2.csv"), ok)}).exitCode, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM boxes WHERE title = 'x''); DROP TABLE boxes; --'")), 1);
}

}  // namespace

namespace {

class ImportExistingTest : public CliTest {};

// An existing key met while still writing is caught by the UNIQUE constraint and reported like the others.
TEST_F(ImportExistingTest, ExistingKeysOnFirstAndLaterRows) {
    makeSmallArchive();
    const auto before = snapshot();
    const QByteArray csv = "barcode,fonds,year,retention,category\nNB1,0101,2021,30y,WS\nBX002,0101,2021,30y,WS\nBX003,0101,2021,30y,WS\n";
    const CliResult r = run({QStringLiteral("import"), QStringLiteral("boxes"), write(QStringLiteral("e.csv"), csv)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 3, column \"barcode\": box barcode \"BX002\" is already in the archive"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 4, column \"barcode\": box barcode \"BX003\" is already in the archive"))) << r.err.toStdString();
    EXPECT_EQ(snapshot(), before);
    const CliResult p = run({QStringLiteral("import"), QStringLiteral("people"), write(QStringLiteral("p.csv"), "card,name\nC0002,重名\n")});
    EXPECT_EQ(p.exitCode, 2);
    EXPECT_TRUE(p.err.contains(QStringLiteral("line 2, column \"card\""))) << p.err.toStdString();
    EXPECT_EQ(snapshot(), before);
}

}  // namespace
