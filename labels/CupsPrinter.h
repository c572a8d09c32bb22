#pragma once
// Printing through libcups. CupsPrinter.cpp is the one file that calls libcups; its errors become
// archive::Error here, with plain words for the archivist (printer offline, out of labels, paused, …).
//
// A printer is named either by its CUPS queue name ("labels", the production path: cupsd converts and
// queues) or by an IPP URI ("ipp://host:631/ipp/print": straight to an IPP printer, e.g. a Zebra taking raw
// ZPL). Every call blocks on the network: call from a worker thread (PrintQueue does), never the GUI thread.
// libcups keeps its server setting per thread; each call sets it again, so one client may move between threads.

#include "common/Result.h"
#include "labels/LabelLayout.h"  // Notice

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace archive::labels {

struct PrinterStatus {
    int state = 3;                // IPP printer-state: 3 idle, 4 processing, 5 stopped
    QStringList reasons;          // printer-state-reasons as reported ("offline-report", "media-empty-error", …)
    bool accepting = true;        // printer-is-accepting-jobs
    QString message;              // printer-state-message (technical; may be empty)
    // Plain words: "offline" | "media-empty" | "paused" | "jam" | "door-open" | "error" | "ready" | "busy"
    QString condition() const;
    Notice describe() const;      // 打印机离线… / The printer is offline… and what to do
};

struct PrinterInfo {
    QString name;                 // queue name (or the URI for a direct printer)
    QString uri;                  // device-uri (queues) or the printer's own URI
    QString info, location, makeModel;
    bool isDefault = false;
    PrinterStatus status;
    QStringList media;            // media-supported (PWG names, e.g. "oe_62x100mm_2.44x3.93in")
    QStringList mediaReady;       // media-ready, when the printer reports it
    QStringList formats;          // document-format-supported
};

struct JobStatus {
    int id = 0;
    int state = 0;                // IPP job-state: 3 pending, 4 held, 5 processing, 6 stopped, 7 canceled, 8 aborted, 9 completed
    QStringList reasons;          // job-state-reasons
    int impressionsDone = 0;      // job-impressions-completed (pages), when reported
    bool finished() const { return state >= 7; }
    bool completed() const { return state == 9; }
    QString stateName() const;    // "pending", "processing", "completed", …
};

class CupsClient {
public:
    // server: "host:port" of the CUPS scheduler; empty → $CUPS_SERVER, else libcups' default (local cupsd).
    explicit CupsClient(QString server = {});
    const QString& server() const { return m_server; }

    Result<QList<PrinterInfo>> printers();                 // every queue of the scheduler
    Result<PrinterInfo> printer(const QString& nameOrUri); // one queue, or a printer by URI
    // Sends one document; format "application/pdf" or "application/vnd.zebra-zpl". Returns the job id.
    Result<int> submit(const QString& nameOrUri, const QByteArray& document, const QString& format,
                       const QString& title, const QString& user = {});
    Result<JobStatus> job(const QString& nameOrUri, int jobId);
    Status cancel(const QString& nameOrUri, int jobId);

    // Errors that mean "try again later" (scheduler or printer unreachable, busy, not accepting jobs).
    static bool isTransient(const Error& e);

private:
    QString m_server;
};

}  // namespace archive::labels
