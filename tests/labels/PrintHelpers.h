#pragma once
// Helpers for the printing tests: a print request of sample spine labels, wait for a job, rasterise a spooled PDF
// with pdftoppm, extract its text.
#include "Samples.h"
#include "labels/CupsPrinter.h"
#include "labels/LabelLayout.h"
#include "labels/LabelRenderer.h"
#include "labels/LabelVerifier.h"
#include "labels/PrintQueue.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace labels_test {

// A PDF of `count` spine-30 labels of sampleBox() on the Brother 62 mm stock for `printer`, each box with its own
// barcode B2024<firstNo + i, six digits>, recorded by "test" under `title` (default "spine-30 ×count").
inline archive::labels::PrintRequest spineRequest(const QString& printer, int count, int firstNo = 700, QString title = {}) {
    using namespace archive::labels;
    const LabelTemplate t = TemplateRegistry::instance().findTemplate(QStringLiteral("spine-30")).value();
    PrinterProfile p;
    QList<LabelLayout> labels;
    PrintRequest r;
    for (int i = 0; i < count; ++i) {
        LabelData d = sampleBox();
        d.barcode = QStringLiteral("B2024%1").arg(firstNo + i, 6, 10, QLatin1Char('0'));
        labels << layoutLabel(t, d, p).value();
        r.labels << PrintedLabel{d.barcode, t.name, d.hash()};
    }
    r.printer = printer;
    r.document = renderPdf(labels, TemplateRegistry::instance().findStock(QStringLiteral("brother-62")).value()).value();
    r.format = QStringLiteral("application/pdf");
    r.title = title.isEmpty() ? QStringLiteral("spine-30 ×%1").arg(count) : title;
    r.actor = QStringLiteral("test");
    return r;
}

inline archive::labels::JobStatus waitForJob(archive::labels::CupsClient& c, const QString& printer, int id, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    archive::labels::JobStatus last;
    while (t.elapsed() < timeoutMs) {
        auto j = c.job(printer, id);
        if (j.ok()) {
            last = j.value();
            if (last.finished()) return last;
        }
        QThread::msleep(100);
    }
    return last;
}

// Pages of a PDF as images (pdftoppm -r dpi -gray).
inline QList<QImage> rasterisePdf(const QString& pdf, int dpi) {
    QTemporaryDir dir;
    QProcess p;
    p.start(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-gray"), QStringLiteral("-png"),
                                         pdf, dir.filePath(QStringLiteral("page"))});
    p.waitForFinished(60000);
    QList<QImage> pages;
    const QStringList files = QDir(dir.path()).entryList({QStringLiteral("page*.png")}, QDir::Files, QDir::Name);
    for (const auto& f : files) pages << QImage(dir.filePath(f));
    return pages;
}

inline QString pdfText(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

inline QString pdfFonts(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdffonts"), {pdf});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

inline QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace labels_test
