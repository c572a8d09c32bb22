#pragma once
// The backend a test_db run uses. ctest registers every test twice (tests/db/CMakeLists.txt): "sqlite.…" on a
// fresh SQLite file, "pg.…" (ARCHIVE_TEST_BACKEND=postgresql) on a fresh PostgreSQL database created from a
// migrated template on the throw-away server that the ctest fixture "archive_pg" starts (tests/pg/).
#include <QString>

class QTemporaryDir;

namespace testdb {

bool usePostgres();
// Where the server's base URL is written by the fixture (empty when not configured).
QString pgUrlFile();
// A location for a fresh, empty-of-data, migrated archive: a file in dir (SQLite) or the URL of a new PostgreSQL
// database (CREATE DATABASE … TEMPLATE archive_template). Empty + *error on failure.
QString freshLocation(const QTemporaryDir& dir, QString* error);
// test_db --make-pg-template URL: creates and migrates archive_template on the server (fixture setup).
int makePgTemplate(const QString& baseUrl);

}  // namespace testdb
