// archivectl printers — the CUPS queues with their state in plain words, media and formats (issue 6).
// Queries the scheduler of $CUPS_SERVER (else the local cupsd); `printers ipp://host:port/ipp/print` asks one
// IPP printer directly.
#include "Command.h"

#include "labels/CupsPrinter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace archivectl;
using namespace archive::labels;

namespace {
QJsonObject toJson(const PrinterInfo& p) {
    return QJsonObject{{QStringLiteral("name"), p.name},
                       {QStringLiteral("uri"), p.uri},
                       {QStringLiteral("make_model"), p.makeModel},
                       {QStringLiteral("default"), p.isDefault},
                       {QStringLiteral("condition"), p.status.condition()},
                       {QStringLiteral("reasons"), QJsonArray::fromStringList(p.status.reasons)},
                       {QStringLiteral("message"), p.status.describe().zh + QStringLiteral(" — ") + p.status.describe().en},
                       {QStringLiteral("accepting"), p.status.accepting},
                       {QStringLiteral("media"), QJsonArray::fromStringList(p.media)},
                       {QStringLiteral("media_ready"), QJsonArray::fromStringList(p.mediaReady)},
                       {QStringLiteral("formats"), QJsonArray::fromStringList(p.formats)}};
}

void printHuman(const PrinterInfo& p) {
    const Notice n = p.status.describe();
    printLine(QStringLiteral("%1%2\t%3 / %4").arg(p.name, p.isDefault ? QStringLiteral(" (默认/default)") : QString(), n.zh, n.en));
    if (!p.uri.isEmpty() && p.uri != p.name) printLine(QStringLiteral("    地址 / uri: %1").arg(p.uri));
    if (!p.makeModel.isEmpty()) printLine(QStringLiteral("    型号 / model: %1").arg(p.makeModel));
    if (!p.media.isEmpty()) printLine(QStringLiteral("    纸张 / media: %1").arg(p.media.join(QStringLiteral(", "))));
    if (!p.mediaReady.isEmpty()) printLine(QStringLiteral("    已装入 / loaded: %1").arg(p.mediaReady.join(QStringLiteral(", "))));
    QStringList fmts;
    for (const auto& f : p.formats)
        if (f == QLatin1String("application/pdf") || f.contains(QLatin1String("zpl")) || f == QLatin1String("image/pwg-raster")) fmts << f;
    if (!fmts.isEmpty()) printLine(QStringLiteral("    格式 / formats: %1").arg(fmts.join(QStringLiteral(", "))));
}

int runPrinters(Context& ctx, QStringList args) {
    CupsClient cups;
    QList<PrinterInfo> list;
    if (!args.isEmpty()) {
        for (const QString& a : args) {
            auto p = cups.printer(a);
            if (!p) return reportError(ctx, p.error());
            list << p.value();
        }
    } else {
        auto all = cups.printers();
        if (!all) return reportError(ctx, all.error());
        list = all.value();
    }
    if (ctx.json) {
        QJsonArray arr;
        for (const auto& p : list) arr.append(toJson(p));
        printLine(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("printers"), arr}}).toJson(QJsonDocument::Compact)));
        return ExitOk;
    }
    if (list.isEmpty()) {
        printLine(QStringLiteral("没有打印机：请管理员在 CUPS 中添加标签打印机（lpadmin -p 名称 -E -v 地址 -m everywhere）。 / "
                                 "No printers: ask the administrator to add the label printer to CUPS (lpadmin -p NAME -E -v URI -m everywhere)."));
        return ExitOk;
    }
    for (const auto& p : list) printHuman(p);
    return ExitOk;
}
}  // namespace

ARCHIVECTL_COMMAND(QStringLiteral("printers"), QStringLiteral("printers [ipp://HOST:PORT/PATH …]"),
                   QStringLiteral("list the CUPS printers: state in plain words (offline, out of labels, paused), media, formats"),
                   runPrinters);
