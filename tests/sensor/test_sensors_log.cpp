// `archivectl sensors …` end to end: an emulated TEMPer stick (served by this test process through
// umockdev; archivectl inherits the test bed) and a simulated sensor are logged into a real SQLite
// archive; the readings land under the right room at the right time. SIGTERM stops the logger cleanly.
#include "TemperMock.h"
#include "db/Database.h"
#include "db/env/ReadingStore.h"
#include "devices/sensor/LoggerLock.h"

#include <QDateTime>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace archive;

namespace {

class SensorsCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        dbPath = dir.filePath(QStringLiteral("archive.db"));
        auto db = db::Database::open(dbPath);
        ASSERT_TRUE(db.ok()) << db.errorMessage().toStdString();
        QSqlQuery q(db.value()->sql());
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO rooms(code, name) VALUES ('A01', '一号库房'), ('B02', '二号库房')")));
        db::ReadingStore store(*db.value());
        ASSERT_TRUE(store.bindSensor(QStringLiteral("usb:1-2"), QStringLiteral("A01"), QStringLiteral("test")).ok());
        ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:room-1"), QStringLiteral("二号库房"), QStringLiteral("test")).ok());
        bed = usbmock_bed_new();
        TemperMock::Options o;
        o.port = "2";
        o.firmware = "TEMPerHUM_V4.1  ";
        stick = std::make_unique<TemperMock>(bed, o);
        stick->setReply(TemperMock::report(2210, 4530));
    }
    void TearDown() override {
        stick.reset();
        usbmock_bed_free(bed);
    }
    QProcess* archivectl(const QStringList& args) {
        auto* p = new QProcess;
        p->setProgram(QStringLiteral(ARCHIVECTL_PATH));
        p->setArguments(QStringList{QStringLiteral("--db"), dbPath} + args);
        p->setProcessEnvironment(QProcessEnvironment::systemEnvironment());  // LD_PRELOAD + UMOCKDEV_DIR
        p->start();
        return p;
    }
    struct Row { QString key, room; qint64 at; int t; QVariant rh; };
    QList<Row> rows() {
        auto db = db::Database::open(dbPath);
        EXPECT_TRUE(db.ok());
        QList<Row> out;
        QSqlQuery q(db.value()->sql());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT s.sensor_key, rm.code, r.at, r.t, r.rh FROM readings r "
                                          "JOIN sensors s ON s.id = r.sensor_id LEFT JOIN rooms rm ON rm.id = s.room_id "
                                          "ORDER BY s.sensor_key, r.at")));
        while (q.next())
            out.append(Row{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toInt(), q.value(4)});
        return out;
    }
    QTemporaryDir dir;
    QString dbPath;
    UsbMockBed* bed = nullptr;
    std::unique_ptr<TemperMock> stick;
};

TEST_F(SensorsCli, ListShowsVariantFirmwareAndRoom) {
    std::unique_ptr<QProcess> p(archivectl({QStringLiteral("--json"), QStringLiteral("sensors"), QStringLiteral("list"),
                                            QStringLiteral("--simulate"), QStringLiteral("1")}));
    ASSERT_TRUE(p->waitForFinished(60000));
    EXPECT_EQ(p->exitCode(), 0) << p->readAllStandardError().toStdString();
    const QString out = QString::fromUtf8(p->readAllStandardOutput());
    EXPECT_TRUE(out.contains(QStringLiteral("\"id\":\"usb:1-2\""))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("\"firmware\":\"TEMPerHUM_V4.1\""))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("\"variant\":\"v4-hum\""))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("\"room\":\"A01\""))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("\"id\":\"sim:room-1\""))) << out.toStdString();
}

TEST_F(SensorsCli, ReadGivesOneReadingEach) {
    std::unique_ptr<QProcess> p(archivectl({QStringLiteral("sensors"), QStringLiteral("read")}));
    ASSERT_TRUE(p->waitForFinished(60000));
    EXPECT_EQ(p->exitCode(), 0);
    const QString out = QString::fromUtf8(p->readAllStandardOutput());
    EXPECT_TRUE(out.contains(QStringLiteral("usb:1-2\tinternal\t22.10 °C\t45.30 %RH"))) << out.toStdString();
}

TEST_F(SensorsCli, LogStoresReadingsUnderTheBoundRoomAtTheRightTime) {
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    std::unique_ptr<QProcess> p(archivectl({QStringLiteral("sensors"), QStringLiteral("log"), QStringLiteral("--simulate"),
                                            QStringLiteral("1"), QStringLiteral("--interval"), QStringLiteral("1"),
                                            QStringLiteral("--for"), QStringLiteral("3")}));
    ASSERT_TRUE(p->waitForFinished(60000));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    ASSERT_EQ(p->exitCode(), 0) << p->readAllStandardError().toStdString();
    const auto all = rows();
    int usbRows = 0, simRows = 0;
    for (const auto& r : all) {
        EXPECT_GE(r.at, before);
        EXPECT_LE(r.at, after);
        if (r.key == QLatin1String("usb:1-2")) {
            ++usbRows;
            EXPECT_EQ(r.room, QStringLiteral("A01"));
            EXPECT_EQ(r.t, 2210);              // centi-°C
            EXPECT_EQ(r.rh.toInt(), 4530);     // centi-%RH
        } else if (r.key == QLatin1String("sim:room-1")) {
            ++simRows;
            EXPECT_EQ(r.room, QStringLiteral("B02"));
        }
    }
    EXPECT_GE(usbRows, 2);
    EXPECT_GE(simRows, 2);
    EXPECT_TRUE(QString::fromUtf8(p->readAllStandardOutput()).contains(QStringLiteral("stored")));
}

TEST_F(SensorsCli, SigtermStopsTheLoggerAndKeepsWhatWasRead) {
    std::unique_ptr<QProcess> p(archivectl({QStringLiteral("sensors"), QStringLiteral("log"), QStringLiteral("--interval"),
                                            QStringLiteral("1")}));
    ASSERT_TRUE(p->waitForStarted(10000));
    // wait until the first readings are in the archive
    ASSERT_TRUE(QTest::qWaitFor([&] { return rows().size() >= 2; }, 30000));
    p->terminate();  // SIGTERM, as systemd stops the service
    ASSERT_TRUE(p->waitForFinished(30000));
    EXPECT_EQ(p->exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p->exitCode(), 0);
    const QString out = QString::fromUtf8(p->readAllStandardOutput());
    EXPECT_TRUE(out.contains(QStringLiteral("stored"))) << out.toStdString();
    for (const auto& r : rows()) EXPECT_EQ(r.key, QStringLiteral("usb:1-2"));
}

TEST_F(SensorsCli, BadInputIsExplainedInBothLanguages) {
    std::unique_ptr<QProcess> p(archivectl({QStringLiteral("sensors"), QStringLiteral("bind"), QStringLiteral("usb:1-2"),
                                            QStringLiteral("NO-SUCH-ROOM")}));
    ASSERT_TRUE(p->waitForFinished(60000));
    EXPECT_EQ(p->exitCode(), 2);
    const QString err = QString::fromUtf8(p->readAllStandardError());
    EXPECT_TRUE(err.contains(QStringLiteral("NO-SUCH-ROOM"))) << err.toStdString();
    std::unique_ptr<QProcess> q(archivectl({QStringLiteral("sensors"), QStringLiteral("log"), QStringLiteral("--interval"),
                                            QStringLiteral("zero")}));
    ASSERT_TRUE(q->waitForFinished(60000));
    EXPECT_EQ(q->exitCode(), 2);
    const QString err2 = QString::fromUtf8(q->readAllStandardError());
    EXPECT_TRUE(err2.contains(QStringLiteral("--interval 需要"))) << err2.toStdString();
    EXPECT_TRUE(err2.contains(QStringLiteral("--interval needs"))) << err2.toStdString();
}

// One logger per archive (devices/sensor/LoggerLock): while another logger (the kiosk's poller) holds the
// archive's sensor lock, `sensors log` stores nothing and says so; when the holder lets go it takes over.
TEST_F(SensorsCli, LogWaitsWhileAnotherLoggerHoldsTheLockThenTakesOver) {
    auto holder = std::make_unique<sensor::LoggerLock>(sensor::LoggerLock::pathFor(dbPath));
    ASSERT_TRUE(holder->tryAcquire());
    std::unique_ptr<QProcess> p(archivectl({QStringLiteral("sensors"), QStringLiteral("log"), QStringLiteral("--interval"),
                                            QStringLiteral("1")}));
    ASSERT_TRUE(p->waitForStarted(10000));
    QString err;
    ASSERT_TRUE(QTest::qWaitFor([&] {
        err += QString::fromUtf8(p->readAllStandardError());
        return err.contains(QStringLiteral("takes over when it stops"));
    }, 30000)) << err.toStdString();
    EXPECT_TRUE(rows().isEmpty());  // it waited: nothing logged twice
    holder.reset();                 // the other logger stops
    ASSERT_TRUE(QTest::qWaitFor([&] { return rows().size() >= 2; }, 30000));
    p->terminate();
    ASSERT_TRUE(p->waitForFinished(30000));
    EXPECT_EQ(p->exitCode(), 0);
    err += QString::fromUtf8(p->readAllStandardError());
    EXPECT_TRUE(err.contains(QStringLiteral("taking over the sensor logging"))) << err.toStdString();
}

// Stopped (SIGTERM) while still waiting for the lock: exits 0 at once, stores nothing.
TEST_F(SensorsCli, LogStoppedWhileWaitingForTheLockExitsCleanly) {
    sensor::LoggerLock holder(sensor::LoggerLock::pathFor(dbPath));
    ASSERT_TRUE(holder.tryAcquire());
    std::unique_ptr<QProcess> p(archivectl({QStringLiteral("sensors"), QStringLiteral("log"), QStringLiteral("--interval"),
                                            QStringLiteral("1")}));
    ASSERT_TRUE(p->waitForStarted(10000));
    QString err;
    ASSERT_TRUE(QTest::qWaitFor([&] {
        err += QString::fromUtf8(p->readAllStandardError());
        return err.contains(QStringLiteral("takes over when it stops"));
    }, 30000)) << err.toStdString();
    p->terminate();
    ASSERT_TRUE(p->waitForFinished(30000));
    EXPECT_EQ(p->exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p->exitCode(), 0);
    EXPECT_TRUE(rows().isEmpty());
}

}  // namespace
