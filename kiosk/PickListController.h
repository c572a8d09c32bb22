#pragma once
// The pick list (调卷单): approved requests not yet issued, in the books' shelf order (room, cabinet, shelf,
// position — Books::pickList). The archivist walks the shelves and scans each box taken: Books::pickBox records the
// pick in the books (ledger "pick" per request, one transaction) and the list is rebuilt from the books, so the
// ticks (who, when) are the same on every kiosk and after a restart. Lending happens at the box card.
// A tick can be undone (unpick: the wrong box was scanned, or the box went back on its shelf): Books::unpickRequest
// appends a ledger "unpick" on the db worker and the list is rebuilt from the books — the line is to be fetched again.

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
    // Undoes the tick of one request. reason: "wrong_box" (the wrong box was scanned) or "put_back" (the box went back
    // on its shelf); the books record it with the "unpick". The feedback band says what happened.
    Q_INVOKABLE void unpick(qint64 requestId, const QString& reason);
    // A ticked line's "Undo tick" button (row of `lines`): the panel's confirmation opens for that line.
    Q_INVOKABLE void askUnpick(int row);

signals:
    void changed();
    void scanDone();  // a scan's answer is shown and the list rebuilt from the books (tests wait for it)
    void unpickAsked(const QVariantMap& line);  // the confirmation opens for this line (fields of `lines`)
    void unpickDone(bool ok);  // an undo's answer is shown and the list rebuilt (the confirmation closes on it)

private:
    void setBusy(bool b);
    void showList(const QList<QVariantMap>& rows);

    DbService* m_db;
    SessionController* m_session;
    FeedbackController* m_feedback;
    RowsModel m_lines;
    bool m_busy = false;
    int m_generation = 0;  // a list that arrives after a newer one was asked for is dropped
};

}  // namespace archive::kiosk
