#pragma once
// A fresh archive in a temp dir, seeded with a small catalogue that exercises every rule:
//   categories WS 文书 (30 days, 1 renewal), KJ 科技 (needs review, R5), RS 人事 (needs head, R4),
//              LZ 资源林政 (in-room-only, R3), ZD 暂定 (no loan period, R1);
//   departments OFF 办公室 (WS, KJ, RS, LZ, ZD), FIN 财务科 (WS only, R7);
//   people A1 archivist, H1 head, H2 head, L1 leader, B1 borrower (OFF), B2 borrower (FIN), E1 external;
//   boxes BX0001..BX0010 on shelves of room R1 (S1-01 and S1-02) with items in them.
// The archive is an SQLite file, or (ARCHIVE_TEST_BACKEND=postgresql, the "pg.*" ctest tests) a fresh
// PostgreSQL database; `path` is the file path or the postgresql:// URL (tests/db/TestBackend.h).
#include "db/Books.h"
#include "db/Catalog.h"
#include "db/Database.h"
#include "db/Ledger.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

class BooksFixture : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;
    void seed();                    // the catalogue above, into books
    void addCorpus(int boxes = 30);  // boxes CX0000… with 10 generated titles each (search comparisons)

    // Re-open a second connection to the same file (another "process" in spirit).
    std::unique_ptr<archive::db::Database> openAgain();
    void addBox(const QString& barcode, const QString& category, const QString& location, int year,
                const QString& retention, const QStringList& itemTitles, const QString& security = {});
    QString boxState(const QString& barcode);
    qint64 count(const QString& sql);
    // Boxes whose file summary (boxes.item_count / items_on_loan / max_security_rank, migration 0005) differs from a
    // recount of their files; 0 when the triggers kept every box right.
    qint64 boxSummaryMismatches();

    bool pg() const { return db && db->dialect() == archive::db::Dialect::PostgreSQL; }

    QTemporaryDir dir;
    QString path;  // SQLite file or postgresql:// URL
    std::unique_ptr<archive::db::Database> db;
    std::unique_ptr<archive::db::Books> books;
};

// Asserts a Result/Status failed with the given code, and that both messages are present.
#define EXPECT_REFUSED(expr, codeStr)                                                      \
    do {                                                                                   \
        auto r_ = (expr);                                                                  \
        ASSERT_FALSE(r_.ok()) << "expected refusal " << codeStr;                           \
        EXPECT_EQ(r_.error().code.toStdString(), std::string(codeStr))                     \
            << r_.error().message().toStdString() << " / " << r_.error().detail.toStdString(); \
        EXPECT_FALSE(r_.error().messageZh.isEmpty());                                      \
        EXPECT_FALSE(r_.error().messageEn.isEmpty());                                      \
    } while (0)

#define ASSERT_OK(expr)                                                                    \
    do {                                                                                   \
        auto r_ = (expr);                                                                  \
        ASSERT_TRUE(r_.ok()) << r_.errorMessage().toStdString() << " / "                   \
                             << (r_.ok() ? std::string() : r_.error().detail.toStdString()); \
    } while (0)
