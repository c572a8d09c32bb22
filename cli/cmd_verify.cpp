// archivectl verify — recompute the ledger's hash chain (R12).
#include "Command.h"

#include "db/Database.h"
#include "db/Ledger.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace archivectl;

static int runVerify(Context& ctx, QStringList args) {
    if (!args.isEmpty()) {
        printErrLine(QStringLiteral("verify takes no arguments / verify 不需要参数"));
        return ExitBadInput;
    }
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    auto r = archive::db::Ledger::verify(*db);
    if (!r) return reportError(ctx, r.error());
    const auto& rep = r.value();
    if (ctx.json) {
        printLine(QString::fromUtf8(QJsonDocument(QJsonObject{
            {QStringLiteral("ok"), rep.ok}, {QStringLiteral("rows"), rep.rowsChecked},
            {QStringLiteral("first_bad_seq"), rep.firstBadSeq}, {QStringLiteral("reason"), rep.reason}}).toJson(QJsonDocument::Compact)));
    } else if (rep.ok) {
        printLine(QStringLiteral("台账校验通过：%1 条记录 / ledger OK: %1 rows").arg(rep.rowsChecked));
    } else {
        printLine(QStringLiteral("台账校验失败：第 %1 条记录被改动（%2） / ledger FAILED at row %1 (%2)")
                      .arg(rep.firstBadSeq).arg(rep.reason));
    }
    return rep.ok ? ExitOk : ExitRefused;
}

ARCHIVECTL_COMMAND(QStringLiteral("verify"), QStringLiteral("verify"),
                   QStringLiteral("recompute the ledger's hash chain and name the first altered row (R12)"), runVerify);
