// archivectl set-pin CARD --as STAFFCARD [--pin PIN]   (without --pin the PIN is read from stdin)
#include "CliSupport.h"

#include "db/Books.h"
#include "db/Database.h"

#include <QTextStream>

using namespace archivectl;

static int runSetPin(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral("set-pin CARD --as STAFFCARD [--pin PIN]");
    auto staff = actorOption(ctx, args);
    if (!staff) return ExitBadInput;
    const bool given = args.contains(QStringLiteral("--pin"));
    QString pin = takeOption(args, QStringLiteral("--pin"));
    if (!checkPositional(ctx, args, 1, 1, usage)) return ExitBadInput;
    if (!checkValue(ctx, args[0], QStringLiteral("借阅证号"), QStringLiteral("card"))) return ExitBadInput;
    if (!given) {
        QTextStream in(stdin);
        pin = in.readLine(100).trimmed();
    }
    if (pin.size() > 64) return badInput(ctx, QStringLiteral("密码过长。"), QStringLiteral("The PIN is too long."));
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    archive::db::Books books(*db);
    auto who = books.person(*staff);
    if (!who) return reportError(ctx, who.error());
    if (!who->isStaff() && *staff != args[0].trimmed())
        return reportError(ctx, archive::makeError(QStringLiteral("forbidden"),
                                                   QStringLiteral("只有档案员、档案室负责人或管理员可以为他人设置密码。"),
                                                   QStringLiteral("Only an archivist, the head or an admin may set someone else's PIN.")));
    if (auto st = books.setPin(args[0].trimmed(), pin, *staff); !st) return reportError(ctx, st.error());
    succeed(ctx, QJsonObject{{QStringLiteral("card"), args[0].trimmed()}},
            {QStringLiteral("已设置 %1 的密码 / PIN set for %1").arg(args[0].trimmed())});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("set-pin"), QStringLiteral("set-pin CARD --as STAFFCARD [--pin PIN]"),
                   QStringLiteral("set a person's PIN (stored only as an Argon2id hash); reads it from stdin without --pin / 设置密码"), runSetPin);
