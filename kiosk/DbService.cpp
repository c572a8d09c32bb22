#include "DbService.h"

#include <QCoreApplication>

namespace archive::kiosk {

DbService::DbService(QObject* parent) : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("kiosk-db"));
    m_worker = new DbWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

DbService::~DbService() {
    // Close the connection on its own thread, then stop the thread.
    DbWorker* w = m_worker;
    QMetaObject::invokeMethod(w, [w]() { w->db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Error DbService::unavailable() {
    return makeError(QStringLiteral("db_unavailable"),
                     QStringLiteral("档案数据库尚未打开，请稍候；如一直如此请联系管理员。"),
                     QStringLiteral("The archive database is not open yet. Wait a moment; if this persists, call the administrator."));
}

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
        QMetaObject::invokeMethod(qApp_instance(), [self, err]() {
            if (!self) return;
            self->m_error = err;
            self->m_ready = err.code.isEmpty();
            emit self->readyChanged();
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

}  // namespace archive::kiosk
