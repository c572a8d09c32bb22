#pragma once
// The one place where the books' label rows (db/labels/LabelRepository.h) meet labels/ (LabelData, PrintQueue):
// kiosk/ and cli/ both link this library, so the mapping exists once. Pure functions; any thread.

#include "db/labels/LabelRepository.h"
#include "labels/LabelData.h"
#include "labels/PrintQueue.h"

#include <QList>
#include <QString>

namespace archive::db { class Database; }

namespace archive::wiring {

// The fields a box spine / cover label prints (names match BoxLabelRow).
labels::LabelData labelDataOf(const db::BoxLabelRow& row);
// The fields a shelf (location) label prints.
labels::LabelData labelDataOf(const db::LocationLabelRow& row);

// A completed queue entry → one books record per printed label (kind "location" for shelf templates).
QList<db::LabelPrintRecord> printRecordsOf(const labels::QueueEntry& entry);

// Where the persisted print queue lives: $ARCHIVE_PRINT_QUEUE, else print-queue/ beside the archive file (for a
// PostgreSQL URL: the user's data folder). dbLocation: already resolved (db::Database::resolveLocation).
QString printQueueDir(const QString& dbLocation);

// The file printer's folder (labels::FilePrinter): $ARCHIVE_PRINTED_DIR, else $XDG_DATA_HOME/archive-kiosk/printed
// (~/.local/share/archive-kiosk/printed).
QString printedDir();

// Which printers print labels and reports: the books settings label_printer / report_printer, else the
// environment (ARCHIVE_LABEL_PRINTER / ARCHIVE_REPORT_PRINTER); empty when neither names one. Reads the books:
// call on the thread that owns the database.
struct PrinterChoice {
    QString label, report;          // CUPS queue, ipp:// URI or file printer URI; empty = none chosen
    QString labelFrom, reportFrom;  // "books" | "env" | ""
};
Result<PrinterChoice> printerChoice(db::Database& database);

// A printer named by a person (archivectl --printer): "file" is the file printer in printedDir(), "file:/dir" a
// file printer in that folder; anything else is a CUPS queue name or ipp:// URI, returned as given.
QString printerFromArgument(const QString& name);

// Plain words for a printer in messages: the file printer → "文件夹 /…/printed" / "the folder /…/printed".
QString printerTextZh(const QString& printer);
QString printerTextEn(const QString& printer);

}  // namespace archive::wiring
