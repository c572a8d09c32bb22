// archivectl env — the environment log (issue 5): rooms, manual readings, alerts and acknowledgement,
// climate profiles, room reports (PDF/CSV), per-box environment history; plus the demo readings step.
#include "Command.h"

#include "db/Database.h"
#include "db/Ledger.h"
#include "db/env/Alerts.h"
#include "db/env/ClimateProfiles.h"
#include "db/env/EnvQueries.h"
#include "db/env/ReadingStore.h"
#include "reports/EnvReport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <cmath>
#include <optional>

using namespace archivectl;
using namespace archive;
using namespace archive::db;
using namespace archive::db::env;

namespace {

const char* kUsage =
    "env rooms | env alerts [--room ROOM] [--open] [--unacked] [--from DATE] [--to DATE]\n"
    "      | env ack ALERT --as CARD --action TEXT\n"
    "      | env add-manual --room ROOM --temp °C --rh % --as CARD [--at \"YYYY-MM-DD HH:MM\"] [--note TEXT]\n"
    "      | env report --room ROOM (--month YYYY-MM | --from DATE --to DATE) --out FILE.pdf|FILE.csv [--as CARD]\n"
    "      | env metrics --room ROOM --from DATE --to DATE | env box BOX [--from DATE --to DATE]\n"
    "      | env profiles | env profile-set CODE [--t-min X] [--t-max X] [--rh-min X] [--rh-max X] [--t-swing X]\n"
    "        [--rh-swing X] [--min-minutes N] --as CARD | env silence";

int bad(const Context& ctx, const QString& zh, const QString& en) {
    return reportError(ctx, makeError(QStringLiteral("bad_input"), zh, en));
}

void out(const Context& ctx, const QJsonValue& json, const QStringList& text) {
    if (ctx.json) {
        printLine(QString::fromUtf8(json.isArray() ? QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact)
                                                   : QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact)));
        return;
    }
    for (const QString& l : text) printLine(l);
}

QString localTime(qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("—"); }
QString n1(double v) { return std::isnan(v) ? QStringLiteral("—") : QString::number(v, 'f', 1); }
QJsonValue jnum(double v) { return std::isnan(v) ? QJsonValue() : QJsonValue(v); }

// "YYYY-MM-DD" (local midnight) or "YYYY-MM-DD HH:MM"; endOfDay moves a bare date to the next midnight.
std::optional<qint64> parseDate(const QString& text, bool endOfDay) {
    const QString t = text.trimmed();
    QDateTime dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd HH:mm"));
    if (dt.isValid()) return dt.toMSecsSinceEpoch();
    dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-ddTHH:mm"));
    if (dt.isValid()) return dt.toMSecsSinceEpoch();
    const QDate d = QDate::fromString(t, Qt::ISODate);
    if (!d.isValid()) return std::nullopt;
    return QDateTime(endOfDay ? d.addDays(1) : d, QTime(0, 0)).toMSecsSinceEpoch();
}

std::optional<qint64> dateOption(const Context& ctx, QStringList& args, const QString& name, bool endOfDay, bool* given = nullptr) {
    const QString v = takeOption(args, name);
    if (given) *given = !v.isEmpty();
    if (v.isEmpty()) return std::optional<qint64>(0);
    auto d = parseDate(v, endOfDay);
    if (!d) {
        bad(ctx, QStringLiteral("日期“%1”无法识别，请写成 2026-01-31 或 \"2026-01-31 08:30\"。").arg(v.left(40)),
            QStringLiteral("Cannot read the date \"%1\"; write it as 2026-01-31 or \"2026-01-31 08:30\".").arg(v.left(40)));
        return std::nullopt;
    }
    return d;
}

std::optional<double> numberOption(const Context& ctx, QStringList& args, const QString& name, bool* given = nullptr) {
    const QString v = takeOption(args, name);
    if (given) *given = !v.isEmpty();
    if (v.isEmpty()) return NAN;
    bool ok = false;
    const double d = v.trimmed().toDouble(&ok);
    if (!ok || std::isinf(d) || std::isnan(d)) {
        bad(ctx, QStringLiteral("%1 的值“%2”不是数字。").arg(name, v.left(20)), QStringLiteral("%1 \"%2\" is not a number.").arg(name, v.left(20)));
        return std::nullopt;
    }
    return d;
}

bool noLeftovers(const Context& ctx, const QStringList& args) {
    if (args.isEmpty()) return true;
    bad(ctx, QStringLiteral("无法理解的参数：%1。用法：archivectl env …（见 archivectl --help）").arg(args.join(QLatin1Char(' ')).left(60)),
        QStringLiteral("Unexpected arguments: %1. See `archivectl --help` for env usage.").arg(args.join(QLatin1Char(' ')).left(60)));
    return false;
}

QJsonObject alertJson(const AlertRecord& a) {
    return QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("room"), a.roomCode}, {QStringLiteral("sensor"), a.sensorKey},
                       {QStringLiteral("kind"), alertKindCode(a.kind)}, {QStringLiteral("start"), a.startMs},
                       {QStringLiteral("end"), a.endMs ? QJsonValue(a.endMs) : QJsonValue()}, {QStringLiteral("peak"), a.peak},
                       {QStringLiteral("limit"), a.limit}, {QStringLiteral("late"), a.late},
                       {QStringLiteral("ack_by"), a.ackBy}, {QStringLiteral("ack_at"), a.ackAt ? QJsonValue(a.ackAt) : QJsonValue()},
                       {QStringLiteral("action"), a.ackAction}};
}

int cmdRooms(Context& ctx, QStringList args, Database& db) {
    if (!noLeftovers(ctx, args)) return ExitBadInput;
    EnvQueries q(db);
    auto rooms = q.rooms();
    if (!rooms) return reportError(ctx, rooms.error());
    QJsonArray arr;
    QStringList lines;
    if (rooms->isEmpty()) lines << QStringLiteral("没有库房。请先运行 archivectl demo 或导入库房。 / No rooms yet: run `archivectl demo` or import rooms.");
    for (const RoomSummary& r : *rooms) {
        const ClimateProfile& p = r.profile;
        arr.append(QJsonObject{{QStringLiteral("code"), r.room.code}, {QStringLiteral("name"), r.room.name},
                               {QStringLiteral("profile"), p.code}, {QStringLiteral("t_min"), p.tMin}, {QStringLiteral("t_max"), p.tMax},
                               {QStringLiteral("rh_min"), p.rhMin}, {QStringLiteral("rh_max"), p.rhMax},
                               {QStringLiteral("sensors"), QJsonArray::fromStringList(r.sensorKeys)},
                               {QStringLiteral("last_at"), r.lastAt ? QJsonValue(r.lastAt) : QJsonValue()},
                               {QStringLiteral("last_temp_c"), jnum(r.lastT)}, {QStringLiteral("last_rh_pct"), jnum(r.lastRh)},
                               {QStringLiteral("open_alerts"), r.openAlerts}});
        lines << QStringLiteral("%1  %2  [%3 %4: %5–%6 °C, %7–%8 %RH]  传感器 sensors: %9  最新 latest: %10 %11 °C %12 %RH  未结束警报 open alerts: %13")
                     .arg(r.room.code, r.room.name, p.code, p.nameZh).arg(p.tMin).arg(p.tMax).arg(p.rhMin).arg(p.rhMax)
                     .arg(r.sensorKeys.isEmpty() ? QStringLiteral("无 none") : r.sensorKeys.join(QLatin1Char(',')),
                          localTime(r.lastAt), n1(r.lastT), n1(r.lastRh))
                     .arg(r.openAlerts);
    }
    out(ctx, arr, lines);
    return ExitOk;
}

int cmdAlerts(Context& ctx, QStringList args, Database& db) {
    AlertFilter f;
    const QString room = takeOption(args, QStringLiteral("--room"));
    f.openOnly = takeFlag(args, QStringLiteral("--open"));
    f.unacknowledgedOnly = takeFlag(args, QStringLiteral("--unacked"));
    auto from = dateOption(ctx, args, QStringLiteral("--from"), false);
    if (!from) return ExitBadInput;
    bool toGiven = false;
    auto to = dateOption(ctx, args, QStringLiteral("--to"), true, &toGiven);
    if (!to) return ExitBadInput;
    if (!noLeftovers(ctx, args)) return ExitBadInput;
    f.from = *from;
    if (toGiven) f.to = *to;
    if (!room.isEmpty()) {
        auto r = findRoom(db, room);
        if (!r) return reportError(ctx, r.error());
        f.roomId = r->id;
    }
    ReadingStore store(db);
    if (auto s = store.checkSilence(); !s) return reportError(ctx, s.error());  // R13: silent sensors are alerts too
    auto alerts = AlertStore::list(db, f);
    if (!alerts) return reportError(ctx, alerts.error());
    QJsonArray arr;
    QStringList lines;
    if (alerts->isEmpty()) lines << QStringLiteral("没有警报。 / No alerts.");
    for (const AlertRecord& a : *alerts) {
        arr.append(alertJson(a));
        lines << QStringLiteral("#%1 %2").arg(a.id).arg(a.describe());
    }
    out(ctx, arr, lines);
    return ExitOk;
}

int cmdAck(Context& ctx, QStringList args, Database& db) {
    const QString card = takeOption(args, QStringLiteral("--as"));
    const QString action = takeOption(args, QStringLiteral("--action"));
    if (args.size() != 1)
        return bad(ctx, QStringLiteral("请给出一个警报编号，例如：archivectl env ack 12 --as 工作证号 --action \"开启除湿机\""),
                   QStringLiteral("Give one alert number, e.g. archivectl env ack 12 --as CARD --action \"dehumidifier on\""));
    bool ok = false;
    const qint64 id = args.first().toLongLong(&ok);
    if (!ok || id <= 0) return bad(ctx, QStringLiteral("警报编号必须是正整数。"), QStringLiteral("The alert number must be a positive whole number."));
    if (card.trimmed().isEmpty()) return bad(ctx, QStringLiteral("请用 --as 给出管理员工作证号。"), QStringLiteral("Give the manager's card with --as."));
    auto st = AlertStore::acknowledge(db, id, card, action);
    if (!st) return reportError(ctx, st.error());
    auto a = AlertStore::get(db, id);
    out(ctx, a ? alertJson(*a) : QJsonObject{{QStringLiteral("ok"), true}},
        {QStringLiteral("警报 #%1 已确认 / alert acknowledged: %2").arg(id).arg(a ? a->describe() : QString())});
    return ExitOk;
}

int cmdAddManual(Context& ctx, QStringList args, Database& db) {
    const QString room = takeOption(args, QStringLiteral("--room"));
    const QString card = takeOption(args, QStringLiteral("--as"));
    const QString note = takeOption(args, QStringLiteral("--note"));
    bool tGiven = false, rhGiven = false;
    auto t = numberOption(ctx, args, QStringLiteral("--temp"), &tGiven);
    if (!t) return ExitBadInput;
    auto rh = numberOption(ctx, args, QStringLiteral("--rh"), &rhGiven);
    if (!rh) return ExitBadInput;
    auto at = dateOption(ctx, args, QStringLiteral("--at"), false);
    if (!at) return ExitBadInput;
    if (!noLeftovers(ctx, args)) return ExitBadInput;
    if (room.isEmpty()) return bad(ctx, QStringLiteral("请用 --room 指定库房。"), QStringLiteral("Name the room with --room."));
    if (!tGiven && !rhGiven) return bad(ctx, QStringLiteral("请用 --temp 和/或 --rh 填写读数。"), QStringLiteral("Give the reading with --temp and/or --rh."));
    auto st = ReadingStore(db).addManualReading(room, *at ? *at : db.nowMs(), *t, *rh, card, note);
    if (!st) return reportError(ctx, st.error());
    out(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("room"), room}},
        {QStringLiteral("人工读数已记录 / manual reading recorded: %1 %2 °C %3 %RH（%4）").arg(room, n1(*t), n1(*rh), card)});
    return ExitOk;
}

int cmdReport(Context& ctx, QStringList args, Database& db) {
    reports::EnvReportRequest req;
    req.roomCodeOrName = takeOption(args, QStringLiteral("--room"));
    req.outPath = takeOption(args, QStringLiteral("--out"));
    req.generatedBy = takeOption(args, QStringLiteral("--as"));
    const QString month = takeOption(args, QStringLiteral("--month"));
    auto from = dateOption(ctx, args, QStringLiteral("--from"), false);
    if (!from) return ExitBadInput;
    auto to = dateOption(ctx, args, QStringLiteral("--to"), true);
    if (!to) return ExitBadInput;
    if (!noLeftovers(ctx, args)) return ExitBadInput;
    if (!month.isEmpty()) {
        const QDate m = QDate::fromString(month.trimmed() + QStringLiteral("-01"), Qt::ISODate);
        if (!m.isValid()) return bad(ctx, QStringLiteral("月份请写成 2026-01。"), QStringLiteral("Write the month as 2026-01."));
        *from = QDateTime(m, QTime(0, 0)).toMSecsSinceEpoch();
        *to = QDateTime(m.addMonths(1), QTime(0, 0)).toMSecsSinceEpoch();
    }
    if (req.roomCodeOrName.isEmpty() || req.outPath.isEmpty() || !*from || !*to)
        return bad(ctx, QStringLiteral("用法：archivectl env report --room 库房 --from 2026-01-01 --to 2026-01-31 --out 报告.pdf"),
                   QStringLiteral("Usage: archivectl env report --room ROOM --from 2026-01-01 --to 2026-01-31 --out report.pdf|.csv"));
    req.from = *from;
    req.to = *to;
    auto st = reports::EnvReport::write(db, req);
    if (!st) return reportError(ctx, st.error());
    out(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("file"), req.outPath}},
        {QStringLiteral("报告已生成 / report written: %1").arg(req.outPath)});
    return ExitOk;
}

QStringList metricLines(const WindowMetrics& m) {
    return {QStringLiteral("温度 temperature: 平均 mean %1 °C，最低 min %2，最高 max %3").arg(n1(m.meanT), n1(m.minT), n1(m.maxT)),
            QStringLiteral("湿度 RH: 平均 mean %1 %，最低 min %2，最高 max %3").arg(n1(m.meanRh), n1(m.minRh), n1(m.maxRh)),
            QStringLiteral("TWPI %1 年 years（%2），%EMC %3（机械损伤 mechanical %4，金属腐蚀 metal %5）")
                .arg(n1(m.twpi), QString::fromLatin1(bandCode(m.twpiBand)), n1(m.meanEmc),
                     m.mechanicalOk ? QStringLiteral("ok") : QStringLiteral("risk"), QString::fromLatin1(bandCode(m.metalBand))),
            QStringLiteral("霉变风险 mould risk %1，露点 dew point %2 °C，有效测量 measured %3 h")
                .arg(QString::number(m.mouldRisk, 'f', 3), n1(m.dewPoint), n1(m.hoursMeasured))};
}
QJsonObject metricJson(const WindowMetrics& m) {
    return QJsonObject{{QStringLiteral("twpi"), jnum(m.twpi)}, {QStringLiteral("twpi_band"), QString::fromLatin1(bandCode(m.twpiBand))},
                       {QStringLiteral("mean_t"), jnum(m.meanT)}, {QStringLiteral("min_t"), jnum(m.minT)}, {QStringLiteral("max_t"), jnum(m.maxT)},
                       {QStringLiteral("mean_rh"), jnum(m.meanRh)}, {QStringLiteral("min_rh"), jnum(m.minRh)}, {QStringLiteral("max_rh"), jnum(m.maxRh)},
                       {QStringLiteral("emc"), jnum(m.meanEmc)}, {QStringLiteral("mechanical_ok"), m.mechanicalOk},
                       {QStringLiteral("metal_band"), QString::fromLatin1(bandCode(m.metalBand))}, {QStringLiteral("mould_risk"), m.mouldRisk},
                       {QStringLiteral("dew_point"), jnum(m.dewPoint)}, {QStringLiteral("hours_measured"), m.hoursMeasured}};
}

int cmdMetrics(Context& ctx, QStringList args, Database& db) {
    const QString room = takeOption(args, QStringLiteral("--room"));
    auto from = dateOption(ctx, args, QStringLiteral("--from"), false);
    if (!from) return ExitBadInput;
    auto to = dateOption(ctx, args, QStringLiteral("--to"), true);
    if (!to) return ExitBadInput;
    if (!noLeftovers(ctx, args)) return ExitBadInput;
    if (room.isEmpty() || !*from || !*to)
        return bad(ctx, QStringLiteral("用法：archivectl env metrics --room 库房 --from 日期 --to 日期"), QStringLiteral("Usage: archivectl env metrics --room ROOM --from DATE --to DATE"));
    auto r = findRoom(db, room);
    if (!r) return reportError(ctx, r.error());
    auto m = EnvQueries(db).metrics(r->id, *from, *to);
    if (!m) return reportError(ctx, m.error());
    out(ctx, metricJson(*m), metricLines(*m));
    return ExitOk;
}

int cmdBox(Context& ctx, QStringList args, Database& db) {
    auto from = dateOption(ctx, args, QStringLiteral("--from"), false);
    if (!from) return ExitBadInput;
    auto to = dateOption(ctx, args, QStringLiteral("--to"), true);
    if (!to) return ExitBadInput;
    if (args.size() != 1) return bad(ctx, QStringLiteral("请给出一个档案盒条码。"), QStringLiteral("Give one box barcode."));
    auto h = EnvQueries(db).boxHistory(args.first(), *from, *to);
    if (!h) return reportError(ctx, h.error());
    QJsonArray stays;
    QStringList lines{QStringLiteral("档案盒 box %1：%2 – %3").arg(h->barcode, localTime(h->from), localTime(h->to)),
                      QStringLiteral("  TWPI %1 年 years；在库 in rooms %2 h，其中超限 out of range %3 h；借出 on loan %4 h；位置不明 unknown %5 h")
                          .arg(n1(h->twpi), n1(h->hoursInRooms), n1(h->hoursOutOfRange), n1(h->hoursOnLoan), n1(h->hoursUnknown))};
    for (const BoxStay& s : h->stays) {
        stays.append(QJsonObject{{QStringLiteral("room"), s.roomCode}, {QStringLiteral("from"), s.from}, {QStringLiteral("to"), s.to},
                                 {QStringLiteral("twpi"), jnum(s.agg.twpi())}, {QStringLiteral("hours_out_of_range"), s.hoursOutOfRange}});
        lines << QStringLiteral("  %1 %2  %3 – %4  TWPI %5  超限 out of range %6 h")
                     .arg(s.roomCode, s.roomName, localTime(s.from), localTime(s.to), n1(s.agg.twpi()), n1(s.hoursOutOfRange));
    }
    out(ctx, QJsonObject{{QStringLiteral("box"), h->barcode}, {QStringLiteral("twpi"), jnum(h->twpi)},
                         {QStringLiteral("hours_in_rooms"), h->hoursInRooms}, {QStringLiteral("hours_out_of_range"), h->hoursOutOfRange},
                         {QStringLiteral("hours_on_loan"), h->hoursOnLoan}, {QStringLiteral("hours_unknown"), h->hoursUnknown},
                         {QStringLiteral("stays"), stays}},
        lines);
    return ExitOk;
}

int cmdProfiles(Context& ctx, QStringList args, Database& db) {
    if (!noLeftovers(ctx, args)) return ExitBadInput;
    auto list = ClimateProfiles::list(db);
    if (!list) return reportError(ctx, list.error());
    QJsonArray arr;
    QStringList lines;
    for (const ClimateProfile& p : *list) {
        arr.append(QJsonObject{{QStringLiteral("code"), p.code}, {QStringLiteral("name_zh"), p.nameZh}, {QStringLiteral("name_en"), p.nameEn},
                               {QStringLiteral("t_min"), p.tMin}, {QStringLiteral("t_max"), p.tMax}, {QStringLiteral("rh_min"), p.rhMin},
                               {QStringLiteral("rh_max"), p.rhMax}, {QStringLiteral("t_swing"), p.tSwing}, {QStringLiteral("rh_swing"), p.rhSwing},
                               {QStringLiteral("min_minutes"), p.minDurationS / 60}});
        lines << QStringLiteral("%1  %2 %3: %4–%5 °C, %6–%7 %RH, 日波动 swing ±%8 °C / ±%9 %, 最短 min %10 min")
                     .arg(p.code, p.nameZh, p.nameEn).arg(p.tMin).arg(p.tMax).arg(p.rhMin).arg(p.rhMax).arg(p.tSwing).arg(p.rhSwing)
                     .arg(p.minDurationS / 60);
    }
    out(ctx, arr, lines);
    return ExitOk;
}

int cmdProfileSet(Context& ctx, QStringList args, Database& db) {
    const QString card = takeOption(args, QStringLiteral("--as"));
    const QString nameZh = takeOption(args, QStringLiteral("--name-zh"));
    const QString nameEn = takeOption(args, QStringLiteral("--name-en"));
    struct F { const char* opt; double ClimateProfile::*field; };
    const F fields[] = {{"--t-min", &ClimateProfile::tMin}, {"--t-max", &ClimateProfile::tMax}, {"--rh-min", &ClimateProfile::rhMin},
                        {"--rh-max", &ClimateProfile::rhMax}, {"--t-swing", &ClimateProfile::tSwing}, {"--rh-swing", &ClimateProfile::rhSwing}};
    QList<QPair<const F*, double>> values;
    for (const F& f : fields) {
        bool given = false;
        auto v = numberOption(ctx, args, QString::fromLatin1(f.opt), &given);
        if (!v) return ExitBadInput;
        if (given) values << qMakePair(&f, *v);
    }
    bool minGiven = false;
    auto minutes = numberOption(ctx, args, QStringLiteral("--min-minutes"), &minGiven);
    if (!minutes) return ExitBadInput;
    if (args.size() != 1) return bad(ctx, QStringLiteral("请给出一个标准代码，例如 paper。"), QStringLiteral("Give one profile code, e.g. paper."));
    if (card.trimmed().isEmpty()) return bad(ctx, QStringLiteral("请用 --as 给出工作证号。"), QStringLiteral("Give your card with --as."));
    ClimateProfile p;
    auto existing = ClimateProfiles::get(db, args.first());
    if (existing) p = *existing;
    else {
        p.code = args.first();
        p.nameZh = p.code;
        p.nameEn = p.code;
    }
    if (!nameZh.isEmpty()) p.nameZh = nameZh;
    if (!nameEn.isEmpty()) p.nameEn = nameEn;
    for (const auto& [f, v] : values) p.*(f->field) = v;
    if (minGiven) p.minDurationS = int(*minutes * 60);
    if (auto st = ClimateProfiles::save(db, p, card); !st) return reportError(ctx, st.error());
    out(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("code"), p.code}},
        {QStringLiteral("温湿度标准已保存 / climate profile saved: %1 %2–%3 °C, %4–%5 %RH").arg(p.code).arg(p.tMin).arg(p.tMax).arg(p.rhMin).arg(p.rhMax)});
    return ExitOk;
}

int runEnv(Context& ctx, QStringList args) {
    if (args.isEmpty()) {
        printErrLine(QStringLiteral("用法 usage: archivectl ") + QString::fromUtf8(kUsage));
        return ExitBadInput;
    }
    const QString sub = args.takeFirst();
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    if (sub == QLatin1String("rooms")) return cmdRooms(ctx, args, *db);
    if (sub == QLatin1String("alerts")) return cmdAlerts(ctx, args, *db);
    if (sub == QLatin1String("ack")) return cmdAck(ctx, args, *db);
    if (sub == QLatin1String("add-manual")) return cmdAddManual(ctx, args, *db);
    if (sub == QLatin1String("report")) return cmdReport(ctx, args, *db);
    if (sub == QLatin1String("metrics")) return cmdMetrics(ctx, args, *db);
    if (sub == QLatin1String("box")) return cmdBox(ctx, args, *db);
    if (sub == QLatin1String("profiles")) return cmdProfiles(ctx, args, *db);
    if (sub == QLatin1String("profile-set")) return cmdProfileSet(ctx, args, *db);
    if (sub == QLatin1String("silence")) {
        auto n = ReadingStore(*db).checkSilence();
        if (!n) return reportError(ctx, n.error());
        out(ctx, QJsonObject{{QStringLiteral("opened"), *n}}, {QStringLiteral("新发现无读数的传感器 / newly silent sensors: %1").arg(*n)});
        return ExitOk;
    }
    return bad(ctx, QStringLiteral("未知的 env 子命令“%1”。").arg(sub.left(30)), QStringLiteral("Unknown env subcommand \"%1\".").arg(sub.left(30)));
}

// ---- demo readings ------------------------------------------------------------------------------------

Status demoReadings(Database& db) {
    QSqlQuery q(db.sql());
    if (!q.exec(QStringLiteral("SELECT code FROM rooms ORDER BY code"))) return makeError(QStringLiteral("db_error"), QStringLiteral("无法读取库房。"), QStringLiteral("Cannot read the rooms."));
    QStringList rooms;
    while (q.next()) rooms << q.value(0).toString();
    if (rooms.isEmpty()) {
        printErrLine(QStringLiteral("没有库房，跳过温湿度演示数据。 / No rooms: skipping demo climate readings."));
        return okStatus();
    }
    QString manager, archivist;
    if (q.exec(QStringLiteral("SELECT card, roles FROM people WHERE roles LIKE '%manager%' OR roles LIKE '%archivist%' ORDER BY id"))) {
        while (q.next()) {
            const QString roles = q.value(1).toString();
            if (manager.isEmpty() && roles.contains(QLatin1String("manager"))) manager = q.value(0).toString();
            if (archivist.isEmpty() && roles.contains(QLatin1String("archivist"))) archivist = q.value(0).toString();
        }
    }
    ReadingStore store(db);
    const qint64 interval = 5 * 60000;  // the demo sensors report every 5 minutes
    const qint64 end = db.nowMs() / interval * interval;
    const qint64 start = end - 92 * kDayMs;
    QRandomGenerator rng(20260101);
    for (int ri = 0; ri < rooms.size(); ++ri) {
        const QString room = rooms[ri];
        const QString key = QStringLiteral("sim:") + room;
        auto existing = store.sensors();
        if (!existing) return existing.error();
        bool done = false;
        for (const SensorRecord& s : *existing) if (s.sensorKey == key && s.lastSeenAt) done = true;
        if (done) continue;
        if (auto st = store.bindSensor(key, room, QStringLiteral("demo")); !st) return st;
        if (auto st = store.configureSensor(key, int(interval / 1000), 0, 0, QStringLiteral("demo")); !st) return st;
        auto r = findRoom(db, room);
        if (!r) return r.error();
        auto prof = ClimateProfiles::forRoom(db, r->id);
        if (!prof) return prof.error();
        const double tMid = (prof->tMin + prof->tMax) / 2, rhMid = (prof->rhMin + prof->rhMax) / 2;
        const double tAmp = std::min(1.2, (prof->tMax - prof->tMin) / 5), rhAmp = std::min(3.0, (prof->rhMax - prof->rhMin) / 5);
        QList<ReadingRow> batch;
        for (qint64 t = start; t <= end; t += interval) {
            const double day = (t - start) / double(kDayMs);
            const double hourOfDay = std::fmod((t / double(kHourMs)) + 8, 24.0);  // local (UTC+8) time of day
            double temp = tMid + tAmp * std::sin((hourOfDay - 9) / 24.0 * 2 * M_PI) + 0.6 * std::sin(day / 15.0) + rng.bounded(20) / 100.0;
            double rh = rhMid + rhAmp * std::sin(day / 9.0 + ri) - 0.8 * std::sin((hourOfDay - 9) / 24.0 * 2 * M_PI) + rng.bounded(40) / 100.0;
            // Excursions: a humid spell in the first room (a dehumidifier failed), a hot afternoon in the
            // second, a slow dry drift in the third.
            if (ri == 0 && day >= 20.3 && day < 20.6) rh = prof->rhMax + 6 + rng.bounded(100) / 100.0;
            if (ri == 1 % rooms.size() && day >= 55.5 && day < 55.65) temp = prof->tMax + 2.5;
            if (ri == 2 % rooms.size() && day >= 70 && day < 71.5) rh = prof->rhMin - 3 * std::sin((day - 70) / 1.5 * M_PI);
            // A sensor outage: eight hours without readings in the first room.
            if (ri == 0 && day >= 64 && day < 64 + 8 / 24.0) continue;
            batch << ReadingRow{key, t, temp, rh, QString(), false, QString()};
        }
        if (auto n = store.addReadings(batch); !n) return n.error();
        // The archivist's wall-hygrometer readings for the last week, twice a day.
        if (!archivist.isEmpty()) {
            for (int d = 7; d >= 1; --d) {
                for (int h : {9, 15}) {
                    const QDateTime at(QDateTime::fromMSecsSinceEpoch(end - d * kDayMs).date(), QTime(h, 0));
                    (void)store.addManualReading(room, at.toMSecsSinceEpoch(), tMid + rng.bounded(10) / 10.0 - 0.5,
                                                 rhMid + rng.bounded(30) / 10.0 - 1.5, archivist, QStringLiteral("墙上温湿度计 wall hygrometer"));
                }
            }
        }
    }
    // The manager dealt with the humid spell.
    if (!manager.isEmpty()) {
        AlertFilter f;
        f.unacknowledgedOnly = true;
        auto alerts = AlertStore::list(db, f);
        if (!alerts) return alerts.error();
        for (const AlertRecord& a : *alerts) {
            if (a.kind == AlertKind::RhHigh && !a.open()) {
                (void)AlertStore::acknowledge(db, a.id, manager, QStringLiteral("开启除湿机，关闭库房门窗 / dehumidifier on, doors and windows closed"));
                break;
            }
        }
    }
    return okStatus();
}

}  // namespace

ARCHIVECTL_COMMAND(QStringLiteral("env"), QString::fromUtf8(kUsage),
                   QStringLiteral("environment log: rooms, alerts (ack with the action taken), manual readings, profiles, PDF/CSV room reports, box history"),
                   runEnv);

ARCHIVECTL_DEMO_STEP(50, QStringLiteral("温湿度记录（92 天）/ climate readings (92 days)"), demoReadings);
