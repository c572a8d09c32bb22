#include "StatsController.h"

#include "Convert.h"
#include "DbService.h"
#include "ManagerSupport.h"
#include "SessionController.h"
#include "db/Books.h"
#include "db/Database.h"
#include "db/Ledger.h"
#include "db/env/EnvQueries.h"
#include "db/export/Exporter.h"
#include "reports/EnvReport.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace archive::kiosk {

StatsHoldingsModel::StatsHoldingsModel(QObject* parent)
    : RowsModel({"key", "label", "boxes", "items", "onLoan", "missing", "destroyed"}, parent) {}
StatsMonthsModel::StatsMonthsModel(QObject* parent) : RowsModel({"month", "loans", "returns"}, parent) {}
StatsOverdueModel::StatsOverdueModel(QObject* parent)
    : RowsModel({"boxBarcode", "title", "borrowerName", "borrowerCard", "department", "phone", "due", "daysOverdue"},
                parent) {}
StatsUsageModel::StatsUsageModel(QObject* parent) : RowsModel({"category", "loans", "borrowers", "onSite"}, parent) {}

StatsController::StatsController(DbService* db, SessionController* session, QObject* parent)
    : QObject(parent), m_db(db), m_session(session) {}

void StatsController::setMessage(bool ok, const QString& zh, const QString& en) {
    m_msgOk = ok;
    m_msgZh = zh;
    m_msgEn = en;
    emit messageChanged();
}

void StatsController::setGroupBy(const QString& g) {
    if (g == m_groupBy) return;
    m_groupBy = g;
    emit groupByChanged();
    loadHoldings();
}

void StatsController::loadHoldings() {
    const QString g = m_groupBy;
    m_db->run<QList<QVariantMap>>(
        this,
        [g](db::Database& d) -> Result<QList<QVariantMap>> {
            const auto by = g == QLatin1String("category") ? db::Books::GroupBy::Category
                          : g == QLatin1String("year")     ? db::Books::GroupBy::Year
                          : g == QLatin1String("room")     ? db::Books::GroupBy::Room
                                                           : db::Books::GroupBy::Fonds;
            auto rows = db::Books(d).holdings(by);
            if (!rows) return rows.error();
            QList<QVariantMap> out;
            for (const auto& h : rows.value())
                out << QVariantMap{{QStringLiteral("key"), h.key}, {QStringLiteral("label"), h.label},
                                   {QStringLiteral("boxes"), h.boxes}, {QStringLiteral("items"), h.items},
                                   {QStringLiteral("onLoan"), h.onLoan}, {QStringLiteral("missing"), h.missing},
                                   {QStringLiteral("destroyed"), h.destroyed}};
            return out;
        },
        [this](Result<QList<QVariantMap>> r) {
            if (!r) return setMessage(false, r.error().messageZh, r.error().messageEn);
            m_holdings.setRows(r.value());
        });
}

struct StatsData {
    QList<QVariantMap> months, overdue, usage;
    QVariantMap totals;
};

void StatsController::refresh() {
    loadHoldings();
    m_db->run<StatsData>(
        this,
        [](db::Database& d) -> Result<StatsData> {
            StatsData s;
            db::Books books(d);
            const qint64 now = d.nowMs();
            // loans per month: the last 12 calendar months, months without loans shown as 0
            const QDate first = QDate::currentDate().addMonths(-11);
            const QDate start(first.year(), first.month(), 1);
            auto months = books.loansPerMonth(start.startOfDay().toMSecsSinceEpoch(), now + 1);
            if (!months) return months.error();
            for (int i = 0; i < 12; ++i) {
                const QString key = start.addMonths(i).toString(QStringLiteral("yyyy-MM"));
                qint64 loans = 0, returns = 0;
                for (const auto& m : months.value())
                    if (m.month == key) loans = m.loans, returns = m.returns;
                s.months << QVariantMap{{QStringLiteral("month"), key}, {QStringLiteral("loans"), loans},
                                        {QStringLiteral("returns"), returns}};
            }
            auto overdue = books.overdue();
            if (!overdue) return overdue.error();
            for (const auto& l : overdue.value()) {
                auto who = selectRows(d, QStringLiteral("SELECT p.phone, p.unit, dp.name AS dept FROM people p "
                                                        "LEFT JOIN departments dp ON dp.id = p.department_id WHERE p.id = ?"),
                                      {l.borrowerId});
                QVariantMap w = who && !who->isEmpty() ? who->first() : QVariantMap();
                const QString dept = w.value(QStringLiteral("dept")).toString();
                s.overdue << QVariantMap{
                    {QStringLiteral("boxBarcode"), l.itemCode.isEmpty() ? l.boxBarcode : l.itemCode},
                    {QStringLiteral("title"), l.itemTitle.isEmpty() ? l.boxTitle : l.itemTitle},
                    {QStringLiteral("borrowerName"), l.borrowerName},
                    {QStringLiteral("borrowerCard"), l.borrowerCard},
                    {QStringLiteral("department"), dept.isEmpty() ? w.value(QStringLiteral("unit")).toString() : dept},
                    {QStringLiteral("phone"), w.value(QStringLiteral("phone")).toString()},
                    {QStringLiteral("due"), localDate(l.dueAt)},
                    {QStringLiteral("daysOverdue"), l.daysOverdue}};
            }
            const qint64 yearAgo = now - 365LL * 24 * 3600 * 1000;
            auto usage = selectRows(d, QStringLiteral(
                "SELECT c.name AS category, COUNT(l.id) AS loans, COUNT(DISTINCT l.borrower_id) AS borrowers "
                "FROM loans l JOIN boxes b ON b.id = l.box_id JOIN categories c ON c.id = b.category_id "
                "WHERE l.out_at >= ? GROUP BY c.name ORDER BY loans DESC"), {yearAgo});
            if (!usage) return usage.error();
            auto onSite = selectRows(d, QStringLiteral(
                "SELECT c.name AS category, COUNT(r.id) AS n FROM requests r JOIN boxes b ON b.id = r.box_id "
                "JOIN categories c ON c.id = b.category_id WHERE r.mode = 'on_site' AND r.created_at >= ? GROUP BY c.name"),
                {yearAgo});
            for (QVariantMap u : usage.value()) {
                qint64 n = 0;
                if (onSite)
                    for (const auto& o : onSite.value())
                        if (o.value(QStringLiteral("category")) == u.value(QStringLiteral("category")))
                            n = o.value(QStringLiteral("n")).toLongLong();
                u.insert(QStringLiteral("onSite"), n);
                s.usage << u;
            }
            auto totals = selectRows(d, QStringLiteral(
                "SELECT (SELECT COUNT(*) FROM boxes) AS boxes, (SELECT COUNT(*) FROM items) AS items, "
                "(SELECT COUNT(*) FROM loans WHERE returned_at IS NULL) AS openLoans, "
                "(SELECT COUNT(*) FROM loans WHERE returned_at IS NULL AND due_at < ?) AS overdue, "
                "(SELECT COUNT(*) FROM loans WHERE out_at >= ?) AS loansYear, "
                "(SELECT COUNT(DISTINCT borrower_id) FROM loans WHERE out_at >= ?) AS borrowersYear"),
                {now, yearAgo, yearAgo});
            if (!totals) return totals.error();
            if (!totals->isEmpty()) s.totals = totals->first();
            return s;
        },
        [this](Result<StatsData> r) {
            if (!r) return setMessage(false, r.error().messageZh, r.error().messageEn);
            m_months.setRows(r->months);
            m_overdue.setRows(r->overdue);
            m_usage.setRows(r->usage);
            m_totals = r->totals;
            m_monthMax = 1;
            for (const auto& m : r->months)
                m_monthMax = qMax(m_monthMax, int(qMax(m.value(QStringLiteral("loans")).toLongLong(),
                                                       m.value(QStringLiteral("returns")).toLongLong())));
            emit totalsChanged();
        });
    scanMedia();
}

QVariantList StatsController::mediaFromMounts(const QByteArray& mounts) {
    QVariantList out;
    for (const QByteArray& line : mounts.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() < 3) continue;
        QString path = QString::fromUtf8(f[1]);
        path.replace(QStringLiteral("\\040"), QStringLiteral(" "));  // /proc/mounts escapes spaces
        if (!path.startsWith(QLatin1String("/media/")) && !path.startsWith(QLatin1String("/run/media/"))) continue;
        out << QVariantMap{{QStringLiteral("path"), path}, {QStringLiteral("label"), QFileInfo(path).fileName()}};
    }
    return out;
}

void StatsController::scanMedia() {
    runOffThread<QVariantList>(
        this,
        []() {
            QFile f(QStringLiteral("/proc/mounts"));
            if (!f.open(QIODevice::ReadOnly)) return QVariantList();
            return mediaFromMounts(f.readAll());
        },
        [this](QVariantList media) {
            m_media = media;
            emit mediaChanged();
        });
}

struct ExportOutcome {
    QStringList files;
};

void StatsController::exportTo(const QStringList& kinds, const QString& folder) {
    if (m_exporting) return;
    if (kinds.isEmpty())
        return setMessage(false, QStringLiteral("请至少选择一种导出内容。"), QStringLiteral("Choose at least one thing to export."));
    if (folder.trimmed().isEmpty())
        return setMessage(false, QStringLiteral("请选择U盘或填写文件夹。"), QStringLiteral("Choose a USB stick or type a folder."));
    m_exporting = true;
    m_files.clear();
    emit exportChanged();
    const QString dir = QDir::cleanPath(folder.trimmed());
    const QString by = m_session ? m_session->name() : QString();
    m_db->run<ExportOutcome>(
        this,
        [kinds, dir, by](db::Database& d) -> Result<ExportOutcome> {
            QDir target(dir);
            if (!target.exists() && !QDir().mkpath(dir))
                return makeError(QStringLiteral("io"), QStringLiteral("无法创建文件夹 %1，请检查U盘是否插好、是否写保护。").arg(dir),
                                 QStringLiteral("Cannot create the folder %1. Check that the USB stick is in and not write-protected.").arg(dir));
            const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
            ExportOutcome out;
            for (const QString& k : kinds) {
                if (auto kind = db::Exporter::kindFromName(k)) {
                    const QString path = target.filePath(QStringLiteral("%1-%2.csv").arg(k, stamp));
                    QSaveFile file(path);
                    if (!file.open(QIODevice::WriteOnly))
                        return makeError(QStringLiteral("io"), QStringLiteral("无法写入 %1（%2）。").arg(path, file.errorString()),
                                         QStringLiteral("Cannot write %1 (%2).").arg(path, file.errorString()));
                    auto n = db::Exporter::write(d, *kind, file);
                    if (!n) return n.error();
                    if (!file.commit())
                        return makeError(QStringLiteral("io"), QStringLiteral("写入 %1 失败，U盘可能已满。").arg(path),
                                         QStringLiteral("Writing %1 failed; the stick may be full.").arg(path));
                    out.files << path;
                } else if (k == QLatin1String("env_pdf") || k == QLatin1String("env_csv")) {
                    auto rooms = db::env::EnvQueries(d).rooms();
                    if (!rooms) return rooms.error();
                    const qint64 to = d.nowMs();
                    for (const auto& r : rooms.value()) {
                        reports::EnvReportRequest req;
                        req.roomCodeOrName = r.room.code;
                        req.to = to;
                        req.from = to - 30LL * 24 * 3600 * 1000;
                        req.format = k == QLatin1String("env_pdf") ? QStringLiteral("pdf") : QStringLiteral("csv");
                        req.outPath = target.filePath(QStringLiteral("climate-%1-%2.%3").arg(r.room.code, stamp, req.format));
                        req.generatedBy = by;
                        if (auto st = reports::EnvReport::write(d, req); !st) return st.error();
                        out.files << req.outPath;
                    }
                }
            }
            return out;
        },
        [this](Result<ExportOutcome> r) {
            m_exporting = false;
            if (!r) {
                emit exportChanged();
                setMessage(false, r.error().messageZh, r.error().messageEn);
                emit exportFinished(false);
                return;
            }
            m_files = r->files;
            emit exportChanged();
            setMessage(true, QStringLiteral("已导出 %1 个文件。").arg(m_files.size()),
                       QStringLiteral("%1 file(s) exported.").arg(m_files.size()));
            emit exportFinished(true);
        });
}

void StatsController::verifyLedger() {
    if (m_ledgerState == QLatin1String("running")) return;
    m_ledgerState = QStringLiteral("running");
    emit ledgerChanged();
    m_db->run<db::VerifyReport>(
        this, [](db::Database& d) { return db::Ledger::verify(d); },
        [this](Result<db::VerifyReport> r) {
            if (!r) {
                m_ledgerState = QStringLiteral("error");
                m_ledgerReason = r.error().message();
            } else {
                m_ledgerState = r->ok ? QStringLiteral("ok") : QStringLiteral("failed");
                m_ledgerRows = r->rowsChecked;
                m_ledgerBadSeq = r->firstBadSeq;
                m_ledgerReason = r->reason;
            }
            emit ledgerChanged();
        });
}

}  // namespace archive::kiosk
