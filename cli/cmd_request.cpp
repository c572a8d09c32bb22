// archivectl request CODE --as CARD --purpose TEXT [--on-site];  requests [--pending-for CARD | --of CARD | --picklist]
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

using namespace archivectl;
using namespace archive::db;

static int runRequest(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("request BOX|ITEM --as CARD --purpose TEXT [--on-site]");
    auto who = actorOption(ctx, args);
    if (!who) return ExitBadInput;
    const QString purpose = takeOption(args, QStringLiteral("--purpose"));
    const bool onSite = takeFlag(args, QStringLiteral("--on-site"));
    if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
    if (!checkValue(ctx, args[0], QStringLiteral("档案盒条码或档号"), QStringLiteral("box barcode or archival code"), 100)) return ExitBadInput;
    if (!checkValue(ctx, purpose, QStringLiteral("借阅用途（--purpose）"), QStringLiteral("purpose (--purpose)"), 500)) return ExitBadInput;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    Books books(*db);
    NewRequest r;
    r.requesterCard = *who;
    if (isBoxCode(*db, args[0])) r.boxBarcode = args[0].trimmed();
    else r.itemCode = args[0].trimmed();
    r.purpose = purpose.trimmed();
    r.mode = onSite ? QStringLiteral("on_site") : QStringLiteral("take_out");
    auto res = books.request(r);
    if (!res) return reportError(ctx, res.error());
    succeed(ctx, QJsonObject{{QStringLiteral("request"), requestJson(res.value())}}, {QStringLiteral("已提交 / submitted: ") + requestText(res.value())});
    return ExitOk;
}

static int runDecide(Context& ctx, QStringList args, bool approve) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = approve ? QStringLiteral("approve REQUEST --as CARD [--note TEXT]")
                                  : QStringLiteral("reject REQUEST --as CARD --reason TEXT");
    auto who = actorOption(ctx, args);
    if (!who) return ExitBadInput;
    const QString note = takeOption(args, approve ? QStringLiteral("--note") : QStringLiteral("--reason"));
    if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
    auto id = idValue(ctx, args[0], QStringLiteral("申请编号"), QStringLiteral("request number"));
    if (!id) return ExitBadInput;
    if (!approve && !checkValue(ctx, note, QStringLiteral("驳回理由（--reason）"), QStringLiteral("reason (--reason)"), 500)) return ExitBadInput;
    if (note.size() > 500) return badInput(ctx, QStringLiteral("备注过长（最多 500 字）。"), QStringLiteral("The note is too long (500 at most)."));
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    Books books(*db);
    auto res = approve ? books.approve(*id, *who, note.trimmed()) : books.reject(*id, *who, note.trimmed());
    if (!res) return reportError(ctx, res.error());
    succeed(ctx, QJsonObject{{QStringLiteral("request"), requestJson(res.value())}},
            {(approve ? QStringLiteral("已批准 / approved: ") : QStringLiteral("已驳回 / rejected: ")) + requestText(res.value())});
    return ExitOk;
}

static int runRequests(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("requests [--pending-for CARD | --of CARD [--all] | --picklist]");
    const QString pendingFor = takeOption(args, QStringLiteral("--pending-for"));
    const QString of = takeOption(args, QStringLiteral("--of"));
    const bool all = takeFlag(args, QStringLiteral("--all"));
    const bool pick = takeFlag(args, QStringLiteral("--picklist"));
    if (!checkPositional(ctx, args, 0, 0, usage)) return ExitBadInput;
    if (int(!pendingFor.isEmpty()) + int(!of.isEmpty()) + int(pick) != 1)
        return badInput(ctx, QStringLiteral("请给出 --pending-for CARD、--of CARD 或 --picklist 之一。用法：archivectl %1").arg(usage),
                        QStringLiteral("Give one of --pending-for CARD, --of CARD or --picklist. Usage: archivectl %1").arg(usage));
    const QString card = pendingFor.isEmpty() ? of : pendingFor;
    if (!pick && !checkValue(ctx, card, QStringLiteral("借阅证号"), QStringLiteral("card"))) return ExitBadInput;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    Books books(*db);
    auto res = pick ? books.pickList() : !pendingFor.isEmpty() ? books.pendingApprovals(card.trimmed()) : books.requestsOf(card.trimmed(), !all);
    if (!res) return reportError(ctx, res.error());
    QJsonArray a;
    QStringList lines;
    for (const auto& r : res.value()) {
        a.append(requestJson(r));
        QString l = requestText(r);
        if (pick && r.location.id) l += QStringLiteral("  位置 at: %1 [%2]").arg(r.location.display(), r.location.barcode);
        lines << l;
    }
    if (lines.isEmpty()) lines << QStringLiteral("（没有申请 / no requests）");
    succeed(ctx, QJsonObject{{QStringLiteral("requests"), a}}, lines);
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("request"), QStringLiteral("request BOX|ITEM --as CARD --purpose TEXT [--on-site]"),
                   QStringLiteral("ask to borrow (or read on site); approvals are worked out by the rules R4–R7 / 借阅申请"), runRequest);
ARCHIVECTL_COMMAND(QStringLiteral("approve"), QStringLiteral("approve REQUEST --as CARD [--note TEXT]"),
                   QStringLiteral("approve a request in your role (head R4, leader R6, archivist R5) / 批准申请"),
                   [](Context& c, QStringList a) { return runDecide(c, std::move(a), true); });
ARCHIVECTL_COMMAND(QStringLiteral("reject"), QStringLiteral("reject REQUEST --as CARD --reason TEXT"),
                   QStringLiteral("reject a request, saying why / 驳回申请"),
                   [](Context& c, QStringList a) { return runDecide(c, std::move(a), false); });
ARCHIVECTL_COMMAND(QStringLiteral("requests"), QStringLiteral("requests [--pending-for CARD | --of CARD [--all] | --picklist]"),
                   QStringLiteral("list requests awaiting your approval, a person's requests, or the pick list / 申请列表"), runRequests);
