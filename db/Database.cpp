#include "Database.h"
#include "WalCheckpointer.h"
#include "WriterGate.h"

#include "Migrations.h"
#include "StmtCache.h"
#include "common/DataDir.h"
#include "sync/ReplyWatchdog.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <sqlite3.h>

namespace archive::db {

namespace {
QAtomicInteger<quint64> g_connectionCounter;

bool isPostgresUrl(const QString& loc) {
    return loc.startsWith(QLatin1String("postgresql://")) || loc.startsWith(QLatin1String("postgres://"));
}
}  // namespace

Error sqlError(const QSqlError& e, const QString& what) {
    const QString text = e.text();
    const QString lower = text.toLower();
    // PostgreSQL SQLSTATEs (QPSQL puts them in nativeErrorCode): transient conflicts between kiosks.
    const QString state = e.nativeErrorCode();
    if (state == QLatin1String("40001") || state == QLatin1String("40P01") || state == QLatin1String("55P03") ||
        state == QLatin1String("57014"))
        return makeError(QStringLiteral("busy"),
                         QStringLiteral("其他终端正在写入档案，操作未保存。请稍后重试。"),
                         QStringLiteral("Another kiosk is writing to the archive; nothing was saved. Please try again in a moment."),
                         what + QStringLiteral(": ") + text);
    if (state == QLatin1String("53100"))
        return makeError(QStringLiteral("disk_full"),
                         QStringLiteral("服务器存储空间已满，操作未保存。请联系管理员清理服务器磁盘。"),
                         QStringLiteral("The server's disk is full; nothing was saved. Ask the administrator to free space on the server."),
                         what + QStringLiteral(": ") + text);
    if (lower.contains(QLatin1String("full")))
        return makeError(QStringLiteral("disk_full"),
                         QStringLiteral("存储空间已满，操作未保存。请清理磁盘或联系管理员后重试。"),
                         QStringLiteral("The disk is full; nothing was saved. Free some space or call the administrator, then try again."),
                         what + QStringLiteral(": ") + text);
    if (lower.contains(QLatin1String("readonly")) || lower.contains(QLatin1String("read-only")) ||
        lower.contains(QLatin1String("read only")))
        return makeError(QStringLiteral("read_only"),
                         QStringLiteral("档案数据库为只读，操作未保存。请联系管理员检查数据文件权限。"),
                         QStringLiteral("The archive database is read-only; nothing was saved. Ask the administrator to check the data file's permissions."),
                         what + QStringLiteral(": ") + text);
    if (lower.contains(QLatin1String("locked")) || lower.contains(QLatin1String("busy")))
        return makeError(QStringLiteral("busy"),
                         QStringLiteral("数据库正忙，操作未保存。请稍后重试。"),
                         QStringLiteral("The database is busy; nothing was saved. Please try again in a moment."),
                         what + QStringLiteral(": ") + text);
    if (lower.contains(QLatin1String("malformed")) || lower.contains(QLatin1String("not a database")))
        return makeError(QStringLiteral("corrupt"),
                         QStringLiteral("数据库文件已损坏。请停止使用并联系管理员从备份恢复。"),
                         QStringLiteral("The database file is damaged. Stop and ask the administrator to restore the latest backup."),
                         what + QStringLiteral(": ") + text);
    if (lower.contains(QLatin1String("connect")) || lower.contains(QLatin1String("server")))
        return makeError(QStringLiteral("server_unreachable"),
                         QStringLiteral("无法连接档案服务器，操作未保存。请检查网络后重试。"),
                         QStringLiteral("The archive server is unreachable; nothing was saved. Check the network and try again."),
                         what + QStringLiteral(": ") + text);
    return makeError(QStringLiteral("db_error"),
                     QStringLiteral("数据库出错，操作未保存。请重试；如仍失败请联系管理员。"),
                     QStringLiteral("A database error occurred; nothing was saved. Try again, and call the administrator if it persists."),
                     what + QStringLiteral(": ") + text);
}

bool execStatements(QSqlQuery& q, const QString& sql, int count) {
    if (!q.exec(sql)) return false;
    for (int i = 1; i < count; ++i)
        if (!q.nextResult()) return false;  // that statement failed (or, a bug, there were fewer statements)
    return true;
}

Database::~Database() {
    m_stmts.reset();
    sync::ReplyWatchdog::unwatch(m_watchToken);  // before the socket is closed
    const QString name = m_connectionName;
    if (m_db.isOpen()) m_db.close();
    m_db = QSqlDatabase();
    if (!name.isEmpty()) QSqlDatabase::removeDatabase(name);
}

QString Database::defaultLocation() {
    const QByteArray env = qgetenv("ARCHIVE_DB");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return archive::dataFilePath(QStringLiteral("archive.db"));
}

QString Database::resolveLocation(const QString& cliValue) {
    return cliValue.isEmpty() ? defaultLocation() : cliValue;
}

qint64 Database::nowMs() const { return QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs; }

Result<std::unique_ptr<Database>> Database::open(const QString& location, const OpenOptions& options) {
    if (location.trimmed().isEmpty())
        return makeError(QStringLiteral("bad_input"), QStringLiteral("未指定数据库位置。"),
                         QStringLiteral("No database location was given."));
    std::unique_ptr<Database> d(new Database);
    d->m_location = location;
    d->m_busyTimeoutMs = options.busyTimeoutMs;
    d->m_connectionName = QStringLiteral("archive-%1").arg(++g_connectionCounter);

    if (isPostgresUrl(location)) {
        d->m_dialect = Dialect::PostgreSQL;
        const QUrl url(location);
        d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), d->m_connectionName);
        if (!d->m_db.isValid())
            return makeError(QStringLiteral("driver_missing"),
                             QStringLiteral("缺少 PostgreSQL 驱动（libqt6sql6-psql）。"),
                             QStringLiteral("The PostgreSQL driver (libqt6sql6-psql) is not installed."));
        d->m_db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
        if (url.port() > 0) d->m_db.setPort(url.port());
        d->m_db.setUserName(url.userName());
        d->m_db.setPassword(url.password());
        d->m_db.setDatabaseName(url.path().mid(1));
        // A server that went away must be noticed within about 2 s (issue 8), on every connection and reconnect:
        // libpq applies these to its socket itself. connect_timeout bounds opening; keepalive probes after 1 s idle,
        // every 1 s, 2 lost → dead; tcp_user_timeout ends a connection whose sent data stays unacknowledged for
        // 1.5 s (a pulled cable during a query). A path that acknowledges but never answers: sync::ReplyWatchdog.
        d->m_db.setConnectOptions(QStringLiteral("connect_timeout=2;keepalives=1;keepalives_idle=1;keepalives_interval=1;"
                                                 "keepalives_count=2;tcp_user_timeout=1500"));
    } else {
        d->m_dialect = Dialect::SQLite;
        QFileInfo fi(location);
        if (!fi.exists()) {
            if (!options.create || options.readOnly)
                return makeError(QStringLiteral("not_found"),
                                 QStringLiteral("找不到档案数据库：%1。请先运行 archivectl init 或检查路径。").arg(location),
                                 QStringLiteral("No archive database at %1. Run `archivectl init` first or check the path.").arg(location));
            QDir().mkpath(fi.absolutePath());
        }
        d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_connectionName);
        d->m_db.setDatabaseName(location);
        QString opts = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
        if (options.readOnly) opts += QStringLiteral(";QSQLITE_OPEN_READONLY");
        d->m_db.setConnectOptions(opts);
    }
    if (!d->m_db.open()) return sqlError(d->m_db.lastError(), QStringLiteral("open ") + location);
    if (d->m_dialect == Dialect::PostgreSQL)
        d->m_watchToken = sync::ReplyWatchdog::watch(*d);
    if (auto st = d->configure(options); !st) return st.error();
    if (d->m_dialect == Dialect::SQLite && !options.readOnly) {
        if (auto* h = static_cast<sqlite3*>(d->sqliteHandle())) {
            d->m_checkpointer = WalCheckpointer::forFile(location);
            if (d->m_checkpointer) d->m_checkpointer->attach(h);
        }
        d->m_writerGate = writerGateFor(location);
    }
    if (options.migrate && !options.readOnly) {
        if (auto st = d->migrate(); !st) return st.error();
    }
    return d;
}

Status Database::configure(const OpenOptions& options) {
    QSqlQuery q(m_db);
    if (m_dialect == Dialect::PostgreSQL) {
        // Wait for another kiosk's write as long as SQLite's busy timeout would; then "busy" (Transaction retries).
        const QStringList settings = {
            QStringLiteral("SET lock_timeout = %1").arg(options.busyTimeoutMs),
            QStringLiteral("SET synchronous_commit = on"),  // durable: COMMIT returns after the WAL flush
            QStringLiteral("SET client_min_messages = warning"),  // no NOTICEs ("… already exists, skipping") on stderr
            // A kiosk that vanishes in the middle of a transaction (cable pulled, path gone silent) must not keep its
            // locks — the archive's write lock or a box's — until the server's default TCP timeouts (hours): the
            // server ends such a session after 10 s without a statement inside a transaction, and its keepalives
            // find a vanished kiosk within about 10 s too. Our transactions never pause that long between statements.
            QStringLiteral("SET idle_in_transaction_session_timeout = 10000"),
            QStringLiteral("SET tcp_keepalives_idle = 4"),
            QStringLiteral("SET tcp_keepalives_interval = 2"),
            QStringLiteral("SET tcp_keepalives_count = 3"),
        };
        for (const QString& s : settings)
            if (!q.exec(s)) return sqlError(q.lastError(), s);
        if (options.readOnly && !q.exec(QStringLiteral("SET default_transaction_read_only = on")))
            return sqlError(q.lastError(), QStringLiteral("read only"));
        return okStatus();
    }
    const QStringList pragmas = {
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA busy_timeout=%1").arg(options.busyTimeoutMs),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
        QStringLiteral("PRAGMA cache_size=-16000"),
    };
    if (!options.readOnly) {
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return sqlError(q.lastError(), QStringLiteral("journal_mode=WAL"));
    }
    for (const QString& p : pragmas)
        if (!q.exec(p)) return sqlError(q.lastError(), p);
    // Quick check that this is an SQLite database at all (a text file would fail here).
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
        return sqlError(q.lastError(), QStringLiteral("read schema"));
    return okStatus();
}

StmtCache& Database::statementCache() {
    if (!m_stmts) m_stmts = std::make_unique<StmtCache>(*this);
    return *m_stmts;
}

void* Database::sqliteHandle() {
    if (m_dialect != Dialect::SQLite) return nullptr;
    const QVariant h = m_db.driver()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0) return nullptr;
    return *static_cast<void* const*>(h.data());
}

bool Database::commitBarrierReady() {
    if (m_commitBarrier || m_dialect != Dialect::PostgreSQL) return m_commitBarrier;
    QSqlQuery q(m_db);
    m_commitBarrier = q.exec(QStringLiteral("SELECT to_regclass('commit_barrier') IS NOT NULL")) && q.next() && q.value(0).toBool();
    return m_commitBarrier;
}

int Database::schemaVersion() { return Migrations::currentVersion(*this); }

Status Database::migrate() { return Migrations::apply(*this); }

}  // namespace archive::db
