// archivectl checkout BOX|ITEM… --to CARD --as STAFFCARD [--request ID]
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

using namespace archivectl;

static int runCheckout(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("checkout BOX|ITEM… --to CARD --as STAFFCARD [--request ID]");
    auto staff = actorOption(ctx, args);
    if (!staff) return ExitBadInput;
    const QString to = takeOption(args, QStringLiteral("--to"));
    const QString req = takeOption(args, QStringLiteral("--request"));
    if (!checkPositional(ctx, args, 1, 500, usage)) return ExitBadInput;
    if (!checkValue(ctx, to, QStringLiteral("借阅人证号（--to）"), QStringLiteral("borrower card (--to)"))) return ExitBadInput;
    for (const QString& c : args)
        if (!checkValue(ctx, c, QStringLiteral("档案盒条码或档号"), QStringLiteral("box barcode or archival code"), 100)) return ExitBadInput;
    qint64 requestId = 0;
    if (!req.isEmpty()) {
        auto id = idValue(ctx, req, QStringLiteral("申请编号（--request）"), QStringLiteral("request number (--request)"));
        if (!id) return ExitBadInput;
        requestId = *id;
    }
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    archive::db::Books books(*db);
    QList<archive::db::LoanInfo> loans;
    if (args.size() == 1 && isBoxCode(*db, args[0])) {
        auto r = books.checkOutBox(args[0].trimmed(), to.trimmed(), *staff, requestId);
        if (!r) return reportError(ctx, r.error());
        loans << r.value();
    } else {
        QStringList codes;
        for (const QString& c : args) codes << c.trimmed();
        auto r = books.checkOutItems(codes, to.trimmed(), *staff, requestId);
        if (!r) return reportError(ctx, r.error());
        loans = r.value();
    }
    QJsonArray a;
    QStringList lines;
    for (const auto& l : loans) {
        a.append(loanJson(l));
        lines << QStringLiteral("已借出 / checked out: ") + loanText(l);
    }
    succeed(ctx, QJsonObject{{QStringLiteral("loans"), a}}, lines);
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("checkout"), QStringLiteral("checkout BOX|ITEM… --to CARD --as STAFFCARD [--request ID]"),
                   QStringLiteral("lend a box (or items) to a borrower; the due date follows the category (R1–R8) / 借出"), runCheckout);
