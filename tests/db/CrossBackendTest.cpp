// The same archive on SQLite and on PostgreSQL gives the same search result lists, hit for hit and in the same
// order, for every sort and page (issue 8). Runs in the pg.* pass (the SQLite twin is built next to it).
#include "BooksFixture.h"

using namespace archive::db;

namespace {
QStringList ordered(const SearchPage& p) {
    QStringList out;
    for (const auto& h : p.hits) out << h.archivalCode + QLatin1Char('|') + h.boxBarcode + QLatin1Char('|') + h.fondsName;
    return out;
}
}  // namespace

TEST_F(BooksFixture, SearchListsAreTheSameOnSQLiteAndPostgreSQL) {
    if (!pg()) GTEST_SKIP() << "compares PostgreSQL against an SQLite twin; runs as pg.BooksFixture.*";
    addCorpus();
    // The SQLite twin: the same fixture and corpus, written in the same order.
    QTemporaryDir twinDir;
    auto twin = Database::open(twinDir.filePath(QStringLiteral("twin.db")));
    ASSERT_TRUE(twin.ok()) << twin.errorMessage().toStdString();
    std::unique_ptr<Database> sqliteDb = std::move(twin.value());
    std::swap(db, sqliteDb);
    books = std::make_unique<Books>(*db);
    seed();
    addCorpus();
    std::swap(db, sqliteDb);  // db = PostgreSQL again, sqliteDb = the twin
    books = std::make_unique<Books>(*db);
    ASSERT_EQ(sqliteDb->dialect(), Dialect::SQLite);
    ASSERT_EQ(count(QStringLiteral("SELECT count(*) FROM items")), 311);

    Catalog onPg(*db), onSqlite(*sqliteDb);
    const QStringList queries = {
        QStringLiteral("档"), QStringLiteral("档案"), QStringLiteral("档案管理"), QStringLiteral("财务"), QStringLiteral("林"),
        QStringLiteral("林业"), QStringLiteral("通知"), QStringLiteral("会议"), QStringLiteral("机密"), QStringLiteral("（机密）"),
        QStringLiteral("forest"), QStringLiteral("FIRE"), QStringLiteral("annual REPORT"), QStringLiteral("gis"), QStringLiteral("v2.0"),
        QStringLiteral("J001"), QStringLiteral("j001-ws"), QStringLiteral("2010"), QStringLiteral("0001-0002"), QStringLiteral("某某市"),
        QStringLiteral("林业局 通知"), QStringLiteral("防火 2015"), QStringLiteral("案档"), QStringLiteral("不存在的词"), QStringLiteral("x"),
        QStringLiteral("%"), QStringLiteral("_"), QStringLiteral("'"), QStringLiteral("\"档案\""), QString()};
    const QList<SearchQuery::Sort> sorts = {SearchQuery::Sort::Catalogue, SearchQuery::Sort::YearAsc, SearchQuery::Sort::YearDesc,
                                            SearchQuery::Sort::Code, SearchQuery::Sort::Title};
    int nonEmpty = 0;
    for (const QString& w : queries) {
        for (SearchQuery::Sort sort : sorts) {
            for (int page = 0; page < 2; ++page) {
                SearchQuery q;
                q.text = w;
                q.sort = sort;
                q.limit = page == 0 ? 500 : 13;
                q.offset = page == 0 ? 0 : 7;
                auto a = onPg.search(q), b = onSqlite.search(q);
                ASSERT_TRUE(a.ok()) << w.toStdString() << ": " << a.errorMessage().toStdString() << " " << a.error().detail.toStdString();
                ASSERT_TRUE(b.ok()) << w.toStdString();
                EXPECT_EQ(ordered(*a), ordered(*b)) << "query \"" << w.toStdString() << "\" sort " << int(sort) << " page " << page;
                EXPECT_EQ(a->more, b->more) << w.toStdString();
                if (!a->hits.isEmpty()) ++nonEmpty;
            }
        }
        SearchQuery c;
        c.text = w;
        c.categoryCode = QStringLiteral("WS");
        c.yearFrom = 2005;
        EXPECT_EQ(*onPg.count(c), *onSqlite.count(c)) << w.toStdString();
    }
    EXPECT_GT(nonEmpty, 200);
}
