#pragma once
// The pick list (调卷单): approved requests not yet issued, in the books' shelf order (room, cabinet, shelf,
// position — Books::pickList). The archivist walks the shelves and scans each box taken; its lines are ticked.
// Ticks belong to this walk (they are not written to the books); lending happens at the box card.

#include "RowsModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace archive::kiosk {

class DbService;
class FeedbackController;
class SessionController;

class PickListController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(archive::kiosk::RowsModel* lines READ lines CONSTANT)
    Q_PROPERTY(int picked READ picked NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
public:
    PickListController(DbService* db, SessionController* session, FeedbackController* feedback, QObject* parent = nullptr);

    RowsModel* lines() { return &m_lines; }
    int picked() const;
    bool busy() const { return m_busy; }

    Q_INVOKABLE void load();
    void scanBox(const QString& barcode);  // from ScanController while the pick list is shown

signals:
    void changed();

private:
    DbService* m_db;
    FeedbackController* m_feedback;
    RowsModel m_lines;
    bool m_busy = false;
};

}  // namespace archive::kiosk
