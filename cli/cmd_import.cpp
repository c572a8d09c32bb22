// archivectl import KIND FILE — all-or-nothing CSV import with every problem listed by line and column.
#include "CliSupport.h"

#include "db/Database.h"
#include "db/import/Importer.h"

#include <QJsonDocument>

using namespace archivectl;
using archive::db::Importer;

static QString kindsList() {
    QStringList k;
    for (auto kind : Importer::allKinds()) k << Importer::kindName(kind);
    return k.join(QLatin1Char('|'));
}

static int runImport(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("import %1 FILE [--encoding auto|utf-8|gb18030] [--as CARD]").arg(kindsList());
    const QString enc = takeOption(args, QStringLiteral("--encoding"));
    auto actor = actorOption(ctx, args, false);
    if (!actor) return ExitBadInput;
    if (!checkPositional(ctx, args, 2, 2, usage)) return ExitBadInput;
    const auto kind = Importer::kindFromName(args[0]);
    if (!kind)
        return badInput(ctx, QStringLiteral("不认识的导入类型「%1」，应为 %2。").arg(shown(args[0]), kindsList()),
                        QStringLiteral("Unknown import kind \"%1\"; use %2.").arg(shown(args[0]), kindsList()));
    archive::db::ImportOptions opt;
    if (!enc.isEmpty()) {
        const auto e = archive::db::csv::encodingFromName(enc);
        if (!e)
            return badInput(ctx, QStringLiteral("不认识的编码「%1」，应为 auto、utf-8 或 gb18030。").arg(shown(enc)),
                            QStringLiteral("Unknown encoding \"%1\"; use auto, utf-8 or gb18030.").arg(shown(enc)));
        opt.encoding = *e;
    }
    if (!actor->isEmpty()) opt.actor = *actor;
    if (args[1].size() > 4096)
        return badInput(ctx, QStringLiteral("文件路径过长。"), QStringLiteral("The file path is too long."));
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    auto r = Importer::importFile(*db, *kind, args[1], opt);
    if (!r) return reportError(ctx, r.error());
    const auto& rep = r.value();

    auto problemsJson = [](const QList<archive::db::csv::Problem>& ps) {
        QJsonArray a;
        for (const auto& p : ps)
            a.append(QJsonObject{{QStringLiteral("line"), p.line}, {QStringLiteral("column"), p.column},
                                 {QStringLiteral("message_zh"), p.messageZh}, {QStringLiteral("message_en"), p.messageEn}});
        return a;
    };
    const QString what = Importer::kindNameZh(*kind);
    if (!rep.ok()) {
        if (ctx.json) {
            printLine(QString::fromUtf8(QJsonDocument(QJsonObject{
                {QStringLiteral("ok"), false}, {QStringLiteral("code"), QStringLiteral("bad_input")},
                {QStringLiteral("kind"), Importer::kindName(*kind)}, {QStringLiteral("encoding"), rep.encoding},
                {QStringLiteral("rows"), rep.rows}, {QStringLiteral("problems_total"), rep.problemsTotal},
                {QStringLiteral("problems"), problemsJson(rep.problems)},
                {QStringLiteral("warnings"), problemsJson(rep.warnings)}}).toJson(QJsonDocument::Compact)));
        }
        printErrLine(QStringLiteral("error: 导入未执行，档案库没有任何改动：发现 %1 个问题 — nothing was imported, the archive is unchanged: %1 problem(s) found")
                         .arg(rep.problemsTotal));
        for (const auto& p : rep.problems) printErrLine(QStringLiteral("  ") + p.text());
        if (rep.problemsTotal > rep.problems.size())
            printErrLine(QStringLiteral("  …另有 %1 个问题未列出 — %1 more not listed").arg(rep.problemsTotal - rep.problems.size()));
        for (const auto& p : rep.warnings) printErrLine(QStringLiteral("  提示 note: ") + p.text());
        printErrLine(QStringLiteral("请改正以上各行后重新导入整个文件。 — Correct these lines and import the whole file again."));
        return ExitBadInput;
    }
    QStringList lines{QStringLiteral("已导入 %1 条%2（%3 编码），台账记录 #%4 / imported %1 %5 (%3), ledger entry #%4")
                          .arg(rep.imported).arg(what, rep.encoding).arg(rep.ledgerSeq).arg(Importer::kindName(*kind))};
    for (const auto& p : rep.warnings) lines << QStringLiteral("  提示 note: ") + p.text();
    succeed(ctx,
            QJsonObject{{QStringLiteral("kind"), Importer::kindName(*kind)}, {QStringLiteral("imported"), rep.imported},
                        {QStringLiteral("encoding"), rep.encoding}, {QStringLiteral("ledger_seq"), rep.ledgerSeq},
                        {QStringLiteral("warnings"), problemsJson(rep.warnings)}},
            lines);
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("import"),
                   QStringLiteral("import fonds|categories|rooms|locations|departments|people|boxes|items FILE [--encoding E] [--as CARD]"),
                   QStringLiteral("import a CSV (UTF-8 or GB18030, English or Chinese headers); any bad row → nothing imported / 导入 CSV"),
                   runImport);
