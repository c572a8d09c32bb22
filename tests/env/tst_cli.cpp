// archivectl env end to end: the demo archive gets ≥ 90 days of readings for every room with excursions,
// an acknowledged alert and an outage; env rooms / alerts / report / box work on it; bad input gives a message.
// Runs the archivectl built next to this test (skipped only when it has not been built).
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {
struct CliRun {
    int code = -1;
    QByteArray out, err;
};
CliRun archivectl(const QString& db, const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(ARCHIVECTL_PATH), QStringList{QStringLiteral("--db"), db} + args);
    p.waitForFinished(170000);
    return CliRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}
}  // namespace

TEST(EnvCli, DemoReadingsAlertsReportAndBadInput) {
    if (!QFileInfo::exists(QStringLiteral(ARCHIVECTL_PATH))) GTEST_SKIP() << "archivectl not built";
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("demo.db"));
    CliRun demo = archivectl(db, {QStringLiteral("demo")});
    ASSERT_EQ(demo.code, 0) << demo.err.toStdString();

    CliRun rooms = archivectl(db, {QStringLiteral("--json"), QStringLiteral("env"), QStringLiteral("rooms")});
    ASSERT_EQ(rooms.code, 0) << rooms.err.toStdString();
    const QJsonArray ra = QJsonDocument::fromJson(rooms.out).array();
    ASSERT_GE(ra.size(), 1);
    QString firstRoom;
    for (const auto& v : ra) {
        const QJsonObject o = v.toObject();
        if (firstRoom.isEmpty()) firstRoom = o.value(QStringLiteral("code")).toString();
        EXPECT_FALSE(o.value(QStringLiteral("sensors")).toArray().isEmpty()) << o.value(QStringLiteral("code")).toString().toStdString();
        EXPECT_FALSE(o.value(QStringLiteral("last_temp_c")).isNull());
    }

    CliRun alerts = archivectl(db, {QStringLiteral("--json"), QStringLiteral("env"), QStringLiteral("alerts")});
    ASSERT_EQ(alerts.code, 0) << alerts.err.toStdString();
    int acked = 0, silence = 0, range = 0;
    for (const auto& v : QJsonDocument::fromJson(alerts.out).array()) {
        const QJsonObject o = v.toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("silence")) ++silence;
        if (kind.endsWith(QLatin1String("_high")) || kind.endsWith(QLatin1String("_low"))) ++range;
        if (!o.value(QStringLiteral("ack_by")).toString().isEmpty()) {
            ++acked;
            EXPECT_TRUE(o.value(QStringLiteral("action")).toString().contains(QStringLiteral("除湿机")));
        }
    }
    EXPECT_GE(silence, 1);
    EXPECT_GE(range, 2);
    EXPECT_EQ(acked, 1);

    // ≥ 90 days for the first room, as a CSV report over the last 90 days
    const QString csv = dir.filePath(QStringLiteral("r.csv"));
    const QDate today = QDate::currentDate();
    CliRun rep = archivectl(db, {QStringLiteral("env"), QStringLiteral("report"), QStringLiteral("--room"), firstRoom, QStringLiteral("--from"),
                              today.addDays(-90).toString(Qt::ISODate), QStringLiteral("--to"), today.addDays(-1).toString(Qt::ISODate),
                              QStringLiteral("--out"), csv});
    ASSERT_EQ(rep.code, 0) << rep.err.toStdString();
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    int days = 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.size() > 10 && line[4] == '-' && line[7] == '-' && line.left(2) == "20") ++days;
    EXPECT_EQ(days, 90);

    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    CliRun rp = archivectl(db, {QStringLiteral("env"), QStringLiteral("report"), QStringLiteral("--room"), firstRoom, QStringLiteral("--month"),
                             today.addMonths(-1).toString(QStringLiteral("yyyy-MM")), QStringLiteral("--out"), pdf});
    ASSERT_EQ(rp.code, 0) << rp.err.toStdString();
    EXPECT_GT(QFileInfo(pdf).size(), 10000);

    // Bad input: clear bilingual messages, exit 2, never a crash.
    CliRun badRoom = archivectl(db, {QStringLiteral("env"), QStringLiteral("report"), QStringLiteral("--room"), QStringLiteral("不存在"),
                                  QStringLiteral("--month"), QStringLiteral("2026-01"), QStringLiteral("--out"), pdf});
    EXPECT_EQ(badRoom.code, 2);
    EXPECT_TRUE(QString::fromUtf8(badRoom.err).contains(QStringLiteral("找不到库房")));
    CliRun badDate = archivectl(db, {QStringLiteral("env"), QStringLiteral("alerts"), QStringLiteral("--from"), QStringLiteral("yesterday")});
    EXPECT_EQ(badDate.code, 2);
    EXPECT_TRUE(QString::fromUtf8(badDate.err).contains(QStringLiteral("Cannot read the date")));
    CliRun badAck = archivectl(db, {QStringLiteral("env"), QStringLiteral("ack"), QStringLiteral("abc"), QStringLiteral("--as"), QStringLiteral("X")});
    EXPECT_EQ(badAck.code, 2);
}
