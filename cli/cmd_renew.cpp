// archivectl renew CODE --as CARD
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

using namespace archivectl;

static int runRenew(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    auto actor = actorOption(ctx, args);
    if (!actor) return ExitBadInput;
    if (!checkPositional(ctx, args, 1, 1, QStringLiteral("renew CODE --as CARD"))) return ExitBadInput;
    if (!checkValue(ctx, args[0], QStringLiteral("档案盒条码或档号"), QStringLiteral("box barcode or archival code"), 100)) return ExitBadInput;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    archive::db::Books books(*db);
    auto r = books.renew(args[0].trimmed(), *actor);
    if (!r) return reportError(ctx, r.error());
    succeed(ctx, QJsonObject{{QStringLiteral("loan"), loanJson(r.value())}},
            {QStringLiteral("已续借，新的应还日期 %1 / renewed, now due %1: ").arg(localDate(r->dueAt)) + loanText(r.value())});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("renew"), QStringLiteral("renew CODE --as CARD"),
                   QStringLiteral("renew a loan (limited per category; refused when someone else asked for it, R8) / 续借"), runRenew);
