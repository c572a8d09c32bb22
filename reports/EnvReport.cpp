#include "EnvReport.h"

#include "db/Database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QSaveFile>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>

namespace archive::reports {

using namespace db::env;

namespace {
constexpr const char* kFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

QString num(double v, int prec) { return std::isnan(v) ? QString() : QString::number(v, 'f', prec); }
QString when(qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString(); }
QString csvField(QString s) {
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}
Error writeError(const QString& path, const QString& why) {
    return makeError(QStringLiteral("write_failed"),
                     QStringLiteral("无法写入报告文件 %1。请检查文件夹是否存在、是否有写入权限以及磁盘空间。").arg(path),
                     QStringLiteral("Cannot write the report file %1. Check that the folder exists, that you may write there, and that the disk has space.").arg(path),
                     why);
}
}  // namespace

QString EnvReport::fontFamily() {
    static const QString family = [] {
        const int id = QFontDatabase::addApplicationFont(QString::fromLatin1(kFontPath));
        const QStringList fams = id >= 0 ? QFontDatabase::applicationFontFamilies(id) : QStringList();
        return fams.isEmpty() ? QStringLiteral("WenQuanYi Micro Hei") : fams.first();
    }();
    return family;
}

Result<EnvReportData> EnvReport::collect(db::Database& database, const EnvReportRequest& req) {
    if (req.to <= req.from)
        return makeError(QStringLiteral("bad_input"), QStringLiteral("报告的结束日期必须晚于开始日期。"),
                         QStringLiteral("The report's end date must be after its start date."));
    if (req.to - req.from > 366LL * 3 * kDayMs)
        return makeError(QStringLiteral("bad_input"), QStringLiteral("报告时间范围最长三年，请缩短范围。"),
                         QStringLiteral("A report covers at most three years; please shorten the range."));
    auto room = db::findRoom(database, req.roomCodeOrName);
    if (!room) return room.error();
    EnvReportData d;
    d.room = *room;
    d.from = req.from;
    d.to = req.to;
    d.generatedAt = database.nowMs();
    d.generatedBy = req.generatedBy;
    auto prof = ClimateProfiles::forRoom(database, room->id);
    if (!prof) return prof.error();
    d.profile = *prof;
    QSqlQuery q(database.sql());
    q.prepare(QStringLiteral("SELECT sensor_key, name FROM sensors WHERE room_id = ? ORDER BY sensor_key"));
    q.addBindValue(room->id);
    if (q.exec())
        while (q.next()) d.sensors << q.value(0).toString();
    EnvQueries eq(database);
    auto chart = eq.chart(room->id, req.from, req.to, 800);
    if (!chart) return chart.error();
    d.chart = *chart;
    auto m = eq.metrics(room->id, req.from, req.to);
    if (!m) return m.error();
    d.metrics = *m;
    auto daily = eq.daily(room->id, req.from, req.to);
    if (!daily) return daily.error();
    d.daily = *daily;
    AlertFilter f;
    f.roomId = room->id;
    f.from = req.from;
    f.to = req.to;
    f.limit = 5000;
    auto alerts = AlertStore::list(database, f);
    if (!alerts) return alerts.error();
    d.alerts = *alerts;
    std::reverse(d.alerts.begin(), d.alerts.end());
    return d;
}

Status EnvReport::write(db::Database& database, const EnvReportRequest& req) {
    QString fmt = req.format.toLower();
    if (fmt.isEmpty()) fmt = QFileInfo(req.outPath).suffix().toLower();
    if (fmt != QLatin1String("pdf") && fmt != QLatin1String("csv"))
        return makeError(QStringLiteral("bad_input"), QStringLiteral("报告文件名须以 .pdf 或 .csv 结尾。"),
                         QStringLiteral("The report file name must end in .pdf or .csv."));
    if (req.outPath.isEmpty() || !QFileInfo(QFileInfo(req.outPath).absolutePath()).isDir())
        return writeError(req.outPath, QStringLiteral("folder missing"));
    auto d = collect(database, req);
    if (!d) return d.error();
    return fmt == QLatin1String("pdf") ? writePdf(*d, req.outPath) : writeCsv(*d, req.outPath);
}

Status EnvReport::writeCsv(const EnvReportData& d, const QString& path) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return writeError(path, f.errorString());
    QStringList lines;
    lines << QStringLiteral("# 库房温湿度报告 Room climate report,%1 (%2),%3,%4")
                 .arg(csvField(d.room.name), d.room.code, when(d.from), when(d.to));
    lines << QStringLiteral("日期 date,最低温度 t_min °C,平均温度 t_mean °C,最高温度 t_max °C,最低湿度 rh_min %,平均湿度 rh_mean %,"
                            "最高湿度 rh_max %,读数 readings,测量小时 hours_measured,TWPI 年 years,平均EMC %");
    for (const DailyRow& r : d.daily) {
        const RollupAgg& a = r.agg;
        lines << QStringList{r.day.toString(Qt::ISODate),
                             num(a.tMin == kNoValue ? NAN : a.tMin / 100.0, 2), num(a.meanT(), 2),
                             num(a.tMax == kNoValue ? NAN : a.tMax / 100.0, 2),
                             num(a.rhMin == kNoValue ? NAN : a.rhMin / 100.0, 2), num(a.meanRh(), 2),
                             num(a.rhMax == kNoValue ? NAN : a.rhMax / 100.0, 2), QString::number(a.n),
                             num(a.dtS / 3600.0, 2), num(a.twpi(), 1), num(a.meanEmc(), 2)}
                     .join(QLatin1Char(','));
    }
    lines << QString();
    lines << QStringLiteral("警报编号 alert_id,类型 kind,开始 start,结束 end,峰值 peak,限值 limit,确认人 ack_by,确认时间 ack_at,采取措施 action");
    for (const AlertRecord& a : d.alerts)
        lines << QStringList{QString::number(a.id), alertKindCode(a.kind), when(a.startMs), when(a.endMs), num(a.peak, 2),
                             num(a.limit, 2), csvField(a.ackBy), when(a.ackAt), csvField(a.ackAction)}
                     .join(QLatin1Char(','));
    QByteArray out("\xEF\xBB\xBF");
    out += lines.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
    if (f.write(out) != out.size() || !f.commit()) return writeError(path, f.errorString());
    return okStatus();
}

}  // namespace archive::reports
