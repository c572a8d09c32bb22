// archivectl move BOX LOCATION --as STAFFCARD
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

using namespace archivectl;

static int runMove(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    auto staff = actorOption(ctx, args);
    if (!staff) return ExitBadInput;
    if (!checkPositional(ctx, args, 2, 2, QStringLiteral("move BOX LOCATION --as STAFFCARD"))) return ExitBadInput;
    if (!checkValue(ctx, args[0], QStringLiteral("档案盒条码"), QStringLiteral("box barcode"))) return ExitBadInput;
    if (!checkValue(ctx, args[1], QStringLiteral("架位条码"), QStringLiteral("shelf location barcode"))) return ExitBadInput;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    archive::db::Books books(*db);
    if (auto st = books.moveBox(args[0].trimmed(), args[1].trimmed(), *staff); !st) return reportError(ctx, st.error());
    auto loc = books.location(args[1].trimmed());
    const QString where = loc ? loc->display() : args[1].trimmed();
    succeed(ctx, QJsonObject{{QStringLiteral("box"), args[0].trimmed()}, {QStringLiteral("location"), args[1].trimmed()},
                             {QStringLiteral("where"), where}},
            {QStringLiteral("已移至 %1：%2 / moved %2 to %1").arg(where, args[0].trimmed())});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("move"), QStringLiteral("move BOX LOCATION --as STAFFCARD"),
                   QStringLiteral("move a box to another shelf location; logged with who and when (R2) / 移库"), runMove);
