#include "SweepReport.h"

#include "Convert.h"
#include "labels/LabelFonts.h"

#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace archive::kiosk {

namespace {
class Page {
public:
    explicit Page(QPdfWriter& w) : m_w(w), m_p(&w) {
        m_mm = w.resolution() / 25.4;
        m_bottom = w.height() - mm(15);
        m_y = mm(15);
    }
    bool ok() const { return m_p.isActive(); }
    double mm(double v) const { return v * m_mm; }
    QFont font(double pt, bool bold = false) const {
        QFont f = labels::LabelFonts::get().font(pt, bold);
        return f;
    }
    void line(const QString& text, double pt, bool bold = false, double indentMm = 0) {
        m_p.setFont(font(pt, bold));
        const QFontMetricsF fm(m_p.font(), &m_w);
        const QRectF box(mm(15 + indentMm), m_y, m_w.width() - mm(30 + indentMm), mm(200));
        const QRectF used = m_p.boundingRect(box, Qt::TextWordWrap, text);
        if (m_y + used.height() > m_bottom) newPage();
        m_p.drawText(QRectF(mm(15 + indentMm), m_y, box.width(), used.height()), Qt::TextWordWrap, text);
        m_y += used.height() + fm.height() * 0.15;
    }
    void gap(double v) { m_y += mm(v); }
    void rule() {
        m_p.setPen(QPen(Qt::gray, mm(0.2)));
        m_p.drawLine(QPointF(mm(15), m_y), QPointF(m_w.width() - mm(15), m_y));
        m_p.setPen(Qt::black);
        m_y += mm(2);
    }
    void newPage() {
        m_w.newPage();
        m_y = mm(15);
    }

private:
    QPdfWriter& m_w;
    QPainter m_p;
    double m_mm = 1;
    double m_y = 0, m_bottom = 0;
};

void section(Page& p, const QString& heading, const QList<SweepReportLine>& lines) {
    p.gap(3);
    p.line(QStringLiteral("%1（%2）").arg(heading).arg(lines.size()), 12, true);
    p.rule();
    if (lines.isEmpty()) p.line(QStringLiteral("—"), 10, false, 4);
    for (const SweepReportLine& l : lines) {
        QString t = l.code;
        if (!l.title.isEmpty()) t += QStringLiteral("   ") + l.title;
        if (!l.note.isEmpty()) t += QStringLiteral("   （%1）").arg(l.note);
        p.line(t, 10, false, 4);
    }
}
}  // namespace

Result<QByteArray> renderSweepReport(const SweepReportData& d) {
    if (!labels::LabelFonts::get().loaded())
        return makeError(QStringLiteral("font_missing"),
                         QStringLiteral("报告字体（文泉驿微米黑）未安装，无法生成报告。请联系管理员安装 fonts-wqy-microhei。"),
                         QStringLiteral("The report font (WenQuanYi Micro Hei) is not installed, so no report was made. Ask the "
                                        "administrator to install fonts-wqy-microhei."));
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    {
        QPdfWriter w(&buf);
        w.setPageSize(QPageSize(QPageSize::A4));
        w.setResolution(300);
        w.setTitle(QStringLiteral("盘点报告 %1").arg(d.shelfBarcode));
        w.setCreator(QStringLiteral("archive-kiosk"));
        Page p(w);
        if (!p.ok())
            return makeError(QStringLiteral("report_failed"), QStringLiteral("无法生成盘点报告。请重试。"),
                             QStringLiteral("The sweep report could not be made. Please try again."));
        p.line(QStringLiteral("盘点报告 · Inventory sweep report"), 18, true);
        p.gap(2);
        p.line(QStringLiteral("架位 Shelf：%1  %2").arg(d.shelfBarcode, d.shelfText), 11);
        p.line(QStringLiteral("时间 Time：%1").arg(localDateTime(d.atMs)), 11);
        p.line(QStringLiteral("盘点人 Staff：%1（%2）").arg(d.staffName, d.staffCard), 11);
        p.line(QStringLiteral("在架 found %1 · 缺失 missing %2 · 错架 misplaced %3 · 未知 unknown %4")
                   .arg(d.found.size()).arg(d.missing.size()).arg(d.misplaced.size()).arg(d.unknown.size()),
               11, true);
        section(p, QStringLiteral("缺失（已标记为缺失）Missing — flagged"), d.missing);
        section(p, QStringLiteral("错架 Misplaced"), d.misplaced);
        section(p, QStringLiteral("未知条码 Unknown"), d.unknown);
        section(p, QStringLiteral("在架 Found"), d.found);
        p.gap(8);
        p.line(QStringLiteral("盘点人签字 Signature：____________________    复核人 Checked by：____________________"), 10);
    }
    return bytes;
}

}  // namespace archive::kiosk
