// archivectl mark-lost CODE --as STAFFCARD --note TEXT
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

using namespace archivectl;

static int runMarkLost(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("mark-lost CODE --as STAFFCARD --note TEXT");
    auto staff = actorOption(ctx, args);
    if (!staff) return ExitBadInput;
    const QString note = takeOption(args, QStringLiteral("--note"));
    if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
    if (!checkValue(ctx, args[0], QStringLiteral("档案盒条码或档号"), QStringLiteral("box barcode or archival code"), 100)) return ExitBadInput;
    if (!checkValue(ctx, note, QStringLiteral("情况说明（--note）"), QStringLiteral("note (--note)"), 1000)) return ExitBadInput;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    archive::db::Books books(*db);
    if (auto st = books.markLost(args[0].trimmed(), *staff, note.trimmed()); !st) return reportError(ctx, st.error());
    succeed(ctx, QJsonObject{{QStringLiteral("code"), args[0].trimmed()}},
            {QStringLiteral("已登记丢失：%1（状态改为缺失，已记录事件） / marked lost: %1 (state missing, incident recorded)").arg(args[0].trimmed())});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("mark-lost"), QStringLiteral("mark-lost CODE --as STAFFCARD --note TEXT"),
                   QStringLiteral("record a box or item as lost (closes its loan, records an incident, R9) / 登记丢失"), runMarkLost);
