#pragma once
// The file printer: a kiosk without a CUPS label printer (a laptop running ./run, or --simulate) "prints" by
// writing each job's document — the very PDF (or ZPL) a CUPS printer would get — into a folder, one readable,
// timestamped file per job: "2026-11-27 14-05-09 背脊 spine-40 B00000001S.pdf". PrintQueue sends a job here when
// its printer is a file printer URI ("file:" + folder); the job then completes at once and its labels are
// recorded in the books like any print (printer = the URI).
// Writes block on the disk: call from the queue's thread, not the GUI thread.

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace archive::labels {

class FilePrinter {
public:
    static bool isFilePrinter(const QString& nameOrUri);  // "file:/…"
    static QString uriFor(const QString& dir);            // "file:///abs/dir"
    static QString dirOf(const QString& uri);             // the folder of a file printer URI
    // "yyyy-MM-dd HH-mm-ss <title>.pdf" (local time); characters a file name cannot hold become "_".
    static QString fileName(const QString& title, const QString& format, qint64 atMs);
    // Writes the document atomically into dir (created if missing); a name already taken gets " (2)", " (3)" ….
    // Returns the file's full path.
    static Result<QString> write(const QString& dir, const QByteArray& document, const QString& format,
                                 const QString& title, qint64 atMs);
};

}  // namespace archive::labels
