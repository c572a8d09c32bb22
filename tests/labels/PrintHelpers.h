#pragma once
// Helpers for the printing tests: wait for a job, rasterise a spooled PDF with pdftoppm, extract its text.
#include "labels/CupsPrinter.h"
#include "labels/LabelVerifier.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace labels_test {

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
