#include "DbService.h"

#include "db/sync/Connection.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QTimer>

namespace archive::kiosk {

DbService::DbService(QObject* parent) : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("kiosk-db"));
    m_worker = new DbWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DbWorker::reachabilityChanged, this, [this](bool reachable, const QString&) {
        if (m_reachable == reachable) return;
        m_reachable = reachable;
        emit reachableChanged();
    }, Qt::QueuedConnection);
    connect(m_worker, &DbWorker::reopened, this, [this]() {
        m_error = Error{};
        m_ready = true;
        emit readyChanged();
    }, Qt::QueuedConnection);
    m_thread.start();
}

DbService::~DbService() {
    // Close the connection on its own thread, then stop the thread.
    DbWorker* w = m_worker;
    QMetaObject::invokeMethod(w, [w]() {
        w->stopHeartbeat();
        w->db.reset();
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Error DbService::unavailable() {
    return makeError(QStringLiteral("db_unavailable"),
                     QStringLiteral("档案数据库尚未打开，请稍候；如一直如此请联系管理员。"),
                     QStringLiteral("The archive database is not open yet. Wait a moment; if this persists, call the administrator."));
}

Error DbService::unreachable(const QString& detail) { return db::sync::serverUnreachable(detail); }

QObject* DbService::qApp_instance() { return QCoreApplication::instance(); }

void DbService::setPending(int n) {
    if (n == m_pending) return;
    m_pending = n;
    emit pendingChanged();
}

void DbService::open(const QString& location, qint64 clockOffsetMs) {
    m_location = location;
    // Posted before any run(): the worker handles its queue in order, so later work sees the open db.
    QPointer<DbService> self(this);
    DbWorker* w = m_worker;
    QMetaObject::invokeMethod(w, [w, self, location, clockOffsetMs]() {
        auto r = db::Database::open(location);
        Error err;
        if (r) {
            w->db = std::move(r.value());
            w->db->setClockOffsetMs(clockOffsetMs);
        } else {
            err = r.error();
        }
        // A server may go away later (or be away now): watch it and reconnect by itself.
        if (location.startsWith(QLatin1String("postgres"))) {
            if (!r && db::sync::isServerUnreachable(err)) emit w->reachabilityChanged(false, err.detail);
            if (r || db::sync::isServerUnreachable(err)) w->startHeartbeat(location, clockOffsetMs);
        }
        QMetaObject::invokeMethod(qApp_instance(), [self, err]() {
            if (!self) return;
            self->m_error = err;
            self->m_ready = err.code.isEmpty();
            emit self->readyChanged();
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void DbWorker::startHeartbeat(const QString& location, qint64 clockOffsetMs) {
    m_location = location;
    m_clockOffsetMs = clockOffsetMs;
    if (!db) lost = true;
    if (m_timer) return;
    m_timer = new QTimer(this);  // lives on the worker thread: pings never touch the GUI thread
    m_timer->setInterval(500);  // + the reply watchdog (0.7 s + 0.5 s probe): a silent path shows within 2 s
    connect(m_timer, &QTimer::timeout, this, &DbWorker::heartbeat);
    m_timer->start();
}

void DbWorker::setLost(bool isLost, const QString& detail) {
    if (lost == isLost) return;
    lost = isLost;
    emit reachabilityChanged(!isLost, detail);
}

bool DbWorker::checkLost() {
    if (!db || db->dialect() != db::Dialect::PostgreSQL) return false;
    if (db::sync::ping(*db)) return false;
    setLost(true, QStringLiteral("ping failed: ") + db->sql().lastError().text());
    return true;
}

void DbWorker::stopHeartbeat() {
    delete m_timer;
    m_timer = nullptr;
}

void DbWorker::heartbeat() {
    if (db && !lost) {
        checkLost();
        return;
    }
    // Gone (or never opened): a new connection. Database::open waits at most its connect timeout (2 s),
    // on this thread only; queued work meanwhile is answered "server unreachable" right after.
    auto r = db::Database::open(m_location);
    if (!r) return;
    const bool first = !db;
    db.reset();
    db = std::move(r.value());
    db->setClockOffsetMs(m_clockOffsetMs);
    setLost(false, {});
    if (first) emit reopened();
}

}  // namespace archive::kiosk
