// archivectl sweep LOCATION [BOX…] [--from FILE|-] --as STAFFCARD — inventory of one shelf (盘点).
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

using namespace archivectl;

static int runSweep(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("sweep LOCATION [BOX…] [--from FILE|-] --as STAFFCARD");
    auto staff = actorOption(ctx, args);
    if (!staff) return ExitBadInput;
    const QString from = takeOption(args, QStringLiteral("--from"));
    if (!checkPositional(ctx, args, 1, -1, usage)) return ExitBadInput;
    if (!checkValue(ctx, args[0], QStringLiteral("架位条码"), QStringLiteral("shelf location barcode"))) return ExitBadInput;
    QStringList boxes = args.mid(1);
    if (!from.isEmpty()) {
        auto more = readCodeList(ctx, from);
        if (!more) return ExitBadInput;
        boxes += *more;
    }
    for (QString& b : boxes) {
        if (!checkValue(ctx, b, QStringLiteral("档案盒条码"), QStringLiteral("box barcode"), 100)) return ExitBadInput;
        b = b.trimmed();
    }
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    archive::db::Books books(*db);
    auto r = books.sweepShelf(args[0].trimmed(), boxes, *staff);
    if (!r) return reportError(ctx, r.error());
    const auto& s = r.value();
    QJsonArray misplaced;
    QStringList mis;
    for (const auto& m : s.misplaced) {
        misplaced.append(QJsonObject{{QStringLiteral("box"), m.barcode}, {QStringLiteral("expected"), m.expectedLocation}});
        mis << QStringLiteral("%1（应在 %2）").arg(m.barcode, m.expectedLocation.isEmpty() ? QStringLiteral("未登记") : m.expectedLocation);
    }
    const QString sep = QStringLiteral("  ");
    succeed(ctx,
            QJsonObject{{QStringLiteral("location"), s.shelfBarcode}, {QStringLiteral("found"), QJsonArray::fromStringList(s.found)},
                        {QStringLiteral("missing"), QJsonArray::fromStringList(s.missing)}, {QStringLiteral("misplaced"), misplaced},
                        {QStringLiteral("unknown"), QJsonArray::fromStringList(s.unknown)},
                        {QStringLiteral("recovered"), QJsonArray::fromStringList(s.recovered)}},
            {QStringLiteral("盘点 %1 / sweep of %1").arg(s.shelfBarcode),
             QStringLiteral("  在架 found (%1): %2").arg(s.found.size()).arg(s.found.join(sep)),
             QStringLiteral("  缺失 missing (%1): %2").arg(s.missing.size()).arg(s.missing.join(sep)),
             QStringLiteral("  错架 misplaced (%1): %2").arg(s.misplaced.size()).arg(mis.join(sep)),
             QStringLiteral("  未登记 unknown (%1): %2").arg(s.unknown.size()).arg(s.unknown.join(sep)),
             QStringLiteral("  找回 recovered (%1): %2").arg(s.recovered.size()).arg(s.recovered.join(sep))});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("sweep"), QStringLiteral("sweep LOCATION [BOX…] [--from FILE|-] --as STAFFCARD"),
                   QStringLiteral("inventory of a shelf: scanned boxes vs the books → found, missing, misplaced, unknown / 盘点"), runSweep);
