// The issue-2 commands on a small real archive: loans, rules, requests, moves, search, PINs, JSON output.
#include "CliFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

class CommandsTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        makeSmallArchive();
    }
    QJsonObject json(const QStringList& args, int expectExit = 0) {
        const CliResult r = runOn(dbPath(), QStringList{QStringLiteral("--json")} + args);
        EXPECT_EQ(r.exitCode, expectExit) << args.join(QLatin1Char(' ')).toStdString() << "\n" << r.all().toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
};

TEST_F(CommandsTest, CheckoutRenewCheckinWithIncident) {
    const QJsonObject out = json({QStringLiteral("checkout"), QStringLiteral("BX001"), QStringLiteral("--to"), QStringLiteral("C0001"),
                                  QStringLiteral("--as"), QLatin1String(kArchivist)});
    ASSERT_TRUE(out.value(QStringLiteral("ok")).toBool());
    const QJsonObject loan = out.value(QStringLiteral("loans")).toArray().first().toObject();
    EXPECT_EQ(loan.value(QStringLiteral("box")).toString(), QStringLiteral("BX001"));
    EXPECT_GT(loan.value(QStringLiteral("due_at")).toDouble(), loan.value(QStringLiteral("out_at")).toDouble()) << "R1: a due date";
    EXPECT_EQ(scalar(QStringLiteral("SELECT state = 'on_loan' FROM boxes WHERE barcode = 'BX001'")), 1);

    CliResult again = run({QStringLiteral("checkout"), QStringLiteral("BX001"), QStringLiteral("--to"), QStringLiteral("C0002"),
                           QStringLiteral("--as"), QLatin1String(kArchivist)});
    EXPECT_NE(again.exitCode, 0);
    EXPECT_FALSE(again.err.isEmpty());

    const CliResult renew = run({QStringLiteral("renew"), QStringLiteral("BX001"), QStringLiteral("--as"), QStringLiteral("C0001")});
    EXPECT_EQ(renew.exitCode, 0) << renew.all().toStdString();
    const CliResult renew2 = run({QStringLiteral("renew"), QStringLiteral("BX001"), QStringLiteral("--as"), QStringLiteral("C0001")});
    EXPECT_EQ(renew2.exitCode, 1) << "max 1 renewal for WS (R8): " << renew2.all().toStdString();
    EXPECT_TRUE(renew2.err.contains(QStringLiteral("R8")));

    const CliResult in = run({QStringLiteral("checkin"), QStringLiteral("BX001"), QStringLiteral("--as"), QLatin1String(kArchivist),
                              QStringLiteral("--condition"), QStringLiteral("损坏"), QStringLiteral("--note"), QStringLiteral("封皮撕裂")});
    EXPECT_EQ(in.exitCode, 0) << in.all().toStdString();
    EXPECT_TRUE(in.out.contains(QStringLiteral("R9")));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'damaged'")), 1);
    EXPECT_EQ(run({QStringLiteral("verify")}).exitCode, 0);
}

TEST_F(CommandsTest, RulesRefuseWithExitOneAndNameTheRule) {
    struct Case { QStringList args; const char* rule; };
    const QList<Case> cases = {
        {{"checkout", "BX015", "--to", "C0002", "--as", "S0001"}, "R4"},   // 人事, 秘密: head must approve
        {{"checkout", "BX018", "--to", "C0001", "--as", "S0001"}, "R3"},   // 资源林政: in-room only
        {{"checkout", "BX002", "--to", "C0003", "--as", "S0001"}, "R6"},   // external borrower
        {{"checkout", "BX015", "--to", "C0001", "--as", "S0001"}, nullptr}, // 办公室 may not borrow RS (R7) or R4
    };
    for (const auto& c : cases) {
        const CliResult r = run(c.args);
        EXPECT_EQ(r.exitCode, 1) << c.args.join(QLatin1Char(' ')).toStdString() << "\n" << r.all().toStdString();
        if (c.rule) {
            EXPECT_TRUE(r.err.contains(QLatin1String(c.rule))) << r.err.toStdString();
        }
        EXPECT_TRUE(r.err.startsWith(QStringLiteral("refused (R"))) << r.err.toStdString();
    }
    const CliResult staff = run({QStringLiteral("checkout"), QStringLiteral("BX002"), QStringLiteral("--to"), QStringLiteral("C0001"),
                                 QStringLiteral("--as"), QStringLiteral("C0002")});
    EXPECT_NE(staff.exitCode, 0) << "a borrower cannot check out: " << staff.all().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM loans")), 0);
}

TEST_F(CommandsTest, RequestApproveThenCheckout) {
    const QJsonObject req = json({QStringLiteral("request"), QStringLiteral("BX015"), QStringLiteral("--as"), QStringLiteral("C0002"),
                                  QStringLiteral("--purpose"), QStringLiteral("职称评审查证")});
    const QJsonObject r = req.value(QStringLiteral("request")).toObject();
    ASSERT_EQ(r.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
    EXPECT_TRUE(r.value(QStringLiteral("pending_roles")).toArray().contains(QStringLiteral("head")));
    const QString id = QString::number(r.value(QStringLiteral("id")).toInt());

    const QJsonObject pending = json({QStringLiteral("requests"), QStringLiteral("--pending-for"), QLatin1String(kHead)});
    EXPECT_EQ(pending.value(QStringLiteral("requests")).toArray().size(), 1);

    const CliResult wrong = run({QStringLiteral("approve"), id, QStringLiteral("--as"), QStringLiteral("C0001")});
    EXPECT_NE(wrong.exitCode, 0) << "a borrower cannot approve";
    const QJsonObject ok = json({QStringLiteral("approve"), id, QStringLiteral("--as"), QLatin1String(kHead)});
    EXPECT_EQ(ok.value(QStringLiteral("request")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    const CliResult out = run({QStringLiteral("checkout"), QStringLiteral("BX015"), QStringLiteral("--to"), QStringLiteral("C0002"),
                               QStringLiteral("--as"), QLatin1String(kArchivist)});
    EXPECT_EQ(out.exitCode, 0) << out.all().toStdString();

    const CliResult rej = run({QStringLiteral("reject"), id, QStringLiteral("--as"), QLatin1String(kHead), QStringLiteral("--reason"), QStringLiteral("重复")});
    EXPECT_NE(rej.exitCode, 0) << "already decided";
}

TEST_F(CommandsTest, MoveSweepAndMarkLost) {
    CliResult r = run({QStringLiteral("move"), QStringLiteral("BX001"), QStringLiteral("L3"), QStringLiteral("--as"), QLatin1String(kArchivist)});
    ASSERT_EQ(r.exitCode, 0) << r.all().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM box_moves m JOIN boxes b ON b.id = m.box_id WHERE b.barcode = 'BX001'")), 2);
    r = run({QStringLiteral("move"), QStringLiteral("BX001"), QStringLiteral("L3"), QStringLiteral("--as"), QStringLiteral("C0001")});
    EXPECT_NE(r.exitCode, 0) << "R2: only staff move boxes";

    const QJsonObject sweep = json({QStringLiteral("sweep"), QStringLiteral("L1"), QStringLiteral("BX005"), QStringLiteral("BX002"),
                                    QStringLiteral("ZZZ9"), QStringLiteral("--as"), QLatin1String(kArchivist)});
    EXPECT_TRUE(sweep.value(QStringLiteral("found")).toArray().contains(QStringLiteral("BX005")));
    EXPECT_TRUE(sweep.value(QStringLiteral("missing")).toArray().contains(QStringLiteral("BX009")));
    EXPECT_EQ(sweep.value(QStringLiteral("misplaced")).toArray().first().toObject().value(QStringLiteral("box")).toString(), QStringLiteral("BX002"));
    EXPECT_TRUE(sweep.value(QStringLiteral("unknown")).toArray().contains(QStringLiteral("ZZZ9")));

    r = run({QStringLiteral("mark-lost"), QStringLiteral("BX003"), QStringLiteral("--as"), QLatin1String(kArchivist), QStringLiteral("--note"), QStringLiteral("盘点未见")});
    EXPECT_EQ(r.exitCode, 0) << r.all().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT state = 'missing' FROM boxes WHERE barcode = 'BX003'")), 1);
    EXPECT_EQ(run({QStringLiteral("verify")}).exitCode, 0);
}

TEST_F(CommandsTest, SearchChineseTwoCharactersAndFilters) {
    QJsonObject s = json({QStringLiteral("search"), QStringLiteral("防火"), QStringLiteral("--limit"), QStringLiteral("5")});
    EXPECT_EQ(s.value(QStringLiteral("hits")).toArray().size(), 5);
    EXPECT_TRUE(s.value(QStringLiteral("more")).toBool());
    s = json({QStringLiteral("search"), QStringLiteral("防火"), QStringLiteral("--security"), QStringLiteral("秘密"), QStringLiteral("--limit"), QStringLiteral("100")});
    EXPECT_EQ(s.value(QStringLiteral("hits")).toArray().size(), 18);
    s = json({QStringLiteral("search"), QStringLiteral("不存在的词")});
    EXPECT_EQ(s.value(QStringLiteral("hits")).toArray().size(), 0);
    const CliResult text = run({QStringLiteral("search"), QStringLiteral("第003盒")});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("0101-WS·2020-Y-003-1"))) << text.out.toStdString();
}

TEST_F(CommandsTest, SetPinFromStdinAndRefusals) {
    CliResult r = run({QStringLiteral("set-pin"), QStringLiteral("C0001"), QStringLiteral("--as"), QLatin1String(kArchivist)}, "4321\n");
    EXPECT_EQ(r.exitCode, 0) << r.all().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT pin_hash LIKE '$argon2id$%' FROM people WHERE card = 'C0001'")), 1);
    r = run({QStringLiteral("set-pin"), QStringLiteral("C0002"), QStringLiteral("--as"), QStringLiteral("C0001"), QStringLiteral("--pin"), QStringLiteral("1111")});
    EXPECT_EQ(r.exitCode, 2) << "a borrower cannot set another person's PIN";
    r = run({QStringLiteral("set-pin"), QStringLiteral("C0001"), QStringLiteral("--as"), QLatin1String(kArchivist), QStringLiteral("--pin"), QStringLiteral("12")});
    EXPECT_EQ(r.exitCode, 2) << "too short";
}

TEST_F(CommandsTest, InitIsIdempotentAndHelpListsCommands) {
    EXPECT_EQ(run({QStringLiteral("init")}).exitCode, 0);
    const CliResult h = runOn(QString(), {QStringLiteral("--help")});
    EXPECT_EQ(h.exitCode, 0);
    for (const char* c : {"checkout", "checkin", "renew", "request", "approve", "reject", "move", "search", "backup", "sweep",
                          "transfer", "appraise", "destroy", "mark-lost", "set-pin", "import", "export", "demo", "verify", "onsite"})
        EXPECT_TRUE(h.out.contains(QStringLiteral("  %1").arg(QLatin1String(c)))) << c;
}

}  // namespace
