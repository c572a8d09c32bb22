// The items import's bulk path (db/import/ImportHandlers.cpp, SQLite): the catalogue index it writes from
// C++ (trigger dropped for the import, bigger FTS5 hash, CHECKs left to the importer's own vocabulary) is
// exactly what the trigger's SQL would have written, and afterwards the connection is as before: trigger
// back, FTS5 hash size back, CHECK constraints enforced.
#include "BooksFixture.h"

#include "db/import/Importer.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <QSqlError>
#include <QSqlQuery>

using namespace archive::db;

namespace {

QByteArray itemsCsv() {
    QByteArray csv = "档号,题名,年度,密级,页数,盒条码,件号\n";
    const QStringList odd = {QStringLiteral("ANNUAL Report ÄΩ"), QStringLiteral("全角ＡＢＣ１２３"), QStringLiteral("档案📁盒"),
                             QStringLiteral("生僻字𠀀𠀁测试"), QStringLiteral("\"引号\", 逗号"), QString(1500, QChar(0x6863))};
    for (int i = 1; i <= 120; ++i) {
        QString title = i <= odd.size() ? odd[i - 1] : QStringLiteral("关于做好%1年森林防火工作的通知 No.%2").arg(1990 + i % 30).arg(i);
        title.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        const QString box = i % 2 ? QStringLiteral("BX0001") : QStringLiteral("NB2");
        csv += QStringLiteral("BULK-%1,\"%2\",%3,%4,%5,%6,%7\n")
                   .arg(i, 4, 10, QLatin1Char('0')).arg(title).arg(2000 + i % 25)
                   .arg(i % 3 ? QStringLiteral("内部") : QStringLiteral("public")).arg(i).arg(box).arg(i)
                   .toUtf8();
    }
    return csv;
}

}  // namespace

TEST_F(BooksFixture, BulkItemsImportIndexesExactlyLikeTheTriggerAndLeavesTheConnectionAsItWas) {
    if (!db->sqliteHandle()) GTEST_SKIP() << "the bulk index path is SQLite's";
    // A box of the second fonds, so the fonds column differs between items.
    auto boxes = Importer::importBytes(*db, ImportKind::Boxes, "barcode,fonds,year,retention,category\nNB2,J002,2020,永久,WS\n");
    ASSERT_TRUE(boxes.ok() && boxes->ok());
    const qint64 before = count(QStringLiteral("SELECT max(id) FROM items"));
    auto r = Importer::importBytes(*db, ImportKind::Items, itemsCsv());
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    ASSERT_TRUE(r->ok()) << (r->problems.isEmpty() ? std::string() : r->problems.first().text().toStdString());
    ASSERT_EQ(r->imported, 120);
    // The import's ledger entry names the file by its SHA-256 (db/Sha256.h), the same digest as Qt's own.
    {
        QSqlQuery last(db->sql());
        ASSERT_TRUE(last.exec(QStringLiteral("SELECT details FROM ledger ORDER BY seq DESC LIMIT 1")) && last.next());
        const QJsonObject d = QJsonDocument::fromJson(last.value(0).toString().toUtf8()).object();
        EXPECT_EQ(d.value(QStringLiteral("sha256")).toString(),
                  QString::fromLatin1(QCryptographicHash::hash(itemsCsv(), QCryptographicHash::Sha256).toHex()));
    }

    // The same items indexed by the trigger's own expressions, in a temporary FTS5 table.
    QSqlQuery q(db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.expect_fts USING fts5(title, code, fonds, year, content='', "
                                      "tokenize='unicode61')")))
        << q.lastError().text().toStdString();
    ASSERT_TRUE(q.exec(QStringLiteral(
        "INSERT INTO temp.expect_fts(rowid, title, code, fonds, year) SELECT i.id,"
        " (SELECT group_concat(hex(lower(substr(i.title, n, 2))), ' ') FROM search_nums WHERE n <= length(i.title)),"
        " (SELECT group_concat(hex(lower(substr(i.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(i.archival_code)),"
        " (SELECT group_concat(hex(lower(substr(t.x, n, 2))), ' ') FROM search_nums,"
        "   (SELECT f.code || ' ' || f.name AS x FROM boxes b JOIN fonds f ON f.id = b.fonds_id WHERE b.id = i.box_id) t"
        "   WHERE n <= length(t.x)),"
        " (SELECT group_concat(hex(substr(CAST(i.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(i.year AS TEXT)))"
        " FROM items i WHERE i.id > %1").arg(before)))
        << q.lastError().text().toStdString();
    ASSERT_TRUE(q.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.got_v USING fts5vocab(main, catalog_fts, instance)")));
    ASSERT_TRUE(q.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.expect_v USING fts5vocab(temp, expect_fts, instance)")));
    const qint64 expected = count(QStringLiteral("SELECT count(*) FROM temp.expect_v"));
    EXPECT_GT(expected, 120 * 20);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM temp.got_v WHERE doc > %1").arg(before)), expected);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM (SELECT term, doc, col, offset FROM temp.got_v WHERE doc > %1 "
                                   "EXCEPT SELECT term, doc, col, offset FROM temp.expect_v)").arg(before)),
              0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM (SELECT term, doc, col, offset FROM temp.expect_v "
                                   "EXCEPT SELECT term, doc, col, offset FROM temp.got_v)")),
              0);

    // The connection is as before the import: trigger back, FTS5 hash size back to its default, CHECKs on.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'items_fts_insert'")), 1);
    // The box summary trigger (migration 0005) is back too, and NB2 and BX0001 got their summaries from the import (60 files each).
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'items_summary_insert'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT item_count FROM boxes WHERE barcode = 'NB2'")), 60);
    EXPECT_EQ(count(QStringLiteral("SELECT item_count FROM boxes WHERE barcode = 'BX0001'")), 62);
    EXPECT_EQ(boxSummaryMismatches(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COALESCE((SELECT v FROM catalog_fts_config WHERE k = 'hashsize'), 1048576)")), 1048576);
    QSqlQuery bad(db->sql());
    EXPECT_FALSE(bad.exec(QStringLiteral("INSERT INTO items(archival_code, title, year, retention, security, pages, box_id, state)"
                                         " VALUES('CHK-1', 't', 2020, 'forever', 'internal', 1, 1, 'in_place')")));
    EXPECT_TRUE(bad.lastError().text().contains(QLatin1String("CHECK"), Qt::CaseInsensitive)) << bad.lastError().text().toStdString();
    EXPECT_FALSE(bad.exec(QStringLiteral("UPDATE boxes SET state = 'elsewhere' WHERE barcode = 'NB2'")));
    // And a value outside the vocabulary is still refused by the importer (nothing written).
    auto refused = Importer::importBytes(*db, ImportKind::Items, "档号,题名,年度,密级,盒条码\nBULK-X,标题,2020,绝密,BX0001\n");
    ASSERT_TRUE(refused.ok());
    EXPECT_FALSE(refused->ok());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM items WHERE archival_code = 'BULK-X'")), 0);
    EXPECT_TRUE(q.exec(QStringLiteral("INSERT INTO catalog_fts(catalog_fts) VALUES('integrity-check')"))) << q.lastError().text().toStdString();
}
