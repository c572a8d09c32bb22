#pragma once
// How an archivectl command plugs in: define a function and register it with ARCHIVECTL_COMMAND
// in its own cmd_<name>.cpp. Commands print results to stdout, messages to stderr, and return
// ExitOk, ExitRefused (a rule said no; the message names the rule) or ExitBadInput.

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace archive::db { class Database; }

namespace archivectl {

enum Exit { ExitOk = 0, ExitRefused = 1, ExitBadInput = 2 };

struct Context {
    QString dbLocation;  // from --db; empty → ARCHIVE_DB → default
    bool json = false;
    // Opens (and migrates) the archive; prints a clear message and returns null on failure.
    std::unique_ptr<archive::db::Database> openDb(bool create = true) const;
};

struct CommandInfo {
    QString name;   // first word: "checkout", "sensors", "label", …
    QString usage;  // one line: "checkout BOX --to CARD --as STAFFCARD"
    QString help;   // one line of what it does
    std::function<int(Context&, QStringList)> run;
};

QList<CommandInfo>& registry();

struct Registrar {
    explicit Registrar(CommandInfo info) { registry().append(std::move(info)); }
};

// Prints an Error the way every command does (Chinese — English, on stderr, or JSON on stdout)
// and returns the exit status that fits it (rule → 1, anything else → 2).
int reportError(const Context& ctx, const archive::Error& e);
void printLine(const QString& s);       // UTF-8 to stdout
void printErrLine(const QString& s);    // UTF-8 to stderr

// Simple option parsing: takeOption(args, "--to") removes "--to X" (or "--to=X") and returns X.
QString takeOption(QStringList& args, const QString& name, const QString& fallback = {});
bool takeFlag(QStringList& args, const QString& name);

}  // namespace archivectl

#define ARCHIVECTL_CONCAT2(a, b) a##b
#define ARCHIVECTL_CONCAT(a, b) ARCHIVECTL_CONCAT2(a, b)
#define ARCHIVECTL_COMMAND(...) \
    static ::archivectl::Registrar ARCHIVECTL_CONCAT(s_archivectl_cmd_, __LINE__)(::archivectl::CommandInfo{__VA_ARGS__})

namespace archivectl {
// Parts that add demo content (environment readings, label stocks, …) register a step;
// `archivectl demo` runs the books' own generator first, then every step by ascending order.
struct DemoStep {
    int order = 100;
    QString name;
    std::function<archive::Status(archive::db::Database&)> run;
};
QList<DemoStep>& demoSteps();
struct DemoRegistrar {
    explicit DemoRegistrar(DemoStep step) { demoSteps().append(std::move(step)); }
};
}  // namespace archivectl

#define ARCHIVECTL_DEMO_STEP(...) \
    static ::archivectl::DemoRegistrar ARCHIVECTL_CONCAT(s_archivectl_demo_, __LINE__)(::archivectl::DemoStep{__VA_ARGS__})
