#pragma once
// Catalogue search (issue 2): Chinese and English substring search over item titles, archival codes,
// fonds codes/names and years, with filters, sorting and paging.
// On SQLite it uses catalog_fts (migration 0002_books.sqlite.sql: one hex token per character bigram),
// so 1- and 2-character Chinese queries (档, 档案, 财务) are served by the index; every candidate is
// re-checked against the real columns. On PostgreSQL it uses catalog_grams (0002_books.pg.sql: the same
// 1- and 2-character pieces in a text[] with a GIN index) and the same re-check, so both return the same hits
// in the same order.
// This file's .cpp is the one C++ place that knows the dialect's search SQL.

#include "BooksTypes.h"
#include "common/Result.h"

namespace archive::db {

class Database;

class Catalog {
public:
    explicit Catalog(Database& db);
    // Empty text lists the catalogue with the filters. Text longer than 200 characters or a bad
    // filter gives a "bad_input" Error. Words separated by spaces must all occur.
    Result<SearchPage> search(const SearchQuery& q);
    // Total number of hits (counts everything: slower than search() on common words).
    Result<qint64> count(const SearchQuery& q);

    // The FTS5 MATCH expression for a text (exposed for tests and benchmarks).
    static QString matchExpression(const QString& text);
    // The grams a PostgreSQL candidate must hold (1-character words: the character; else its bigrams).
    static QStringList gramsOf(const QString& text);

private:
    Database& m_db;
};

}  // namespace archive::db
