// archivectl checkin CODE… --as STAFFCARD [--condition ok|damaged|incomplete|lost] [--note TEXT] [--from FILE] [--batch]
// Without --batch each return is its own transaction and its line "done" is printed (and flushed) right
// after its commit; with --batch all go in one transaction (the return cart).
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

using namespace archivectl;
using namespace archive::db;

static int runCheckin(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("checkin CODE… --as STAFFCARD [--condition ok|damaged|incomplete|lost] [--note TEXT] [--from FILE|-] [--batch]");
    auto staff = actorOption(ctx, args);
    if (!staff) return ExitBadInput;
    const QString condText = takeOption(args, QStringLiteral("--condition"), QStringLiteral("ok"));
    const QString note = takeOption(args, QStringLiteral("--note"));
    const QString from = takeOption(args, QStringLiteral("--from"));
    const bool batch = takeFlag(args, QStringLiteral("--batch"));
    if (!checkPositional(ctx, args, from.isEmpty() ? 1 : 0, -1, usage)) return ExitBadInput;
    ReturnCondition cond;
    if (!parseCondition(condText, &cond))
        return badInput(ctx, QStringLiteral("归还状况「%1」无法识别，应为 完好(ok)、损坏(damaged)、不完整(incomplete) 或 丢失(lost)。").arg(shown(condText)),
                        QStringLiteral("Unknown condition \"%1\"; use ok, damaged, incomplete or lost.").arg(shown(condText)));
    if (note.size() > 1000) return badInput(ctx, QStringLiteral("备注过长（最多 1000 字）。"), QStringLiteral("The note is too long (1000 characters at most)."));
    QStringList codes = args;
    if (!from.isEmpty()) {
        auto more = readCodeList(ctx, from);
        if (!more) return ExitBadInput;
        codes += *more;
    }
    for (const QString& c : codes)
        if (!checkValue(ctx, c, QStringLiteral("档案盒条码或档号"), QStringLiteral("box barcode or archival code"), 100)) return ExitBadInput;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    Books books(*db);

    if (batch) {
        QList<CheckinLine> lines;
        for (const QString& c : codes) lines << CheckinLine{c.trimmed(), cond, note};
        auto r = books.checkInBatch(lines, *staff);
        if (!r) return reportError(ctx, r.error());
        QJsonArray done, refused;
        QStringList text;
        for (const auto& l : r->done) {
            done.append(loanJson(l));
            text << QStringLiteral("已归还 / checked in: ") + loanText(l);
        }
        for (const auto& x : r->refused) {
            refused.append(QJsonObject{{QStringLiteral("code"), x.code}, {QStringLiteral("message_zh"), x.messageZh},
                                       {QStringLiteral("message_en"), x.messageEn}});
            printErrLine(QStringLiteral("未归还 / not checked in: %1 — %2 — %3").arg(shown(x.code), x.messageZh, x.messageEn));
        }
        succeed(ctx, QJsonObject{{QStringLiteral("done"), done}, {QStringLiteral("refused"), refused}}, text);
        return r->refused.isEmpty() ? ExitOk : ExitRefused;
    }

    int worst = ExitOk;
    QJsonArray done;
    for (const QString& c : codes) {
        auto r = books.checkIn(c.trimmed(), *staff, cond, note);
        if (!r) {
            const int e = reportError(ctx, r.error());
            worst = qMax(worst, e);
            continue;
        }
        if (ctx.json) done.append(loanJson(r.value()));
        else {
            QString line = QStringLiteral("done %1 已归还 / checked in: %2").arg(c.trimmed(), loanText(r.value()));
            if (r->incidentId) line += QStringLiteral("  已登记事件 #%1 / incident #%1 recorded (R9)").arg(r->incidentId);
            printLine(line);
            std::fflush(stdout);  // "done" means committed: a crash after this line keeps it
        }
    }
    if (ctx.json) succeed(ctx, QJsonObject{{QStringLiteral("done"), done}}, {});
    return worst;
}

ARCHIVECTL_COMMAND(QStringLiteral("checkin"),
                   QStringLiteral("checkin CODE… --as STAFFCARD [--condition ok|damaged|incomplete|lost] [--note TEXT] [--from FILE|-] [--batch]"),
                   QStringLiteral("take back boxes or items; damage/loss records an incident (R9) / 归还"), runCheckin);
