// archivectl search TEXT [filters] — the catalogue (titles, archival codes, fonds, years), Chinese or English.
#include "CliSupport.h"

#include "db/Catalog.h"
#include "db/Database.h"

#include <QRegularExpression>

using namespace archivectl;
using namespace archive::db;

static int runSearch(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    const QString usage = QStringLiteral(
        "search [TEXT] [--category C] [--fonds F] [--year Y|Y1-Y2] [--security S] [--available] "
        "[--sort catalogue|year|year-desc|code|title] [--page N] [--limit N]");
    SearchQuery q;
    q.categoryCode = takeOption(args, QStringLiteral("--category")).trimmed();
    q.fondsCode = takeOption(args, QStringLiteral("--fonds")).trimmed();
    const QString year = takeOption(args, QStringLiteral("--year")).trimmed();
    q.security = takeOption(args, QStringLiteral("--security")).trimmed();
    q.availableOnly = takeFlag(args, QStringLiteral("--available"));
    const QString sort = takeOption(args, QStringLiteral("--sort")).trimmed();
    const QString page = takeOption(args, QStringLiteral("--page"));
    const QString limit = takeOption(args, QStringLiteral("--limit"));
    if (!checkPositional(ctx, args, 0, -1, usage)) return ExitBadInput;
    q.text = args.join(QLatin1Char(' ')).trimmed();
    if (q.text.size() > 200)
        return badInput(ctx, QStringLiteral("检索词过长（%1 个字符，最多 200 个）。请输入更短的关键词。").arg(q.text.size()),
                        QStringLiteral("The search text is too long (%1 characters, 200 at most). Use shorter words.").arg(q.text.size()));
    for (const QString* f : {&q.categoryCode, &q.fondsCode, &q.security})
        if (f->size() > 64) return badInput(ctx, QStringLiteral("筛选条件过长。"), QStringLiteral("A filter is too long."));
    if (!q.security.isEmpty()) {
        static const QHash<QString, QString> sec = {{QStringLiteral("公开"), QStringLiteral("public")}, {QStringLiteral("内部"), QStringLiteral("internal")},
                                                    {QStringLiteral("秘密"), QStringLiteral("secret")}, {QStringLiteral("机密"), QStringLiteral("confidential")}};
        q.security = sec.value(q.security, q.security.toLower());
        if (!securityLevels().contains(q.security))
            return badInput(ctx, QStringLiteral("密级「%1」无法识别，应为 公开、内部、秘密 或 机密。").arg(shown(q.security)),
                            QStringLiteral("Unknown security level \"%1\"; use public, internal, secret or confidential.").arg(shown(q.security)));
    }
    if (!year.isEmpty()) {
        static const QRegularExpression re(QStringLiteral("^(\\d{4})(?:\\s*[-~～]\\s*(\\d{4}))?$"));
        const auto m = re.match(year);
        if (!m.hasMatch())
            return badInput(ctx, QStringLiteral("年度「%1」应写成 2020 或 2015-2020。").arg(shown(year)),
                            QStringLiteral("Write the year as 2020 or 2015-2020, not \"%1\".").arg(shown(year)));
        q.yearFrom = m.captured(1).toInt();
        q.yearTo = m.captured(2).isEmpty() ? q.yearFrom : m.captured(2).toInt();
        if (q.yearFrom > q.yearTo) std::swap(q.yearFrom, q.yearTo);
    }
    static const QHash<QString, SearchQuery::Sort> sorts = {
        {QStringLiteral("catalogue"), SearchQuery::Sort::Catalogue}, {QStringLiteral("year"), SearchQuery::Sort::YearAsc},
        {QStringLiteral("year-desc"), SearchQuery::Sort::YearDesc},  {QStringLiteral("code"), SearchQuery::Sort::Code},
        {QStringLiteral("title"), SearchQuery::Sort::Title}};
    if (!sort.isEmpty()) {
        if (!sorts.contains(sort))
            return badInput(ctx, QStringLiteral("排序方式「%1」无法识别，应为 catalogue、year、year-desc、code 或 title。").arg(shown(sort)),
                            QStringLiteral("Unknown sort \"%1\"; use catalogue, year, year-desc, code or title.").arg(shown(sort)));
        q.sort = sorts.value(sort);
    }
    if (!limit.isEmpty()) {
        bool ok = false;
        q.limit = limit.toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > 500)
            return badInput(ctx, QStringLiteral("--limit 应为 1 到 500 之间的整数。"), QStringLiteral("--limit must be a whole number from 1 to 500."));
    }
    int pageNo = 1;
    if (!page.isEmpty()) {
        bool ok = false;
        pageNo = page.toInt(&ok);
        if (!ok || pageNo < 1 || pageNo > 100000)
            return badInput(ctx, QStringLiteral("--page 应为正整数。"), QStringLiteral("--page must be a positive whole number."));
    }
    q.offset = (pageNo - 1) * q.limit;
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    Catalog cat(*db);
    auto r = cat.search(q);
    if (!r) return reportError(ctx, r.error());
    QJsonArray hits;
    QStringList lines;
    for (const auto& h : r->hits) {
        hits.append(QJsonObject{{QStringLiteral("code"), h.archivalCode}, {QStringLiteral("title"), h.title},
                                {QStringLiteral("year"), h.year}, {QStringLiteral("security"), h.security},
                                {QStringLiteral("retention"), h.retention}, {QStringLiteral("box"), h.boxBarcode},
                                {QStringLiteral("box_state"), h.boxState}, {QStringLiteral("fonds"), h.fondsCode},
                                {QStringLiteral("category"), h.categoryCode}, {QStringLiteral("location"), h.locationBarcode},
                                {QStringLiteral("available"), h.available}});
        lines << QStringLiteral("%1  %2  [%3年 %4 %5]  盒 box %6 @ %7%8")
                     .arg(h.archivalCode, h.title).arg(h.year).arg(h.categoryName, securityZh(h.security), h.boxBarcode,
                                                                   h.locationDisplay.isEmpty() ? QStringLiteral("—") : h.locationDisplay,
                                                                   h.available ? QString() : QStringLiteral("  （不在架 not on shelf）"));
    }
    if (lines.isEmpty()) lines << QStringLiteral("没有找到符合条件的档案 / nothing found");
    else if (r->more) lines << QStringLiteral("…还有更多结果，用 --page %1 查看下一页 / more: --page %1").arg(pageNo + 1);
    succeed(ctx, QJsonObject{{QStringLiteral("hits"), hits}, {QStringLiteral("more"), r->more}, {QStringLiteral("page"), pageNo}}, lines);
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("search"),
                   QStringLiteral("search [TEXT] [--category C] [--fonds F] [--year Y|Y1-Y2] [--security S] [--available] [--sort S] [--page N] [--limit N]"),
                   QStringLiteral("search the catalogue in Chinese or English (two-character words work) / 检索目录"), runSearch);
