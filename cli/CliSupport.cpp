#include "CliSupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

namespace archivectl {

int badInput(const Context& ctx, const QString& zh, const QString& en) {
    return reportError(ctx, archive::makeError(QStringLiteral("bad_input"), zh, en));
}

QString shown(const QString& text, int max) {
    QString s = text.left(max);
    for (QChar& c : s)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) c = QLatin1Char('?');
    if (text.size() > max) s += QStringLiteral("…");
    return s;
}

bool checkValue(const Context& ctx, const QString& value, const QString& fieldZh, const QString& fieldEn, int maxLen) {
    if (value.trimmed().isEmpty()) {
        badInput(ctx, QStringLiteral("%1不能为空。").arg(fieldZh), QStringLiteral("The %1 must not be empty.").arg(fieldEn));
        return false;
    }
    if (value.size() > maxLen) {
        badInput(ctx, QStringLiteral("%1过长（%2 个字符，最多 %3 个）：%4").arg(fieldZh).arg(value.size()).arg(maxLen).arg(shown(value)),
                 QStringLiteral("The %1 is too long (%2 characters, at most %3): %4").arg(fieldEn).arg(value.size()).arg(maxLen).arg(shown(value)));
        return false;
    }
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control) {
            badInput(ctx, QStringLiteral("%1含有控制字符：%2").arg(fieldZh, shown(value)),
                     QStringLiteral("The %1 contains a control character: %2").arg(fieldEn, shown(value)));
            return false;
        }
    }
    return true;
}

bool checkOptions(const Context& ctx, const QStringList& args) {
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (!a.startsWith(QLatin1String("--")) || a.size() < 3) continue;
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        const bool empty = eq > 0 ? a.mid(eq + 1).trimmed().isEmpty()
                                  : (i + 1 < args.size() && args[i + 1].trimmed().isEmpty());
        if (empty) {
            const QString name = shown(eq > 0 ? a.left(eq) : a);
            badInput(ctx, QStringLiteral("选项 %1 的值不能为空。").arg(name), QStringLiteral("The option %1 needs a value.").arg(name));
            return false;
        }
    }
    return true;
}

bool checkPositional(const Context& ctx, const QStringList& args, int min, int max, const QString& usage) {
    for (const QString& a : args) {
        if (a.startsWith(QLatin1String("--"))) {
            badInput(ctx, QStringLiteral("未知选项 %1。用法：%2").arg(shown(a), usage),
                     QStringLiteral("Unknown option %1. Usage: archivectl %2").arg(shown(a), usage));
            return false;
        }
    }
    if (args.size() < min) {
        badInput(ctx, QStringLiteral("缺少参数。用法：archivectl %1").arg(usage),
                 QStringLiteral("Missing argument. Usage: archivectl %1").arg(usage));
        return false;
    }
    if (max >= 0 && args.size() > max) {
        badInput(ctx, QStringLiteral("多余的参数：%1。用法：archivectl %2").arg(shown(args.mid(max).join(QLatin1Char(' '))), usage),
                 QStringLiteral("Unexpected argument: %1. Usage: archivectl %2").arg(shown(args.mid(max).join(QLatin1Char(' '))), usage));
        return false;
    }
    return true;
}

std::optional<QString> actorOption(const Context& ctx, QStringList& args, bool required) {
    const bool given = args.contains(QStringLiteral("--as")) ||
                       std::any_of(args.begin(), args.end(), [](const QString& a) { return a.startsWith(QLatin1String("--as=")); });
    const QString v = takeOption(args, QStringLiteral("--as"));
    if (!given && !required) return QString();
    if (!given || v.isEmpty()) {
        badInput(ctx, QStringLiteral("请用 --as 给出经办人的借阅证号（谁在操作）。"),
                 QStringLiteral("Give the card of the person doing this with --as CARD."));
        return std::nullopt;
    }
    if (!checkValue(ctx, v, QStringLiteral("经办人证号（--as）"), QStringLiteral("card given with --as"))) return std::nullopt;
    return v.trimmed();
}

std::optional<qint64> idValue(const Context& ctx, const QString& text, const QString& fieldZh, const QString& fieldEn) {
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('#'))) t.remove(0, 1);
    bool ok = false;
    const qint64 v = t.toLongLong(&ok);
    if (!ok || v <= 0 || t.size() > 18) {
        badInput(ctx, QStringLiteral("%1应为正整数，而不是「%2」。").arg(fieldZh, shown(text)),
                 QStringLiteral("The %1 must be a positive whole number, not \"%2\".").arg(fieldEn, shown(text)));
        return std::nullopt;
    }
    return v;
}

void succeed(const Context& ctx, QJsonObject json, const QStringList& text) {
    if (ctx.json) {
        json.insert(QStringLiteral("ok"), true);
        printLine(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    } else {
        for (const QString& l : text) printLine(l);
    }
    std::fflush(stdout);
}

QString localDateTime(qint64 ms) {
    if (ms <= 0) return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString localDate(qint64 ms) {
    if (ms <= 0) return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
}

std::optional<QStringList> readCodeList(const Context& ctx, const QString& path) {
    QFile f;
    if (path == QLatin1String("-")) {
        if (!f.open(stdin, QIODevice::ReadOnly)) return std::nullopt;
    } else {
        f.setFileName(path);
        if (!f.open(QIODevice::ReadOnly)) {
            badInput(ctx, QStringLiteral("无法读取文件 %1（%2）。").arg(shown(path, 200), f.errorString()),
                     QStringLiteral("Cannot read the file %1 (%2).").arg(shown(path, 200), f.errorString()));
            return std::nullopt;
        }
    }
    QStringList out;
    int line = 0;
    while (!f.atEnd()) {
        ++line;
        const QByteArray raw = f.readLine(100000);
        QString s = QString::fromUtf8(raw).trimmed();
        if (s.startsWith(QChar(0xFEFF))) s.remove(0, 1);
        if (s.isEmpty() || s.startsWith(QLatin1Char('#'))) continue;
        if (s.size() > 100) {
            badInput(ctx, QStringLiteral("第 %1 行过长，不像是条码：%2").arg(line).arg(shown(s)),
                     QStringLiteral("line %1 is too long to be a barcode: %2").arg(line).arg(shown(s)));
            return std::nullopt;
        }
        out << s;
        if (out.size() > 1000000) {
            badInput(ctx, QStringLiteral("条码太多（超过一百万个）。"), QStringLiteral("Too many codes (over a million)."));
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace archivectl

#include "db/Books.h"
#include "db/Database.h"

#include <QSqlQuery>

namespace archivectl {

using namespace archive::db;

QJsonObject loanJson(const LoanInfo& l) {
    QJsonObject o{{QStringLiteral("id"), l.id},
                  {QStringLiteral("box"), l.boxBarcode},
                  {QStringLiteral("box_title"), l.boxTitle},
                  {QStringLiteral("borrower"), l.borrowerCard},
                  {QStringLiteral("borrower_name"), l.borrowerName},
                  {QStringLiteral("out_at"), l.outAt},
                  {QStringLiteral("due_at"), l.dueAt},
                  {QStringLiteral("due"), localDate(l.dueAt)},
                  {QStringLiteral("renewals"), l.renewals},
                  {QStringLiteral("max_renewals"), l.maxRenewals},
                  {QStringLiteral("overdue"), l.overdue},
                  {QStringLiteral("days_overdue"), l.daysOverdue}};
    if (l.itemId) {
        o.insert(QStringLiteral("item"), l.itemCode);
        o.insert(QStringLiteral("item_title"), l.itemTitle);
    }
    if (l.returnedAt) {
        o.insert(QStringLiteral("returned_at"), l.returnedAt);
        o.insert(QStringLiteral("condition"), l.returnCondition);
    }
    if (l.requestId) o.insert(QStringLiteral("request"), l.requestId);
    if (l.incidentId) o.insert(QStringLiteral("incident"), l.incidentId);
    return o;
}

QString loanText(const LoanInfo& l) {
    const QString what = l.itemId ? QStringLiteral("%1 %2").arg(l.itemCode, l.itemTitle) : QStringLiteral("%1 %2").arg(l.boxBarcode, l.boxTitle);
    QString s = QStringLiteral("#%1  %2  借阅人 borrower: %3（%4）  应还 due: %5")
                    .arg(l.id).arg(what, l.borrowerName, l.borrowerCard, localDate(l.dueAt));
    if (l.returnedAt) s += QStringLiteral("  已归还 returned: %1 (%2)").arg(localDateTime(l.returnedAt), l.returnCondition);
    else if (l.overdue) s += QStringLiteral("  逾期 %1 天 / %1 days overdue").arg(l.daysOverdue);
    return s;
}

QJsonObject requestJson(const RequestInfo& r) {
    QJsonArray approvals;
    for (const auto& a : r.approvals)
        approvals.append(QJsonObject{{QStringLiteral("role"), a.role}, {QStringLiteral("decision"), a.decision},
                                     {QStringLiteral("by"), a.approverCard}, {QStringLiteral("at"), a.at},
                                     {QStringLiteral("note"), a.note}});
    return QJsonObject{{QStringLiteral("id"), r.id},
                       {QStringLiteral("requester"), r.requesterCard},
                       {QStringLiteral("requester_name"), r.requesterName},
                       {QStringLiteral("box"), r.boxBarcode},
                       {QStringLiteral("item"), r.itemCode},
                       {QStringLiteral("title"), r.itemId ? r.itemTitle : r.boxTitle},
                       {QStringLiteral("security"), r.security},
                       {QStringLiteral("purpose"), r.purpose},
                       {QStringLiteral("mode"), r.mode},
                       {QStringLiteral("state"), r.state},
                       {QStringLiteral("pending_roles"), QJsonArray::fromStringList(r.pendingRoles)},
                       {QStringLiteral("approvals"), approvals},
                       {QStringLiteral("created_at"), r.createdAt}};
}

QString roleListZh(const QStringList& roles) {
    QStringList zh;
    for (const QString& r : roles) zh << roleZh(r);
    return zh.join(QStringLiteral("、"));
}

QString requestText(const RequestInfo& r) {
    static const QHash<QString, QString> stateZh = {
        {QStringLiteral("pending"), QStringLiteral("待审批")}, {QStringLiteral("approved"), QStringLiteral("已批准")},
        {QStringLiteral("rejected"), QStringLiteral("已驳回")}, {QStringLiteral("fulfilled"), QStringLiteral("已办理")},
        {QStringLiteral("cancelled"), QStringLiteral("已撤销")}};
    QString s = QStringLiteral("申请 #%1  %2（%3） %4 %5  [%6 %7]  用途: %8  状态 state: %9 / %10")
                    .arg(r.id).arg(r.requesterName, r.requesterCard, r.itemId ? r.itemCode : r.boxBarcode,
                                   r.itemId ? r.itemTitle : r.boxTitle, securityZh(r.security),
                                   r.mode == QLatin1String("on_site") ? QStringLiteral("查阅 on site") : QStringLiteral("借出 take out"),
                                   r.purpose, stateZh.value(r.state, r.state), r.state);
    if (!r.pendingRoles.isEmpty())
        s += QStringLiteral("  待 %1 批准 / awaiting %2").arg(roleListZh(r.pendingRoles), r.pendingRoles.join(QStringLiteral(", ")));
    return s;
}

bool isBoxCode(Database& db, const QString& code) {
    QSqlQuery q(db.sql());
    q.prepare(QStringLiteral("SELECT 1 FROM boxes WHERE barcode = ?"));
    q.addBindValue(code.trimmed());
    return q.exec() && q.next();
}

}  // namespace archivectl
