#pragma once
// Every scan lands here: the code is classified (devices/scanner Identifier: box / shelf / card / item, with its
// check character; codes in an archive's older formats are resolved against the books) and handed to the flow
// that fits who is logged in and what the screen is waiting for. Unknown or misread codes get a clear answer.

#include "devices/scanner/Identifier.h"
#include "devices/scanner/Scan.h"

#include <QObject>
#include <functional>

namespace archive::kiosk {

class DbService;
class FeedbackController;
class SessionController;
class BoxController;

class ScanController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString lastCode READ lastCode NOTIFY scanned)
    Q_PROPERTY(QString lastKind READ lastKind NOTIFY scanned)
    Q_PROPERTY(int scanCount READ scanCount NOTIFY scanned)
public:
    ScanController(DbService* db, SessionController* session, FeedbackController* feedback, BoxController* box,
                   QObject* parent = nullptr);

    void setPatterns(const scanner::IdentifierPatterns& p) { m_patterns = p; }
    QString lastCode() const { return m_lastCode; }
    QString lastKind() const { return m_lastKind; }
    int scanCount() const { return m_count; }

    // A further consumer of box/shelf scans (sweep, pick list, transfer) may claim scans while its screen is shown.
    using Handler = std::function<bool(scanner::IdKind kind, const QString& code)>;  // true = handled
    void setOverride(Handler h) { m_override = std::move(h); }

public slots:
    void onScan(const archive::scanner::Scan& scan);
    // A code typed on the screen (e.g. a damaged label): same path as a scan.
    void submitText(const QString& text);
    void onRejected(const archive::scanner::ScanRejection& r);

signals:
    void scanned();

private:
    void dispatch(scanner::IdKind kind, const QString& code);
    void resolveAndDispatch(const QString& code);
    bool routeToFlow(scanner::IdKind kind, const QString& code);  // sweep / pick list / transfer

    DbService* m_db;
    SessionController* m_session;
    FeedbackController* m_feedback;
    BoxController* m_box;
    scanner::IdentifierPatterns m_patterns;
    Handler m_override;
    QString m_lastCode, m_lastKind;
    int m_count = 0;
};

}  // namespace archive::kiosk
