// Transfers in (移交/接收, R10):
//   archivectl transfer open CODE --register FILE --dept DEPT --sender NAME --sender-head NAME --as STAFFCARD
//   archivectl transfer receive ID FILE --as STAFFCARD
//   archivectl transfer complete ID --location LOC --as STAFFCARD [--fonds F] [--category C] [--retention R] [--note TEXT]
//     (puts the registered files that arrived into the books on LOC; fonds/category/retention when the codes do not say)
//   archivectl transfer show ID
// FILE: CSV with archival_code/档号, title/题名, year/年度, pages/页数, box/盒条码 (UTF-8 or GB18030).
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"
#include "db/import/CsvReader.h"

#include <QFile>
#include <QFileInfo>

using namespace archivectl;
using namespace archive::db;

static std::optional<QList<TransferLine>> readLines(const Context& ctx, const QString& path) {
    QFile f(path);
    if (path.size() > 4096 || !QFileInfo(path).isFile() || !f.open(QIODevice::ReadOnly)) {
        badInput(ctx, QStringLiteral("无法读取清单文件 %1。").arg(shown(path, 200)), QStringLiteral("Cannot read the list file %1.").arg(shown(path, 200)));
        return std::nullopt;
    }
    if (f.size() > 64 * 1024 * 1024) {
        badInput(ctx, QStringLiteral("清单文件太大。"), QStringLiteral("The list file is too large."));
        return std::nullopt;
    }
    csv::Reader reader(f.readAll());
    QStringList problems;
    for (const auto& p : reader.problems()) problems << p.text();
    csv::Record rec;
    QList<csv::Problem> fp;
    QHash<QString, int> col;
    static const QList<QPair<QString, QStringList>> names = {
        {QStringLiteral("code"), {QStringLiteral("archival_code"), QStringLiteral("档号"), QStringLiteral("code")}},
        {QStringLiteral("title"), {QStringLiteral("title"), QStringLiteral("题名"), QStringLiteral("标题")}},
        {QStringLiteral("year"), {QStringLiteral("year"), QStringLiteral("年度")}},
        {QStringLiteral("pages"), {QStringLiteral("pages"), QStringLiteral("页数")}},
        {QStringLiteral("box"), {QStringLiteral("box"), QStringLiteral("盒条码"), QStringLiteral("档案盒")}}};
    QList<TransferLine> out;
    bool header = true;
    while (reader.ok() && reader.next(rec, fp)) {
        for (const auto& p : fp) problems << p.text();
        fp.clear();
        if (header) {
            header = false;
            for (int i = 0; i < rec.fields.size(); ++i)
                for (const auto& [k, ns] : names)
                    if (ns.contains(rec.fields[i].trimmed().toLower())) col.insert(k, i);
            if (!col.contains(QStringLiteral("code"))) problems << QStringLiteral("第 %1 行：缺少「档号」列 — line %1: the column \"archival_code\" is missing").arg(rec.line);
            if (!problems.isEmpty()) break;
            continue;
        }
        auto get = [&](const QString& k) { return rec.fields.value(col.value(k, -1)).trimmed(); };
        TransferLine l;
        l.archivalCode = get(QStringLiteral("code"));
        l.title = get(QStringLiteral("title"));
        l.year = get(QStringLiteral("year")).toInt();
        l.pages = get(QStringLiteral("pages")).toInt();
        l.boxBarcode = get(QStringLiteral("box"));
        if (l.archivalCode.isEmpty()) {
            if (std::all_of(rec.fields.begin(), rec.fields.end(), [](const QString& s) { return s.trimmed().isEmpty(); })) continue;
            problems << QStringLiteral("第 %1 行：档号为空 — line %1: the archival code is empty").arg(rec.line);
            continue;
        }
        out << l;
    }
    if (!problems.isEmpty()) {
        badInput(ctx, QStringLiteral("清单文件有问题，未做任何改动：\n  %1").arg(problems.mid(0, 50).join(QStringLiteral("\n  "))),
                 QStringLiteral("The list file has problems; nothing was changed (see the lines above)."));
        return std::nullopt;
    }
    return out;
}

static QJsonObject transferJson(const TransferInfo& t) {
    QJsonArray diffs;
    for (const auto& d : t.differences)
        diffs.append(QJsonObject{{QStringLiteral("code"), d.archivalCode}, {QStringLiteral("kind"), d.kind}, {QStringLiteral("detail"), d.detail}});
    return QJsonObject{{QStringLiteral("id"), t.id}, {QStringLiteral("code"), t.code}, {QStringLiteral("state"), t.state},
                       {QStringLiteral("register_lines"), t.registerLines}, {QStringLiteral("received_lines"), t.receivedLines},
                       {QStringLiteral("differences"), diffs}};
}

static QStringList transferText(const TransferInfo& t) {
    QStringList l{QStringLiteral("移交 transfer #%1 %2  状态 state: %3  清单 register: %4 行  实收 received: %5 行  差异 differences: %6")
                      .arg(t.id).arg(t.code, t.state).arg(t.registerLines).arg(t.receivedLines).arg(t.differences.size())};
    for (const auto& d : t.differences) l << QStringLiteral("  %1  %2  %3").arg(d.archivalCode, d.kind, d.detail);
    return l;
}

static int runTransfer(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("transfer open CODE --register FILE --dept DEPT --sender NAME --sender-head NAME --as STAFFCARD | "
                                         "transfer receive ID FILE --as STAFFCARD | transfer complete ID --location LOC --as STAFFCARD [--fonds F] [--category C] [--retention R] [--note TEXT] | "
                                         "transfer show ID");
    const QString sub = args.isEmpty() ? QString() : args.takeFirst();
    if (sub == QLatin1String("open")) {
        auto who = actorOption(ctx, args);
        if (!who) return ExitBadInput;
        const QString reg = takeOption(args, QStringLiteral("--register"));
        const QString dept = takeOption(args, QStringLiteral("--dept"));
        const QString sender = takeOption(args, QStringLiteral("--sender"));
        const QString head = takeOption(args, QStringLiteral("--sender-head"));
        if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
        if (!checkValue(ctx, args[0], QStringLiteral("移交单号"), QStringLiteral("transfer code"))) return ExitBadInput;
        if (!checkValue(ctx, reg, QStringLiteral("移交清单文件（--register）"), QStringLiteral("register file (--register)"), 4096)) return ExitBadInput;
        if (!checkValue(ctx, dept, QStringLiteral("移交部门（--dept）"), QStringLiteral("department (--dept)"), 100)) return ExitBadInput;
        if (!checkValue(ctx, sender, QStringLiteral("移交人（--sender）"), QStringLiteral("sender (--sender)"), 100)) return ExitBadInput;
        if (!checkValue(ctx, head, QStringLiteral("移交部门负责人（--sender-head）"), QStringLiteral("sender's head (--sender-head)"), 100)) return ExitBadInput;
        auto lines = readLines(ctx, reg);
        if (!lines) return ExitBadInput;
        auto db = ctx.openDb(false);
        if (!db) return ExitBadInput;
        Books books(*db);
        auto id = books.openTransfer(args[0].trimmed(), dept.trimmed(), sender.trimmed(), head.trimmed(), *lines, *who);
        if (!id) return reportError(ctx, id.error());
        succeed(ctx, QJsonObject{{QStringLiteral("id"), id.value()}, {QStringLiteral("register_lines"), int(lines->size())}},
                {QStringLiteral("已登记移交 #%1（清单 %2 行）。接收后请运行 transfer receive %1 FILE / transfer #%1 opened (%2 register lines)")
                     .arg(id.value()).arg(lines->size())});
        return ExitOk;
    }
    if (sub == QLatin1String("receive")) {
        auto who = actorOption(ctx, args);
        if (!who) return ExitBadInput;
        if (!checkPositional(ctx, args, 2, 2, usage)) return ExitBadInput;
        auto id = idValue(ctx, args[0], QStringLiteral("移交编号"), QStringLiteral("transfer number"));
        if (!id) return ExitBadInput;
        auto lines = readLines(ctx, args[1]);
        if (!lines) return ExitBadInput;
        auto db = ctx.openDb(false);
        if (!db) return ExitBadInput;
        Books books(*db);
        if (auto st = books.receiveTransferLines(*id, *lines, *who); !st) return reportError(ctx, st.error());
        auto t = books.transfer(*id);
        if (!t) return reportError(ctx, t.error());
        succeed(ctx, QJsonObject{{QStringLiteral("transfer"), transferJson(t.value())}}, transferText(t.value()));
        return ExitOk;
    }
    if (sub == QLatin1String("complete")) {
        auto who = actorOption(ctx, args);
        if (!who) return ExitBadInput;
        const QString note = takeOption(args, QStringLiteral("--note"));
        TransferReceipt receipt;
        receipt.locationBarcode = takeOption(args, QStringLiteral("--location")).trimmed();
        receipt.fondsCode = takeOption(args, QStringLiteral("--fonds")).trimmed();
        receipt.categoryCode = takeOption(args, QStringLiteral("--category")).trimmed();
        receipt.retention = takeOption(args, QStringLiteral("--retention")).trimmed();
        if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
        auto id = idValue(ctx, args[0], QStringLiteral("移交编号"), QStringLiteral("transfer number"));
        if (!id) return ExitBadInput;
        if (note.size() > 2000) return badInput(ctx, QStringLiteral("说明过长。"), QStringLiteral("The note is too long."));
        auto db = ctx.openDb(false);
        if (!db) return ExitBadInput;
        Books books(*db);
        auto t = books.completeTransfer(*id, *who, note.trimmed(), receipt);
        if (!t) return reportError(ctx, t.error());
        succeed(ctx, QJsonObject{{QStringLiteral("transfer"), transferJson(t.value())}}, transferText(t.value()));
        return ExitOk;
    }
    if (sub == QLatin1String("show")) {
        if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
        auto id = idValue(ctx, args[0], QStringLiteral("移交编号"), QStringLiteral("transfer number"));
        if (!id) return ExitBadInput;
        auto db = ctx.openDb(false);
        if (!db) return ExitBadInput;
        Books books(*db);
        auto t = books.transfer(*id);
        if (!t) return reportError(ctx, t.error());
        succeed(ctx, QJsonObject{{QStringLiteral("transfer"), transferJson(t.value())}}, transferText(t.value()));
        return ExitOk;
    }
    return badInput(ctx, QStringLiteral("请给出 open、receive、complete 或 show。用法：archivectl %1").arg(usage),
                    QStringLiteral("Say open, receive, complete or show. Usage: archivectl %1").arg(usage));
}

ARCHIVECTL_COMMAND(QStringLiteral("transfer"), QStringLiteral("transfer open|receive|complete|show …"),
                   QStringLiteral("transfer in: register, received list, reconciliation; complete only when differences are noted (R10) / 移交接收"),
                   runTransfer);
