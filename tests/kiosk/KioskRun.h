#pragma once
// The real archive-kiosk binary (KIOSK_BIN) run from a test, the one place that knows how: its environment
// (the offscreen platform, a private XDG_RUNTIME_DIR, whatever the test sets or removes on top of this process's
// environment), its flags (--db, --script, --shots, --lang, --mute, --simulate, --no-sensor-poller, more), the
// script written to a file, the start, the wait for its end within a limit (killed past it), its output (stdout
// and stderr merged) and a failure text for QVERIFY2. The kiosk talks back only through the script's checks and
// its exit status (kiosk/ScriptRunner.h): 0 when every expectation held, 1 and the failing lines otherwise.
//
//   kiosktest::KioskRun kiosk(dir.path(), fx.dbPath);
//   kiosk.shots = QStringLiteral(KIOSK_ARTIFACTS);
//   kiosk.mute = true;
//   QVERIFY2(kiosk.run(QStringLiteral("checkout"), script) == 0, qPrintable(kiosk.report()));
//
// Needs KIOSK_BIN defined for the test target (tests/kiosk/CMakeLists.txt).
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace kiosktest {

// The PIN pad's keys for a PIN, then OK, as script lines.
QString pinClicks(const QString& pin);

class KioskRun {
public:
    // dir: a folder of the test's own (the script files and the kiosk's XDG_RUNTIME_DIR go there);
    // db: the archive file (--db).
    KioskRun(const QString& dir, const QString& dbPath);
    ~KioskRun();
    KioskRun(const KioskRun&) = delete;
    KioskRun& operator=(const KioskRun&) = delete;

    // The common flags; empty / false = not passed.
    QString db;                  // --db
    QString shots;               // --shots: where "shot NAME" saves NAME-LANG-WxH.png
    QString lang;                // --lang zh|en
    bool mute = false;           // --mute
    bool simulate = false;       // --simulate: simulated scanner and sensors, the file printer unless one is set
    bool noSensorPoller = false; // --no-sensor-poller
    QStringList args;            // any other flags, after these
    int timeoutMs = 300000;      // killed (and run() returns -1) when it has not exited by then

    // On top of this process's environment (QT_QPA_PLATFORM=offscreen and XDG_RUNTIME_DIR are set already).
    void setEnv(const QString& name, const QString& value);
    void unsetEnv(const QStringList& names);

    // Writes script into DIR/NAME.script and starts the kiosk on it; false when it could not be written or started.
    bool start(const QString& name, const QString& script);
    // Waits for the end; the exit status, -1 when it could not start or ran past timeoutMs, -2 when it crashed.
    int finish();
    // start() then finish().
    int run(const QString& name, const QString& script);

    int exitCode() const { return m_rc; }
    // Everything the kiosk printed (stdout and stderr) in the last run.
    const QString& log() const { return m_log; }
    // For QVERIFY2: the exit status, every failed script check ("script: …" lines) and the end of the log.
    QString report() const;

private:
    QString m_dir;
    QProcessEnvironment m_env;
    QProcess m_process;
    QString m_log;
    QString m_failure;  // why there is no exit status (not started, timed out, crashed)
    int m_rc = -1;
};

}  // namespace kiosktest
