#include "PgServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <QUrl>
#include <unistd.h>

namespace {
std::unique_ptr<PgServer> g_server;
bool g_tried = false;

QString run(const QString& program, const QStringList& args, int* exitCode) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
        *exitCode = -1;
        return QString::fromUtf8(p.readAll());
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}
}  // namespace

QString PgServer::sourceDir() { return QStringLiteral(ARCHIVE_SOURCE_DIR); }

PgServer* PgServer::shared() {
    if (!g_tried) {
        g_tried = true;
        std::unique_ptr<PgServer> s(new PgServer);
        if (s->start()) g_server = std::move(s);
        std::atexit([] { g_server.reset(); });
    }
    return g_server.get();
}

PgServer::~PgServer() {
    if (m_url.isEmpty()) return;
    int rc = 0;
    run(sourceDir() + QStringLiteral("/scripts/pg-server.sh"), {QStringLiteral("stop"), m_dir.path()}, &rc);
}

QString PgServer::dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

bool PgServer::start() {
    if (!m_dir.isValid()) return false;
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                            QFileDevice::ReadOther | QFileDevice::ExeOther);
    const QStringList bins = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (bins.isEmpty()) return false;
    m_bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(bins.last());
    int rc = 0;
    const QString out = run(sourceDir() + QStringLiteral("/scripts/pg-server.sh"), {QStringLiteral("start"), m_dir.path()}, &rc);
    if (rc != 0) {
        qWarning("pg-server.sh start failed: %s", qPrintable(out));
        return false;
    }
    m_url = out.trimmed().split(QLatin1Char('\n')).last().trimmed();
    m_port = QUrl(m_url).port();
    return m_port > 0;
}

bool PgServer::pgCtl(const QStringList& args, QString* output) {
    QStringList full;
    QString program = m_bin + QStringLiteral("/pg_ctl");
    if (getuid() == 0) {  // PostgreSQL refuses to run as root: as the postgres user, like scripts/pg-server.sh
        full << QStringLiteral("-u") << QStringLiteral("postgres") << QStringLiteral("--") << program;
        program = QStringLiteral("runuser");
    }
    full += args;
    int rc = 0;
    const QString out = run(program, full, &rc);
    if (output) *output = out;
    return rc == 0;
}

bool PgServer::killImmediate() {
    return pgCtl({QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                  QStringLiteral("stop")});
}

bool PgServer::restart() {
    QString out;
    const bool ok = pgCtl({QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                           QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"),
                           QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=50")
                               .arg(m_port).arg(m_dir.path()),
                           QStringLiteral("start")},
                          &out);
    if (!ok) qWarning("pg_ctl start failed: %s", qPrintable(out));
    return ok;
}

bool PgServer::isRunning() {
    return pgCtl({QStringLiteral("-D"), dataDir(), QStringLiteral("status")});
}

QString PgServer::createDatabase(const QString& prefix) {
    const QString name = QStringLiteral("%1_%2_%3").arg(prefix).arg(getpid()).arg(++m_dbCounter);
    int rc = 0;
    const QString out = run(m_bin + QStringLiteral("/createdb"),
                            {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                             QStringLiteral("-U"), QStringLiteral("archive"), name},
                            &rc);
    if (rc != 0) {
        qWarning("createdb failed: %s", qPrintable(out));
        return {};
    }
    return QStringLiteral("postgresql://archive@127.0.0.1:%1/%2").arg(m_port).arg(name);
}
