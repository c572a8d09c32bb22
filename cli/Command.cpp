#include "Command.h"

#include "db/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace archivectl {

QList<CommandInfo>& registry() {
    static QList<CommandInfo> commands;
    return commands;
}

QList<DemoStep>& demoSteps() {
    static QList<DemoStep> steps;
    return steps;
}

void printLine(const QString& s) {
    std::fputs(s.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
}

void printErrLine(const QString& s) {
    std::fputs(s.toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
}

int reportError(const Context& ctx, const archive::Error& e) {
    if (ctx.json) {
        QJsonObject o{{QStringLiteral("ok"), false},
                      {QStringLiteral("code"), e.code},
                      {QStringLiteral("message_zh"), e.messageZh},
                      {QStringLiteral("message_en"), e.messageEn}};
        if (!e.detail.isEmpty()) o.insert(QStringLiteral("detail"), e.detail);
        printLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    QString line = e.isRule() ? QStringLiteral("refused (%1): ").arg(e.code) : QStringLiteral("error: ");
    printErrLine(line + e.message());
    if (!e.detail.isEmpty() && qEnvironmentVariableIsSet("ARCHIVECTL_DEBUG")) printErrLine(e.detail);
    return e.isRule() ? ExitRefused : ExitBadInput;
}

std::unique_ptr<archive::db::Database> Context::openDb(bool create) const {
    archive::db::OpenOptions opt;
    opt.create = create;
    auto r = archive::db::Database::open(archive::db::Database::resolveLocation(dbLocation), opt);
    if (!r) {
        reportError(*this, r.error());
        return nullptr;
    }
    return std::move(r).value();
}

QString takeOption(QStringList& args, const QString& name, const QString& fallback) {
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == name && i + 1 < args.size()) {
            const QString v = args[i + 1];
            args.remove(i, 2);
            return v;
        }
        if (args[i].startsWith(name + QLatin1Char('='))) {
            const QString v = args[i].mid(name.size() + 1);
            args.removeAt(i);
            return v;
        }
    }
    return fallback;
}

bool takeFlag(QStringList& args, const QString& name) {
    return args.removeAll(name) > 0;
}

}  // namespace archivectl
