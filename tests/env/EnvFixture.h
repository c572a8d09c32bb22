#pragma once
// A fresh archive database in a temporary folder, with three rooms, for the env tests.
#include "db/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

class EnvDbTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        auto r = archive::db::Database::open(dir.filePath(QStringLiteral("archive.db")));
        ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString() << r.error().detail.toStdString();
        db = std::move(r).value();
        exec("INSERT INTO rooms(code, name, climate_profile) VALUES('R1', '一号库房', 'paper')");
        exec("INSERT INTO rooms(code, name, climate_profile) VALUES('R2', '特藏库', 'special')");
        exec("INSERT INTO rooms(code, name, climate_profile) VALUES('R3', '胶片库', 'film')");
    }
    void exec(const char* sql) {
        QSqlQuery q(db->sql());
        ASSERT_TRUE(q.exec(QString::fromUtf8(sql))) << sql;
    }
    qint64 scalar(const QString& sql) {
        QSqlQuery q(db->sql());
        if (!q.exec(sql) || !q.next()) return -1;
        return q.value(0).toLongLong();
    }
    QTemporaryDir dir;
    std::unique_ptr<archive::db::Database> db;
};
