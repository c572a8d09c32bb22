// Appraisal and destruction (R11):
//   archivectl appraise CODE --decision destroy|keep|extend --reason TEXT --as ARCHIVIST
//   archivectl appraise approve ID --as HEAD [--reject]
//   archivectl destroy APPRAISAL --as STAFFCARD --witness NAME --method TEXT
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

using namespace archivectl;
using namespace archive::db;

static QJsonObject appraisalJson(const AppraisalInfo& a) {
    return QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("box"), a.boxBarcode}, {QStringLiteral("item"), a.itemCode},
                       {QStringLiteral("decision"), a.decision}, {QStringLiteral("reason"), a.reason}, {QStringLiteral("state"), a.state},
                       {QStringLiteral("appraiser"), a.appraiserCard}, {QStringLiteral("approver"), a.approverCard}};
}

static QString appraisalText(const AppraisalInfo& a) {
    return QStringLiteral("鉴定 appraisal #%1  %2  结论 decision: %3  状态 state: %4  理由 reason: %5")
        .arg(a.id).arg(a.itemCode.isEmpty() ? a.boxBarcode : a.itemCode, a.decision, a.state, a.reason);
}

static int runAppraise(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    auto who = actorOption(ctx, args);
    if (!who) return ExitBadInput;
    if (!args.isEmpty() && args[0] == QLatin1String("approve")) {
        const bool reject = takeFlag(args, QStringLiteral("--reject"));
        if (!checkPositional(ctx, args, 2, 2, QStringLiteral("appraise approve ID --as HEAD [--reject]"))) return ExitBadInput;
        auto id = idValue(ctx, args[1], QStringLiteral("鉴定编号"), QStringLiteral("appraisal number"));
        if (!id) return ExitBadInput;
        auto db = ctx.openDb(false);
        if (!db) return ExitBadInput;
        Books books(*db);
        auto r = books.approveAppraisal(*id, *who, !reject);
        if (!r) return reportError(ctx, r.error());
        succeed(ctx, QJsonObject{{QStringLiteral("appraisal"), appraisalJson(r.value())}},
                {(reject ? QStringLiteral("已否决 / rejected: ") : QStringLiteral("已批准 / approved: ")) + appraisalText(r.value())});
        return ExitOk;
    }
    const QString usage = QStringLiteral("appraise CODE --decision destroy|keep|extend --reason TEXT --as ARCHIVIST");
    const QString decision = takeOption(args, QStringLiteral("--decision")).trimmed();
    const QString reason = takeOption(args, QStringLiteral("--reason"));
    if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
    if (!checkValue(ctx, args[0], QStringLiteral("档案盒条码或档号"), QStringLiteral("box barcode or archival code"), 100)) return ExitBadInput;
    static const QHash<QString, QString> decisions = {
        {QStringLiteral("destroy"), QStringLiteral("destroy")}, {QStringLiteral("销毁"), QStringLiteral("destroy")},
        {QStringLiteral("keep"), QStringLiteral("keep")},       {QStringLiteral("继续保存"), QStringLiteral("keep")},
        {QStringLiteral("extend"), QStringLiteral("extend")},   {QStringLiteral("延长"), QStringLiteral("extend")}};
    if (!decisions.contains(decision))
        return badInput(ctx, QStringLiteral("鉴定结论「%1」无法识别，应为 destroy（销毁）、keep（继续保存）或 extend（延长保管期限）。").arg(shown(decision)),
                        QStringLiteral("Unknown decision \"%1\"; use destroy, keep or extend.").arg(shown(decision)));
    if (!checkValue(ctx, reason, QStringLiteral("鉴定理由（--reason）"), QStringLiteral("reason (--reason)"), 1000)) return ExitBadInput;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    Books books(*db);
    auto r = books.appraise(args[0].trimmed(), decisions.value(decision), reason.trimmed(), *who);
    if (!r) return reportError(ctx, r.error());
    succeed(ctx, QJsonObject{{QStringLiteral("appraisal"), appraisalJson(r.value())}}, {QStringLiteral("已登记 / recorded: ") + appraisalText(r.value())});
    return ExitOk;
}

static int runDestroy(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("destroy APPRAISAL --as STAFFCARD --witness NAME --method TEXT");
    auto who = actorOption(ctx, args);
    if (!who) return ExitBadInput;
    const QString witness = takeOption(args, QStringLiteral("--witness"));
    const QString method = takeOption(args, QStringLiteral("--method"));
    if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
    auto id = idValue(ctx, args[0], QStringLiteral("鉴定编号"), QStringLiteral("appraisal number"));
    if (!id) return ExitBadInput;
    if (!checkValue(ctx, witness, QStringLiteral("监销人（--witness）"), QStringLiteral("witness (--witness)"), 100)) return ExitBadInput;
    if (!checkValue(ctx, method, QStringLiteral("销毁方式（--method）"), QStringLiteral("method (--method)"), 200)) return ExitBadInput;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    Books books(*db);
    if (auto st = books.destroy(*id, *who, witness.trimmed(), method.trimmed()); !st) return reportError(ctx, st.error());
    succeed(ctx, QJsonObject{{QStringLiteral("appraisal"), *id}},
            {QStringLiteral("已按鉴定 #%1 登记销毁；该档案不能再借出 / destruction recorded for appraisal #%1; it can never be lent again").arg(*id)});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("appraise"),
                   QStringLiteral("appraise CODE --decision destroy|keep|extend --reason TEXT --as CARD | appraise approve ID --as HEAD [--reject]"),
                   QStringLiteral("appraisal of a box or item whose retention ran out; destruction needs the head's approval (R11) / 鉴定"), runAppraise);
ARCHIVECTL_COMMAND(QStringLiteral("destroy"), QStringLiteral("destroy APPRAISAL --as STAFFCARD --witness NAME --method TEXT"),
                   QStringLiteral("record the destruction of an approved appraisal; nothing is deleted (R11) / 销毁登记"), runDestroy);
