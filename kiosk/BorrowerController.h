#pragma once
// Borrower self-service: catalogue search, request (purpose, on-site or take-out), my loans with renew, my
// requests. Only the logged-in person's own loans and requests are ever loaded; all of it is cleared at logout.

#include "RowsModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace archive::kiosk {

class DbService;
class FeedbackController;
class SessionController;

class SearchResultsModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit SearchResultsModel(QObject* parent = nullptr);
};
class LoansModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit LoansModel(QObject* parent = nullptr);
};
class RequestsModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit RequestsModel(QObject* parent = nullptr);
};

class BorrowerController : public QObject {
    Q_OBJECT
    Q_PROPERTY(archive::kiosk::SearchResultsModel* results READ results CONSTANT)
    Q_PROPERTY(archive::kiosk::LoansModel* loans READ loans CONSTANT)
    Q_PROPERTY(archive::kiosk::RequestsModel* requests READ requests CONSTANT)
    Q_PROPERTY(QString query READ query NOTIFY searched)
    Q_PROPERTY(bool more READ more NOTIFY searched)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // A person's keyboard is attached (DeviceManager::keyboardChanged; scanners do not count): touching the search
    // field then does not open the on-screen keyboard (the 键盘 button still does).
    Q_PROPERTY(bool physicalKeyboard READ physicalKeyboard NOTIFY physicalKeyboardChanged)
public:
    BorrowerController(DbService* db, SessionController* session, FeedbackController* feedback, QObject* parent = nullptr);

    SearchResultsModel* results() { return &m_results; }
    LoansModel* loans() { return &m_loans; }
    RequestsModel* requests() { return &m_requests; }
    QString query() const { return m_query; }
    bool more() const { return m_more; }
    bool busy() const { return m_busy; }
    bool physicalKeyboard() const { return m_physicalKeyboard; }
    void setPhysicalKeyboard(bool present) {
        if (present == m_physicalKeyboard) return;
        m_physicalKeyboard = present;
        emit physicalKeyboardChanged();
    }

    Q_INVOKABLE void search(const QString& text);
    // code: an item's archival code (or a box barcode); mode: take_out / on_site.
    Q_INVOKABLE void request(const QString& code, const QString& purpose, const QString& mode);
    Q_INVOKABLE void renew(const QString& code);
    Q_INVOKABLE void cancelRequest(qint64 requestId);
    Q_INVOKABLE void refresh();  // my loans and my requests
    Q_INVOKABLE void clear();

signals:
    void searched();
    void busyChanged();
    void requestDone(bool ok);
    void physicalKeyboardChanged();

private:
    void setBusy(bool b);

    DbService* m_db;
    SessionController* m_session;
    FeedbackController* m_feedback;
    SearchResultsModel m_results;
    LoansModel m_loans;
    RequestsModel m_requests;
    QString m_query;
    bool m_more = false;
    bool m_busy = false;
    bool m_physicalKeyboard = false;
    int m_generation = 0;
};

}  // namespace archive::kiosk
