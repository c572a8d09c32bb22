// Catalogue search: Chinese 1-, 2-, 3+-character and English substrings, codes, fonds, years; filters, paging.
#include "BooksFixture.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace archive::db;

namespace {
QStringList codes(const SearchPage& p) {
    QStringList out;
    for (const auto& h : p.hits) out << h.archivalCode;
    out.sort();
    return out;
}
// The same search done the slow, obvious way, to compare against the index (instr() exists on PostgreSQL too,
// 0002_books.pg.sql; lower() folds only ASCII on SQLite, and the corpus has no non-ASCII capitals).
QStringList bruteForce(QSqlDatabase& db, const QString& word) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT i.archival_code FROM items i JOIN boxes b ON b.id = i.box_id JOIN fonds f ON f.id = b.fonds_id"
                             " WHERE instr(lower(i.title), lower(?)) > 0 OR instr(lower(i.archival_code), lower(?)) > 0"
                             " OR instr(lower(f.code || ' ' || f.name), lower(?)) > 0 OR instr(CAST(i.year AS TEXT), ?) > 0"));
    for (int i = 0; i < 4; ++i) q.addBindValue(word);
    q.exec();
    QStringList out;
    while (q.next()) out << q.value(0).toString();
    out.sort();
    return out;
}
}  // namespace

TEST_F(BooksFixture, SearchTwoCharacterChineseWords) {
    Catalog cat(*db);
    SearchQuery q;
    q.text = QStringLiteral("档案");
    auto r = cat.search(q);
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    // 温湿度管理的通知, 档案管理办法, 人事档案目录
    EXPECT_EQ(codes(*r), (QStringList{QStringLiteral("J001-RS-2018-0005-0001"), QStringLiteral("J001-WS-2010-0001-0001"),
                                      QStringLiteral("J001-WS-2020-0002-0002")}));
    q.text = QStringLiteral("财务");
    EXPECT_EQ(codes(*cat.search(q)), QStringList{QStringLiteral("J001-WS-2010-0001-0002")});
    q.text = QStringLiteral("会议");
    EXPECT_EQ(cat.search(q)->hits.size(), 2);
}

TEST_F(BooksFixture, SearchMatchesTheBruteForceAnswerForManyQueries) {
    Catalog cat(*db);
    const QStringList queries = {QStringLiteral("档"), QStringLiteral("档案"), QStringLiteral("档案室"), QStringLiteral("温湿度管理"),
                                 QStringLiteral("通知"), QStringLiteral("林业"), QStringLiteral("林业局"), QStringLiteral("annual"),
                                 QStringLiteral("REPORT"), QStringLiteral("rep"), QStringLiteral("J001"), QStringLiteral("ws-2020"),
                                 QStringLiteral("2010"), QStringLiteral("0001-0002"), QStringLiteral("案档"), QStringLiteral("不存在的词"),
                                 QStringLiteral("（机密）"), QStringLiteral("某某市")};
    for (const QString& w : queries) {
        SearchQuery q;
        q.text = w;
        q.limit = 500;
        auto r = cat.search(q);
        ASSERT_TRUE(r.ok()) << w.toStdString();
        EXPECT_EQ(codes(*r), bruteForce(db->sql(), w)) << w.toStdString();
    }
}

TEST_F(BooksFixture, SearchFollowsTitleAndFondsChanges) {
    Catalog cat(*db);
    SearchQuery q;
    q.text = QStringLiteral("疾病预防");
    EXPECT_TRUE(cat.search(q)->hits.isEmpty());
    QSqlQuery s(db->sql());
    ASSERT_TRUE(s.exec(QStringLiteral("UPDATE boxes SET fonds_id = (SELECT id FROM fonds WHERE code = 'J002') WHERE barcode = 'BX0008'")));
    EXPECT_EQ(cat.search(q)->hits.size(), 2);
    ASSERT_TRUE(s.exec(QStringLiteral("UPDATE fonds SET name = '某某市卫生健康委员会' WHERE code = 'J002'")));
    EXPECT_TRUE(cat.search(q)->hits.isEmpty());
    q.text = QStringLiteral("卫生健康");
    EXPECT_EQ(cat.search(q)->hits.size(), 2);
    ASSERT_TRUE(s.exec(QStringLiteral("UPDATE items SET title = '防汛抗旱预案' WHERE archival_code = 'J001-WS-2022-0008-0001'")));
    q.text = QStringLiteral("防汛");
    EXPECT_EQ(codes(*cat.search(q)), QStringList{QStringLiteral("J001-WS-2022-0008-0001")});
    q.text = QStringLiteral("会议纪要");
    EXPECT_TRUE(cat.search(q)->hits.isEmpty());
    QSqlQuery ic(db->sql());
    if (pg()) {
        // Every item's stored grams equal what the triggers' function computes from the current rows.
        EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM items i LEFT JOIN catalog_grams g ON g.item_id = i.id"
                                       " WHERE g.grams IS NULL OR NOT (g.grams @> item_search_grams(i.title, i.archival_code, i.year, i.box_id)"
                                       " AND g.grams <@ item_search_grams(i.title, i.archival_code, i.year, i.box_id))")),
                  0);
    } else {
        EXPECT_TRUE(ic.exec(QStringLiteral("INSERT INTO catalog_fts(catalog_fts) VALUES('integrity-check')"))) << ic.lastError().text().toStdString();
    }
}

TEST_F(BooksFixture, SearchFiltersSortingAndPaging) {
    Catalog cat(*db);
    SearchQuery q;
    q.text = QStringLiteral("J001");
    q.limit = 500;
    const int all = int(cat.search(q)->hits.size());
    EXPECT_EQ(all, 11);
    EXPECT_EQ(*cat.count(q), 11);
    q.categoryCode = QStringLiteral("WS");
    EXPECT_EQ(cat.search(q)->hits.size(), 7);
    q.yearFrom = 2020;
    q.yearTo = 2021;
    EXPECT_EQ(cat.search(q)->hits.size(), 3);
    q.maxSecurity = QStringLiteral("secret");
    EXPECT_EQ(cat.search(q)->hits.size(), 2);  // the 机密 item is left out
    q = SearchQuery{};
    q.text = QStringLiteral("J001");
    q.security = QStringLiteral("机密");
    EXPECT_EQ(cat.search(q)->hits.size(), 1);
    // Available now: lend BX0001 and its items drop out.
    ASSERT_OK(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")));
    q = SearchQuery{};
    q.text = QStringLiteral("J001");
    q.availableOnly = true;
    q.limit = 500;
    EXPECT_EQ(cat.search(q)->hits.size(), 9);
    // Sorting and paging: pages of 4 in year order cover everything once.
    q = SearchQuery{};
    q.text = QStringLiteral("J001");
    q.sort = SearchQuery::Sort::YearDesc;
    q.limit = 4;
    QStringList seen;
    int lastYear = 9999;
    for (int page = 0; page < 5; ++page) {
        q.offset = page * 4;
        auto r = cat.search(q);
        ASSERT_TRUE(r.ok());
        for (const auto& h : r->hits) {
            EXPECT_LE(h.year, lastYear);
            lastYear = h.year;
            seen << h.archivalCode;
        }
        if (!r->more) break;
    }
    EXPECT_EQ(seen.size(), 11);
    seen.removeDuplicates();
    EXPECT_EQ(seen.size(), 11);
    // A hit carries where the box is.
    q = SearchQuery{};
    q.text = QStringLiteral("温湿度");
    auto r = cat.search(q);
    ASSERT_EQ(r->hits.size(), 1);
    EXPECT_EQ(r->hits[0].locationBarcode, QStringLiteral("S1-01"));
    EXPECT_EQ(r->hits[0].fondsName, QStringLiteral("某某市林业局"));
}

TEST_F(BooksFixture, SearchBadInputIsAClearMessage) {
    Catalog cat(*db);
    SearchQuery q;
    q.text = QString(10000, QLatin1Char('x'));
    EXPECT_REFUSED(cat.search(q), "bad_input");
    for (const QString& nasty : {QStringLiteral("'; DROP TABLE items; --"), QStringLiteral("\"档案\" OR 1=1"), QStringLiteral("NEAR(a b)"),
                                 QStringLiteral("*"), QStringLiteral("\""), QStringLiteral("%_\\"), QStringLiteral("a AND OR NOT"),
                                 QStringLiteral("title:档案"), QStringLiteral("\t \n"), QString()}) {
        q.text = nasty;
        auto r = cat.search(q);
        EXPECT_TRUE(r.ok()) << nasty.toStdString() << ": " << r.errorMessage().toStdString();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM items")), 11);
    q = SearchQuery{};
    q.limit = 0;
    EXPECT_REFUSED(cat.search(q), "bad_input");
    q.limit = 10;
    q.yearFrom = 2020;
    q.yearTo = 2010;
    EXPECT_REFUSED(cat.search(q), "bad_input");
    q = SearchQuery{};
    q.security = QStringLiteral("绝密");
    EXPECT_REFUSED(cat.search(q), "bad_input");
}
