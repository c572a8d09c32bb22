// archivectl demo — fill an empty archive with the demo archive room, then run every registered demo step.
#include "CliSupport.h"

#include "db/Database.h"
#include "db/demo/DemoArchive.h"

#include <algorithm>

using namespace archivectl;

static int runDemo(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    archive::db::DemoOptions opt;
    const QString seed = takeOption(args, QStringLiteral("--seed"));
    if (!checkPositional(ctx, args, 0, 0, QStringLiteral("demo [--seed N]"))) return ExitBadInput;
    if (!seed.isEmpty()) {
        auto s = idValue(ctx, seed, QStringLiteral("随机种子（--seed）"), QStringLiteral("seed (--seed)"));
        if (!s) return ExitBadInput;
        opt.seed = quint32(*s);
    }
    auto db = ctx.openDb(true);
    if (!db) return ExitBadInput;
    auto r = archive::db::DemoArchive::generate(*db, opt);
    if (!r) return reportError(ctx, r.error());
    const auto& s = r.value();

    auto steps = demoSteps();
    std::stable_sort(steps.begin(), steps.end(), [](const DemoStep& a, const DemoStep& b) { return a.order < b.order; });
    QJsonArray stepsJson;
    QStringList stepLines;
    for (const auto& step : steps) {
        auto st = step.run(*db);
        stepsJson.append(QJsonObject{{QStringLiteral("name"), step.name}, {QStringLiteral("ok"), st.ok()},
                                     {QStringLiteral("message"), st.ok() ? QString() : st.error().message()}});
        stepLines << (st.ok() ? QStringLiteral("  ✓ %1").arg(step.name)
                              : QStringLiteral("  ✗ %1: %2").arg(step.name, st.error().message()));
        if (!st.ok()) return reportError(ctx, st.error());
    }

    QJsonArray staff;
    QStringList lines{
        QStringLiteral("演示档案库已生成 / demo archive created: %1").arg(db->location()),
        QStringLiteral("  全宗 %1、门类 %2、库房 %3、架位 %4、部门 %5 / fonds, categories, rooms, shelf locations, departments")
            .arg(s.fonds).arg(s.categories).arg(s.rooms).arg(s.locations).arg(s.departments),
        QStringLiteral("  档案盒 %1、档案 %2 件、人员 %3 / boxes, items, people").arg(s.boxes).arg(s.items).arg(s.people),
        QStringLiteral("  已还 %1、在借 %2、逾期 %3、待审批申请 %4 / returned, open, overdue loans, pending requests")
            .arg(s.returnedLoans).arg(s.openLoans).arg(s.overdueLoans).arg(s.pendingRequests),
        QStringLiteral("工作人员借阅证与演示密码 / staff cards and demo PINs:")};
    for (const auto& p : s.staff) {
        staff.append(QJsonObject{{QStringLiteral("role"), p.role}, {QStringLiteral("role_zh"), p.roleZh},
                                 {QStringLiteral("name"), p.name}, {QStringLiteral("card"), p.card}, {QStringLiteral("pin"), p.pin}});
        lines << QStringLiteral("  %1  %2  %3  PIN %4  (%5)").arg(p.card, p.roleZh.leftJustified(8, QChar(0x3000)), p.name, p.pin, p.role);
    }
    lines << QStringLiteral("借阅者（演示密码 1234） / borrowers (demo PIN 1234): %1").arg(s.sampleBorrowers.join(QStringLiteral("  ")));
    lines << QStringLiteral("可借出的档案盒 / boxes to try: %1").arg(s.sampleBoxes.join(QStringLiteral("  ")));
    if (!stepLines.isEmpty()) lines << QStringLiteral("其他演示内容 / further demo content:") << stepLines;
    succeed(ctx,
            QJsonObject{{QStringLiteral("db"), db->location()}, {QStringLiteral("boxes"), s.boxes}, {QStringLiteral("items"), s.items},
                        {QStringLiteral("people"), s.people}, {QStringLiteral("locations"), s.locations},
                        {QStringLiteral("open_loans"), s.openLoans}, {QStringLiteral("overdue_loans"), s.overdueLoans},
                        {QStringLiteral("returned_loans"), s.returnedLoans}, {QStringLiteral("pending_requests"), s.pendingRequests},
                        {QStringLiteral("staff"), staff}, {QStringLiteral("sample_borrowers"), QJsonArray::fromStringList(s.sampleBorrowers)},
                        {QStringLiteral("sample_boxes"), QJsonArray::fromStringList(s.sampleBoxes)}, {QStringLiteral("steps"), stepsJson}},
            lines);
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("demo"), QStringLiteral("demo [--seed N]"),
                   QStringLiteral("fill an empty archive with a demo archive room (boxes, people, loans) / 生成演示档案库"), runDemo);
