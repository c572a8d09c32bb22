// archivectl label … — render, print and batch-print box spine / cover and shelf labels (issue 6).
//   label templates
//   label render --box BARCODE | --location BARCODE [--template NAME] [--stock NAME] [--dpi N] [--start N] --out FILE.pdf|png|zpl
//   label print  --box BARCODE | --location BARCODE [--printer NAME|file] [--template NAME] [--stock NAME] [--zpl] [--dpi N] [--wait S] [--as CARD]
//   label batch  --shelf BARCODE | --transfer CODE [--printer NAME|file] [--template NAME] [--stock NAME] [--start N] [--zpl] [--wait S] [--as CARD]
//   label queue  [--wait S]                 resume the persisted print queue; record what got printed
//   label status --box BARCODE [--template NAME]    current / stale / never printed
// Without --printer the archive's chosen label printer is used (books setting label_printer, archivectl printers
// use label NAME; else $ARCHIVE_LABEL_PRINTER). --printer file: the file printer (labels/FilePrinter.h) saves the
// same PDF into $ARCHIVE_PRINTED_DIR, else ~/.local/share/archive-kiosk/printed, and records it like a print.
// The print queue lives in $ARCHIVE_PRINT_QUEUE, else next to the archive file (print-queue/); the CUPS server
// is $CUPS_SERVER or the local cupsd. Every label is laid out and its barcode test-read at the printer's dpi
// before anything is sent; a label that would not print well is refused with a message saying what to change.
#include "Command.h"

#include "db/Database.h"
#include "db/labels/LabelRepository.h"
#include "labels/CupsPrinter.h"
#include "labels/LabelData.h"
#include "labels/LabelLayout.h"
#include "labels/LabelRenderer.h"
#include "labels/LabelVerifier.h"
#include "labels/PrintQueue.h"
#include "wiring/LabelWiring.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>

using namespace archivectl;
using namespace archive;
using namespace archive::labels;

namespace {

Error badInput(const QString& zh, const QString& en) { return makeError(QStringLiteral("bad_input"), zh, en); }

using wiring::labelDataOf;

struct Job {
    LabelTemplate tpl;
    Stock stock;
    PrinterProfile printer;
    QList<LabelData> data;
    QList<LabelLayout> layouts;
    int start = 1;
};

// Reads the template/stock/dpi options, lays out and verifies every label.
Result<Job> prepare(QStringList& args, QList<LabelData> data, const QString& defaultTemplate, const QString& printerName, bool zpl) {
    Job job;
    const auto& reg = TemplateRegistry::instance();
    auto t = reg.findTemplate(takeOption(args, QStringLiteral("--template"), defaultTemplate));
    if (!t) return t.error();
    job.tpl = t.value();
    auto s = reg.findStock(takeOption(args, QStringLiteral("--stock"), job.tpl.stocks.value(0)));
    if (!s) return s.error();
    job.stock = s.value();
    if (Status fit = checkStock(job.tpl, job.stock); !fit) return fit.error();
    bool ok = true;
    job.printer.name = printerName;
    job.printer.zpl = zpl;
    job.printer.dpi = takeOption(args, QStringLiteral("--dpi"), zpl ? QStringLiteral("203") : QStringLiteral("300")).toInt(&ok);
    if (!ok || job.printer.dpi < 100 || job.printer.dpi > 2400)
        return badInput(QStringLiteral("--dpi 应为 100 到 2400 之间的数（打印机分辨率，常见 203 或 300）。"),
                        QStringLiteral("--dpi must be a number from 100 to 2400 (the printer's resolution, usually 203 or 300)."));
    job.start = takeOption(args, QStringLiteral("--start"), QStringLiteral("1")).toInt(&ok);
    if (!ok) job.start = 0;  // refused by the renderer with the sheet's range
    const bool wantShelf = job.tpl.kind == QLatin1String("shelf");
    for (const LabelData& d : data) {
        const bool isShelf = !d.locationText.isEmpty() || !d.roomName.isEmpty();
        if (isShelf != wantShelf)
            return badInput(QStringLiteral("模板 %1 是%2标签，不能用于%3：请换一个模板（archivectl label templates）。")
                                .arg(job.tpl.name, wantShelf ? QStringLiteral("架位") : QStringLiteral("档案盒"),
                                     isShelf ? QStringLiteral("架位") : QStringLiteral("档案盒")),
                            QStringLiteral("Template %1 is for %2 labels, not %3: choose another (archivectl label templates).")
                                .arg(job.tpl.name, wantShelf ? QStringLiteral("shelf") : QStringLiteral("box"),
                                     isShelf ? QStringLiteral("shelves") : QStringLiteral("boxes")));
        auto l = layoutLabel(job.tpl, d, job.printer);
        if (!l) {
            Error e = l.error();
            e.messageZh = QStringLiteral("%1：%2").arg(d.barcode, e.messageZh);
            e.messageEn = QStringLiteral("%1: %2").arg(d.barcode, e.messageEn);
            return e;
        }
        if (Status v = verifyLabel(l.value()); !v) return v.error();
        for (const Notice& w : l->warnings) printErrLine(QStringLiteral("%1：%2 / %3").arg(d.barcode, w.zh, w.en));
        job.layouts << l.value();
    }
    job.data = std::move(data);
    return job;
}

QString queueDir(const Context& ctx) { return wiring::printQueueDir(db::Database::resolveLocation(ctx.dbLocation)); }

// Records completed entries of the queue in the books and forgets them. Returns how many labels.
int recordCompleted(db::Database& database, PrintQueue& q, QList<QueueEntry> done) {
    int n = 0;
    db::LabelRepository repo(database);
    for (const QueueEntry& e : done) {
        const QList<db::LabelPrintRecord> recs = wiring::printRecordsOf(e);
        Status s = repo.recordPrinted(recs);
        if (!s) {
            printErrLine(s.errorMessage());
            continue;  // stays unrecorded in the queue; the next run tries again
        }
        q.markRecorded(e.id);
        n += int(recs.size());
    }
    return n;
}

// Follows the queue until every entry has finished or the time is up.
int followQueue(const Context& ctx, db::Database& database, PrintQueue& q, int waitS, const QString& onlyId = {}) {
    QList<QueueEntry> done;
    QObject::connect(&q, &PrintQueue::completed, [&](const QueueEntry& e) { done << e; });
    QObject::connect(&q, &PrintQueue::progress, [&](const QString&, int d, int total) {
        if (total > 1) printErrLine(QStringLiteral("进度 / progress: %1/%2").arg(d).arg(total));
    });
    QString lastMsg;
    QElapsedTimer t;
    t.start();
    for (;;) {
        q.processOnce();
        bool pending = false;
        for (const QueueEntry& e : q.entries()) {
            if (!onlyId.isEmpty() && e.id != onlyId) continue;
            if (!e.finished()) {
                pending = true;
                const QString msg = QStringLiteral("%1 — %2").arg(e.messageZh, e.messageEn);
                if (msg != lastMsg) printErrLine(QStringLiteral("[%1] %2").arg(e.title, msg));
                lastMsg = msg;
            }
        }
        if (!pending || t.elapsed() > qint64(waitS) * 1000) break;
        QThread::msleep(300);
    }
    const int recorded = recordCompleted(database, q, done);
    int failed = 0, waiting = 0;
    QJsonArray out;
    for (const QueueEntry& e : q.entries()) {
        if (!onlyId.isEmpty() && e.id != onlyId) continue;
        if (e.state == QueueEntry::State::Failed) ++failed;
        if (!e.finished()) ++waiting;
        out.append(QJsonObject{{QStringLiteral("id"), e.id}, {QStringLiteral("state"), QueueEntry::stateName(e.state)},
                               {QStringLiteral("condition"), e.condition}, {QStringLiteral("message"), e.messageZh + QStringLiteral(" — ") + e.messageEn}});
        if (e.state == QueueEntry::State::Failed && !ctx.json)
            printErrLine(QStringLiteral("打印失败 / failed: %1 — %2").arg(e.messageZh, e.messageEn));
        if (e.state == QueueEntry::State::Failed || e.state == QueueEntry::State::Canceled) q.dismiss(e.id);  // reported once
    }
    if (ctx.json) {
        printLine(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("printed_labels"), recorded},
                                                              {QStringLiteral("waiting"), waiting},
                                                              {QStringLiteral("failed"), failed},
                                                              {QStringLiteral("files"), [&done] {
                                                                   QJsonArray files;
                                                                   for (const QueueEntry& e : done)
                                                                       if (!e.outputPath.isEmpty()) files.append(e.outputPath);
                                                                   return files;
                                                               }()},
                                                              {QStringLiteral("jobs"), out}}).toJson(QJsonDocument::Compact)));
    } else {
        for (const QueueEntry& e : done)
            if (!e.outputPath.isEmpty()) printLine(QStringLiteral("已保存为文件 / saved as: %1").arg(e.outputPath));
        if (recorded > 0) printLine(QStringLiteral("已打印并记录 %1 张标签 / printed and recorded %1 labels").arg(recorded));
        if (waiting > 0)
            printLine(QStringLiteral("%1 项作业仍在排队，打印机恢复后自动打印（archivectl label queue 查看） / "
                                     "%1 jobs still queued; they print when the printer is back (see archivectl label queue)")
                          .arg(waiting));
    }
    return failed > 0 ? ExitBadInput : ExitOk;
}

int runTemplates(Context& ctx) {
    const auto& reg = TemplateRegistry::instance();
    QJsonArray arr;
    for (const auto& t : reg.templates()) {
        if (ctx.json) {
            arr.append(QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("kind"), t.kind},
                                   {QStringLiteral("width_mm"), t.widthMm}, {QStringLiteral("height_mm"), t.heightMm},
                                   {QStringLiteral("stocks"), QJsonArray::fromStringList(t.stocks)},
                                   {QStringLiteral("title_zh"), t.titleZh}, {QStringLiteral("title_en"), t.titleEn}});
            continue;
        }
        printLine(QStringLiteral("%1\t%2×%3 mm\t%4\t%5 / %6")
                      .arg(t.name).arg(t.widthMm).arg(t.heightMm).arg(t.stocks.join(QLatin1Char(',')), t.titleZh, t.titleEn));
    }
    if (ctx.json) {
        QJsonArray stocks;
        for (const auto& s : reg.stocks())
            stocks.append(QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("size"), s.sizeText()},
                                      {QStringLiteral("title_zh"), s.titleZh}});
        printLine(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("templates"), arr}, {QStringLiteral("stocks"), stocks}})
                                        .toJson(QJsonDocument::Compact)));
    } else {
        printLine(QStringLiteral("\n标签纸 / stocks:"));
        for (const auto& s : reg.stocks()) printLine(QStringLiteral("%1\t%2\t%3").arg(s.name, s.sizeText(), s.titleZh));
    }
    for (const auto& p : reg.loadProblems()) printErrLine(p);
    return ExitOk;
}

// --box / --location → the label data (one label)
Result<QPair<LabelData, QString>> oneLabel(db::Database& database, QStringList& args) {
    const QString box = takeOption(args, QStringLiteral("--box"));
    const QString loc = takeOption(args, QStringLiteral("--location"));
    db::LabelRepository repo(database);
    if (!box.isEmpty()) {
        auto r = repo.box(box);
        if (!r) return r.error();
        return qMakePair(labelDataOf(r.value()), QStringLiteral("spine-40"));
    }
    if (!loc.isEmpty()) {
        auto r = repo.location(loc);
        if (!r) return r.error();
        return qMakePair(labelDataOf(r.value()), QStringLiteral("shelf"));
    }
    return badInput(QStringLiteral("请用 --box 条码 指定档案盒，或用 --location 条码 指定架位。"),
                    QStringLiteral("Give a box with --box BARCODE or a shelf location with --location BARCODE."));
}

int runRender(Context& ctx, QStringList args) {
    const QString out = takeOption(args, QStringLiteral("--out"));
    const QString ext = QFileInfo(out).suffix().toLower();
    if (out.isEmpty() || (ext != QLatin1String("pdf") && ext != QLatin1String("png") && ext != QLatin1String("zpl")))
        return reportError(ctx, badInput(QStringLiteral("请用 --out 指定输出文件，扩展名为 .pdf、.png 或 .zpl。"),
                                         QStringLiteral("Give the output file with --out; it must end in .pdf, .png or .zpl.")));
    auto database = ctx.openDb(false);
    if (!database) return ExitBadInput;
    auto one = oneLabel(*database, args);
    if (!one) return reportError(ctx, one.error());
    auto job = prepare(args, {one->first}, one->second, QStringLiteral("preview"), ext == QLatin1String("zpl"));
    if (!job) return reportError(ctx, job.error());
    if (!args.isEmpty())
        return reportError(ctx, badInput(QStringLiteral("无法识别的参数：%1").arg(args.join(QLatin1Char(' '))),
                                         QStringLiteral("Unknown arguments: %1").arg(args.join(QLatin1Char(' ')))));
    QByteArray bytes;
    if (ext == QLatin1String("zpl")) {
        bytes = renderZpl(job->layouts);
    } else if (ext == QLatin1String("pdf")) {
        PdfOptions o;
        o.startPosition = job->start;
        o.title = QStringLiteral("%1 %2").arg(job->tpl.name, one->first.barcode);
        auto pdf = renderPdf(job->layouts, job->stock, o);
        if (!pdf) return reportError(ctx, pdf.error());
        bytes = pdf.value();
    } else {
        auto pages = renderPages(job->layouts, job->stock, job->printer.dpi, job->start);
        if (!pages) return reportError(ctx, pages.error());
        QSaveFile f(out);
        if (!f.open(QIODevice::WriteOnly) || !pages->first().save(&f, "PNG") || !f.commit())
            return reportError(ctx, makeError(QStringLiteral("write_failed"), QStringLiteral("无法写入 %1：%2").arg(out, f.errorString()),
                                              QStringLiteral("Cannot write %1: %2").arg(out, f.errorString())));
    }
    if (!bytes.isEmpty()) {
        QSaveFile f(out);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            return reportError(ctx, makeError(QStringLiteral("write_failed"), QStringLiteral("无法写入 %1：%2").arg(out, f.errorString()),
                                              QStringLiteral("Cannot write %1: %2").arg(out, f.errorString())));
    }
    if (ctx.json)
        printLine(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("out"), out}, {QStringLiteral("template"), job->tpl.name},
                                                              {QStringLiteral("stock"), job->stock.name},
                                                              {QStringLiteral("hash"), job->layouts.first().dataHash}})
                                        .toJson(QJsonDocument::Compact)));
    else
        printLine(QStringLiteral("已生成 %1（模板 %2，标签纸 %3，条码已试读通过） / wrote %1 (template %2, stock %3, barcode test-read OK)")
                      .arg(out, job->tpl.name, job->stock.name));
    return ExitOk;
}

int submitAndFollow(Context& ctx, db::Database& database, const Job& job, const QString& printer, bool zpl, int waitS,
                    const QString& actor, const QString& title) {
    QByteArray doc;
    if (zpl) {
        doc = renderZpl(job.layouts);
    } else {
        PdfOptions o;
        o.startPosition = job.start;
        o.title = title;
        auto pdf = renderPdf(job.layouts, job.stock, o);
        if (!pdf) return reportError(ctx, pdf.error());
        doc = pdf.value();
    }
    PrintRequest r;
    r.printer = printer;
    r.document = doc;
    r.format = zpl ? QStringLiteral("application/vnd.zebra-zpl") : QStringLiteral("application/pdf");
    r.title = title;
    r.actor = actor;
    for (qsizetype i = 0; i < job.layouts.size(); ++i)
        r.labels << PrintedLabel{job.data[i].barcode, job.tpl.name, job.layouts[i].dataHash};
    PrintQueue q(queueDir(ctx));
    auto id = q.enqueue(r);
    if (!id) return reportError(ctx, id.error());
    printErrLine(QStringLiteral("已加入打印队列：%1 张标签 / queued %1 labels").arg(job.layouts.size()));
    return followQueue(ctx, database, q, waitS, id.value());
}

int runPrint(Context& ctx, QStringList args, bool batch) {
    const bool hasPrinter = args.contains(QStringLiteral("--printer")) || !args.filter(QRegularExpression(QStringLiteral("^--printer="))).isEmpty();
    QString printer = takeOption(args, QStringLiteral("--printer"));
    const bool zpl = takeFlag(args, QStringLiteral("--zpl"));
    const int waitS = takeOption(args, QStringLiteral("--wait"), QStringLiteral("60")).toInt();
    const QString actor = takeOption(args, QStringLiteral("--as"), QStringLiteral("archivectl"));
    if (hasPrinter && printer.trimmed().isEmpty())
        return reportError(ctx, badInput(QStringLiteral("--printer 不能为空：请写打印机名称、ipp:// 地址，或 file（保存为文件）。"),
                                         QStringLiteral("--printer must not be empty: give a printer name, an ipp:// address, or file (save as files).")));
    auto database = ctx.openDb(false);
    if (!database) return ExitBadInput;
    if (printer.isEmpty()) {  // the label printer chosen for this archive (archivectl printers use label NAME), as the kiosk does
        auto choice = wiring::printerChoice(*database);
        if (!choice) return reportError(ctx, choice.error());
        printer = choice->label;
        if (printer.isEmpty())
            return reportError(ctx, badInput(QStringLiteral("没有选择标签打印机：请用 --printer 指定（archivectl printers 可列出所有打印机；"
                                                            "--printer file 保存为文件），或由管理员选择：archivectl printers use label 名称 --as 管理员卡号。"),
                                             QStringLiteral("No label printer is chosen: give one with --printer (archivectl printers lists them; "
                                                            "--printer file saves files), or have the administrator choose one: "
                                                            "archivectl printers use label NAME --as ADMIN-CARD.")));
    }
    printer = wiring::printerFromArgument(printer);
    QList<LabelData> data;
    QString defaultTemplate = QStringLiteral("spine-40"), title;
    db::LabelRepository repo(*database);
    if (batch) {
        const QString shelf = takeOption(args, QStringLiteral("--shelf"));
        const QString transfer = takeOption(args, QStringLiteral("--transfer"));
        Result<QList<db::BoxLabelRow>> rows = QList<db::BoxLabelRow>{};
        if (!shelf.isEmpty()) rows = repo.boxesAt(shelf);
        else if (!transfer.isEmpty()) rows = repo.boxesOfTransfer(transfer);
        else
            return reportError(ctx, badInput(QStringLiteral("请用 --shelf 架位条码 或 --transfer 移交单号 指定要打印的档案盒。"),
                                             QStringLiteral("Give the boxes with --shelf LOCATION or --transfer CODE.")));
        if (!rows) return reportError(ctx, rows.error());
        if (rows->isEmpty())
            return reportError(ctx, badInput(QStringLiteral("%1 没有档案盒，无需打印。").arg(shelf.isEmpty() ? transfer : shelf),
                                             QStringLiteral("%1 holds no boxes: nothing to print.").arg(shelf.isEmpty() ? transfer : shelf)));
        for (const auto& row : rows.value()) data << labelDataOf(row);
        title = QStringLiteral("labels %1 ×%2").arg(shelf.isEmpty() ? transfer : shelf).arg(data.size());
    } else {
        auto one = oneLabel(*database, args);
        if (!one) return reportError(ctx, one.error());
        data << one->first;
        defaultTemplate = one->second;
        title = QStringLiteral("label %1").arg(one->first.barcode);
    }
    auto job = prepare(args, data, defaultTemplate, printer, zpl);
    if (!job) return reportError(ctx, job.error());
    if (!args.isEmpty())
        return reportError(ctx, badInput(QStringLiteral("无法识别的参数：%1").arg(args.join(QLatin1Char(' '))),
                                         QStringLiteral("Unknown arguments: %1").arg(args.join(QLatin1Char(' ')))));
    return submitAndFollow(ctx, *database, job.value(), printer, zpl, waitS, actor, title);
}

int runQueue(Context& ctx, QStringList args) {
    const int waitS = takeOption(args, QStringLiteral("--wait"), QStringLiteral("0")).toInt();
    auto database = ctx.openDb(false);
    if (!database) return ExitBadInput;
    PrintQueue q(queueDir(ctx));
    if (q.entries().isEmpty()) {
        printLine(ctx.json ? QStringLiteral("{\"jobs\":[]}") : QStringLiteral("打印队列为空 / the print queue is empty"));
        return ExitOk;
    }
    return followQueue(ctx, *database, q, waitS);
}

int runStatus(Context& ctx, QStringList args) {
    const QString box = takeOption(args, QStringLiteral("--box"));
    if (box.isEmpty())
        return reportError(ctx, badInput(QStringLiteral("请用 --box 条码 指定档案盒。"), QStringLiteral("Give the box with --box BARCODE.")));
    auto database = ctx.openDb(false);
    if (!database) return ExitBadInput;
    db::LabelRepository repo(*database);
    auto row = repo.box(box);
    if (!row) return reportError(ctx, row.error());
    const QString hash = labelDataOf(row.value()).hash();
    auto st = repo.labelState(row->barcode, hash);
    if (!st) return reportError(ctx, st.error());
    const char* names[] = {"never_printed", "current", "stale"};
    const QString name = QString::fromLatin1(names[int(st.value())]);
    if (ctx.json) {
        printLine(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("box"), row->barcode}, {QStringLiteral("label"), name},
                                                              {QStringLiteral("hash"), hash}}).toJson(QJsonDocument::Compact)));
    } else if (st.value() == db::LabelState::Current) {
        printLine(QStringLiteral("%1：标签与目录一致 / label is current").arg(row->barcode));
    } else if (st.value() == db::LabelState::Stale) {
        printLine(QStringLiteral("%1：盒内容已变，标签需要重印 / contents changed: reprint the label").arg(row->barcode));
    } else {
        printLine(QStringLiteral("%1：尚未打印过标签 / no label printed yet").arg(row->barcode));
    }
    return ExitOk;
}

int runLabel(Context& ctx, QStringList args) {
    if (args.isEmpty())
        return reportError(ctx, badInput(QStringLiteral("用法：archivectl label templates|render|print|batch|queue|status …"),
                                         QStringLiteral("Usage: archivectl label templates|render|print|batch|queue|status …")));
    const QString sub = args.takeFirst();
    if (sub == QLatin1String("templates")) return runTemplates(ctx);
    if (sub == QLatin1String("render")) return runRender(ctx, args);
    if (sub == QLatin1String("print")) return runPrint(ctx, args, false);
    if (sub == QLatin1String("batch")) return runPrint(ctx, args, true);
    if (sub == QLatin1String("queue")) return runQueue(ctx, args);
    if (sub == QLatin1String("status")) return runStatus(ctx, args);
    return reportError(ctx, badInput(QStringLiteral("未知的 label 子命令“%1”：可用 templates、render、print、batch、queue、status。").arg(sub.left(40)),
                                     QStringLiteral("Unknown label subcommand \"%1\": use templates, render, print, batch, queue or status.").arg(sub.left(40))));
}

}  // namespace

ARCHIVECTL_COMMAND(QStringLiteral("label"),
                   QStringLiteral("label templates | render --box B|--location L [--template T] [--stock S] --out F.pdf|png|zpl | "
                                  "print --box B|--location L [--printer P|file] | batch --shelf L|--transfer C [--printer P|file] | queue [--wait S] | status --box B"),
                   QStringLiteral("box spine/cover and shelf labels: preview, print through CUPS (queued, retried while the printer is offline), "
                                  "record printed labels, show stale ones"),
                   runLabel);
