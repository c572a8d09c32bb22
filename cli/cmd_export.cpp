// archivectl export holdings|loans|overdue|ledger [--out FILE] — CSV, UTF-8 with BOM for Excel.
#include "CliSupport.h"

#include "db/Database.h"
#include "db/export/Exporter.h"

#include <QFile>
#include <QSaveFile>

using namespace archivectl;
using archive::db::Exporter;

static int runExport(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("export holdings|loans|overdue|ledger [--out FILE]");
    const bool hasOut = args.contains(QStringLiteral("--out")) ||
                        std::any_of(args.begin(), args.end(), [](const QString& a) { return a.startsWith(QLatin1String("--out=")); });
    const QString out = takeOption(args, QStringLiteral("--out"));
    if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
    const auto kind = Exporter::kindFromName(args[0]);
    if (!kind)
        return badInput(ctx, QStringLiteral("不认识的导出类型「%1」，应为 holdings（馆藏）、loans（借阅）、overdue（逾期）或 ledger（台账）。").arg(shown(args[0])),
                        QStringLiteral("Unknown export \"%1\"; use holdings, loans, overdue or ledger.").arg(shown(args[0])));
    if (hasOut && (out.trimmed().isEmpty() || out.size() > 4096))
        return badInput(ctx, QStringLiteral("--out 需要一个文件名。"), QStringLiteral("--out needs a file name."));
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;

    if (!hasOut) {
        QFile f;
        if (!f.open(stdout, QIODevice::WriteOnly)) return badInput(ctx, QStringLiteral("无法写到标准输出。"), QStringLiteral("Cannot write to stdout."));
        auto r = Exporter::write(*db, *kind, f);
        f.flush();
        if (!r) return reportError(ctx, r.error());
        return ExitOk;
    }
    QSaveFile f(out);  // written to a temporary file, renamed only when complete
    if (!f.open(QIODevice::WriteOnly))
        return badInput(ctx, QStringLiteral("无法创建文件 %1（%2）。请检查文件夹是否存在、是否有写权限。").arg(shown(out, 200), f.errorString()),
                        QStringLiteral("Cannot create %1 (%2). Check that the folder exists and is writable.").arg(shown(out, 200), f.errorString()));
    auto r = Exporter::write(*db, *kind, f);
    if (!r) {
        f.cancelWriting();
        return reportError(ctx, r.error());
    }
    if (!f.commit())
        return badInput(ctx, QStringLiteral("无法保存文件 %1（%2）。").arg(shown(out, 200), f.errorString()),
                        QStringLiteral("Cannot save %1 (%2).").arg(shown(out, 200), f.errorString()));
    succeed(ctx, QJsonObject{{QStringLiteral("kind"), Exporter::kindName(*kind)}, {QStringLiteral("rows"), r.value()},
                             {QStringLiteral("file"), out}},
            {QStringLiteral("已导出 %1 行到 %2（UTF-8，Excel 可直接打开） / exported %1 rows to %2").arg(r.value()).arg(out)});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("export"), QStringLiteral("export holdings|loans|overdue|ledger [--out FILE]"),
                   QStringLiteral("export as CSV (UTF-8 with BOM, opens in Excel) to FILE or stdout / 导出 CSV"), runExport);
