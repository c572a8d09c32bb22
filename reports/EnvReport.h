#pragma once
// Room climate report (issue 5) for any range — usually a month — as PDF or CSV.
// PDF (A4): page 1 header, metrics and the temperature and humidity charts (allowed band shaded green,
// excursions shaded red, silent-sensor gaps grey, min–max envelope and mean line); then the daily
// min/mean/max table; then every alert with what was done about it. Chinese text uses WenQuanYi Micro Hei.
// CSV (UTF-8 with BOM for Excel): the daily table, a blank line, then the alerts table.
// Rendering needs a QGuiApplication (offscreen is fine); it does file I/O, so run it off the GUI thread.

#include "common/Result.h"
#include "db/env/Alerts.h"
#include "db/env/EnvQueries.h"

#include <QString>

namespace archive::reports {

struct EnvReportRequest {
    QString roomCodeOrName;
    qint64 from = 0, to = 0;  // UTC ms, [from, to)
    QString outPath;
    QString format;           // "pdf" or "csv"; empty → from the file name's extension
    QString generatedBy;      // shown in the footer
};

struct EnvReportData {
    db::RoomRef room;
    db::env::ClimateProfile profile;
    qint64 from = 0, to = 0;
    QStringList sensors;
    db::env::ChartSeries chart;
    db::env::WindowMetrics metrics;
    QList<db::env::DailyRow> daily;
    QList<db::env::AlertRecord> alerts;  // oldest first
    qint64 generatedAt = 0;
    QString generatedBy;
};

class EnvReport {
public:
    static Result<EnvReportData> collect(db::Database& db, const EnvReportRequest& req);
    static Status writePdf(const EnvReportData& d, const QString& path);
    static Status writeCsv(const EnvReportData& d, const QString& path);
    static Status write(db::Database& db, const EnvReportRequest& req);  // collect + PDF/CSV
    static QString fontFamily();  // loads WenQuanYi Micro Hei once
};

}  // namespace archive::reports
