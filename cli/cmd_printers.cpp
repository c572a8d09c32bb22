// archivectl printers — the CUPS queues with their state in plain words, media and formats (issue 6), and the
// archive's choice of label and report printer (issue 7, like the kiosk's Administration › Sensors & printers).
//   printers [ipp://host:port/ipp/print …]          list (the scheduler of $CUPS_SERVER, else the local cupsd)
//   printers use label|report NAME|none --as CARD    choose (Books::setSetting label_printer / report_printer:
//                                                    administrators only, one ledger entry "setting"); none clears
// The listing marks the chosen printers and says where labels go when none is chosen.
#include "Command.h"

#include "db/Books.h"
#include "db/Database.h"
#include "labels/CupsPrinter.h"
#include "wiring/LabelWiring.h"

#include <QJsonArray>
#include <optional>
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

archive::Error badInput(const QString& zh, const QString& en) { return archive::makeError(QStringLiteral("bad_input"), zh, en); }

// Lines saying which printers the archive uses (nothing when the archive cannot be opened).
void printChoice(const archive::wiring::PrinterChoice& c) {
    auto from = [](const QString& f, bool label) {
        if (f == QLatin1String("env"))
            return label ? QStringLiteral("（环境变量 ARCHIVE_LABEL_PRINTER / from ARCHIVE_LABEL_PRINTER）")
                         : QStringLiteral("（环境变量 ARCHIVE_REPORT_PRINTER / from ARCHIVE_REPORT_PRINTER）");
        return QString();
    };
    if (c.label.isEmpty())
        printLine(QStringLiteral("标签打印机 / label printer: 未选择——自助终端把标签保存为文件（%1） / none chosen — the kiosk saves labels as files (%1)")
                      .arg(archive::wiring::printedDir()));
    else
        printLine(QStringLiteral("标签打印机 / label printer: %1%2").arg(c.label, from(c.labelFrom, true)));
    if (c.report.isEmpty())
        printLine(QStringLiteral("报告打印机 / report printer: 未选择——报告保存为文件（%1） / none chosen — reports are saved as files (%1)")
                      .arg(archive::wiring::printedDir()));
    else
        printLine(QStringLiteral("报告打印机 / report printer: %1%2").arg(c.report, from(c.reportFrom, false)));
}

// printers use label|report NAME|none --as CARD
int runUse(Context& ctx, QStringList args) {
    const QString actor = takeOption(args, QStringLiteral("--as"));
    if (args.size() != 2 || (args[0] != QLatin1String("label") && args[0] != QLatin1String("report")) || args[1].trimmed().isEmpty())
        return reportError(ctx, badInput(QStringLiteral("用法：archivectl printers use label|report 打印机名称|none --as 管理员卡号"),
                                         QStringLiteral("Usage: archivectl printers use label|report PRINTER|none --as ADMIN-CARD")));
    if (actor.isEmpty())
        return reportError(ctx, badInput(QStringLiteral("请用 --as 给出系统管理员的卡号（选择打印机会记入台账）。"),
                                         QStringLiteral("Give the administrator's card with --as (the choice is recorded in the ledger).")));
    const bool label = args[0] == QLatin1String("label");
    const QString name = args[1] == QLatin1String("none") ? QString() : args[1].trimmed();
    // A queue name must be one the print service knows (an ipp:// printer is asked directly).
    if (!name.isEmpty()) {
        CupsClient cups;
        auto p = cups.printer(name);
        if (!p && !CupsClient::isTransient(p.error())) {
            QStringList known;
            if (auto all = cups.printers())
                for (const auto& q : all.value()) known << q.name;
            archive::Error e = p.error();
            e.messageZh += QStringLiteral(" 可用的打印机：%1").arg(known.isEmpty() ? QStringLiteral("（无）") : known.join(QStringLiteral("、")));
            e.messageEn += QStringLiteral(" Printers: %1").arg(known.isEmpty() ? QStringLiteral("(none)") : known.join(QStringLiteral(", ")));
            return reportError(ctx, e);
        }
        if (!p) printErrLine(QStringLiteral("注意：现在无法联系打印服务，仍然保存选择。 / Note: the print service cannot be reached now; the choice is saved anyway."));
    }
    auto database = ctx.openDb(false);
    if (!database) return ExitBadInput;
    const QString key = label ? QStringLiteral("label_printer") : QStringLiteral("report_printer");
    if (archive::Status st = archive::db::Books(*database).setSetting(key, name, actor); !st) return reportError(ctx, st.error());
    auto c = archive::wiring::printerChoice(*database);
    if (!c) return reportError(ctx, c.error());
    if (ctx.json) {
        printLine(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("label_printer"), c->label},
                                                              {QStringLiteral("report_printer"), c->report}})
                                        .toJson(QJsonDocument::Compact)));
        return ExitOk;
    }
    printLine(name.isEmpty() ? QStringLiteral("已清除%1打印机的选择 / cleared the %2 printer").arg(label ? QStringLiteral("标签") : QStringLiteral("报告"), args[0])
                             : QStringLiteral("已选择 %1 为%2打印机 / %1 is now the %3 printer").arg(name, label ? QStringLiteral("标签") : QStringLiteral("报告"), args[0]));
    printChoice(c.value());
    return ExitOk;
}

int runPrinters(Context& ctx, QStringList args) {
    if (!args.isEmpty() && args.first() == QLatin1String("use")) return runUse(ctx, args.mid(1));
    // The archive's choice, when there is an archive (listing printers needs none).
    std::optional<archive::wiring::PrinterChoice> choice;
    {
        archive::db::OpenOptions opt;
        opt.create = false;
        if (auto d = archive::db::Database::open(archive::db::Database::resolveLocation(ctx.dbLocation), opt))
            if (auto c = archive::wiring::printerChoice(*d.value())) choice = c.value();
    }
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
        for (const auto& p : list) {
            QJsonObject o = toJson(p);
            if (choice) {
                o.insert(QStringLiteral("for_labels"), choice->label == p.name);
                o.insert(QStringLiteral("for_reports"), choice->report == p.name);
            }
            arr.append(o);
        }
        QJsonObject out{{QStringLiteral("printers"), arr}};
        if (choice) {
            out.insert(QStringLiteral("label_printer"), choice->label);
            out.insert(QStringLiteral("report_printer"), choice->report);
            out.insert(QStringLiteral("printed_dir"), archive::wiring::printedDir());
        }
        printLine(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact)));
        return ExitOk;
    }
    if (choice) printChoice(*choice);
    if (list.isEmpty()) {
        printLine(QStringLiteral("没有打印机：请管理员在 CUPS 中添加标签打印机（lpadmin -p 名称 -E -v 地址 -m everywhere）。 / "
                                 "No printers: ask the administrator to add the label printer to CUPS (lpadmin -p NAME -E -v URI -m everywhere)."));
        return ExitOk;
    }
    for (const auto& p : list) {
        printHuman(p);
        if (choice && choice->label == p.name) printLine(QStringLiteral("    ✓ 用于标签 / used for labels"));
        if (choice && choice->report == p.name) printLine(QStringLiteral("    ✓ 用于报告 / used for reports"));
    }
    return ExitOk;
}
}  // namespace

ARCHIVECTL_COMMAND(QStringLiteral("printers"), QStringLiteral("printers [ipp://HOST:PORT/PATH …] | printers use label|report NAME|none --as ADMIN"),
                   QStringLiteral("list the CUPS printers (state in plain words, media, formats) and the archive's label / report "
                                  "printer; choose them (administrators, ledgered)"),
                   runPrinters);
