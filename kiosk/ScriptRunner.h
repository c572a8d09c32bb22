#pragma once
// Test mode (`archive-kiosk --script FILE`): plays a script of timed key events, clicks and checks against the
// real window, saves screenshots (QQuickWindow::grabWindow) and measures scan-to-feedback latency (the
// scan's last key event → the first frame swapped after the feedback changed). One command per line:
//   size WxH                 resize the window
//   lang zh|en               switch language
//   scan CODE                type CODE + Enter with scanner timing (2–15 ms per key)
//   type TEXT                type TEXT with a person's timing (120 ms per key) into the focused field
//   key Enter|Backspace|Escape
//   click OBJECTNAME         click the centre of the first visible item with that objectName
//   set OBJECTNAME PROP VAL  set a property (e.g. a search field's text, as a virtual keyboard would)
//   settle                   wait until the db worker is idle and the window has drawn
//   wait MS
//   shot NAME                save DIR/NAME-LANG-WxH.png
//   expect-feedback KIND [TEXT]   the feedback band shows KIND (ok/warn/error/info), containing TEXT
//   expect-stage idle|pin|active  /  expect-section staff|borrower|approver|manager|admin
//   expect-visible OBJECTNAME
//   dismiss                  hide the feedback band
//   expect-fit               every visible text fits: not elided, not cut off by the window or a clipping parent
//                            (each one that does not is printed; the run goes on and exits 1)
//   echo TEXT
//   quit
// Exit status 0 when every expectation held; otherwise 1 and the failing line on stderr.

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <functional>

class QQuickWindow;
class QQuickItem;

namespace archive::kiosk {

class DbService;
class FeedbackController;
class SessionController;
class LanguageController;

class ScriptRunner : public QObject {
    Q_OBJECT
public:
    ScriptRunner(QQuickWindow* window, DbService* db, FeedbackController* feedback, SessionController* session,
                 LanguageController* language, QObject* parent = nullptr);

    bool load(const QString& path, QString* error);
    void setShotDir(const QString& dir) { m_shotDir = dir; }
    void setLatencyFile(const QString& path) { m_latencyFile = path; }
    void start();

    QList<double> latencies() const { return m_latencies; }

signals:
    void finished(int status);

private:
    void next();
    void fail(const QString& why);
    void typeKeys(const QString& text, int minGap, int maxGap, bool enter);
    void sendKey(int key, const QString& text, Qt::KeyboardModifiers mods);
    void settle(std::function<void()> then);
    QQuickItem* findItem(const QString& name) const;
    QStringList cutTexts() const;
    void reportLatency();

    QQuickWindow* m_window;
    DbService* m_db;
    FeedbackController* m_feedback;
    SessionController* m_session;
    LanguageController* m_language;
    QStringList m_lines;
    int m_pc = 0;
    QString m_shotDir;
    QString m_latencyFile;
    QElapsedTimer m_clock;
    qint64 m_scanSentAt = -1;   // nowMs of the last scan's Enter, waiting for its feedback frame
    bool m_waitFrame = false;
    QList<double> m_latencies;
    int m_status = 0;
};

}  // namespace archive::kiosk
