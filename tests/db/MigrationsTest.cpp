// Migrations are numbered per part (docs/contracts.md: 0001–0009 books, 0010–0019 environment, 0020–0029
// labels, …), so an archive made before a part added a migration has a higher number already applied than the
// new one (0020 applied, 0011 new). Opening such an archive must still apply the new step, once.
#include "TestBackend.h"
#include "db/Database.h"
#include "db/Migrations.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace archive;

namespace {

int count(db::Database& d, const QString& sql) {
    QSqlQuery q(d.sql());
    if (!q.exec(sql) || !q.next()) return -1;
    return q.value(0).toInt();
}

TEST(Migrations, AStepNumberedBelowTheNewestAppliedOneIsStillApplied) {
    QTemporaryDir dir;
    QString error;
    const QString location = testdb::freshLocation(dir, &error);
    ASSERT_FALSE(location.isEmpty()) << error.toStdString();
    {
        // An archive as it was before 0011 (sensor bindings) existed: 0020 applied, 0011 not; one sensor bound.
        auto r = db::Database::open(location);
        ASSERT_TRUE(r.ok()) << r.error().message().toStdString();
        auto& d = *r.value();
        QSqlQuery q(d.sql());
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE sensor_bindings")));
        ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 11")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO rooms(code, name, climate_profile) VALUES('M1', '迁移库房', 'paper')")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO sensors(sensor_key, name, room_id, interval_s, temp_offset, rh_offset, kind)"
                                          " SELECT 'usb:9-9', 'old stick', id, 60, 0, 0, 'usb' FROM rooms WHERE code = 'M1'")))
            << q.lastError().text().toStdString();
        ASSERT_GE(db::Migrations::currentVersion(d), 20);
        auto applied = db::Migrations::isApplied(d, 11);
        ASSERT_TRUE(applied.ok());
        EXPECT_FALSE(applied.value());
    }
    for (int round = 0; round < 2; ++round) {  // the second open finds nothing to do
        auto r = db::Database::open(location);
        ASSERT_TRUE(r.ok()) << r.error().message().toStdString();
        auto& d = *r.value();
        EXPECT_EQ(count(d, QStringLiteral("SELECT count(*) FROM schema_migrations WHERE version = 11")), 1);
        // The step ran: the table is back and the existing binding was carried over from the beginning.
        EXPECT_EQ(count(d, QStringLiteral("SELECT count(*) FROM sensor_bindings b JOIN sensors s ON s.id = b.sensor_id"
                                          " JOIN rooms r ON r.id = b.room_id"
                                          " WHERE s.sensor_key = 'usb:9-9' AND r.code = 'M1' AND b.from_at = 0"
                                          " AND b.to_at IS NULL")),
                  1);
    }
}

}  // namespace
