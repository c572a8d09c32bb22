#pragma once
// A temporary archive with one fonds, category, room, two shelves and a few boxes, for the label tests.
#include "db/Database.h"
#include "db/labels/LabelRepository.h"
#include "labels/LabelData.h"
#include "wiring/LabelWiring.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

namespace labels_test {

inline bool exec(archive::db::Database& db, const QString& sql) {
    QSqlQuery q(db.sql());
    return q.exec(sql);
}

// The first column of the first row, as text ("" when there is none).
inline QString scalar(archive::db::Database& db, const QString& sql, const QVariant& bind = {}) {
    QSqlQuery q(db.sql());
    q.prepare(sql);
    if (bind.isValid()) q.addBindValue(bind);
    if (!q.exec() || !q.next()) return {};
    return q.value(0).toString();
}

struct TempBooks {
    QTemporaryDir dir;
    std::unique_ptr<archive::db::Database> db;
    bool open() {
        auto r = archive::db::Database::open(dir.filePath(QStringLiteral("archive.db")));
        if (!r) { ADD_FAILURE() << r.errorMessage().toStdString(); return false; }
        db = std::move(r.value());
        const char* stmts[] = {
            "INSERT INTO fonds(code, name) VALUES ('J012', '某市林业局')",
            "INSERT INTO categories(code, name) VALUES ('WS', '文书')",
            "INSERT INTO rooms(code, name) VALUES ('R1', '一号库房')",
            "INSERT INTO locations(barcode, room_id, cabinet, shelf, position, capacity) VALUES ('L0101030', 1, 'A03', '2', '1', 40)",
            "INSERT INTO locations(barcode, room_id, cabinet, shelf, position, capacity) VALUES ('L0101041', 1, 'A04', '1', '1', 40)",
            "INSERT INTO boxes(barcode, fonds_id, year, retention, box_no, first_item_no, last_item_no, org_unit, title, category_id, location_id) "
            "VALUES ('B20240001238', 1, 2023, '30y', '12', 1, 25, '办公室', '关于2023年度森林防火工作的通知、请示与批复', 1, 1)",
            "INSERT INTO boxes(barcode, fonds_id, year, retention, box_no, first_item_no, last_item_no, org_unit, title, category_id, location_id) "
            "VALUES ('B20240001246', 1, 2023, 'permanent', '13', 26, 40, '营林科', '造林规划', 1, 1)",
            "INSERT INTO boxes(barcode, fonds_id, year, retention, box_no, first_item_no, last_item_no, org_unit, title, category_id, location_id) "
            "VALUES ('B20240001254', 1, 2022, '10y', '2', 1, 9, '财务科', '会计凭证', 1, 2)",
        };
        for (const char* s : stmts)
            if (!exec(*db, QString::fromUtf8(s))) { ADD_FAILURE() << s; return false; }
        return true;
    }
};

// The mapping kiosk/ and cli/ use: the one in wiring/ (field names match).
inline archive::labels::LabelData toLabelData(const archive::db::BoxLabelRow& r) { return archive::wiring::labelDataOf(r); }

}  // namespace labels_test
