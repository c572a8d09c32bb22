// archivectl scan-image FILE — decode every barcode in an image file (ZXing) and say what it is.
#include "Command.h"

#include "devices/scanner/Identifier.h"
#include "devices/scanner/ImageDecoder.h"

#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace archivectl;
using namespace archive::scanner;

namespace {

QString statusName(Classification::Status s) {
    switch (s) {
    case Classification::Status::Own: return QStringLiteral("own");
    case Classification::Status::Legacy: return QStringLiteral("legacy");
    case Classification::Status::BadCheck: return QStringLiteral("bad_check");
    case Classification::Status::Unknown: return QStringLiteral("unknown");
    case Classification::Status::Empty: return QStringLiteral("empty");
    }
    return {};
}

int runScanImage(Context& ctx, QStringList args) {
    const bool all = takeFlag(args, QStringLiteral("--all-formats"));
    if (args.size() != 1) {
        printErrLine(QStringLiteral("用法 / usage: archivectl scan-image FILE [--all-formats]"));
        return ExitBadInput;
    }
    const QString path = args.first();
    if (!QFileInfo(path).isFile()) {
        return reportError(ctx, archive::makeError(QStringLiteral("not_found"),
                                                   QStringLiteral("找不到图片文件“%1”，请检查路径。").arg(path),
                                                   QStringLiteral("Image file \"%1\" not found. Check the path.").arg(path)));
    }
    QImageReader reader(path);
    reader.setAutoTransform(true);  // phone photos carry their rotation in EXIF
    const QImage img = reader.read();
    if (img.isNull()) {
        return reportError(ctx, archive::makeError(
                                    QStringLiteral("bad_image"),
                                    QStringLiteral("“%1”不是可读取的图片（支持 PNG、JPEG、BMP 等）。").arg(path),
                                    QStringLiteral("\"%1\" is not a readable picture (PNG, JPEG, BMP, … are supported).").arg(path),
                                    reader.errorString()));
    }
    DecodeOptions opt;
    opt.allFormats = all;
    auto r = ImageDecoder::decode(img, opt);
    if (!r) return reportError(ctx, r.error());

    QJsonArray codes;
    int n = 0;
    for (const DecodedCode& c : *r) {
        const Classification cls = Identifier::classify(c.text);
        const QPoint ctr = c.center();
        if (ctx.json) {
            QJsonArray corners;
            for (const QPoint& p : c.corners) corners.append(QJsonArray{p.x(), p.y()});
            codes.append(QJsonObject{{QStringLiteral("symbology"), c.symbology},
                                     {QStringLiteral("text"), c.text},
                                     {QStringLiteral("center"), QJsonArray{ctr.x(), ctr.y()}},
                                     {QStringLiteral("corners"), corners},
                                     {QStringLiteral("orientation"), c.orientationDeg},
                                     {QStringLiteral("kind"), idKindName(cls.kind)},
                                     {QStringLiteral("identifier"), statusName(cls.status)}});
            continue;
        }
        QStringList pts;
        for (const QPoint& p : c.corners) pts << QStringLiteral("(%1,%2)").arg(p.x()).arg(p.y());
        printLine(QStringLiteral("%1. %2  %3").arg(++n).arg(c.symbology, c.text));
        printLine(QStringLiteral("   位置 position: 中心 center (%1,%2)  角点 corners %3  旋转 rotation %4°")
                      .arg(ctr.x()).arg(ctr.y()).arg(pts.join(QLatin1Char(' '))).arg(c.orientationDeg));
        QString what;
        switch (cls.status) {
        case Classification::Status::Own:
            what = QStringLiteral("本档案室编号 own identifier: %1").arg(idKindName(cls.kind));
            break;
        case Classification::Status::BadCheck: what = cls.message(); break;
        default: what = QStringLiteral("非本档案室编号 not an own identifier"); break;
        }
        printLine(QStringLiteral("   %1").arg(what));
    }
    if (ctx.json) {
        printLine(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                                              {QStringLiteral("file"), path},
                                                              {QStringLiteral("width"), img.width()},
                                                              {QStringLiteral("height"), img.height()},
                                                              {QStringLiteral("codes"), codes}})
                                        .toJson(QJsonDocument::Compact)));
    }
    return ExitOk;
}

}  // namespace

ARCHIVECTL_COMMAND(QStringLiteral("scan-image"), QStringLiteral("scan-image FILE [--all-formats]"),
                   QStringLiteral("decode the barcodes in an image file: symbology, text, position (and what kind of code)"),
                   runScanImage);
