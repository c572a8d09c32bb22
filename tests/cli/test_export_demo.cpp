// export (CSV with BOM for Excel) and the demo archive.
#include "CliFixture.h"

#include "db/Books.h"
#include "db/Database.h"
#include "db/import/CsvReader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using namespace archive::db;

class ExportTest : public CliTest {};

QList<QStringList> readCsv(const QByteArray& bytes) {
    csv::Reader reader(bytes);
    QList<QStringList> rows;
    csv::Record rec;
    QList<csv::Problem> problems;
    while (reader.next(rec, problems)) rows << rec.fields;
    EXPECT_TRUE(problems.isEmpty());
    return rows;
}

TEST_F(ExportTest, HoldingsLoansOverdueLedger) {
    makeSmallArchive();
    {
        auto db = Database::open(dbPath());
        ASSERT_TRUE(db.ok());
        Books books(**db);
        (*db)->setClockOffsetMs(-60LL * 24 * 3600 * 1000);  // lent two months ago → overdue now
        ASSERT_TRUE(books.checkOutBox(QStringLiteral("BX001"), QStringLiteral("C0001"), QLatin1String(kArchivist)).ok());
        (*db)->setClockOffsetMs(0);
        ASSERT_TRUE(books.checkOutBox(QStringLiteral("BX002"), QStringLiteral("C0002"), QLatin1String(kArchivist)).ok());
    }
    CliResult r = run({QStringLiteral("export"), QStringLiteral("holdings"), QStringLiteral("--out"), path(QStringLiteral("h.csv"))});
    ASSERT_EQ(r.exitCode, 0) << r.all().toStdString();
    QFile f(path(QStringLiteral("h.csv")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF")) << "UTF-8 BOM for Excel";
    auto rows = readCsv(bytes);
    ASSERT_EQ(rows.size(), 21);
    EXPECT_EQ(rows[0].first(), QStringLiteral("盒条码"));
    EXPECT_EQ(rows[1][0], QStringLiteral("BX001"));
    EXPECT_EQ(rows[1][12], QStringLiteral("借出"));

    r = run({QStringLiteral("export"), QStringLiteral("overdue")});
    ASSERT_EQ(r.exitCode, 0);
    rows = readCsv(r.out.toUtf8());
    ASSERT_EQ(rows.size(), 2) << r.out.toStdString();
    EXPECT_EQ(rows[1][1], QStringLiteral("BX001"));
    EXPECT_GE(rows[1].last().toInt(), 29) << "days overdue";

    r = run({QStringLiteral("export"), QStringLiteral("loans")});
    EXPECT_EQ(readCsv(r.out.toUtf8()).size(), 3);
    r = run({QStringLiteral("export"), QStringLiteral("ledger")});
    EXPECT_EQ(readCsv(r.out.toUtf8()).size(), scalar(QStringLiteral("SELECT count(*) FROM ledger")) + 1);
}

TEST_F(ExportTest, FormulaLikeCellsAreDefused) {
    makeSmallArchive();
    const QByteArray csv = "barcode,fonds,year,retention,category,title\nFX1,0101,2020,永久,WS,\"=HYPERLINK(\"\"http://x\"\")\"\n";
    ASSERT_EQ(run({QStringLiteral("import"), QStringLiteral("boxes"), write(QStringLiteral("f.csv"), csv)}).exitCode, 0);
    const CliResult r = run({QStringLiteral("export"), QStringLiteral("holdings")});
    const auto rows = readCsv(r.out.toUtf8());
    EXPECT_EQ(rows.last()[9], QStringLiteral("'=HYPERLINK(\"http://x\")"));
}

class DemoTest : public CliTest {};

TEST_F(DemoTest, DemoArchiveHasEverythingAndIsDeterministic) {
    CliResult r = runOn(dbPath(), {QStringLiteral("--json"), QStringLiteral("demo")});
    ASSERT_EQ(r.exitCode, 0) << r.all().toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(o.value(QStringLiteral("boxes")).toInt(), 2000);
    EXPECT_EQ(o.value(QStringLiteral("items")).toInt(), 20000);
    EXPECT_GE(o.value(QStringLiteral("people")).toInt(), 200);
    EXPECT_GE(scalar(QStringLiteral("SELECT count(*) FROM rooms")), 3);
    EXPECT_GE(scalar(QStringLiteral("SELECT count(DISTINCT room_id) FROM locations")), 3);
    EXPECT_GE(scalar(QStringLiteral("SELECT count(*) FROM fonds")), 3);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM categories WHERE name = '资源林政' AND in_room_only = 1")), 1);
    EXPECT_GT(scalar(QStringLiteral("SELECT count(*) FROM items WHERE security = 'confidential'")), 50);
    EXPECT_GE(scalar(QStringLiteral("SELECT count(*) FROM people WHERE kind = 'external'")), 10);
    EXPECT_GE(scalar(QStringLiteral("SELECT count(DISTINCT department_id) FROM people")), 5);
    for (const char* role : {"borrower", "archivist", "head", "leader", "manager", "admin"})
        EXPECT_GE(scalar(QStringLiteral("SELECT count(*) FROM people WHERE ',' || roles || ',' LIKE '%,%1,%' AND pin_hash IS NOT NULL")
                             .arg(QLatin1String(role))), 1) << role;
    EXPECT_GT(scalar(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NULL AND due_at > %1").arg(QDateTime::currentMSecsSinceEpoch())), 10);
    EXPECT_GT(scalar(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NULL AND due_at < %1").arg(QDateTime::currentMSecsSinceEpoch())), 5);
    EXPECT_GT(scalar(QStringLiteral("SELECT count(*) FROM requests WHERE state = 'pending'")), 5);
    EXPECT_EQ(o.value(QStringLiteral("staff")).toArray().size(), 6);
    EXPECT_EQ(run({QStringLiteral("verify")}).exitCode, 0);
    // Search works on the demo catalogue (two Chinese characters).
    const CliResult s = run({QStringLiteral("search"), QStringLiteral("林权")});
    EXPECT_EQ(s.exitCode, 0);
    EXPECT_TRUE(s.out.contains(QStringLiteral("林权"))) << s.out.toStdString();

    // Same seed → same catalogue.
    const QString other = path(QStringLiteral("other.db"));
    ASSERT_EQ(runOn(other, {QStringLiteral("demo")}).exitCode, 0);
    const QString q = QStringLiteral("SELECT sum(length(archival_code) * 7 + unicode(title) + length(title) * id) FROM items");
    EXPECT_EQ(scalar(q), scalar(q, other));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM loans")), scalar(QStringLiteral("SELECT count(*) FROM loans"), other));

    // Only into an empty archive.
    const auto before = snapshot();
    r = run({QStringLiteral("demo")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("empty archive"))) << r.err.toStdString();
    EXPECT_EQ(snapshot(), before);
}

}  // namespace
