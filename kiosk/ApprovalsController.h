#pragma once
// The approver's queue: requests waiting for this head / leader / reviewer, approve or reject with a note.

#include "RowsModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace archive::kiosk {

class DbService;
class FeedbackController;
class SessionController;

class ApprovalsModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit ApprovalsModel(QObject* parent = nullptr);
};

class ApprovalsController : public QObject {
    Q_OBJECT
    Q_PROPERTY(archive::kiosk::ApprovalsModel* pending READ pending CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
public:
    ApprovalsController(DbService* db, SessionController* session, FeedbackController* feedback, QObject* parent = nullptr);
    ApprovalsModel* pending() { return &m_pending; }
    bool busy() const { return m_busy; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void approve(qint64 requestId, const QString& note);
    Q_INVOKABLE void reject(qint64 requestId, const QString& note);

signals:
    void busyChanged();

private:
    void decide(qint64 requestId, const QString& note, bool approve);
    void setBusy(bool b);

    DbService* m_db;
    SessionController* m_session;
    FeedbackController* m_feedback;
    ApprovalsModel m_pending;
    bool m_busy = false;
    int m_generation = 0;
};

}  // namespace archive::kiosk
