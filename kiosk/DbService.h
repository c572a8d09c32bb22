#pragma once
// The kiosk's asynchronous façade over the archive's books. A worker object on its own QThread owns the
// one db::Database of the kiosk and runs every SQL call; callers on the GUI thread post a piece of work
// and receive its Result later through a queued call on their own thread. The GUI thread never waits.
//
// Losing the server (PostgreSQL, issue 8): the worker pings the server every second (a 1 s timer on the
// worker thread; short TCP keepalive/user timeouts on the socket) and also checks the connection after
// any failed piece of work. When the server cannot be reached, `reachable` turns false (the kiosk shows a
// banner), every piece of work is refused at once with "server unreachable — not stored" (nothing is
// confirmed that was not stored), and the worker reconnects by itself; `reachable` turns true again when
// a new connection is open. A SQLite archive is always reachable.

#include "common/Result.h"
#include "db/Database.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>

class QTimer;

namespace archive::kiosk {

class DbWorker : public QObject {
    Q_OBJECT
public:
    std::unique_ptr<db::Database> db;  // touched only on the worker thread
    bool lost = false;                 // server unreachable: work is refused until reconnected

    // After a piece of work failed: is the server gone? (pings it; marks the worker lost.) Worker thread.
    bool checkLost();
    // The worker's 0.5 s heartbeat (PostgreSQL only): ping, or try to reconnect. Worker thread.
    void startHeartbeat(const QString& location, qint64 clockOffsetMs);
    void heartbeat();
    void stopHeartbeat();

signals:
    void reachabilityChanged(bool reachable, const QString& detail);
    void reopened();  // a connection was opened after the first open had failed

private:
    void setLost(bool lost, const QString& detail);
    QString m_location;
    qint64 m_clockOffsetMs = 0;
    QTimer* m_timer = nullptr;
};

class DbService : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(int pending READ pending NOTIFY pendingChanged)
    Q_PROPERTY(QString errorZh READ errorZh NOTIFY readyChanged)
    Q_PROPERTY(QString errorEn READ errorEn NOTIFY readyChanged)
    Q_PROPERTY(bool reachable READ reachable NOTIFY reachableChanged)
public:
    explicit DbService(QObject* parent = nullptr);
    ~DbService() override;

    // Opens (and migrates) the database on the worker thread; emits readyChanged when done.
    void open(const QString& location, qint64 clockOffsetMs = 0);
    QString location() const { return m_location; }

    bool ready() const { return m_ready; }
    int pending() const { return m_pending; }
    QString errorZh() const { return m_error.messageZh; }
    QString errorEn() const { return m_error.messageEn; }
    bool reachable() const { return m_reachable; }

    // Runs work(db) on the db thread; done(result) runs later on ctx's thread (dropped if ctx is gone).
    template <class T>
    void run(QObject* ctx, std::function<Result<T>(db::Database&)> work, std::function<void(Result<T>)> done) {
        QPointer<QObject> guard(ctx);
        QPointer<DbService> self(this);
        setPending(m_pending + 1);
        DbWorker* w = m_worker;
        QMetaObject::invokeMethod(w, [w, guard, self, work = std::move(work), done = std::move(done)]() {
            Result<T> r = w->lost ? Result<T>(unreachable()) : !w->db ? Result<T>(unavailable()) : work(*w->db);
            if (!r && w->db && !w->lost && w->checkLost()) r = unreachable(r.error().detail);
            QMetaObject::invokeMethod(self ? static_cast<QObject*>(self.data()) : qApp_instance(),
                                      [guard, self, done, r = std::move(r)]() {
                                          if (self) self->setPending(self->m_pending - 1);
                                          if (guard) done(r);
                                      }, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
    }

    static Error unavailable();
    static Error unreachable(const QString& detail = {});

signals:
    void readyChanged();
    void pendingChanged();
    void reachableChanged();

private:
    static QObject* qApp_instance();
    void setPending(int n);

    QThread m_thread;
    DbWorker* m_worker = nullptr;
    QString m_location;
    bool m_ready = false;
    bool m_reachable = true;
    Error m_error;
    int m_pending = 0;
};

}  // namespace archive::kiosk
