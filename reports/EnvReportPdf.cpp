// PDF rendering of the room climate report (see EnvReport.h for the layout).
#include "EnvReport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>

namespace archive::reports {

using namespace db::env;

namespace {
constexpr int kDpi = 300;
double mm(double v) { return v * kDpi / 25.4; }
QString num(double v, int prec, const QString& unit = {}) {
    return std::isnan(v) ? QStringLiteral("—") : QString::number(v, 'f', prec) + unit;
}
QString day(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd")); }
QString when(qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("MM-dd HH:mm")) : QStringLiteral("进行中 ongoing"); }
QString bandText(Band b) {
    return b == Band::Good ? QStringLiteral("良好 GOOD") : b == Band::Ok ? QStringLiteral("一般 OK") : QStringLiteral("风险 RISK");
}
double c2(qint32 v) { return v == kNoValue ? NAN : v / 100.0; }

class Doc {
public:
    Doc(QPdfWriter& w, const EnvReportData& d) : m_w(w), m_p(&w), m_d(d) {
        m_family = EnvReport::fontFamily();
        m_width = w.width();
        m_height = w.height();
    }
    bool ok() const { return m_p.isActive(); }
    QFont font(double pt, bool bold = false) const {
        QFont f(m_family);
        f.setPointSizeF(pt);
        f.setBold(bold);
        return f;
    }
    void newPage() {
        footer();
        m_w.newPage();
        ++m_page;
    }
    void footer() {
        m_p.setFont(font(7.5));
        m_p.setPen(Qt::darkGray);
        const QString left = QStringLiteral("%1（%2） %3 – %4 · 生成于 generated %5%6")
                                 .arg(m_d.room.name, m_d.room.code, day(m_d.from), day(m_d.to - 1),
                                      QDateTime::fromMSecsSinceEpoch(m_d.generatedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                      m_d.generatedBy.isEmpty() ? QString() : QStringLiteral(" · ") + m_d.generatedBy);
        m_p.drawText(QRectF(0, m_height - mm(5), m_width, mm(5)), Qt::AlignLeft | Qt::AlignVCenter, left);
        m_p.drawText(QRectF(0, m_height - mm(5), m_width, mm(5)), Qt::AlignRight | Qt::AlignVCenter,
                     QStringLiteral("第 %1 页 page %1").arg(m_page));
        m_p.setPen(Qt::black);
    }
    void finish() { footer(); m_p.end(); }

    double header(double y) {
        m_p.setFont(font(17, true));
        m_p.drawText(QRectF(0, y, m_width, mm(10)), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("库房温湿度报告  Room climate report"));
        y += mm(12);
        m_p.setFont(font(10));
        const ClimateProfile& pr = m_d.profile;
        const QStringList lines = {
            QStringLiteral("库房 Room：%1（%2）    期间 Period：%3 – %4").arg(m_d.room.name, m_d.room.code, day(m_d.from), day(m_d.to - 1)),
            QStringLiteral("标准 Profile：%1 %2 — 温度 %3–%4 °C，相对湿度 %5–%6 %，日波动 daily swing ±%7 °C / ±%8 %")
                .arg(pr.nameZh, pr.nameEn).arg(pr.tMin).arg(pr.tMax).arg(pr.rhMin).arg(pr.rhMax).arg(pr.tSwing).arg(pr.rhSwing),
            QStringLiteral("传感器 Sensors：%1").arg(m_d.sensors.isEmpty() ? QStringLiteral("无 none") : m_d.sensors.join(QStringLiteral("、"))),
        };
        for (const QString& l : lines) {
            m_p.drawText(QRectF(0, y, m_width, mm(6)), Qt::AlignLeft | Qt::AlignVCenter, l);
            y += mm(6);
        }
        return y + mm(2);
    }

    double metrics(double y) {
        const WindowMetrics& m = m_d.metrics;
        int open = 0, acked = 0;
        for (const auto& a : m_d.alerts) { if (a.open()) ++open; if (a.acknowledged()) ++acked; }
        const double periodH = (m_d.to - m_d.from) / 3600000.0;
        const QList<QPair<QString, QString>> cells = {
            {QStringLiteral("温度 平均/最低/最高 Temperature mean/min/max"),
             QStringLiteral("%1 / %2 / %3 °C").arg(num(m.meanT, 1), num(m.minT, 1), num(m.maxT, 1))},
            {QStringLiteral("相对湿度 平均/最低/最高 RH mean/min/max"),
             QStringLiteral("%1 / %2 / %3 %").arg(num(m.meanRh, 1), num(m.minRh, 1), num(m.maxRh, 1))},
            {QStringLiteral("TWPI 时间加权保存指数"), m.hasData() ? QStringLiteral("%1 年 years（%2）").arg(num(m.twpi, 0), bandText(m.twpiBand)) : QStringLiteral("—")},
            {QStringLiteral("平衡含水率 %EMC"), m.hasData() ? QStringLiteral("%1 %").arg(num(m.meanEmc, 1)) : QStringLiteral("—")},
            {QStringLiteral("机械损伤 Mechanical damage"),
             m.hasData() ? QStringLiteral("%1，超出 5–12.5 %EMC 共 %2 h").arg(m.mechanicalOk ? QStringLiteral("正常 OK") : QStringLiteral("风险 RISK"), num(m.hoursMechBad, 1)) : QStringLiteral("—")},
            {QStringLiteral("金属腐蚀 Metal corrosion"),
             m.hasData() ? QStringLiteral("%1，EMC > 10.5 共 %2 h").arg(bandText(m.metalBand), num(m.hoursMetalRisk, 1)) : QStringLiteral("—")},
            {QStringLiteral("霉变风险 Mould risk (accumulated)"), m.hasData() ? QStringLiteral("%1（≥ 1 预计发霉 mould expected）").arg(num(m.mouldRisk, 3)) : QStringLiteral("—")},
            {QStringLiteral("露点 Dew point"), QStringLiteral("%1 °C").arg(num(m.dewPoint, 1))},
            {QStringLiteral("有效测量 Hours measured"),
             QStringLiteral("%1 / %2 h（%3 %）").arg(num(m.hoursMeasured, 0), num(periodH, 0), num(periodH > 0 ? 100.0 * m.hoursMeasured / periodH : NAN, 1))},
            {QStringLiteral("警报 Alerts"), QStringLiteral("%1 条，已确认 %2，进行中 %3").arg(m_d.alerts.size()).arg(acked).arg(open)},
        };
        const double rowH = mm(8.4), colW = m_width / 2;
        for (int i = 0; i < cells.size(); ++i) {
            const double x = (i % 2) * colW, yy = y + (i / 2) * rowH;
            if ((i / 2) % 2 == 0) m_p.fillRect(QRectF(x, yy, colW, rowH), QColor(243, 243, 243));
            m_p.setFont(font(6.8));
            m_p.setPen(QColor(90, 90, 90));
            m_p.drawText(QRectF(x + mm(1.5), yy + mm(0.4), colW - mm(3), rowH * 0.45), Qt::AlignLeft | Qt::AlignVCenter, cells[i].first);
            m_p.setFont(font(9.5, true));
            m_p.setPen(Qt::black);
            m_p.drawText(QRectF(x + mm(1.5), yy + rowH * 0.42, colW - mm(3), rowH * 0.55), Qt::AlignLeft | Qt::AlignVCenter, cells[i].second);
        }
        return y + ((cells.size() + 1) / 2) * rowH + mm(3);
    }

    void chart(QRectF r, bool temp) {
        const ClimateProfile& pr = m_d.profile;
        const double lo = temp ? pr.tMin : pr.rhMin, hi = temp ? pr.tMax : pr.rhMax;
        m_p.setFont(font(10, true));
        m_p.drawText(QRectF(r.left(), r.top(), r.width(), mm(6)), Qt::AlignLeft | Qt::AlignVCenter,
                     temp ? QStringLiteral("温度 Temperature (°C)") : QStringLiteral("相对湿度 Relative humidity (%RH)"));
        const QRectF plot = r.adjusted(mm(12), mm(8), -mm(2), -mm(11));
        double vmin = lo, vmax = hi;
        for (const ChartPoint& p : m_d.chart.points) {
            const double a = temp ? p.tMin : p.rhMin, b = temp ? p.tMax : p.rhMax;
            if (!std::isnan(a)) vmin = std::min(vmin, a);
            if (!std::isnan(b)) vmax = std::max(vmax, b);
        }
        const double span0 = std::max(1.0, vmax - vmin);
        const double rawStep = span0 / 6;
        const double mag = std::pow(10.0, std::floor(std::log10(rawStep)));
        const double step = rawStep <= mag ? mag : rawStep <= 2 * mag ? 2 * mag : rawStep <= 5 * mag ? 5 * mag : 10 * mag;
        vmin = std::floor((vmin - step * 0.3) / step) * step;
        vmax = std::ceil((vmax + step * 0.3) / step) * step;
        const double t0 = m_d.from, t1 = m_d.to;
        auto X = [&](double t) { return plot.left() + (t - t0) / (t1 - t0) * plot.width(); };
        auto Y = [&](double v) { return plot.bottom() - (v - vmin) / (vmax - vmin) * plot.height(); };

        m_p.save();
        m_p.setClipRect(plot);
        m_p.fillRect(QRectF(QPointF(plot.left(), Y(hi)), QPointF(plot.right(), Y(lo))), QColor(204, 236, 204));  // allowed band
        for (const AlertRecord& a : m_d.alerts) {
            const bool mine = temp ? (a.kind == AlertKind::TempHigh || a.kind == AlertKind::TempLow || a.kind == AlertKind::TempSwing)
                                   : (a.kind == AlertKind::RhHigh || a.kind == AlertKind::RhLow || a.kind == AlertKind::RhSwing);
            const bool silence = a.kind == AlertKind::Silence;
            if (!mine && !silence) continue;
            const double xa = X(std::max<double>(a.startMs, t0)), xb = X(std::min<double>(a.endMs ? a.endMs : m_d.generatedAt, t1));
            const QColor c = silence ? QColor(150, 150, 150, 90)
                                     : (a.kind == AlertKind::TempSwing || a.kind == AlertKind::RhSwing) ? QColor(255, 150, 0, 60) : QColor(230, 0, 0, 70);
            m_p.fillRect(QRectF(QPointF(xa, plot.top()), QPointF(std::max(xb, xa + mm(0.4)), plot.bottom())), c);
        }
        // min–max envelope and mean line, broken where there are no readings
        const double maxGap = 2.0 * m_d.chart.bucketMs;
        QList<QList<const ChartPoint*>> segs;
        for (const ChartPoint& p : m_d.chart.points) {
            if (std::isnan(temp ? p.tMean : p.rhMean)) continue;
            if (segs.isEmpty() || p.atMs - segs.last().last()->atMs > maxGap) segs.append(QList<const ChartPoint*>());
            segs.last().append(&p);
        }
        const QColor line = temp ? QColor(200, 60, 20) : QColor(20, 80, 200);
        QColor env = line;
        env.setAlpha(60);
        const double half = m_d.chart.bucketMs / 2.0;
        for (const auto& s : segs) {
            QPolygonF poly, mean;
            for (const ChartPoint* p : s) poly << QPointF(X(p->atMs + half), Y(temp ? p->tMax : p->rhMax));
            for (auto it = s.rbegin(); it != s.rend(); ++it) poly << QPointF(X((*it)->atMs + half), Y(temp ? (*it)->tMin : (*it)->rhMin));
            for (const ChartPoint* p : s) mean << QPointF(X(p->atMs + half), Y(temp ? p->tMean : p->rhMean));
            m_p.setPen(Qt::NoPen);
            m_p.setBrush(env);
            m_p.drawPolygon(poly);
            m_p.setPen(QPen(line, mm(0.3)));
            m_p.setBrush(Qt::NoBrush);
            if (mean.size() == 1) m_p.drawEllipse(mean.first(), mm(0.4), mm(0.4));
            else m_p.drawPolyline(mean);
        }
        m_p.restore();
        // axes, grid and labels
        m_p.setPen(QPen(QColor(120, 120, 120), mm(0.15)));
        m_p.drawRect(plot);
        m_p.setFont(font(7));
        for (double v = vmin; v <= vmax + step / 2; v += step) {
            m_p.setPen(QPen(QColor(215, 215, 215), mm(0.1)));
            m_p.drawLine(QPointF(plot.left(), Y(v)), QPointF(plot.right(), Y(v)));
            m_p.setPen(Qt::black);
            m_p.drawText(QRectF(r.left(), Y(v) - mm(2), mm(11), mm(4)), Qt::AlignRight | Qt::AlignVCenter, QString::number(v, 'f', step < 1 ? 1 : 0));
        }
        const double days = (t1 - t0) / double(kDayMs);
        const int every = std::max(1, int(std::ceil(days / 10)));
        QDateTime dt = QDateTime::fromMSecsSinceEpoch(m_d.from);
        dt.setTime(QTime(0, 0));
        if (dt.toMSecsSinceEpoch() < m_d.from) dt = dt.addDays(1);
        for (int i = 0; dt.toMSecsSinceEpoch() < m_d.to; dt = dt.addDays(1), ++i) {
            const double x = X(dt.toMSecsSinceEpoch());
            m_p.setPen(QPen(QColor(225, 225, 225), mm(0.1)));
            m_p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            if (i % every) continue;
            m_p.setPen(Qt::black);
            m_p.drawText(QRectF(x - mm(8), plot.bottom() + mm(0.5), mm(16), mm(4)), Qt::AlignCenter, dt.toString(QStringLiteral("MM-dd")));
        }
        // legend
        double lx = plot.left();
        const double ly = plot.bottom() + mm(5.5);
        auto legend = [&](const QColor& c, const QString& text, bool isLine = false) {
            if (isLine) { m_p.setPen(QPen(c, mm(0.5))); m_p.drawLine(QPointF(lx, ly + mm(2)), QPointF(lx + mm(4), ly + mm(2))); }
            else m_p.fillRect(QRectF(lx, ly + mm(0.5), mm(4), mm(3)), c);
            m_p.setPen(Qt::black);
            m_p.drawText(QRectF(lx + mm(5), ly, mm(60), mm(4)), Qt::AlignLeft | Qt::AlignVCenter, text);
            lx += mm(5) + m_p.fontMetrics().horizontalAdvance(text) + mm(4);
        };
        legend(QColor(204, 236, 204), QStringLiteral("允许范围 allowed band"));
        legend(QColor(230, 0, 0, 70), QStringLiteral("超限 excursion"));
        legend(QColor(255, 150, 0, 60), QStringLiteral("日波动超限 swing"));
        legend(QColor(150, 150, 150, 90), QStringLiteral("无读数 no readings"));
        legend(env, QStringLiteral("最低–最高 min–max"));
        legend(line, QStringLiteral("平均 mean"), true);
    }

    void table(const QString& title, const QStringList& head, const QList<double>& widths, const QList<QStringList>& rows,
               double rowH, const QString& emptyText) {
        double y = 0;
        auto drawHead = [&] {
            m_p.setFont(font(12, true));
            m_p.drawText(QRectF(0, y, m_width, mm(8)), Qt::AlignLeft | Qt::AlignVCenter, title);
            y += mm(9);
            m_p.setFont(font(7.5, true));
            m_p.fillRect(QRectF(0, y, m_width, mm(7)), QColor(225, 232, 240));
            double x = 0;
            for (int c = 0; c < head.size(); ++c) {
                m_p.drawText(QRectF(x + mm(0.8), y, mm(widths[c]) - mm(1.6), mm(7)), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, head[c]);
                x += mm(widths[c]);
            }
            y += mm(7);
            m_p.setFont(font(8));
        };
        drawHead();
        if (rows.isEmpty()) {
            m_p.drawText(QRectF(0, y + mm(2), m_width, mm(6)), Qt::AlignLeft | Qt::AlignVCenter, emptyText);
            return;
        }
        for (int i = 0; i < rows.size(); ++i) {
            if (y + rowH > m_height - mm(8)) { newPage(); y = 0; drawHead(); }
            if (i % 2) m_p.fillRect(QRectF(0, y, m_width, rowH), QColor(246, 246, 246));
            double x = 0;
            for (int c = 0; c < rows[i].size() && c < widths.size(); ++c) {
                m_p.drawText(QRectF(x + mm(0.8), y, mm(widths[c]) - mm(1.6), rowH), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, rows[i][c]);
                x += mm(widths[c]);
            }
            y += rowH;
        }
    }

    QPdfWriter& m_w;
    QPainter m_p;
    const EnvReportData& m_d;
    QString m_family;
    double m_width = 0, m_height = 0;
    int m_page = 1;
};
}  // namespace

Status EnvReport::writePdf(const EnvReportData& d, const QString& path) {
    {
        QPdfWriter w(path);
        w.setResolution(kDpi);
        w.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(14, 12, 14, 12), QPageLayout::Millimeter));
        w.setTitle(QStringLiteral("库房温湿度报告 %1 %2–%3").arg(d.room.name, day(d.from), day(d.to - 1)));
        w.setCreator(QStringLiteral("archive-kiosk"));
        Doc doc(w, d);
        if (!doc.ok())
            return makeError(QStringLiteral("write_failed"), QStringLiteral("无法写入报告文件 %1。请检查文件夹和写入权限。").arg(path),
                             QStringLiteral("Cannot write the report file %1. Check the folder and your permission to write there.").arg(path));
        double y = doc.header(0);
        y = doc.metrics(y);
        const double chartH = (doc.m_height - mm(8) - y) / 2;
        doc.chart(QRectF(0, y, doc.m_width, chartH), true);
        doc.chart(QRectF(0, y + chartH, doc.m_width, chartH), false);
        doc.newPage();

        QList<QStringList> rows;
        for (const DailyRow& r : d.daily) {
            const RollupAgg& a = r.agg;
            const double tmin = c2(a.tMin), tmax = c2(a.tMax), rmin = c2(a.rhMin), rmax = c2(a.rhMax);
            const bool out = (!std::isnan(tmin) && (tmin < d.profile.tMin || tmax > d.profile.tMax)) ||
                             (!std::isnan(rmin) && (rmin < d.profile.rhMin || rmax > d.profile.rhMax));
            rows << QStringList{r.day.toString(QStringLiteral("yyyy-MM-dd ddd")), num(tmin, 1), num(a.meanT(), 1), num(tmax, 1),
                                num(rmin, 1), num(a.meanRh(), 1), num(rmax, 1), QString::number(a.n), num(a.dtS / 3600.0, 1),
                                out ? QStringLiteral("超限 out") : QStringLiteral("正常 ok")};
        }
        doc.table(QStringLiteral("每日温湿度 Daily minimum / mean / maximum"),
                  {QStringLiteral("日期 date"), QStringLiteral("最低 °C min"), QStringLiteral("平均 °C mean"), QStringLiteral("最高 °C max"),
                   QStringLiteral("最低 %RH min"), QStringLiteral("平均 %RH mean"), QStringLiteral("最高 %RH max"),
                   QStringLiteral("读数 readings"), QStringLiteral("测量 h"), QStringLiteral("状态 state")},
                  {26, 16, 17, 16, 18, 19, 18, 17, 14, 21}, rows, mm(6.2), QStringLiteral("本期没有读数。No readings in this period."));
        doc.newPage();

        rows.clear();
        for (const AlertRecord& a : d.alerts) {
            QString peak;
            switch (a.kind) {
            case AlertKind::TempHigh: case AlertKind::TempLow: peak = num(a.peak, 1, QStringLiteral(" °C")); break;
            case AlertKind::RhHigh: case AlertKind::RhLow: peak = num(a.peak, 1, QStringLiteral(" %")); break;
            case AlertKind::TempSwing: peak = num(a.peak, 1, QStringLiteral(" °C 波动")); break;
            case AlertKind::RhSwing: peak = num(a.peak, 1, QStringLiteral(" % 波动")); break;
            case AlertKind::Silence: peak = num(a.peak / 60.0, 1, QStringLiteral(" h 无读数")); break;
            }
            rows << QStringList{QString::number(a.id), alertKindText(a.kind), when(a.startMs), when(a.endMs), peak,
                                a.acknowledged() ? QStringLiteral("%1 %2").arg(a.ackBy, when(a.ackAt)) : QStringLiteral("未确认 not yet"),
                                a.ackAction};
        }
        doc.table(QStringLiteral("警报及处理 Alerts and actions taken"),
                  {QStringLiteral("编号 #"), QStringLiteral("类型 kind"), QStringLiteral("开始 start"), QStringLiteral("结束 end"),
                   QStringLiteral("峰值 peak"), QStringLiteral("确认 acknowledged"), QStringLiteral("采取措施 action taken")},
                  {12, 38, 20, 20, 22, 28, 42}, rows, mm(10), QStringLiteral("本期无警报。No alerts in this period."));
        doc.finish();
    }
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        return makeError(QStringLiteral("write_failed"), QStringLiteral("无法写入报告文件 %1。请检查文件夹和写入权限。").arg(path),
                         QStringLiteral("Cannot write the report file %1. Check the folder and your permission to write there.").arg(path));
    return okStatus();
}

}  // namespace archive::reports
