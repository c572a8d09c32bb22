// archivectl — the archive's command line. Each command lives in cmd_*.cpp and registers itself
// with ARCHIVECTL_COMMAND; this file parses the global options and dispatches.
#include "Command.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace archivectl;

namespace {
void usage(FILE* out) {
    QString text = QStringLiteral(
        "archivectl [--db PATH] [--json] COMMAND [ARGS]\n"
        "  --db PATH   archive database (default: $ARCHIVE_DB or ~/.local/share/archive-kiosk/archive.db)\n"
        "  --json      machine-readable output\n"
        "Exit status: 0 done, 1 refused by a rule, 2 bad input or error.\n\nCommands:\n");
    auto cmds = registry();
    std::sort(cmds.begin(), cmds.end(), [](const CommandInfo& a, const CommandInfo& b) { return a.name < b.name; });
    for (const auto& c : cmds) text += QStringLiteral("  %1\n      %2\n").arg(c.usage, c.help);
    std::fputs(text.toUtf8().constData(), out);
}
}  // namespace

int main(int argc, char** argv) {
    // Rendering commands (labels, reports) need a QGuiApplication; it works without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("archivectl"));

    Context ctx;
    QStringList args = app.arguments().mid(1);
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString a = args.takeFirst();
        if (a == QLatin1String("--json")) ctx.json = true;
        else if (a == QLatin1String("--db") && !args.isEmpty()) ctx.dbLocation = args.takeFirst();
        else if (a.startsWith(QLatin1String("--db="))) ctx.dbLocation = a.mid(5);
        else if (a == QLatin1String("--help") || a == QLatin1String("-h")) { usage(stdout); return 0; }
        else {
            std::fprintf(stderr, "archivectl: unknown option %s\n", a.toUtf8().constData());
            usage(stderr);
            return ExitBadInput;
        }
    }
    if (args.isEmpty()) { usage(stderr); return ExitBadInput; }
    const QString name = args.takeFirst();
    for (const auto& c : registry()) {
        if (c.name == name) return c.run(ctx, args);
    }
    std::fprintf(stderr, "archivectl: unknown command \"%s\" / 未知命令\n", name.left(80).toUtf8().constData());
    usage(stderr);
    return ExitBadInput;
}
