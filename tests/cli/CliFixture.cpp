#include "CliFixture.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <unistd.h>

const char* CliTest::kArchivist = "S0001";
const char* CliTest::kHead = "S0002";
const char* CliTest::kBorrower = "C0001";

void CliTest::SetUp() { ASSERT_TRUE(m_dir.isValid()); }

QString CliTest::binary() { return QStringLiteral(ARCHIVECTL_BIN); }

QProcessEnvironment CliTest::environment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("ARCHIVE_DB"));
    if (!env.contains(QStringLiteral("XDG_RUNTIME_DIR"))) {
        const QString xdg = QDir::tempPath() + QStringLiteral("/test_cli-xdg-") + QString::number(getuid());
        QDir().mkpath(xdg);
        QFile::setPermissions(xdg, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), xdg);
    }
    return env;
}

CliResult CliTest::run(const QStringList& args, const QByteArray& stdinData) const { return runOn(dbPath(), args, stdinData); }

CliResult CliTest::runOn(const QString& db, const QStringList& args, const QByteArray& stdinData) const {
    QProcess p;
    p.setProcessEnvironment(environment());
    QStringList full;
    if (!db.isEmpty()) full << QStringLiteral("--db") << db;
    full += args;
    p.start(binary(), full);
    CliResult r;
    if (!p.waitForStarted(30000)) {
        r.err = QStringLiteral("could not start archivectl");
        return r;
    }
    if (!stdinData.isEmpty()) p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(110000);
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString CliTest::write(const QString& name, const QByteArray& bytes) const {
    const QString p = path(name);
    QFile f(p);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return p;
}

void CliTest::makeSmallArchive() {
    auto imp = [&](const char* kind, const char* csv) {
        const QString p = write(QStringLiteral("%1.csv").arg(QLatin1String(kind)), QByteArray(csv));
        const CliResult r = run({QStringLiteral("import"), QLatin1String(kind), p});
        ASSERT_EQ(r.exitCode, 0) << kind << ": " << r.all().toStdString();
    };
    ASSERT_EQ(run({QStringLiteral("init")}).exitCode, 0);
    imp("fonds", "全宗号,全宗名称\n0101,青山县林业局\n0102,青山县国有林场\n");
    imp("categories",
        "code,name,loan_days,max_renewals,security_default,in_room_only,needs_head\n"
        "WS,文书,30,1,内部,否,否\nRS,人事,7,0,秘密,否,是\nZY,资源林政,7,0,内部,是,否\n");
    imp("rooms", "库房编号,库房名称,环境标准\nR1,一号库房,纸质\nR2,二号库房,特藏\n");
    imp("locations", "架位条码,库房,柜,层,位,容量\nL1,R1,1,1,1,10\nL2,R1,1,1,2,10\nL3,R2,1,1,1,10\nL4,R2,1,2,1,10\n");
    imp("departments", "部门代码,部门名称,可借门类\nBGS,办公室,WS;ZY\nRSK,人事科,WS;RS\n");
    imp("people",
        "借阅证号,姓名,部门,类型,角色\n"
        "S0001,林晓梅,办公室,内部,档案员\nS0002,陈志远,办公室,内部,档案室负责人;借阅者\nS0003,王德福,办公室,内部,主管领导\n"
        "C0001,张伟,办公室,内部,借阅者\nC0002,李娜,人事科,内部,借阅者\nC0003,赵敏,,外部,借阅者\n");
    QByteArray boxes = "barcode,fonds,year,retention,box_no,category,title,location\n";
    QByteArray items = "档号,题名,年度,保管期限,密级,页数,盒条码\n";
    for (int i = 1; i <= 20; ++i) {
        const char* cat = i <= 14 ? "WS" : i <= 17 ? "RS" : "ZY";
        boxes += QStringLiteral("BX%1,0101,2020,永久,%1,%2,青山县林业局 2020年 文书 第%1盒,L%3\n")
                     .arg(i, 3, 10, QLatin1Char('0')).arg(QLatin1String(cat)).arg(1 + (i - 1) % 4).toUtf8();
        for (int k = 1; k <= 3; ++k)
            items += QStringLiteral("0101-%1·2020-Y-%2-%3,关于森林防火工作的通知（第%2盒第%3件）,2020,,%4,12,BX%2\n")
                         .arg(QLatin1String(cat)).arg(i, 3, 10, QLatin1Char('0')).arg(k)
                         .arg(QString::fromUtf8(i <= 14 ? "内部" : "秘密")).toUtf8();
    }
    imp("boxes", boxes.constData());
    imp("items", items.constData());
}

qint64 CliTest::scalar(const QString& sql, const QString& dbFile) const {
    const QString name = QUuid::createUuid().toString();
    qint64 v = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbFile.isEmpty() ? dbPath() : dbFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next()) v = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return v;
}

QMap<QString, QString> CliTest::snapshot(const QString& dbFile) const {
    QMap<QString, QString> m;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbFile.isEmpty() ? dbPath() : dbFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
        if (db.open()) {
            QSqlQuery q(db);
            QStringList tables;
            q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                  "AND name NOT LIKE 'catalog_fts%' ORDER BY name"));
            while (q.next()) tables << q.value(0).toString();
            for (const QString& t : tables) {
                QSqlQuery c(db);
                if (c.exec(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(t)) && c.next()) m.insert(t, c.value(0).toString());
            }
            QSqlQuery h(db);
            if (h.exec(QStringLiteral("SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1")) && h.next())
                m.insert(QStringLiteral("#ledger_head"), h.value(0).toString());
            QSqlQuery s(db);
            if (s.exec(QStringLiteral("SELECT group_concat(barcode || state || ifnull(location_id, '-'), ',') FROM boxes")) && s.next())
                m.insert(QStringLiteral("#box_states"), s.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return m;
}
