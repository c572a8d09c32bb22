// archivectl migrate --to postgresql://USER@HOST:PORT/DB [--batch N]
// Copies the SQLite archive (--db / ARCHIVE_DB) into an EMPTY PostgreSQL database: schema by the same
// migrations, then every table with its ids in one transaction (db/sync/ArchiveCopy), identity sequences
// moved on, then the ledger is verified on the target and the row counts of every table are compared.
#include "Command.h"

#include "db/Database.h"
#include "db/sync/ArchiveCopy.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace archivectl;
using namespace archive;

namespace {

const char* kUsage = "migrate --to postgresql://USER@HOST:PORT/DBNAME [--batch ROWS]";

int bad(const Context& ctx, const QString& zh, const QString& en) {
    return reportError(ctx, makeError(QStringLiteral("bad_input"), zh, en));
}

int runMigrate(Context& ctx, QStringList args) {
    const QString to = takeOption(args, QStringLiteral("--to"));
    const QString batchText = takeOption(args, QStringLiteral("--batch"), QStringLiteral("500"));
    bool ok = false;
    const int batch = batchText.toInt(&ok);
    if (!ok || batch < 1 || batch > 10000)
        return bad(ctx, QStringLiteral("--batch 需要 1 到 10000 之间的行数。"),
                   QStringLiteral("--batch needs a number of rows from 1 to 10000."));
    if (!args.isEmpty())
        return bad(ctx, QStringLiteral("migrate 不认识参数：%1").arg(args.join(QLatin1Char(' '))),
                   QStringLiteral("migrate: unknown arguments: %1").arg(args.join(QLatin1Char(' '))));
    if (!to.startsWith(QLatin1String("postgresql://")) && !to.startsWith(QLatin1String("postgres://")))
        return bad(ctx, QStringLiteral("请用 --to 指定目标 PostgreSQL 数据库，例如 --to postgresql://archive@服务器:5432/archive。"),
                   QStringLiteral("Give the target PostgreSQL database with --to, e.g. --to postgresql://archive@SERVER:5432/archive."));
    const QString from = db::Database::resolveLocation(ctx.dbLocation);
    if (from.startsWith(QLatin1String("postgres")))
        return bad(ctx, QStringLiteral("--db 必须是 SQLite 档案库文件（迁移的源）。"),
                   QStringLiteral("--db must be the SQLite archive file (the source of the migration)."));

    db::OpenOptions srcOpt;
    srcOpt.create = false;
    srcOpt.migrate = false;
    auto source = db::Database::open(from, srcOpt);
    if (!source) return reportError(ctx, source.error());

    db::OpenOptions dstOpt;
    dstOpt.migrate = false;
    auto target = db::Database::open(to, dstOpt);
    if (!target) return reportError(ctx, target.error());
    // Refuse before touching the target at all (not even creating the schema) when it holds data.
    if (auto ne = db::sync::ArchiveCopy::nonEmptyTables(*target.value()); !ne) {
        return reportError(ctx, ne.error());
    } else if (!ne->isEmpty()) {
        return reportError(ctx, makeError(QStringLiteral("target_not_empty"),
                                          QStringLiteral("目标数据库不是空的（已有数据的表：%1）。迁移只写入空数据库，现有数据不会被覆盖。"
                                                         "请新建一个空数据库（createdb）后再迁移。").arg(ne->join(QStringLiteral("、"))),
                                          QStringLiteral("The target database is not empty (tables with data: %1). Migration only "
                                                         "writes into an empty database and never overwrites data. Create a new empty "
                                                         "database (createdb) and migrate into that.").arg(ne->join(QStringLiteral(", ")))));
    }
    if (auto st = target.value()->migrate(); !st) return reportError(ctx, st.error());

    if (!ctx.json)
        printErrLine(QStringLiteral("正在复制 %1 → %2 … / copying %1 → %2 …").arg(from, to.section(QLatin1Char('@'), -1)));
    db::sync::CopyOptions options;
    options.batchRows = batch;
    QString lastTable;
    options.progress = [&](const QString& table, qint64 done, qint64 total) {
        if (ctx.json) return;
        if (done == total && table != lastTable) {
            printErrLine(QStringLiteral("  %1: %2").arg(table).arg(total));
            lastTable = table;
        }
    };
    QElapsedTimer timer;
    timer.start();
    auto r = db::sync::ArchiveCopy::copy(*source.value(), *target.value(), options);
    if (!r) return reportError(ctx, r.error());
    const auto& rep = r.value();

    if (ctx.json) {
        QJsonArray tables;
        for (const auto& c : rep.counts)
            tables.append(QJsonObject{{QStringLiteral("table"), c.table}, {QStringLiteral("source"), c.source},
                                      {QStringLiteral("target"), c.target}, {QStringLiteral("match"), c.matches()}});
        printLine(QString::fromUtf8(QJsonDocument(QJsonObject{
            {QStringLiteral("ok"), rep.ok()},
            {QStringLiteral("tables"), tables},
            {QStringLiteral("counts_match"), rep.countsMatch()},
            {QStringLiteral("ledger_ok"), rep.ledger.ok},
            {QStringLiteral("ledger_rows"), rep.ledger.rowsChecked},
            {QStringLiteral("ledger_head_match"), rep.sourceLedgerHead == rep.targetLedgerHead},
            {QStringLiteral("not_copied"), QJsonArray::fromStringList(rep.derivedSkipped)},
            {QStringLiteral("seconds"), timer.elapsed() / 1000.0}}).toJson(QJsonDocument::Compact)));
    } else {
        printLine(QStringLiteral("表/Table\t源/Source\t目标/Target"));
        for (const auto& c : rep.counts)
            printLine(QStringLiteral("%1\t%2\t%3\t%4").arg(c.table).arg(c.source).arg(c.target)
                          .arg(c.matches() ? QStringLiteral("✓") : QStringLiteral("✗ 不一致/MISMATCH")));
        if (!rep.derivedSkipped.isEmpty())
            printLine(QStringLiteral("未复制（检索索引，目标库自行生成）/ not copied (search index, built by the target): %1")
                          .arg(rep.derivedSkipped.join(QStringLiteral(", "))));
        if (rep.ledger.ok)
            printLine(QStringLiteral("目标库台账校验通过：%1 条记录 / target ledger OK: %1 rows").arg(rep.ledger.rowsChecked));
        else
            printLine(QStringLiteral("目标库台账校验失败：第 %1 条（%2）/ target ledger FAILED at row %1 (%2)")
                          .arg(rep.ledger.firstBadSeq).arg(rep.ledger.reason));
        if (rep.sourceLedgerHead != rep.targetLedgerHead)
            printLine(QStringLiteral("台账末条哈希不一致 / ledger head hash differs"));
        printLine(rep.ok() ? QStringLiteral("迁移完成，%1 秒。各表行数一致。/ migration done in %1 s; every table's count matches.")
                                 .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                           : QStringLiteral("迁移后核对未通过，请勿使用目标库并联系管理员。/ the check after migration FAILED; "
                                            "do not use the target and call the administrator."));
    }
    return rep.ok() ? ExitOk : ExitBadInput;
}

}  // namespace

ARCHIVECTL_COMMAND(QStringLiteral("migrate"), QString::fromUtf8(kUsage),
                   QStringLiteral("copy this SQLite archive (books, ledger, readings, alerts, labels, …) into an EMPTY "
                                  "PostgreSQL database; then verify its ledger and compare every table's row count"),
                   runMigrate);
