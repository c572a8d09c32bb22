#include "LoggerLock.h"

#include "common/DataDir.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace archive::sensor {

LoggerLock::LoggerLock(QString path) : m_path(std::move(path)) {}

LoggerLock::~LoggerLock() { release(); }

bool LoggerLock::tryAcquire() {
    if (m_fd >= 0) return true;
    const QByteArray p = QFile::encodeName(m_path);
    const int fd = ::open(p.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0664);
    if (fd < 0) return false;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return false;
    }
    m_fd = fd;
    const QByteArray who = QByteArray::number(qint64(::getpid())) + ' ' +
                           (QCoreApplication::instance() ? QCoreApplication::applicationName().toUtf8() : QByteArray("?")) + '\n';
    if (::ftruncate(fd, 0) == 0) {
        const ssize_t n = ::pwrite(fd, who.constData(), size_t(who.size()), 0);
        (void)n;
    }
    return true;
}

void LoggerLock::release() {
    if (m_fd < 0) return;
    (void)::ftruncate(m_fd, 0);
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
}

QString LoggerLock::holder() const {
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

QString LoggerLock::pathFor(const QString& dbLocation) {
    const bool url = dbLocation.startsWith(QLatin1String("postgres://")) || dbLocation.startsWith(QLatin1String("postgresql://"));
    if (!url) return dbLocation + QStringLiteral(".sensors.lock");
    // Beside the default archive and the reading spool (~/.local/share/archive-kiosk): the same place for the
    // kiosk (a desktop session) and for the archive-sensors service (no XDG_RUNTIME_DIR, a private /tmp).
    const QString dir = archive::dataDir();
    QDir().mkpath(dir);
    const QByteArray h = QCryptographicHash::hash(dbLocation.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return dir + QStringLiteral("/archive-sensors-") + QString::fromLatin1(h) + QStringLiteral(".lock");
}

}  // namespace archive::sensor
