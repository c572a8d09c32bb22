// Crash safety (SIGKILL in the middle of check-ins), ledger tampering with the sqlite3 shell, and an online
// backup taken while another process writes.
#include "CliFixture.h"

#include "db/Books.h"
#include "db/Database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QThread>
#include <csignal>

namespace {

using namespace archive::db;

class DurabilityTest : public CliTest {
protected:
    // The small archive plus `extra` boxes, all lent out (in this process, through db/Books).
    QStringList lendMany(int extra) {
        makeSmallArchive();
        QByteArray csv = "barcode,fonds,year,retention,category,title,location\n";
        QStringList codes;
        for (int i = 1; i <= extra; ++i) {
            const QString code = QStringLiteral("CR%1").arg(i, 5, 10, QLatin1Char('0'));
            csv += QStringLiteral("%1,0101,2021,30y,WS,盒%2,L%3\n").arg(code).arg(i).arg(1 + i % 2).toUtf8();
            codes << code;
        }
        const CliResult imp = run({QStringLiteral("import"), QStringLiteral("boxes"), write(QStringLiteral("many.csv"), csv)});
        EXPECT_EQ(imp.exitCode, 0) << imp.all().toStdString();
        auto db = Database::open(dbPath());
        EXPECT_TRUE(db.ok()) << db.errorMessage().toStdString();
        if (!db) return {};
        (*db)->sql().exec(QStringLiteral("PRAGMA synchronous=OFF"));  // setup only; archivectl keeps FULL
        Books books(**db);
        for (int i = 0; i < codes.size(); ++i) {
            auto r = books.checkOutBox(codes[i], i % 2 ? QStringLiteral("C0001") : QStringLiteral("C0002"), QLatin1String(kArchivist));
            EXPECT_TRUE(r.ok()) << codes[i].toStdString() << ": " << r.errorMessage().toStdString();
        }
        return codes;
    }

    // No half-done check-in: a box is on loan exactly when it has an open loan, and every returned loan
    // has its ledger entry.
    void expectConsistent(const QString& db = {}) {
        EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM boxes b WHERE (b.state = 'on_loan') <> "
                                        "EXISTS (SELECT 1 FROM loans l WHERE l.box_id = b.id AND l.returned_at IS NULL)"), db), 0);
        EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NOT NULL"), db),
                  scalar(QStringLiteral("SELECT count(*) FROM ledger WHERE action = 'checkin'"), db));
        const CliResult v = runOn(db.isEmpty() ? dbPath() : db, {QStringLiteral("verify")});
        EXPECT_EQ(v.exitCode, 0) << v.all().toStdString();
    }
};

TEST_F(DurabilityTest, CheckinsKilledMidBatchKeepEveryReportedOne) {
    const QStringList codes = lendMany(600);
    ASSERT_EQ(codes.size(), 600);
    write(QStringLiteral("codes.txt"), codes.join(QLatin1Char('\n')).toUtf8());

    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(binary(), {QStringLiteral("--db"), dbPath(), QStringLiteral("checkin"), QStringLiteral("--as"),
                       QLatin1String(kArchivist), QStringLiteral("--from"), path(QStringLiteral("codes.txt"))});
    ASSERT_TRUE(p.waitForStarted());
    QByteArray out;
    while (out.count('\n') < 40 && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000);
        out += p.readAllStandardOutput();
    }
    ::kill(pid_t(p.processId()), SIGKILL);
    p.waitForFinished();
    out += p.readAllStandardOutput();

    QStringList reported;
    for (const QByteArray& line : out.split('\n'))
        if (line.startsWith("done ")) reported << QString::fromUtf8(line.mid(5, line.indexOf(' ', 5) - 5));
    ASSERT_GE(reported.size(), 40);
    for (const QString& code : reported)
        EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM loans l JOIN boxes b ON b.id = l.box_id WHERE b.barcode = '%1' "
                                        "AND l.returned_at IS NOT NULL AND b.state = 'in_place'").arg(code)), 1)
            << code.toStdString() << " was reported done but is not returned";
    const qint64 returned = scalar(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NOT NULL"));
    EXPECT_GE(returned, reported.size());
    EXPECT_LE(returned, reported.size() + 1) << "at most the one in flight may have committed unreported";
    expectConsistent();
}

TEST_F(DurabilityTest, BatchCheckinKilledIsAllOrNothing) {
    const QStringList codes = lendMany(400);
    write(QStringLiteral("codes.txt"), codes.join(QLatin1Char('\n')).toUtf8());
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(binary(), {QStringLiteral("--db"), dbPath(), QStringLiteral("checkin"), QStringLiteral("--batch"), QStringLiteral("--as"),
                       QLatin1String(kArchivist), QStringLiteral("--from"), path(QStringLiteral("codes.txt"))});
    ASSERT_TRUE(p.waitForStarted());
    // Kill it while it works (the WAL grows once the batch writes); the assertion below holds at any kill point.
    const QString wal = dbPath() + QStringLiteral("-wal");
    const qint64 walBefore = QFile(wal).size();
    while (p.state() == QProcess::Running && QFile(wal).size() <= walBefore) QThread::msleep(2);
    ::kill(pid_t(p.processId()), SIGKILL);
    p.waitForFinished();
    const qint64 returned = scalar(QStringLiteral("SELECT count(*) FROM loans WHERE returned_at IS NOT NULL"));
    EXPECT_TRUE(returned == 0 || returned == codes.size()) << returned << " of " << codes.size() << " returned";
    expectConsistent();
}

TEST_F(DurabilityTest, TamperedLedgerRowIsNamed) {
    makeSmallArchive();
    ASSERT_EQ(run({QStringLiteral("verify")}).exitCode, 0);
    // The trigger refuses the change…
    QProcess sh;
    sh.start(QStringLiteral("sqlite3"), {dbPath(), QStringLiteral("UPDATE ledger SET actor = 'mallory' WHERE seq = 4;")});
    ASSERT_TRUE(sh.waitForFinished());
    EXPECT_NE(sh.exitCode(), 0);
    EXPECT_TRUE(QString::fromUtf8(sh.readAllStandardError()).contains(QStringLiteral("append-only")));
    EXPECT_EQ(run({QStringLiteral("verify")}).exitCode, 0);
    // …so drop it first, then change one row.
    sh.start(QStringLiteral("sqlite3"), {dbPath(), QStringLiteral("DROP TRIGGER ledger_no_update; "
                                                                  "UPDATE ledger SET details = replace(details, '\"rows\":', '\"rows\":1') WHERE seq = 4;")});
    ASSERT_TRUE(sh.waitForFinished());
    ASSERT_EQ(sh.exitCode(), 0) << sh.readAllStandardError().toStdString();
    const CliResult r = run({QStringLiteral("verify")});
    EXPECT_EQ(r.exitCode, 1) << r.all().toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("第 4 条"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("row 4"))) << r.out.toStdString();
    const CliResult j = runOn(dbPath(), {QStringLiteral("--json"), QStringLiteral("verify")});
    EXPECT_TRUE(j.out.contains(QStringLiteral("\"first_bad_seq\":4"))) << j.out.toStdString();
}

TEST_F(DurabilityTest, DeletedLedgerRowIsNamed) {
    makeSmallArchive();
    QProcess sh;
    sh.start(QStringLiteral("sqlite3"), {dbPath(), QStringLiteral("DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq = 3;")});
    ASSERT_TRUE(sh.waitForFinished());
    ASSERT_EQ(sh.exitCode(), 0);
    const CliResult r = run({QStringLiteral("verify")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.contains(QStringLiteral("row 4"))) << "the row after the gap: " << r.out.toStdString();
}

TEST_F(DurabilityTest, BackupWhileAnotherProcessWritesVerifies) {
    const QStringList codes = lendMany(500);
    write(QStringLiteral("codes.txt"), codes.join(QLatin1Char('\n')).toUtf8());
    QProcess writer;
    writer.setProcessEnvironment(environment());
    writer.start(binary(), {QStringLiteral("--db"), dbPath(), QStringLiteral("checkin"), QStringLiteral("--as"),
                            QLatin1String(kArchivist), QStringLiteral("--from"), path(QStringLiteral("codes.txt"))});
    ASSERT_TRUE(writer.waitForStarted());
    writer.waitForReadyRead(30000);  // it is writing now
    QStringList copies;
    for (int i = 0; i < 3; ++i) {
        const QString dest = path(QStringLiteral("backup-%1.db").arg(i));
        const CliResult b = run({QStringLiteral("backup"), dest});
        ASSERT_EQ(b.exitCode, 0) << b.all().toStdString();
        copies << dest;
    }
    const bool stillWriting = writer.state() == QProcess::Running;
    writer.waitForFinished(120000);
    EXPECT_EQ(writer.exitCode(), 0) << writer.readAllStandardError().toStdString();
    for (const QString& c : copies) {
        SCOPED_TRACE(c.toStdString());
        expectConsistent(c);
        EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM boxes"), c), 520);
    }
    expectConsistent();
    RecordProperty("writer_still_running_after_backups", stillWriting ? "yes" : "no");
    // A backup never overwrites an existing file.
    const CliResult again = run({QStringLiteral("backup"), copies.first()});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.err.contains(QStringLiteral("already exists")));
}

}  // namespace
