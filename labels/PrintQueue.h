#pragma once
// The label print queue: persisted in a folder (one JSON file + one document per job), so jobs survive a
// restart of the kiosk or archivectl; jobs wait and are retried while the print service or printer is
// unreachable; a batch (all boxes of a transfer or a shelf) is one job with progress; finished jobs are
// reported so the caller records each printed label in the books, then calls markRecorded().
//
// Threading: PrintQueue makes blocking CUPS calls in processOnce(). Create it, move it to a worker thread
// (QObject::moveToThread) and call start() there (QMetaObject::invokeMethod, Qt::QueuedConnection); the GUI
// talks to it by queued calls and listens to its signals. archivectl calls processOnce() directly.
// enqueue()/entries()/markRecorded() are thread-safe (a mutex guards the entries); cancel() may call CUPS:
// invoke it on the queue's thread.
//
// Folder layout: <dir>/<id>.json (state) and <id>.pdf|.zpl (the document), written atomically.
// A printer named by a file printer URI ("file:///folder", labels/FilePrinter.h) gets no CUPS call: the
// document is saved into that folder and the job completes at once (outputPath says where).

#include "common/Result.h"
#include "labels/CupsPrinter.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

class QTimer;

namespace archive::labels {

struct PrintedLabel {
    QString subject;       // the box or location barcode
    QString templateName;
    QString dataHash;      // LabelData::hash() of what was printed
};

struct PrintRequest {
    QString printer;       // CUPS queue name or ipp:// URI
    QByteArray document;
    QString format;        // "application/pdf" or "application/vnd.zebra-zpl"
    QString title;         // job name, e.g. "背脊 spine-40 ×12 (架位 L0101030)"
    QString actor;         // who asked (card barcode or "archivectl")
    QList<PrintedLabel> labels;
};

struct QueueEntry {
    enum class State { Waiting, Submitted, Completed, Failed, Canceled };
    QString id;
    State state = State::Waiting;
    QString printer, format, title, actor;
    QList<PrintedLabel> labels;
    int cupsJobId = 0;
    int attempts = 0;          // submissions tried
    int pagesDone = 0;         // progress of a batch (labels printed so far)
    qint64 createdMs = 0, updatedMs = 0, completedMs = 0;
    QString condition;         // printer condition while waiting: "offline", "media-empty", "paused", …
    QString messageZh, messageEn;  // what the archivist sees: why it waits / failed
    QString errorCode;
    bool recorded = false;     // the caller wrote the printed labels into the books
    QString outputPath;        // file printer (FilePrinter): the file the document was saved as
    bool finished() const { return state == State::Completed || state == State::Failed || state == State::Canceled; }
    static QString stateName(State s);
};

class PrintQueue : public QObject {
    Q_OBJECT
public:
    // dir: where the queue lives (created if missing). cupsServer: "host:port" or empty for the default.
    explicit PrintQueue(QString dir, QString cupsServer = {}, QObject* parent = nullptr);
    ~PrintQueue() override;

    const QString& dir() const { return m_dir; }
    Result<QString> enqueue(const PrintRequest& request);   // persisted before it returns; id of the entry
    Status cancel(const QString& id);                       // cancels the CUPS job too, if submitted
    QList<QueueEntry> entries() const;                      // oldest first
    Result<QueueEntry> entry(const QString& id) const;
    // The printed labels of a completed entry were recorded in the books: forget its document and entry.
    void markRecorded(const QString& id);
    // Forgets a failed or canceled entry once the archivist has seen it (no-op for unfinished entries).
    void dismiss(const QString& id);
    // Completed entries whose labels are not yet in the books (e.g. the program stopped in between).
    QList<QueueEntry> unrecorded() const;

    void setRetryIntervalMs(int ms) { m_retryMs = ms; }

public slots:
    void processOnce();          // submit what waits (when its retry time has come), follow submitted jobs
    void start(int pollMs = 2000);
    void stop();

signals:
    void entryChanged(const archive::labels::QueueEntry& entry);
    void progress(const QString& id, int done, int total);
    void completed(const archive::labels::QueueEntry& entry);  // record the labels, then markRecorded(id)

private:
    void load();
    Status save(const QueueEntry& e);
    QString docPath(const QueueEntry& e) const;
    void setMessage(QueueEntry& e, const QString& condition, const QString& zh, const QString& en);
    void update(QueueEntry& e);  // save + signal

    QString m_dir;
    CupsClient m_cups;
    mutable QMutex m_mutex;
    QList<QueueEntry> m_entries;
    QHash<QString, qint64> m_nextTryMs;
    int m_retryMs = 5000;
    QTimer* m_timer = nullptr;
};

}  // namespace archive::labels

Q_DECLARE_METATYPE(archive::labels::QueueEntry)
