#pragma once
// A real PostgreSQL 15 for the pgops tests, started with scripts/pg-server.sh in a temporary directory.
// Unlike the shared "archive_pg" ctest fixture, this one belongs to the test binary, so tests may kill it
// (pg_ctl stop -m immediate: like a power cut on the server) and start it again on the same port.

#include <QString>
#include <QTemporaryDir>
#include <memory>

class PgServer {
public:
    // The one server of this test binary (started on first use; stopped at exit). Null when PostgreSQL
    // is not installed or does not start (tests skip).
    static PgServer* shared();
    static QString sourceDir();

    ~PgServer();
    QString baseUrl() const { return m_url; }      // postgresql://archive@127.0.0.1:PORT/archive
    int port() const { return m_port; }
    QString dataDir() const;

    // A new empty database on this server; returns its URL ("" on failure).
    QString createDatabase(const QString& prefix);

    bool killImmediate();  // pg_ctl stop -m immediate (no clean shutdown, clients see a dropped connection)
    bool restart();        // start again on the same port and data directory
    bool isRunning();

private:
    PgServer() = default;
    bool start();
    bool pgCtl(const QStringList& args, QString* output = nullptr);
    QTemporaryDir m_dir;
    QString m_url;
    QString m_bin;
    int m_port = 0;
    int m_dbCounter = 0;
};
