// archivectl migrate end to end: the demo archive (books, ledger, 92 days of readings, alerts) into an empty
// PostgreSQL database; the target's ledger verifies, every table's count matches, and the books work on
// the copy (check-out, check-in, search, verify).
#include "Support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace pgops;

TEST(MigrateCli, DemoArchiveIntoEmptyPostgres) {
    REQUIRE_PG(server);
    QTemporaryDir dir;
    const QString demo = dir.filePath(QStringLiteral("demo.db"));
    auto made = archivectl({QStringLiteral("--db"), demo, QStringLiteral("demo")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const QString url = server->createDatabase(QStringLiteral("migrate"));
    ASSERT_FALSE(url.isEmpty());

    auto mig = archivectl({QStringLiteral("--db"), demo, QStringLiteral("--json"), QStringLiteral("migrate"), QStringLiteral("--to"), url});
    ASSERT_EQ(mig.exitCode, 0) << mig.out.toStdString() << mig.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(mig.out.trimmed().toUtf8()).object();
    EXPECT_TRUE(o.value(QStringLiteral("ok")).toBool());
    EXPECT_TRUE(o.value(QStringLiteral("counts_match")).toBool());
    EXPECT_TRUE(o.value(QStringLiteral("ledger_ok")).toBool());
    EXPECT_TRUE(o.value(QStringLiteral("ledger_head_match")).toBool());
    QHash<QString, qint64> counts;
    for (const auto& v : o.value(QStringLiteral("tables")).toArray()) {
        const QJsonObject t = v.toObject();
        counts.insert(t.value(QStringLiteral("table")).toString(), t.value(QStringLiteral("target")).toInteger());
        EXPECT_TRUE(t.value(QStringLiteral("match")).toBool()) << t.value(QStringLiteral("table")).toString().toStdString();
    }
    EXPECT_EQ(counts.value(QStringLiteral("boxes")), 2000);
    EXPECT_EQ(counts.value(QStringLiteral("items")), 20000);
    EXPECT_GT(counts.value(QStringLiteral("readings")), 10000);
    EXPECT_GT(counts.value(QStringLiteral("loans")), 100);
    EXPECT_GT(counts.value(QStringLiteral("ledger")), 100);

    // Independent of the report: both databases counted here.
    auto src = openDb(demo, false);
    auto dst = openDb(url, false);
    ASSERT_TRUE(src && dst);
    for (const QString& t : counts.keys())
        EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT count(*) FROM ") + t), scalar(*src, QStringLiteral("SELECT count(*) FROM ") + t))
            << t.toStdString();
    // PostgreSQL's own search index was built for every copied item by its triggers.
    EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT count(*) FROM catalog_grams")), 20000);
    // The boxes' file summaries (migration 0005) came across and were not counted twice by the items trigger:
    // equal to the source's box by box, and to a recount on the target.
    const QString summaries = QStringLiteral("SELECT sum(item_count * 7 + items_on_loan * 3 + coalesce(max_security_rank, -1) * id) FROM boxes");
    EXPECT_EQ(scalar(*dst, summaries), scalar(*src, summaries));
    EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT sum(item_count) FROM boxes")), 20000);
    EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT count(*) FROM boxes b WHERE b.item_count <> (SELECT count(*) FROM items i WHERE i.box_id = b.id)"
                                          " OR b.items_on_loan <> (SELECT count(*) FROM items i WHERE i.box_id = b.id AND i.state = 'on_loan')"
                                          " OR b.max_security_rank IS DISTINCT FROM (SELECT max(security_rank(i.security)) FROM items i WHERE i.box_id = b.id)")),
              0);

    auto verify = archivectl({QStringLiteral("--db"), url, QStringLiteral("verify")});
    EXPECT_EQ(verify.exitCode, 0) << verify.all().toStdString();

    // The books work on the copy.
    auto out = archivectl({QStringLiteral("--db"), url, QStringLiteral("checkout"), QStringLiteral("B00000003O"),
                           QStringLiteral("--to"), QStringLiteral("P100002Q"), QStringLiteral("--as"), QStringLiteral("P900001Y")});
    EXPECT_EQ(out.exitCode, 0) << out.out.toStdString() << out.err.toStdString();
    auto again = archivectl({QStringLiteral("--db"), url, QStringLiteral("checkout"), QStringLiteral("B00000003O"),
                             QStringLiteral("--to"), QStringLiteral("P100003O"), QStringLiteral("--as"), QStringLiteral("P900001Y")});
    EXPECT_NE(again.exitCode, 0);  // already on loan
    auto in = archivectl({QStringLiteral("--db"), url, QStringLiteral("checkin"), QStringLiteral("B00000003O"),
                          QStringLiteral("--as"), QStringLiteral("P900001Y")});
    EXPECT_EQ(in.exitCode, 0) << in.out.toStdString() << in.err.toStdString();
    const qint64 newLoan = scalar(*dst, QStringLiteral("SELECT max(id) FROM loans"));
    EXPECT_EQ(newLoan, scalar(*src, QStringLiteral("SELECT max(id) FROM loans")) + 1);  // identity moved on
    auto pgSearch = archivectl({QStringLiteral("--db"), url, QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("林权")});
    auto liteSearch = archivectl({QStringLiteral("--db"), demo, QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("林权")});
    EXPECT_EQ(pgSearch.exitCode, 0) << pgSearch.err.toStdString();
    EXPECT_EQ(pgSearch.out, liteSearch.out);
    auto verify2 = archivectl({QStringLiteral("--db"), url, QStringLiteral("verify")});
    EXPECT_EQ(verify2.exitCode, 0) << verify2.out.toStdString() << verify2.err.toStdString();

    // A second migration into the same (now used) database is refused and changes nothing.
    const qint64 ledgerRows = scalar(*dst, QStringLiteral("SELECT count(*) FROM ledger"));
    auto twice = archivectl({QStringLiteral("--db"), demo, QStringLiteral("migrate"), QStringLiteral("--to"), url});
    EXPECT_EQ(twice.exitCode, 2);
    EXPECT_TRUE(twice.err.contains(QStringLiteral("不是空的"))) << twice.err.toStdString();
    EXPECT_TRUE(twice.err.contains(QStringLiteral("not empty"))) << twice.err.toStdString();
    EXPECT_EQ(scalar(*dst, QStringLiteral("SELECT count(*) FROM ledger")), ledgerRows);
}

TEST(MigrateCli, BadInputIsRefusedClearly) {
    QTemporaryDir dir;
    auto noTarget = archivectl({QStringLiteral("--db"), dir.filePath(QStringLiteral("a.db")), QStringLiteral("migrate")});
    EXPECT_EQ(noTarget.exitCode, 2);
    EXPECT_TRUE(noTarget.err.contains(QStringLiteral("--to"))) << noTarget.err.toStdString();
    auto noSource = archivectl({QStringLiteral("--db"), dir.filePath(QStringLiteral("missing.db")), QStringLiteral("migrate"),
                                QStringLiteral("--to"), QStringLiteral("postgresql://archive@127.0.0.1:1/none")});
    EXPECT_EQ(noSource.exitCode, 2);
    EXPECT_TRUE(noSource.err.contains(QStringLiteral("missing.db"))) << noSource.err.toStdString();
}
