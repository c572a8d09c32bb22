// The real archive-kiosk on a PostgreSQL archive whose server is killed and started again (issue 8):
// the "服务器无法连接 / Server unreachable" band appears by itself, a card scan meanwhile is refused with the
// "cannot reach the archive server" message, and the band goes away by itself when the server is back.
#include "../Support.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace pgops;

namespace {

// Pixels of the banner's red (Theme.error) in the upper half of a screenshot.
int bannerPixels(const QString& dir, const QString& shot) {
    const QStringList files = QDir(dir).entryList({shot + QStringLiteral("-*.png")});
    if (files.isEmpty()) return -1;
    const QImage img = QImage(QDir(dir).filePath(files.first())).convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < img.height() / 2; ++y)
        for (int x = 0; x < img.width(); ++x)
            if (img.pixel(x, y) == qRgb(0xb3, 0x26, 0x1e)) ++n;
    return n;
}

}  // namespace

TEST(KioskServerLost, BannerAppearsRefusesAndGoesAwayByItself) {
    REQUIRE_PG(server);
    const QString url = server->createDatabase(QStringLiteral("kioskui"));
    {
        auto db = openDb(url);  // the schema
        ASSERT_TRUE(db);
    }
    QTemporaryDir dir;
    const QString shots = dir.filePath(QStringLiteral("shots"));
    QDir().mkpath(shots);
    const QString script = dir.filePath(QStringLiteral("lost.script"));
    {
        QFile f(script);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("settle\n"
                "shot pg-up\n"
                "echo ready-to-kill\n"
                "wait 12000\n"
                "expect-visible serverBanner\n"
                "scan P900001Y\n"
                "settle\n"
                "expect-feedback error 无法连接档案服务器\n"
                "shot pg-down\n"
                "echo ready-to-restart\n"
                "wait 25000\n"
                "dismiss\n"
                "settle\n"
                "shot pg-back\n"
                "quit\n");
    }
    QProcess kiosk;
    QProcessEnvironment env = cliEnvironment();
    env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    kiosk.setProcessEnvironment(env);
    QString log;
    QObject::connect(&kiosk, &QProcess::readyReadStandardError, [&] { log += QString::fromUtf8(kiosk.readAllStandardError()); });
    kiosk.start(QStringLiteral(KIOSK_BIN), {QStringLiteral("--db"), url, QStringLiteral("--script"), script, QStringLiteral("--shots"),
                                           shots, QStringLiteral("--lang"), QStringLiteral("zh"), QStringLiteral("--size"),
                                           QStringLiteral("1024x600"), QStringLiteral("--mute")});
    ASSERT_TRUE(kiosk.waitForStarted(30000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return log.contains(QStringLiteral("script: ready-to-kill")) ||
                                             kiosk.state() == QProcess::NotRunning; }, 180000)) << log.toStdString();
    ASSERT_TRUE(server->killImmediate());
    ASSERT_TRUE(QTest::qWaitFor([&] { return log.contains(QStringLiteral("script: ready-to-restart")) ||
                                             kiosk.state() == QProcess::NotRunning; }, 180000)) << log.toStdString();
    ASSERT_TRUE(server->restart());
    ASSERT_TRUE(kiosk.waitForFinished(180000));
    log += QString::fromUtf8(kiosk.readAllStandardError());
    EXPECT_EQ(kiosk.exitCode(), 0) << log.toStdString();

    EXPECT_EQ(bannerPixels(shots, QStringLiteral("pg-up")), 0);
    EXPECT_GT(bannerPixels(shots, QStringLiteral("pg-down")), 5000);
    EXPECT_EQ(bannerPixels(shots, QStringLiteral("pg-back")), 0);
    // Keep the screenshots to look at.
    const QString keep = QStringLiteral(PGOPS_ARTIFACTS);
    QDir().mkpath(keep);
    for (const QString& f : QDir(shots).entryList({QStringLiteral("*.png")})) {
        QFile::remove(QDir(keep).filePath(f));
        QFile::copy(QDir(shots).filePath(f), QDir(keep).filePath(f));
    }
}
