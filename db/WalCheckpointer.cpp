#include "WalCheckpointer.h"

#include <QFileInfo>
#include <QHash>

#include <sqlite3.h>

namespace archive::db {

namespace {
std::mutex g_registryMutex;
QHash<QString, std::weak_ptr<WalCheckpointer>>& registry() {
    static QHash<QString, std::weak_ptr<WalCheckpointer>> r;
    return r;
}
}  // namespace

std::shared_ptr<WalCheckpointer> WalCheckpointer::forFile(const QString& path) {
    const QString key = QFileInfo(path).canonicalFilePath();
    if (key.isEmpty()) return nullptr;  // not a file (":memory:") or gone
    std::lock_guard lock(g_registryMutex);
    if (auto existing = registry().value(key).lock()) return existing;
    auto made = std::make_shared<WalCheckpointer>(key);
    registry().insert(key, made);
    return made;
}

WalCheckpointer::WalCheckpointer(QString path) : m_path(std::move(path)) {
    m_thread = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
    std::lock_guard lock(g_registryMutex);
    auto it = registry().find(m_path);
    if (it != registry().end() && it->expired()) registry().erase(it);
}

void WalCheckpointer::attach(sqlite3* connection) {
    sqlite3_wal_hook(connection, &WalCheckpointer::onCommit, this);  // also ends the connection's autocheckpoint
}

quint64 WalCheckpointer::completed() const {
    std::lock_guard lock(m_mutex);
    return m_completed;
}

int WalCheckpointer::onCommit(void* self, sqlite3*, const char*, int walPages) {
    auto* me = static_cast<WalCheckpointer*>(self);
    if (walPages < kPagesBeforeCheckpoint) return SQLITE_OK;
    {
        std::lock_guard lock(me->m_mutex);
        if (me->m_wanted) return SQLITE_OK;
        me->m_wanted = true;
    }
    me->m_wake.notify_one();
    return SQLITE_OK;
}

void WalCheckpointer::run() {
    sqlite3* own = nullptr;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_wanted || m_stop; });
            if (!m_wanted) break;  // stopping with nothing asked for
            m_wanted = false;
        }
        if (!own) {
            const QByteArray file = m_path.toUtf8();
            if (sqlite3_open_v2(file.constData(), &own, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
                sqlite3_close(own);  // the archive is unreachable for now; the next commit asks again
                own = nullptr;
                continue;
            }
            sqlite3_exec(own, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
            sqlite3_wal_autocheckpoint(own, 0);  // this connection never writes; no hook of its own
        }
        int logFrames = 0, copied = 0;
        // PASSIVE: copies what it can without waiting for readers or writers; a reader on an old snapshot just
        // leaves the rest for the next request. Errors (busy, I/O) are retried by the next commit's request.
        if (sqlite3_wal_checkpoint_v2(own, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied) == SQLITE_OK) {
            std::lock_guard lock(m_mutex);
            ++m_completed;
        }
        std::lock_guard lock(m_mutex);
        if (m_stop && !m_wanted) break;
    }
    sqlite3_close(own);
}

}  // namespace archive::db
