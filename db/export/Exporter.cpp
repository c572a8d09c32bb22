#include "Exporter.h"

#include "db/Database.h"

#include <QDateTime>
#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <functional>

namespace archive::db {

namespace {

QString localTime(const QVariant& v) {
    if (v.isNull()) return {};
    const qint64 ms = v.toLongLong();
    if (ms <= 0) return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString zh(const QString& code) {
    static const QHash<QString, QString> t = {
        {QStringLiteral("permanent"), QStringLiteral("永久")}, {QStringLiteral("30y"), QStringLiteral("定期30年")},
        {QStringLiteral("10y"), QStringLiteral("定期10年")},   {QStringLiteral("in_place"), QStringLiteral("在架")},
        {QStringLiteral("on_loan"), QStringLiteral("借出")},   {QStringLiteral("missing"), QStringLiteral("缺失")},
        {QStringLiteral("destroyed"), QStringLiteral("已销毁")}, {QStringLiteral("transferred_out"), QStringLiteral("已移出")},
        {QStringLiteral("ok"), QStringLiteral("完好")},        {QStringLiteral("damaged"), QStringLiteral("损坏")},
        {QStringLiteral("incomplete"), QStringLiteral("不完整")}, {QStringLiteral("lost"), QStringLiteral("丢失")},
        {QStringLiteral("internal"), QStringLiteral("内部")},  {QStringLiteral("external"), QStringLiteral("外部")},
    };
    return t.value(code, code);
}

struct Sheet {
    QStringList header;
    QString sql;
    // Turns the current row of q into cells.
    std::function<QStringList(const QSqlQuery&, qint64 now)> row;
};

Sheet sheet(ExportKind kind) {
    const QString loanCols = QStringLiteral(
        "SELECT b.barcode, b.title, i.archival_code, i.title, p.card, p.name, p.kind, d.name, p.phone, "
        "l.out_at, l.due_at, l.returned_at, l.return_condition, l.renewals, l.out_by, l.in_by, l.id "
        "FROM loans l JOIN boxes b ON b.id = l.box_id LEFT JOIN items i ON i.id = l.item_id "
        "JOIN people p ON p.id = l.borrower_id LEFT JOIN departments d ON d.id = p.department_id ");
    switch (kind) {
    case ExportKind::Holdings:
        return {{QStringLiteral("盒条码"), QStringLiteral("全宗号"), QStringLiteral("全宗名称"), QStringLiteral("年度"),
                 QStringLiteral("保管期限"), QStringLiteral("盒号"), QStringLiteral("起止件号"), QStringLiteral("机构（问题）"),
                 QStringLiteral("门类"), QStringLiteral("题名"), QStringLiteral("架位条码"), QStringLiteral("存放位置"),
                 QStringLiteral("状态"), QStringLiteral("件数")},
                QStringLiteral("SELECT b.barcode, f.code, f.name, b.year, b.retention, b.box_no, b.first_item_no, b.last_item_no, "
                               "b.org_unit, c.name, b.title, lo.barcode, r.name, lo.cabinet, lo.shelf, lo.position, b.state, "
                               "(SELECT count(*) FROM items i WHERE i.box_id = b.id) "
                               "FROM boxes b JOIN fonds f ON f.id = b.fonds_id JOIN categories c ON c.id = b.category_id "
                               "LEFT JOIN locations lo ON lo.id = b.location_id LEFT JOIN rooms r ON r.id = lo.room_id "
                               "ORDER BY b.id"),
                [](const QSqlQuery& q, qint64) {
                    const QString range = q.value(6).isNull() ? QString()
                                                              : QStringLiteral("%1-%2").arg(q.value(6).toLongLong()).arg(q.value(7).toLongLong());
                    QStringList place;
                    for (int i = 12; i <= 15; ++i)
                        if (!q.value(i).toString().isEmpty()) place << q.value(i).toString();
                    return QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                       q.value(3).toString(), zh(q.value(4).toString()), q.value(5).toString(), range,
                                       q.value(8).toString(), q.value(9).toString(), q.value(10).toString(),
                                       q.value(11).toString(), place.join(QStringLiteral(" › ")),
                                       zh(q.value(16).toString()), q.value(17).toString()};
                }};
    case ExportKind::Loans:
    case ExportKind::Overdue: {
        const bool overdue = kind == ExportKind::Overdue;
        QStringList header{QStringLiteral("借阅编号"), QStringLiteral("盒条码"), QStringLiteral("盒题名"), QStringLiteral("档号"),
                           QStringLiteral("文件题名"), QStringLiteral("借阅证号"), QStringLiteral("借阅人"),
                           QStringLiteral("类型"), QStringLiteral("部门"), QStringLiteral("电话"), QStringLiteral("借出时间"),
                           QStringLiteral("应还日期"), QStringLiteral("归还时间"), QStringLiteral("归还状况"),
                           QStringLiteral("续借次数"), QStringLiteral("经办人"), QStringLiteral("归还经办人")};
        if (overdue) header << QStringLiteral("逾期天数");
        const QString sql = overdue ? loanCols + QStringLiteral("WHERE l.returned_at IS NULL AND l.due_at < :now ORDER BY l.due_at, l.id")
                                    : loanCols + QStringLiteral("ORDER BY l.out_at DESC, l.id DESC");
        return {header, sql, [overdue](const QSqlQuery& q, qint64 now) {
                    QStringList r{q.value(16).toString(), q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                  q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                                  zh(q.value(6).toString()), q.value(7).toString(), q.value(8).toString(),
                                  localTime(q.value(9)), localTime(q.value(10)), localTime(q.value(11)),
                                  zh(q.value(12).toString()), q.value(13).toString(), q.value(14).toString(),
                                  q.value(15).toString()};
                    if (overdue) r << QString::number((now - q.value(10).toLongLong()) / 86400000);
                    return r;
                }};
    }
    case ExportKind::Ledger:
        return {{QStringLiteral("序号"), QStringLiteral("时间"), QStringLiteral("操作人"), QStringLiteral("操作"),
                 QStringLiteral("对象"), QStringLiteral("详情"), QStringLiteral("前一条哈希"), QStringLiteral("哈希")},
                QStringLiteral("SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM ledger ORDER BY seq"),
                [](const QSqlQuery& q, qint64) {
                    return QStringList{q.value(0).toString(), localTime(q.value(1)), q.value(2).toString(), q.value(3).toString(),
                                       q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString()};
                }};
    }
    return {};
}

}  // namespace

std::optional<ExportKind> Exporter::kindFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("holdings") || n == QStringLiteral("馆藏")) return ExportKind::Holdings;
    if (n == QLatin1String("loans") || n == QStringLiteral("借阅")) return ExportKind::Loans;
    if (n == QLatin1String("overdue") || n == QStringLiteral("逾期")) return ExportKind::Overdue;
    if (n == QLatin1String("ledger") || n == QStringLiteral("台账")) return ExportKind::Ledger;
    return std::nullopt;
}

QString Exporter::kindName(ExportKind kind) {
    switch (kind) {
    case ExportKind::Holdings: return QStringLiteral("holdings");
    case ExportKind::Loans: return QStringLiteral("loans");
    case ExportKind::Overdue: return QStringLiteral("overdue");
    case ExportKind::Ledger: return QStringLiteral("ledger");
    }
    return {};
}

QByteArray Exporter::cell(const QString& text) {
    QString t = text;
    if (!t.isEmpty()) {
        const QChar c = t.front();
        const bool formula = c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('@') ||
                             c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
                             (c == QLatin1Char('-') && t.size() > 1 && !t[1].isDigit());
        if (formula) t.prepend(QLatin1Char('\''));
    }
    const bool quote = t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) || t.contains(QLatin1Char('\n')) ||
                       t.contains(QLatin1Char('\r')) || (!t.isEmpty() && (t.front().isSpace() || t.back().isSpace()));
    if (!quote) return t.toUtf8();
    t.replace(QLatin1String("\""), QLatin1String("\"\""));
    return '"' + t.toUtf8() + '"';
}

Result<qint64> Exporter::write(Database& db, ExportKind kind, QIODevice& out) {
    const Sheet s = sheet(kind);
    const qint64 now = db.nowMs();
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.prepare(s.sql)) return sqlError(q.lastError(), QStringLiteral("prepare export"));
    if (s.sql.contains(QLatin1String(":now"))) q.bindValue(QStringLiteral(":now"), now);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("export ") + kindName(kind));

    auto writeError = [&] {
        return makeError(QStringLiteral("write_failed"),
                         QStringLiteral("无法写出导出文件（%1）。请检查磁盘空间和文件夹权限。").arg(out.errorString()),
                         QStringLiteral("Cannot write the export file (%1). Check the free disk space and folder permissions.")
                             .arg(out.errorString()));
    };
    QByteArray buf("\xEF\xBB\xBF");
    auto line = [&](const QStringList& cells) {
        for (int i = 0; i < cells.size(); ++i) {
            if (i) buf += ',';
            buf += cell(cells[i]);
        }
        buf += "\r\n";
    };
    line(s.header);
    qint64 rows = 0;
    while (q.next()) {
        line(s.row(q, now));
        ++rows;
        if (buf.size() > (1 << 16)) {
            if (out.write(buf) != buf.size()) return writeError();
            buf.clear();
        }
    }
    if (q.lastError().isValid()) return sqlError(q.lastError(), QStringLiteral("export ") + kindName(kind));
    if (out.write(buf) != buf.size()) return writeError();
    return rows;
}

}  // namespace archive::db
