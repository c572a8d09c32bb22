#pragma once
// Printing from the kiosk: box spine labels (one from the box card, or many as one job), shelf labels and
// documents such as the inventory sweep report. Label rows are read from the books on the db thread
// (db::LabelRepository → wiring::labelDataOf), laid out, test-read and rendered on the thread pool (labels/), and
// handed to the persisted labels::PrintQueue, which lives on its own thread and does every CUPS call (and every
// file write of the file printer) there. When a job completes, its labels are recorded in the books
// (label_prints + ledger "label.print"), so a box's "label stale" flag clears.
//
// Which printer: the books setting `label_printer` (for documents: `report_printer`), else the environment
// variable ARCHIVE_LABEL_PRINTER / ARCHIVE_REPORT_PRINTER (wiring::printerChoice) — read on the db worker at every
// print, so a choice made in Administration applies without a restart. CUPS server: $CUPS_SERVER or the local
// cupsd. No printer chosen (a laptop running ./run), or setSimulated(true) (--simulate): the file printer
// (labels::FilePrinter) — the same PDF is saved into printedDir() (wiring::printedDir) and recorded like a print;
// `simulated` and the notice say so.
// Queue folder: wiring::printQueueDir (the same as archivectl).
// Nothing here waits on the GUI thread: the kiosk keeps accepting scans while a job waits for the printer.

#include "common/Result.h"
#include "labels/LabelData.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QtQml/qqmlregistration.h>

namespace archive::labels {
class PrintQueue;
struct QueueEntry;
}  // namespace archive::labels

namespace archive::kiosk {

class DbService;
class FeedbackController;
class SessionController;

class PrintController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int waiting READ waiting NOTIFY statusChanged)         // jobs not finished yet
    Q_PROPERTY(QString statusZh READ statusZh NOTIFY statusChanged)   // "" or what the queue waits for
    Q_PROPERTY(QString statusEn READ statusEn NOTIFY statusChanged)
    // Labels go to the file printer (no label printer chosen, or --simulate).
    Q_PROPERTY(bool simulated READ simulated NOTIFY printerChanged)
    Q_PROPERTY(QString printedDir READ printedDir NOTIFY printerChanged)
    Q_PROPERTY(QString labelPrinter READ labelPrinter NOTIFY printerChanged)  // the CUPS printer, or "" when simulated
    // "模拟打印机：标签保存为文件（<folder>）" while simulated, else "".
    Q_PROPERTY(QString noticeZh READ noticeZh NOTIFY printerChanged)
    Q_PROPERTY(QString noticeEn READ noticeEn NOTIFY printerChanged)
    // The top bar's simulated-devices notice, short so the bar keeps one row at 1024 px: "打印机（存为文件）".
    Q_PROPERTY(QString badgeZh READ badgeZh CONSTANT)
    Q_PROPERTY(QString badgeEn READ badgeEn CONSTANT)
    Q_PROPERTY(QString lastFile READ lastFile NOTIFY lastFileChanged)  // the file printer's last file
public:
    PrintController(DbService* db, SessionController* session, FeedbackController* feedback, QObject* parent = nullptr);
    ~PrintController() override;

    int waiting() const { return int(m_open.size()); }
    QString statusZh() const { return m_statusZh; }
    QString statusEn() const { return m_statusEn; }
    bool simulated() const { return m_simulated; }
    QString printedDir() const;
    QString labelPrinter() const { return m_labelPrinter; }
    QString noticeZh() const;
    QString noticeEn() const;
    QString lastFile() const { return m_lastFile; }
    QString badgeZh() const { return QStringLiteral("打印机（存为文件）"); }
    QString badgeEn() const { return QStringLiteral("printer (to files)"); }

    // --simulate: every label and report goes to the file printer, whatever is chosen.
    void setSimulated(bool forced);
    // Reads the printer choice again (the books, on the db worker) for `simulated` and the notice. Also done
    // when the database opens, at every login and logout, and at every print.
    Q_INVOKABLE void refreshPrinter();

    // The spine label of one box (template: setting `label_template`, default spine-40).
    Q_INVOKABLE void printBoxLabel(const QString& barcode);
    // The spine labels of several boxes as ONE job (one document, recorded together). what: shown in the job
    // title and the messages, e.g. the shelf.
    Q_INVOKABLE void printBoxLabels(const QStringList& barcodes, const QString& what = {});
    // The label of a shelf position (template "shelf").
    Q_INVOKABLE void printShelfLabel(const QString& location);
    // A finished PDF (e.g. a report) to the report printer. title: the job name.
    void printPdf(const QByteArray& pdf, const QString& title);

    // Tests: poll the print service every ms (default 2000).
    void setPollMs(int ms) { m_pollMs = ms; }
    // A printer problem is announced when it lasts this long (default 5000 ms): CUPS reports a printer as
    // "connecting-to-device" (→ offline) for a moment on every job, which is not worth an alarm.
    void setAnnounceDelayMs(int ms) { m_announceDelayMs = ms; }

signals:
    void statusChanged();
    void printerChanged();
    void lastFileChanged();
    // A box or shelf label was printed and recorded in the books (the box card reloads to show "up to date").
    void labelRecorded(const QString& barcode);
    // A job's labels were all recorded (after the labelRecorded signals of its labels).
    void jobRecorded(const QStringList& barcodes);
    void documentPrinted(const QString& title);

private:
    struct Job;
    void printLabels(const QStringList& barcodes, bool shelf, const QString& what);
    void ensureQueue();
    void submit(const Job& job);
    QString resolve(const QString& chosen) const;
    void setChoice(const QString& labelPrinter);
    void onEntryChanged(const labels::QueueEntry& e);
    void onCompleted(const labels::QueueEntry& e);
    void setStatus(const QString& zh, const QString& en);
    void announce(const QString& id);
    void refused(const Error& e);

    DbService* m_db;
    SessionController* m_session;
    FeedbackController* m_feedback;
    QThread m_thread;
    labels::PrintQueue* m_queue = nullptr;  // lives on m_thread
    QSet<QString> m_open;                   // entry ids not finished yet
    QHash<QString, QString> m_shownCondition;  // entry id → condition already announced
    QHash<QString, QStringList> m_problem;  // entry id → {condition, zh, en, title} while it has a problem
    QString m_statusZh, m_statusEn;
    bool m_forced = false;                  // --simulate
    bool m_simulated = false;
    QString m_labelPrinter;
    QString m_lastFile;
    int m_pollMs = 2000;
    int m_announceDelayMs = 5000;
};

}  // namespace archive::kiosk
