#include "labels/FilePrinter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QUrl>

namespace archive::labels {

bool FilePrinter::isFilePrinter(const QString& nameOrUri) { return nameOrUri.startsWith(QLatin1String("file:")); }

QString FilePrinter::uriFor(const QString& dir) { return QUrl::fromLocalFile(QDir(dir).absolutePath()).toString(); }

QString FilePrinter::dirOf(const QString& uri) { return QUrl(uri).toLocalFile(); }

QString FilePrinter::fileName(const QString& title, const QString& format, qint64 atMs) {
    QString t = title.simplified();
    for (QChar& c : t)
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':') || c == QLatin1Char('*')
            || c == QLatin1Char('?') || c == QLatin1Char('"') || c == QLatin1Char('<') || c == QLatin1Char('>')
            || c == QLatin1Char('|') || c.category() == QChar::Other_Control)
            c = QLatin1Char('_');
    if (t.size() > 80) t = t.left(80);
    const QString stamp = QDateTime::fromMSecsSinceEpoch(atMs).toString(QStringLiteral("yyyy-MM-dd HH-mm-ss"));
    const QString ext = format.contains(QLatin1String("zpl")) ? QStringLiteral(".zpl") : QStringLiteral(".pdf");
    return t.isEmpty() ? stamp + ext : stamp + QLatin1Char(' ') + t + ext;
}

Result<QString> FilePrinter::write(const QString& dir, const QByteArray& document, const QString& format,
                                   const QString& title, qint64 atMs) {
    auto ioError = [&dir](const QString& detail) {
        return makeError(QStringLiteral("printed_dir_io"),
                         QStringLiteral("无法把标签保存到文件夹 %1：磁盘已满或没有写入权限？请联系管理员。").arg(dir),
                         QStringLiteral("Cannot save the labels into the folder %1: is the disk full or read-only? Ask the administrator.").arg(dir),
                         detail);
    };
    if (!QDir().mkpath(dir)) return ioError(QStringLiteral("mkpath failed"));
    const QString name = fileName(title, format, atMs);
    QString path = QDir(dir).filePath(name);
    for (int n = 2; QFileInfo::exists(path); ++n) {
        const QFileInfo fi(name);
        path = QDir(dir).filePath(QStringLiteral("%1 (%2).%3").arg(fi.completeBaseName()).arg(n).arg(fi.suffix()));
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return ioError(f.errorString());
    if (f.write(document) != document.size() || !f.commit()) return ioError(f.errorString());
    return path;
}

}  // namespace archive::labels
