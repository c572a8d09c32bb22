// archivectl onsite CODE --reader CARD --as STAFFCARD [--copy --pages N] [--purpose TEXT] [--request ID]
// R3: in-room-only files are read on site or copied by the archivist, and that is recorded.
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

using namespace archivectl;
using namespace archive::db;

static int runOnsite(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("onsite CODE --reader CARD --as STAFFCARD [--copy --pages N] [--purpose TEXT] [--request ID]");
    auto staff = actorOption(ctx, args);
    if (!staff) return ExitBadInput;
    OnSiteUse u;
    u.personCard = takeOption(args, QStringLiteral("--reader")).trimmed();
    if (takeFlag(args, QStringLiteral("--copy"))) u.kind = QStringLiteral("copy");
    const QString pages = takeOption(args, QStringLiteral("--pages"));
    u.purpose = takeOption(args, QStringLiteral("--purpose")).trimmed();
    const QString req = takeOption(args, QStringLiteral("--request"));
    if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
    if (!checkValue(ctx, args[0], QStringLiteral("档案盒条码或档号"), QStringLiteral("box barcode or archival code"), 100)) return ExitBadInput;
    if (!checkValue(ctx, u.personCard, QStringLiteral("查阅人证号（--reader）"), QStringLiteral("reader's card (--reader)"))) return ExitBadInput;
    if (u.purpose.size() > 500) return badInput(ctx, QStringLiteral("用途过长。"), QStringLiteral("The purpose is too long."));
    if (!pages.isEmpty()) {
        auto n = idValue(ctx, pages, QStringLiteral("复制页数（--pages）"), QStringLiteral("pages (--pages)"));
        if (!n || *n > 100000) return ExitBadInput;
        u.pages = int(*n);
    }
    if (!req.isEmpty()) {
        auto id = idValue(ctx, req, QStringLiteral("申请编号"), QStringLiteral("request number"));
        if (!id) return ExitBadInput;
        u.requestId = *id;
    }
    u.code = args[0].trimmed();
    u.staffCard = *staff;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    Books books(*db);
    auto id = books.recordOnSiteUse(u);
    if (!id) return reportError(ctx, id.error());
    succeed(ctx, QJsonObject{{QStringLiteral("id"), id.value()}, {QStringLiteral("kind"), u.kind}},
            {QStringLiteral("已登记%1 #%2：%3 / recorded on-site %4 #%2 of %3")
                 .arg(u.kind == QLatin1String("copy") ? QStringLiteral("复制") : QStringLiteral("查阅"))
                 .arg(id.value()).arg(u.code, u.kind)});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("onsite"), QStringLiteral("onsite CODE --reader CARD --as STAFFCARD [--copy --pages N] [--purpose TEXT] [--request ID]"),
                   QStringLiteral("record an on-site reading or a copy (the only use of in-room-only files, R3) / 登记室内查阅或复制"), runOnsite);
