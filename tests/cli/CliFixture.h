#pragma once
// Runs the real archivectl binary against an archive in a fresh temporary directory.

#include <gtest/gtest.h>

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

struct CliResult {
    int exitCode = -1;
    bool crashed = false;
    QString out, err;
    QString all() const { return out + err; }
};

class CliTest : public ::testing::Test {
protected:
    void SetUp() override;

    QString dbPath() const { return m_dir.filePath(QStringLiteral("archive.db")); }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    static QString binary();
    static QProcessEnvironment environment();

    // archivectl --db <dbPath> args…; stdin optional.
    CliResult run(const QStringList& args, const QByteArray& stdinData = {}) const;
    CliResult runOn(const QString& db, const QStringList& args, const QByteArray& stdinData = {}) const;
    QString write(const QString& name, const QByteArray& bytes) const;  // returns the path

    // A small archive made through `init` + `import` of CSV files: 2 fonds, 3 categories (WS, RS head,
    // ZY in-room-only), 2 rooms, 4 locations, 2 departments, staff + borrowers, 20 boxes, 60 items.
    void makeSmallArchive();
    static const char* kArchivist;  // card of the archivist in the small archive
    static const char* kHead;
    static const char* kBorrower;

    // Row counts of every table plus the ledger head hash: equal snapshots = unchanged archive.
    QMap<QString, QString> snapshot(const QString& db = {}) const;
    qint64 scalar(const QString& sql, const QString& db = {}) const;

    QTemporaryDir m_dir;
};

// gtest printing of Qt strings in failure messages
inline void PrintTo(const QString& s, std::ostream* os) { *os << s.toStdString(); }
