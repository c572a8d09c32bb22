#pragma once
// Climate tiles of the home screen: one row per room with its latest temperature / humidity, a level
// (ok / warn / error / none) and the open alert count; reloaded every minute on the db thread.

#include "RowsModel.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace archive::kiosk {

class DbService;

class ClimateRoomsModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit ClimateRoomsModel(QObject* parent = nullptr);
};

class ClimateController : public QObject {
    Q_OBJECT
    Q_PROPERTY(archive::kiosk::ClimateRoomsModel* rooms READ rooms CONSTANT)
public:
    explicit ClimateController(DbService* db, QObject* parent = nullptr);
    ClimateRoomsModel* rooms() { return &m_rooms; }
    Q_INVOKABLE void refresh();
    void start(int intervalMs = 60000);

private:
    DbService* m_db;
    ClimateRoomsModel m_rooms;
    QTimer m_timer;
};

}  // namespace archive::kiosk
