#include "Support.h"

#include "db/Ledger.h"
#include "db/Transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <unistd.h>

using namespace archive;
using namespace archive::db;

namespace pgops {

std::unique_ptr<Database> openDb(const QString& location, bool migrate) {
    OpenOptions o;
    o.migrate = migrate;
    auto r = Database::open(location, o);
    EXPECT_TRUE(r.ok()) << r.errorMessage().toStdString() << " " << (r ? "" : r.error().detail.toStdString());
    return r ? std::move(r.value()) : nullptr;
}

qint64 scalar(Database& db, const QString& sql) {
    QSqlQuery q(db.sql());
    if (!q.exec(sql) || !q.next()) {
        ADD_FAILURE() << sql.toStdString() << ": " << q.lastError().text().toStdString();
        return -1;
    }
    return q.value(0).toLongLong();
}

void fillEnvArchive(Database& db, int readings) {
    {
        Transaction tx(db);
        ASSERT_TRUE(tx.begun().ok());
        QSqlQuery q(db.sql());
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO rooms(code, name, climate_profile) VALUES ('R1', '一号库房', 'paper')")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO rooms(code, name, climate_profile) VALUES ('R2', '特藏库', 'special')")));
        for (const char* room : {"R1", "R2"}) {
            LedgerEntry e;
            e.actor = QStringLiteral("test");
            e.action = QStringLiteral("room.add");
            e.subject = QStringLiteral("room:") + QString::fromLatin1(room);
            ASSERT_TRUE(Ledger::append(db, e).ok());
        }
        ASSERT_TRUE(tx.commit().ok());
    }
    ReadingStore store(db);
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:a"), QStringLiteral("R1"), QStringLiteral("tester")).ok());
    ASSERT_TRUE(store.bindSensor(QStringLiteral("sim:b"), QStringLiteral("R2"), QStringLiteral("tester")).ok());
    ASSERT_TRUE(store.configureSensor(QStringLiteral("sim:a"), 300, 0, 0, QStringLiteral("tester")).ok());
    ASSERT_TRUE(store.configureSensor(QStringLiteral("sim:b"), 300, 0, 0, QStringLiteral("tester")).ok());
    const qint64 step = 300000;
    const qint64 t0 = (QDateTime::currentMSecsSinceEpoch() / step) * step - readings * step;
    QList<ReadingRow> batch;
    for (int i = 0; i < readings; ++i) {
        const bool humid = i > readings / 3 && i < readings / 3 + 24;  // two hours at 70 %RH
        batch.append(ReadingRow{QStringLiteral("sim:a"), t0 + i * step, 19.0 + (i % 7) * 0.1, humid ? 70.0 : 52.0,
                                QStringLiteral("internal")});
        batch.append(ReadingRow{QStringLiteral("sim:b"), t0 + i * step, 17.0 + (i % 5) * 0.1, 50.0,
                                QStringLiteral("internal")});
    }
    auto r = store.addReadings(batch);
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
}

QList<ReadingRow> makeReadings(const QString& key, qint64 t0, int n, qint64 stepMs) {
    QList<ReadingRow> out;
    for (int i = 0; i < n; ++i)
        out.append(ReadingRow{key, t0 + i * stepMs, 20.0 + (i % 10) * 0.1, 50.0 + (i % 4), QStringLiteral("internal")});
    return out;
}

QProcessEnvironment cliEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("ARCHIVE_DB"));
    env.remove(QStringLiteral("ARCHIVE_SPOOL"));
    const QString xdg = QDir::tempPath() + QStringLiteral("/test_pgops-xdg-") + QString::number(getuid());
    QDir().mkpath(xdg);
    QFile::setPermissions(xdg, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), xdg);
    return env;
}

CliRun archivectl(const QStringList& args, int timeoutMs) {
    QProcess p;
    p.setProcessEnvironment(cliEnvironment());
    p.start(QStringLiteral(ARCHIVECTL_BIN), args);
    CliRun r;
    if (!p.waitForStarted(30000)) return r;
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

}  // namespace pgops
