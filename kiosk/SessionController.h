#pragma once
// Who is using the kiosk: a card scan starts a session (staff and people with a PIN enter it on the PIN pad;
// wrong PINs are counted and lock the card in the books), the sections the person's roles allow, and the idle
// timer: no touch or key for idleTimeoutMs → a countdown of countdownSeconds → logged out.

#include "common/Result.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>

namespace archive::kiosk {

class DbService;
class FeedbackController;

class SessionController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString stage READ stage NOTIFY stageChanged)          // idle | pin | active
    Q_PROPERTY(QVariantMap person READ person NOTIFY personChanged)
    Q_PROPERTY(QString card READ card NOTIFY personChanged)
    Q_PROPERTY(QString name READ name NOTIFY personChanged)
    Q_PROPERTY(QStringList sections READ sections NOTIFY personChanged)
    Q_PROPERTY(QString section READ section WRITE setSection NOTIFY sectionChanged)
    Q_PROPERTY(int sectionIndex READ sectionIndex NOTIFY sectionChanged)
    Q_PROPERTY(int countdown READ countdown NOTIFY countdownChanged)  // seconds left; 0 = not counting
    Q_PROPERTY(QString pinMessageZh READ pinMessageZh NOTIFY pinMessageChanged)
    Q_PROPERTY(QString pinMessageEn READ pinMessageEn NOTIFY pinMessageChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(int idleTimeoutMs READ idleTimeoutMs WRITE setIdleTimeoutMs NOTIFY idleTimeoutChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY personChanged)
public:
    SessionController(DbService* db, FeedbackController* feedback, QObject* parent = nullptr);

    QString stage() const { return m_stage; }
    QVariantMap person() const { return m_person; }
    QString card() const { return m_person.value(QStringLiteral("card")).toString(); }
    QString name() const { return m_person.value(QStringLiteral("name")).toString(); }
    QStringList roles() const { return m_person.value(QStringLiteral("roles")).toStringList(); }
    bool isStaff() const;
    QStringList sections() const { return m_sections; }
    QString section() const { return m_section; }
    int sectionIndex() const { return int(qMax<qsizetype>(0, m_sections.indexOf(m_section))); }
    void setSection(const QString& s);
    int countdown() const { return m_countdown; }
    QString pinMessageZh() const { return m_pinZh; }
    QString pinMessageEn() const { return m_pinEn; }
    bool busy() const { return m_busy; }
    int idleTimeoutMs() const { return m_idle.interval(); }
    void setIdleTimeoutMs(int ms);
    int overdueCount() const { return m_overdue; }
    int countdownSeconds = 10;

    // A person's card was scanned (from ScanController).
    void cardScanned(const QString& card);
    Q_INVOKABLE void submitPin(const QString& pin);
    Q_INVOKABLE void cancelPin();
    Q_INVOKABLE void logout();
    Q_INVOKABLE void touch();  // any user activity: restarts the idle timer, stops a countdown

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void stageChanged();
    void personChanged();
    void sectionChanged();
    void countdownChanged();
    void pinMessageChanged();
    void busyChanged();
    void idleTimeoutChanged();
    void loggedIn();
    void loggedOut();

private:
    struct Login { QVariantMap person; int overdue = 0; bool hasPin = false; bool active = true; qint64 lockedUntil = 0; };
    void setStage(const QString& s);
    void setBusy(bool b);
    void setPinMessage(const QString& zh, const QString& en);
    void activate();
    void tick();

    DbService* m_db;
    FeedbackController* m_feedback;
    QString m_stage = QStringLiteral("idle");
    QVariantMap m_person;
    QStringList m_sections;
    QString m_section;
    QString m_pendingCard;
    QVariantMap m_pendingPerson;
    int m_pendingOverdue = 0;
    int m_overdue = 0;
    int m_countdown = 0;
    bool m_busy = false;
    QString m_pinZh, m_pinEn;
    QTimer m_idle;
    QTimer m_tick;
};

}  // namespace archive::kiosk
