// Room climate report: the PDF opens (pdfinfo), has the expected pages, its charts are drawn (rasterised
// with pdftoppm and the pixels checked for the allowed band, the excursion shading and the lines), the
// Chinese text is real text (pdftotext); the CSV has the daily rows and the alerts.
#include "EnvFixture.h"
#include "db/env/Alerts.h"
#include "db/env/ReadingStore.h"
#include "reports/EnvReport.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <cmath>

using namespace archive::db;
using namespace archive::db::env;
using archive::reports::EnvReport;
using archive::reports::EnvReportRequest;

namespace {
constexpr qint64 kMin = 60000;

QString run(const QString& prog, const QStringList& args, int* exitCode = nullptr) {
    QProcess p;
    p.start(prog, args);
    p.waitForFinished(60000);
    if (exitCode) *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput());
}
}  // namespace

class EnvReportTest : public EnvDbTest {
protected:
    void SetUp() override {
        EnvDbTest::SetUp();
        exec("INSERT INTO people(card, name, roles) VALUES('M001', '王管理', 'manager')");
        // January 2026 (local time): 10-minute readings, RH 70 % on Jan 10 08:00–14:00,
        // the sensor silent on Jan 20 for five hours.
        from = QDateTime(QDate(2026, 1, 1), QTime(0, 0)).toMSecsSinceEpoch();
        to = QDateTime(QDate(2026, 2, 1), QTime(0, 0)).toMSecsSinceEpoch();
        ReadingStore store(*db);
        ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:rep"), QStringLiteral("R1"), QStringLiteral("A001")).ok());
        ASSERT_TRUE(store.configureSensor(QStringLiteral("sim:rep"), 600, 0, 0, QStringLiteral("A001")).ok());
        const qint64 wetFrom = QDateTime(QDate(2026, 1, 10), QTime(8, 0)).toMSecsSinceEpoch();
        const qint64 silentFrom = QDateTime(QDate(2026, 1, 20), QTime(6, 0)).toMSecsSinceEpoch();
        QList<ReadingRow> b;
        for (qint64 t = from; t < to; t += 10 * kMin) {
            if (t >= silentFrom && t < silentFrom + 5 * kHourMs) continue;
            const double i = (t - from) / double(kHourMs);
            const double rh = (t >= wetFrom && t < wetFrom + 6 * kHourMs) ? 70.0 : 52 + 3 * std::sin(i / 9.0);
            b << ReadingRow{QStringLiteral("sim:rep"), t, 19 + 1.5 * std::sin(i / 5.0), rh, QString(), false, QString()};
        }
        ASSERT_TRUE(store.addReadings(b).ok());
        AlertFilter f;
        auto alerts = AlertStore::list(*db, f);
        ASSERT_TRUE(alerts.ok());
        for (const auto& a : *alerts) {
            if (a.kind == AlertKind::RhHigh)
                ASSERT_TRUE(AlertStore::acknowledge(*db, a.id, QStringLiteral("M001"), QStringLiteral("开启除湿机")).ok());
        }
    }
    qint64 from = 0, to = 0;
};

TEST_F(EnvReportTest, PdfHasPagesChartsAndChineseText) {
    const QString pdf = dir.filePath(QStringLiteral("r1-2026-01.pdf"));
    EnvReportRequest req{QStringLiteral("一号库房"), from, to, pdf, QString(), QStringLiteral("A001")};
    auto st = EnvReport::write(*db, req);
    ASSERT_TRUE(st.ok()) << st.errorMessage().toStdString();
    int code = -1;
    const QString info = run(QStringLiteral("pdfinfo"), {pdf}, &code);
    ASSERT_EQ(code, 0) << info.toStdString();
    EXPECT_TRUE(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+3\\b")))) << info.toStdString();
    const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    EXPECT_TRUE(text.contains(QStringLiteral("库房温湿度报告"))) << text.left(400).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("一号库房")));
    EXPECT_TRUE(text.contains(QStringLiteral("纸质档案库")));
    EXPECT_TRUE(text.contains(QStringLiteral("开启除湿机")));
    EXPECT_TRUE(text.contains(QStringLiteral("2026-01-31")));
    EXPECT_TRUE(text.contains(QStringLiteral("TWPI")));

    // Rasterise page 1 and look for the drawn chart: green band, red excursion shading, grey gap, lines.
    const QString prefix = dir.filePath(QStringLiteral("page"));
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-f"),
                                     QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), pdf, prefix}, &code);
    ASSERT_EQ(code, 0);
    QImage img(prefix + QStringLiteral("-1.png"));
    ASSERT_FALSE(img.isNull());
    int green = 0, red = 0, grey = 0, dark = 0;
    for (int y = img.height() / 3; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor c = img.pixelColor(x, y);
            if (c.green() > 215 && c.red() > 190 && c.red() < 215 && c.blue() < 215) ++green;
            if (c.red() > 200 && c.green() < 190 && c.blue() < 190) ++red;
            if (std::abs(c.red() - c.green()) < 6 && std::abs(c.green() - c.blue()) < 6 && c.red() > 160 && c.red() < 215) ++grey;
            if (c.red() < 90 && c.green() < 90 && c.blue() < 90) ++dark;
        }
    EXPECT_GT(green, 2000) << "allowed band";
    EXPECT_GT(red, 30) << "excursion shading";
    EXPECT_GT(grey, 30) << "silent-sensor shading";
    EXPECT_GT(dark, 200) << "text and axes";
    if (qEnvironmentVariableIsSet("ENV_KEEP_REPORT")) QFile::copy(pdf, qEnvironmentVariable("ENV_KEEP_REPORT"));  // to look at it
}

TEST_F(EnvReportTest, CsvHasDailyRowsAndAlerts) {
    const QString csv = dir.filePath(QStringLiteral("r1.csv"));
    ASSERT_TRUE(EnvReport::write(*db, EnvReportRequest{QStringLiteral("R1"), from, to, csv, QString(), QString()}).ok());
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray raw = f.readAll();
    EXPECT_TRUE(raw.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(raw.mid(3)).split(QStringLiteral("\r\n"));
    int daily = 0, alerts = 0;
    bool inAlerts = false;
    for (const QString& l : lines) {
        if (l.startsWith(QStringLiteral("警报编号"))) { inAlerts = true; continue; }
        if (!inAlerts && l.startsWith(QStringLiteral("2026-01-"))) ++daily;
        if (inAlerts && !l.isEmpty()) ++alerts;
    }
    EXPECT_EQ(daily, 31);
    EXPECT_GE(alerts, 2);  // RH high and the silent sensor at least
    EXPECT_TRUE(raw.contains("rh_high"));
    EXPECT_TRUE(raw.contains("silence"));
    EXPECT_TRUE(QString::fromUtf8(raw).contains(QStringLiteral("开启除湿机")));
}

TEST_F(EnvReportTest, BadRequestsGiveClearMessages) {
    auto noRoom = EnvReport::write(*db, EnvReportRequest{QStringLiteral("X9"), from, to, dir.filePath(QStringLiteral("x.pdf")), {}, {}});
    ASSERT_FALSE(noRoom.ok());
    EXPECT_EQ(noRoom.error().code, QStringLiteral("not_found"));
    auto backwards = EnvReport::write(*db, EnvReportRequest{QStringLiteral("R1"), to, from, dir.filePath(QStringLiteral("x.pdf")), {}, {}});
    ASSERT_FALSE(backwards.ok());
    EXPECT_EQ(backwards.error().code, QStringLiteral("bad_input"));
    auto ext = EnvReport::write(*db, EnvReportRequest{QStringLiteral("R1"), from, to, dir.filePath(QStringLiteral("x.docx")), {}, {}});
    ASSERT_FALSE(ext.ok());
    EXPECT_FALSE(ext.error().messageZh.isEmpty());
    auto folder = EnvReport::write(*db, EnvReportRequest{QStringLiteral("R1"), from, to, QStringLiteral("/nonexistent-dir/x.pdf"), {}, {}});
    ASSERT_FALSE(folder.ok());
    EXPECT_EQ(folder.error().code, QStringLiteral("write_failed"));
}
