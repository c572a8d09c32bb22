#include "wiring/LabelWiring.h"

#include "db/Books.h"
#include "labels/FilePrinter.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace archive::wiring {

labels::LabelData labelDataOf(const db::BoxLabelRow& r) {
    labels::LabelData d;
    d.barcode = r.barcode;
    d.fondsCode = r.fondsCode;
    d.fondsName = r.fondsName;
    d.year = r.year;
    d.retention = r.retention;
    d.orgUnit = r.orgUnit;
    d.firstItemNo = r.firstItemNo;
    d.lastItemNo = r.lastItemNo;
    d.boxNo = r.boxNo;
    d.title = r.title;
    d.category = r.category;
    return d;
}

labels::LabelData labelDataOf(const db::LocationLabelRow& r) {
    labels::LabelData d;
    d.barcode = r.barcode;
    d.roomName = r.roomName;
    d.cabinet = r.cabinet;
    d.shelf = r.shelf;
    d.position = r.position;
    d.locationText = r.text();
    return d;
}

QList<db::LabelPrintRecord> printRecordsOf(const labels::QueueEntry& e) {
    QList<db::LabelPrintRecord> recs;
    for (const labels::PrintedLabel& l : e.labels) {
        db::LabelPrintRecord r;
        r.kind = l.templateName == QLatin1String("shelf") ? QStringLiteral("location") : QStringLiteral("box");
        r.barcode = l.subject;
        r.templateName = l.templateName;
        r.dataHash = l.dataHash;
        r.printer = e.printer;
        r.jobRef = e.id;
        r.cupsJobId = e.cupsJobId;
        r.printedAt = e.completedMs;
        r.actor = e.actor;
        recs << r;
    }
    return recs;
}

QString printQueueDir(const QString& dbLocation) {
    const QString env = qEnvironmentVariable("ARCHIVE_PRINT_QUEUE");
    if (!env.isEmpty()) return env;
    if (dbLocation.contains(QStringLiteral("://")))
        return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/archive-kiosk/print-queue");
    return QFileInfo(dbLocation).absolutePath() + QStringLiteral("/print-queue");
}

QString printedDir() {
    const QString env = qEnvironmentVariable("ARCHIVE_PRINTED_DIR");
    if (!env.isEmpty()) return QDir(env).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/archive-kiosk/printed");
}

Result<PrinterChoice> printerChoice(db::Database& database) {
    auto s = db::Books(database).settings({QStringLiteral("label_printer"), QStringLiteral("report_printer")});
    if (!s) return s.error();
    PrinterChoice c;
    auto pick = [&s](const QString& key, const char* env, QString& printer, QString& from) {
        printer = s->value(key).trimmed();
        if (!printer.isEmpty()) {
            from = QStringLiteral("books");
            return;
        }
        printer = qEnvironmentVariable(env).trimmed();
        if (!printer.isEmpty()) from = QStringLiteral("env");
    };
    pick(QStringLiteral("label_printer"), "ARCHIVE_LABEL_PRINTER", c.label, c.labelFrom);
    pick(QStringLiteral("report_printer"), "ARCHIVE_REPORT_PRINTER", c.report, c.reportFrom);
    return c;
}

QString printerFromArgument(const QString& name) {
    if (name == QLatin1String("file")) return labels::FilePrinter::uriFor(printedDir());
    if (name.startsWith(QLatin1String("file:"))) {
        const QString dir = name.startsWith(QLatin1String("file://")) ? labels::FilePrinter::dirOf(name) : name.mid(5);
        return labels::FilePrinter::uriFor(dir);
    }
    return name;
}

QString printerTextZh(const QString& printer) {
    if (labels::FilePrinter::isFilePrinter(printer))
        return QStringLiteral("模拟打印机（文件夹 %1）").arg(labels::FilePrinter::dirOf(printer));
    return printer;
}

QString printerTextEn(const QString& printer) {
    if (labels::FilePrinter::isFilePrinter(printer))
        return QStringLiteral("simulated printer (folder %1)").arg(labels::FilePrinter::dirOf(printer));
    return printer;
}

}  // namespace archive::wiring
