#include "KioskRun.h"

#include <QDir>
#include <QFile>

#ifndef KIOSK_BIN
#error "KioskRun needs KIOSK_BIN (the archive-kiosk binary) defined for the test target"
#endif

namespace kiosktest {

namespace {
constexpr qsizetype kReportTail = 6000;  // characters of the log's end in report()
}

QString pinClicks(const QString& pin) {
    QString s;
    for (QChar c : pin) s += QStringLiteral("click pinKey%1\n").arg(c);
    return s + QStringLiteral("click pinKeyOK\n");
}

KioskRun::KioskRun(const QString& dir, const QString& dbPath) : db(dbPath), m_dir(dir), m_env(QProcessEnvironment::systemEnvironment()) {
    m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Qt wants a runtime folder of the user's own, mode 0700; the test's keeps the machine's out of it.
    const QString xdg = QDir(dir).filePath(QStringLiteral("xdg"));
    QDir().mkpath(xdg);
    QFile::setPermissions(xdg, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), xdg);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

KioskRun::~KioskRun() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

void KioskRun::setEnv(const QString& name, const QString& value) { m_env.insert(name, value); }

void KioskRun::unsetEnv(const QStringList& names) {
    for (const QString& n : names) m_env.remove(n);
}

bool KioskRun::start(const QString& name, const QString& script) {
    m_log.clear();
    m_failure.clear();
    m_rc = -1;
    const QString file = QDir(m_dir).filePath(name + QStringLiteral(".script"));
    QFile f(file);
    const QByteArray text = script.toUtf8();
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size()) {
        m_failure = QStringLiteral("could not write the script %1: %2").arg(file, f.errorString());
        return false;
    }
    f.close();
    QStringList a;
    if (!db.isEmpty()) a << QStringLiteral("--db") << db;
    a << QStringLiteral("--script") << file;
    if (!shots.isEmpty()) a << QStringLiteral("--shots") << shots;
    if (!lang.isEmpty()) a << QStringLiteral("--lang") << lang;
    if (mute) a << QStringLiteral("--mute");
    if (simulate) a << QStringLiteral("--simulate");
    if (noSensorPoller) a << QStringLiteral("--no-sensor-poller");
    m_process.setProcessEnvironment(m_env);
    m_process.start(QStringLiteral(KIOSK_BIN), a + args);
    if (!m_process.waitForStarted()) {
        m_failure = QStringLiteral("%1 did not start: %2").arg(QStringLiteral(KIOSK_BIN), m_process.errorString());
        return false;
    }
    return true;
}

int KioskRun::finish() {
    if (m_process.state() == QProcess::NotRunning && !m_failure.isEmpty()) return m_rc = -1;
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished();
        m_log = QString::fromUtf8(m_process.readAll());
        m_failure = QStringLiteral("timed out: still running after %1 s, killed").arg(timeoutMs / 1000);
        return m_rc = -1;
    }
    m_log = QString::fromUtf8(m_process.readAll());
    if (m_process.exitStatus() != QProcess::NormalExit) {
        m_failure = QStringLiteral("crashed");
        return m_rc = -2;
    }
    return m_rc = m_process.exitCode();
}

int KioskRun::run(const QString& name, const QString& script) {
    if (!start(name, script)) return m_rc = -1;
    return finish();
}

QString KioskRun::report() const {
    QString out = QStringLiteral("archive-kiosk exit %1").arg(m_rc);
    if (!m_failure.isEmpty()) out += QStringLiteral(" (") + m_failure + QLatin1Char(')');
    out += QLatin1Char('\n');
    if (m_log.size() <= kReportTail) return out + m_log;
    // A long log: every failed check first (a fit check may fail on many screens), then its end.
    for (const QString& line : m_log.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("script:"))) out += line + QLatin1Char('\n');
    return out + QStringLiteral("…\n") + m_log.right(kReportTail);
}

}  // namespace kiosktest
