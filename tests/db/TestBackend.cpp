#include "TestBackend.h"

#include "db/Database.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <cstdio>

using namespace archive::db;

namespace testdb {

namespace {
const QString kTemplate = QStringLiteral("archive_template");

QString withDatabase(const QString& baseUrl, const QString& name) {
    QUrl u(baseUrl);
    u.setPath(QLatin1Char('/') + name);
    return u.toString();
}

bool adminExec(const QString& baseUrl, const QString& sql, QString* error) {
    OpenOptions o;
    o.migrate = false;
    auto admin = Database::open(baseUrl, o);
    if (!admin) {
        *error = admin.errorMessage() + QStringLiteral(" / ") + admin.error().detail;
        return false;
    }
    QSqlQuery q(admin.value()->sql());
    if (!q.exec(sql)) {
        *error = sql + QStringLiteral(": ") + q.lastError().text();
        return false;
    }
    return true;
}
}  // namespace

bool usePostgres() { return qEnvironmentVariable("ARCHIVE_TEST_BACKEND") == QLatin1String("postgresql"); }

QString pgUrlFile() {
    const QString env = qEnvironmentVariable("ARCHIVE_TEST_PG_FILE");
    if (!env.isEmpty()) return env;
#ifdef ARCHIVE_TEST_PG_FILE_DEFAULT
    return QStringLiteral(ARCHIVE_TEST_PG_FILE_DEFAULT);
#else
    return {};
#endif
}

QString freshLocation(const QTemporaryDir& dir, QString* error) {
    if (!usePostgres()) return dir.filePath(QStringLiteral("archive.db"));
    QFile f(pgUrlFile());
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("no PostgreSQL test server: %1 is missing (run through ctest, fixture archive_pg)").arg(f.fileName());
        return {};
    }
    const QString base = QString::fromUtf8(f.readAll()).trimmed();
    static int counter = 0;
    const QString name = QStringLiteral("t_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    if (!adminExec(base, QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, kTemplate), error)) return {};
    return withDatabase(base, name);
}

int makePgTemplate(const QString& baseUrl) {
    QString error;
    if (!adminExec(baseUrl, QStringLiteral("DROP DATABASE IF EXISTS %1").arg(kTemplate), &error) ||
        !adminExec(baseUrl, QStringLiteral("CREATE DATABASE %1").arg(kTemplate), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    auto d = Database::open(withDatabase(baseUrl, kTemplate));  // applies every migration
    if (!d) {
        std::fprintf(stderr, "migrate template: %s / %s\n", qPrintable(d.errorMessage()), qPrintable(d.error().detail));
        return 1;
    }
    std::printf("template %s at schema version %d\n", qPrintable(kTemplate), d.value()->schemaVersion());
    return 0;
}

}  // namespace testdb
