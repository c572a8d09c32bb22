// archivectl init — create (or bring up to date) the archive database.
#include "CliSupport.h"

#include "db/Database.h"

using namespace archivectl;

static int runInit(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    if (!checkPositional(ctx, args, 0, 0, QStringLiteral("init"))) return ExitBadInput;
    auto db = ctx.openDb(true);
    if (!db) return ExitBadInput;
    const int v = db->schemaVersion();
    succeed(ctx, QJsonObject{{QStringLiteral("db"), db->location()}, {QStringLiteral("schema_version"), v}},
            {QStringLiteral("档案库已就绪：%1（数据结构版本 %2） / archive ready: %1 (schema version %2)").arg(db->location()).arg(v)});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("init"), QStringLiteral("init"),
                   QStringLiteral("create the archive database (or apply pending migrations) / 创建或升级档案库"), runInit);
