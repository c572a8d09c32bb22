#pragma once
// One climate logger per archive. Whoever holds this lock (the kiosk's poller or `archivectl sensors log`,
// the archive-sensors service) polls the sensors and stores readings; the other one leaves the sensors
// alone and tries again later, so readings are never logged twice and a stick is never claimed twice.
// An advisory flock(2) on a small file next to the archive: the kernel drops it when the holder exits,
// even after a crash, so a stale lock never blocks the next logger.

#include <QString>

namespace archive::sensor {

class LoggerLock {
public:
    explicit LoggerLock(QString path);
    ~LoggerLock();  // release()
    LoggerLock(const LoggerLock&) = delete;
    LoggerLock& operator=(const LoggerLock&) = delete;

    // Takes the lock if nobody holds it (never waits). True when this object holds it afterwards.
    bool tryAcquire();
    void release();
    bool held() const { return m_fd >= 0; }
    QString path() const { return m_path; }
    // What the current holder wrote into the file ("<pid> <program>"), for status lines; empty if unknown.
    QString holder() const;

    // The lock file of an archive: "<file>.sensors.lock" beside a SQLite file; for a PostgreSQL URL a file
    // in ~/.local/share/archive-kiosk named after the URL (one logger per archive on this machine).
    static QString pathFor(const QString& dbLocation);

private:
    QString m_path;
    int m_fd = -1;
};

}  // namespace archive::sensor
