// The demo archive's boxes have histories over the 90 days of demo climate readings: round trips to another
// room and loans out and back, made through db/Books in time order (so the ledger verifies and each box's
// timeline is consistent), and the catalogue predates them (no "unknown" time in a box's history).
#include "EnvFixture.h"
#include "db/Ledger.h"
#include "db/demo/DemoArchive.h"
#include "db/env/EnvQueries.h"

#include <QSet>

using namespace archive::db;
using namespace archive::db::env;

namespace {
constexpr qint64 kDay = 24 * 3600 * 1000LL;
}

class DemoHistoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        auto r = Database::open(dir.filePath(QStringLiteral("demo.db")));
        ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
        db = std::move(r).value();
        auto s = DemoArchive::generate(*db);
        ASSERT_TRUE(s.ok()) << s.errorMessage().toStdString() << " / " << s.error().detail.toStdString();
        sum = *s;
    }
    qint64 scalar(const QString& sql) {
        QSqlQuery q(db->sql());
        if (!q.exec(sql) || !q.next()) return -1;
        return q.value(0).toLongLong();
    }
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    DemoSummary sum;
};

TEST_F(DemoHistoryTest, ManyBoxesMovedAndLentOverTheLast90DaysAndEveryHistoryIsConsistent) {
    const qint64 since = db->nowMs() - 90 * kDay;
    // Moves between rooms (not the catalogue's first placement) in the last 90 days, and loans out and back.
    const qint64 moved = scalar(QStringLiteral(
        "SELECT count(DISTINCT m.box_id) FROM box_moves m JOIN locations a ON a.id = m.from_location_id "
        "JOIN locations b ON b.id = m.to_location_id WHERE a.room_id <> b.room_id AND m.at >= %1").arg(since));
    const qint64 lent = scalar(QStringLiteral(
        "SELECT count(DISTINCT box_id) FROM loans WHERE out_at >= %1 AND returned_at IS NOT NULL").arg(since));
    EXPECT_GE(moved, 200) << "boxes moved to another room and back";
    EXPECT_GE(lent, 100) << "boxes lent and returned";
    // Every move is a leg of a round trip between two rooms (through Books::moveBox, reason 'move').
    EXPECT_EQ(sum.roomMoves, scalar(QStringLiteral("SELECT count(*) FROM box_moves WHERE reason = 'move'")));
    EXPECT_EQ(sum.roomMoves % 2, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM box_moves m JOIN locations a ON a.id = m.from_location_id "
                                    "JOIN locations b ON b.id = m.to_location_id WHERE m.reason = 'move' AND a.room_id = b.room_id")), 0);
    EXPECT_GE(sum.returnedLoans, 250);
    EXPECT_EQ(sum.openLoans, 40);
    EXPECT_EQ(sum.overdueLoans, 15);
    // Every box moved away is back on its own shelf now; nothing is over a shelf's capacity.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM locations l WHERE l.capacity > 0 AND "
                                    "(SELECT count(*) FROM boxes b WHERE b.location_id = l.id) > l.capacity")), 0);
    // A box's loans never overlap, and no move happened while it was out.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM loans a JOIN loans b ON a.box_id = b.box_id AND a.id < b.id "
                                    "AND a.item_id IS NULL AND b.item_id IS NULL AND b.out_at < COALESCE(a.returned_at, 9e18) "
                                    "AND a.out_at < COALESCE(b.returned_at, 9e18)")), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM box_moves m JOIN loans l ON l.box_id = m.box_id AND l.item_id IS NULL "
                                    "WHERE m.at > l.out_at AND m.at < COALESCE(l.returned_at, 9e18)")), 0);
    auto v = Ledger::verify(*db);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok) << v->reason.toStdString() << " at " << v->firstBadSeq;

    // The per-box environment history of a moved and lent box: stays in two rooms, time on loan, nothing unknown.
    QSqlQuery q(db->sql());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "SELECT b.barcode FROM boxes b WHERE EXISTS (SELECT 1 FROM box_moves m JOIN locations x ON x.id = m.from_location_id "
        "JOIN locations y ON y.id = m.to_location_id WHERE m.box_id = b.id AND x.room_id <> y.room_id AND m.at >= %1) "
        "ORDER BY b.id LIMIT 1").arg(since)));
    ASSERT_TRUE(q.next());
    const QString barcode = q.value(0).toString();
    q.finish();
    EnvQueries eq(*db);
    auto h = eq.boxHistory(barcode, since, db->nowMs());
    ASSERT_TRUE(h.ok()) << h.errorMessage().toStdString();
    QSet<QString> rooms;
    for (const BoxStay& s : h->stays) rooms.insert(s.roomCode);
    EXPECT_GE(rooms.size(), 2) << barcode.toStdString();
    EXPECT_NEAR(h->hoursUnknown, 0.0, 1e-6);
    EXPECT_NEAR(h->hoursInRooms + h->hoursOnLoan, (h->to - h->from) / 3600000.0, 1e-6);
    EXPECT_NEAR(h->to - h->from, 90 * kDay, 60000);
}
