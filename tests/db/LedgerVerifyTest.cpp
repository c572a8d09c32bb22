// Ledger::verify checks seq ranges in parallel on SQLite (db/Ledger.h VerifyOptions). Whatever the split, it
// must give exactly what one pass over the chain gives: rows checked, the first bad row and the reason — for a
// changed row inside a range, a changed row at a range edge and a deleted row at a range edge. (On PostgreSQL
// there is one pass only; the same expectations hold.)
#include "BooksFixture.h"

#include <QProcess>

using namespace archive::db;

namespace {

struct Outcome {
    bool ok = false;
    qint64 rows = 0, bad = 0;
    QString reason;
};

Outcome run(Database& db, int threads) {
    VerifyOptions o;
    o.threads = threads;
    o.minRowsPerThread = 1;
    auto r = Ledger::verify(db, o);
    if (!r) return {false, -1, -1, r.error().message()};
    return {r->ok, r->rowsChecked, r->firstBadSeq, r->reason};
}

}  // namespace

class LedgerVerify : public BooksFixture {
protected:
    // Runs SQL on the archive as an attacker with the database shell would (triggers dropped / disabled).
    void tamper(const QString& sql) {
        const bool onPg = pg();
        books.reset();
        db.reset();
        QProcess sh;
        if (onPg)
            sh.start(QStringLiteral("psql"), {QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), path, QStringLiteral("-c"),
                                              QStringLiteral("ALTER TABLE ledger DISABLE TRIGGER USER; ") + sql});
        else
            sh.start(QStringLiteral("sqlite3"), {path, QStringLiteral("DROP TRIGGER IF EXISTS ledger_no_update; "
                                                                      "DROP TRIGGER IF EXISTS ledger_no_delete; ") + sql});
        ASSERT_TRUE(sh.waitForFinished(30000));
        ASSERT_EQ(sh.exitCode(), 0) << sh.readAllStandardError().toStdString();
        db = openAgain();
        ASSERT_TRUE(db);
    }
    qint64 makeRows() {
        for (int i = 0; i < 12; ++i) {
            EXPECT_TRUE(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")).ok());
            EXPECT_TRUE(books->checkIn(QStringLiteral("BX0001"), QStringLiteral("A1")).ok());
        }
        return count(QStringLiteral("SELECT max(seq) FROM ledger"));
    }
    void expectSameForEverySplit(bool ok) {
        const Outcome one = run(*db, 1);
        EXPECT_EQ(one.ok, ok) << one.reason.toStdString() << " at " << one.bad;
        for (int t : {2, 3, 4, 7}) {
            const Outcome many = run(*db, t);
            EXPECT_EQ(many.ok, one.ok) << t << " threads";
            EXPECT_EQ(many.rows, one.rows) << t << " threads";
            EXPECT_EQ(many.bad, one.bad) << t << " threads";
            EXPECT_EQ(many.reason, one.reason) << t << " threads";
        }
    }
};

TEST_F(LedgerVerify, IntactChainVerifiesTheSameWhateverTheSplit) {
    const qint64 n = makeRows();
    ASSERT_GT(n, 24);
    expectSameForEverySplit(true);
    EXPECT_EQ(run(*db, 3).rows, n);
}

TEST_F(LedgerVerify, ChangedRowsAreNamedTheSameWhateverTheSplit) {
    const qint64 n = makeRows();
    // n/3 + 1 is the first row of the second range with 3 threads: its link into the range is checked too.
    tamper(QStringLiteral("UPDATE ledger SET actor = 'X' WHERE seq = %1;").arg(n / 3 + 1));
    expectSameForEverySplit(false);
    EXPECT_EQ(run(*db, 3).bad, n / 3 + 1);
    EXPECT_EQ(run(*db, 3).reason, QStringLiteral("hash mismatch"));
}

TEST_F(LedgerVerify, ARowDeletedAtARangeEdgeIsTheSameGapWhateverTheSplit) {
    const qint64 n = makeRows();
    tamper(QStringLiteral("DELETE FROM ledger WHERE seq = %1;").arg(n / 2));  // the last row of the first range (2 threads)
    expectSameForEverySplit(false);
    EXPECT_EQ(run(*db, 2).reason, QStringLiteral("gap in sequence"));
    EXPECT_EQ(run(*db, 2).bad, n / 2 + 1);
}
