#pragma once
// Printing from the kiosk: a box's spine label (box card → "打印标签") and documents such as the inventory sweep
// report. The label is read from the books on the db thread (db::LabelRepository), laid out, test-read and
// rendered on the thread pool (labels/), and handed to the persisted labels::PrintQueue, which lives on its own
// thread and does every CUPS call there. When CUPS reports the job completed, the printed label is recorded in
// the books (label_prints + ledger "label.print"), so the box's "label stale" flag clears.
//
// Which printer: the books setting `label_printer` (for documents: `report_printer`), else the environment
// variable ARCHIVE_LABEL_PRINTER / ARCHIVE_REPORT_PRINTER — read on the db worker at every print, so a choice
// made in Administration (AdminController::choosePrinter) applies without a restart. CUPS server: $CUPS_SERVER or
// the local cupsd.
// Queue folder: $ARCHIVE_PRINT_QUEUE, else print-queue/ beside the archive file (the same as archivectl).
// Nothing here waits on the GUI thread: the kiosk keeps accepting scans while a job waits for the printer.

#include "common/Result.h"
#include "db/labels/LabelRepository.h"
#include "labels/LabelData.h"

#include <QObject>
#include <QPointer>
#include <QSet>
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

// The books' label row → the fields labels/ prints (names match; cli/cmd_label.cpp maps the same way).
labels::LabelData labelDataOf(const db::BoxLabelRow& row);

class PrintController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int waiting READ waiting NOTIFY statusChanged)         // jobs not finished yet
    Q_PROPERTY(QString statusZh READ statusZh NOTIFY statusChanged)   // "" or what the queue waits for
    Q_PROPERTY(QString statusEn READ statusEn NOTIFY statusChanged)
public:
    PrintController(DbService* db, SessionController* session, FeedbackController* feedback, QObject* parent = nullptr);
    ~PrintController() override;

    int waiting() const { return int(m_open.size()); }
    QString statusZh() const { return m_statusZh; }
    QString statusEn() const { return m_statusEn; }

    // The spine label of one box (template: setting `label_template`, default spine-40).
    Q_INVOKABLE void printBoxLabel(const QString& barcode);
    // A finished PDF (e.g. a report) to the report printer. title: the job name.
    void printPdf(const QByteArray& pdf, const QString& title);

    // Tests: poll the print service every ms (default 2000).
    void setPollMs(int ms) { m_pollMs = ms; }
    // A printer problem is announced when it lasts this long (default 5000 ms): CUPS reports a printer as
    // "connecting-to-device" (→ offline) for a moment on every job, which is not worth an alarm.
    void setAnnounceDelayMs(int ms) { m_announceDelayMs = ms; }

signals:
    void statusChanged();
    // A box label was printed and recorded in the books (the box card reloads to show "up to date").
    void labelRecorded(const QString& barcode);
    void documentPrinted(const QString& title);

private:
    struct Job;
    void ensureQueue();
    void submit(const Job& job);
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
    int m_pollMs = 2000;
    int m_announceDelayMs = 5000;
};

}  // namespace archive::kiosk
