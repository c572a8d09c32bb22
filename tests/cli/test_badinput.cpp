// Unknown, empty, 10,000-character and quote/SQL-metacharacter inputs to every command: a clear message
// (exit 1 or 2, never a crash), and the archive unchanged.
#include "CliFixture.h"

namespace {

const QString kLong(10000, QLatin1Char('X'));
const QString kSql = QStringLiteral("'; DROP TABLE boxes; --");
const QString kQuote = QStringLiteral("\"'\\\"");

// Each command line with the placeholder @ where hostile input is put; %T is a folder that does not exist.
// mayPass: the hostile value sits in free text (a purpose, a note) or a search, where accepting it as plain
// text is right; mayChange: such a pass writes to the archive.
struct Case {
    QStringList args;
    bool mayPass = false;
    bool mayChange = false;
};
const QList<Case> kCases = {
    {{"checkout", "@", "--to", "C0001", "--as", "S0001"}},
    {{"checkout", "BX001", "--to", "@", "--as", "S0001"}},
    {{"checkout", "BX001", "--to", "C0001", "--as", "@"}},
    {{"checkout", "BX001", "--to", "C0001", "--as", "S0001", "--request", "@"}},
    {{"checkin", "@", "--as", "S0001"}},
    {{"checkin", "BX001", "--as", "S0001", "--condition", "@"}},
    {{"checkin", "BX001", "--as", "@"}},
    {{"renew", "@", "--as", "C0001"}},
    {{"renew", "BX001", "--as", "@"}},
    {{"request", "@", "--as", "C0001", "--purpose", "查阅"}},
    {{"request", "BX001", "--as", "@", "--purpose", "查阅"}},
    {{"request", "BX002", "--as", "C0001", "--purpose", "@"}, true, true},
    {{"approve", "@", "--as", "S0002"}},
    {{"reject", "@", "--as", "S0002", "--reason", "不符合"}},
    {{"reject", "999", "--as", "S0002", "--reason", "@"}},
    {{"requests", "--pending-for", "@"}},
    {{"requests", "--of", "@"}},
    {{"move", "@", "L1", "--as", "S0001"}},
    {{"move", "BX001", "@", "--as", "S0001"}},
    {{"sweep", "@", "BX001", "--as", "S0001"}},
    {{"sweep", "L1", "@", "--as", "S0001"}, true, true},  // an unknown scanned code is a finding, recorded
    {{"search", "@"}, true},
    {{"search", "林业", "--year", "@"}},
    {{"search", "林业", "--security", "@"}},
    {{"search", "林业", "--sort", "@"}},
    {{"search", "林业", "--limit", "@"}},
    {{"search", "林业", "--page", "@"}},
    {{"search", "林业", "--category", "@"}, true},
    {{"import", "@", "x.csv"}},
    {{"import", "boxes", "%T/@"}},
    {{"import", "boxes", "x.csv", "--encoding", "@"}},
    {{"export", "@"}},
    {{"export", "holdings", "--out", "%T/@/x.csv"}},
    {{"backup", "%T/@/x.db"}},
    {{"mark-lost", "@", "--as", "S0001", "--note", "遗失"}},
    {{"mark-lost", "BX020", "--as", "S0001", "--note", "@"}, true, true},
    {{"set-pin", "@", "--as", "S0001", "--pin", "1234"}},
    {{"set-pin", "C0001", "--as", "S0001", "--pin", "@"}},
    {{"appraise", "@", "--decision", "destroy", "--reason", "期满", "--as", "S0001"}},
    {{"appraise", "BX001", "--decision", "@", "--reason", "期满", "--as", "S0001"}},
    {{"appraise", "approve", "@", "--as", "S0002"}},
    {{"destroy", "@", "--as", "S0001", "--witness", "张三", "--method", "粉碎"}},
    {{"transfer", "@"}},
    {{"transfer", "show", "@"}},
    {{"transfer", "open", "T1", "--register", "%T/@", "--dept", "BGS", "--sender", "甲", "--sender-head", "乙", "--as", "S0001"}},
    {{"transfer", "complete", "@", "--as", "S0001"}},
    {{"onsite", "@", "--reader", "C0001", "--as", "S0001"}},
    {{"onsite", "BX018", "--reader", "@", "--as", "S0001"}},
    {{"verify", "@"}},
    {{"init", "@"}},
    {{"demo", "--seed", "@"}},
    {{"@"}},
};

QStringList substitute(const QStringList& cmd, const QString& v, const QString& missingDir) {
    QStringList out;
    for (QString a : cmd) {
        a.replace(QStringLiteral("%T"), missingDir);
        out << (a.contains(QLatin1Char('@')) ? a.replace(QLatin1Char('@'), v) : a);
    }
    return out;
}

class BadInputTest : public CliTest {};

TEST_F(BadInputTest, EveryCommandRejectsHostileInputClearly) {
    makeSmallArchive();
    const auto before = snapshot();
    const QStringList values{QString(), QStringLiteral("  "), kLong, kSql, kQuote, QStringLiteral("NO-SUCH-THING"),
                             QStringLiteral("--bogus")};
    int runs = 0;
    const QString missingDir = path(QStringLiteral("no-such-folder"));
    for (const Case& c : kCases) {
        for (const QString& v : values) {
            const QStringList args = substitute(c.args, v, missingDir);
            const auto pre = c.mayChange ? QMap<QString, QString>() : snapshot();
            const CliResult r = run(args);
            ++runs;
            const std::string what = args.join(QLatin1Char(' ')).left(120).toStdString();
            ASSERT_FALSE(r.crashed) << what;
            if (c.mayPass && r.exitCode == 0) {
                EXPECT_FALSE(r.out.trimmed().isEmpty()) << what;
            } else {
                EXPECT_TRUE(r.exitCode == 1 || r.exitCode == 2) << what << " → exit " << r.exitCode << "\n" << r.all().toStdString();
                EXPECT_FALSE(r.err.trimmed().isEmpty()) << what << ": no message";
                EXPECT_LT(r.err.size(), 6000) << what << ": the message echoes the whole input";
                // Messages are bilingual: Chinese first, then English.
                bool hasCjk = false, hasLatin = false;
                for (const QChar ch : r.err) {
                    hasCjk |= (ch.unicode() >= 0x4E00 && ch.unicode() <= 0x9FFF);
                    hasLatin |= (ch.unicode() >= u'a' && ch.unicode() <= u'z');
                }
                EXPECT_TRUE(hasCjk && hasLatin) << what << ": " << r.err.toStdString();
            }
            if (!c.mayChange) {
                EXPECT_EQ(snapshot(), pre) << what << ": the archive changed";
            }
        }
    }
    EXPECT_GT(runs, 300);
    EXPECT_EQ(snapshot().value(QStringLiteral("boxes")), before.value(QStringLiteral("boxes")));
    EXPECT_EQ(run({QStringLiteral("verify")}).exitCode, 0);
}

TEST_F(BadInputTest, MissingDatabaseIsNotCreatedByReadingCommands) {
    const QString db = path(QStringLiteral("missing.db"));
    for (const QStringList& args : QList<QStringList>{{QStringLiteral("verify")}, {QStringLiteral("search"), QStringLiteral("档案")},
                                                      {QStringLiteral("export"), QStringLiteral("loans")}}) {
        const CliResult r = runOn(db, args);
        EXPECT_EQ(r.exitCode, 2) << r.all().toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("archivectl init"))) << r.err.toStdString();
    }
    EXPECT_FALSE(QFile::exists(db));
}

TEST_F(BadInputTest, NotADatabaseFile) {
    const QString db = write(QStringLiteral("text.db"), QByteArray("this is a shopping list, not an archive\n").repeated(100));
    const CliResult r = runOn(db, {QStringLiteral("verify")});
    EXPECT_FALSE(r.crashed);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_FALSE(r.err.isEmpty());
}

TEST_F(BadInputTest, UnknownCommandAndGlobalOption) {
    CliResult r = run({QStringLiteral("frobnicate")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("未知命令")));
    r = runOn(QString(), {QStringLiteral("--colour"), QStringLiteral("verify")});
    EXPECT_EQ(r.exitCode, 2);
    r = runOn(QString(), {});
    EXPECT_EQ(r.exitCode, 2);
}

}  // namespace
