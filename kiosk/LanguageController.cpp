#include "LanguageController.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

namespace archive::kiosk {

LanguageController::LanguageController(QObject* parent) : QObject(parent) {}

QString LanguageController::defaultCode() {
    const QString env = qEnvironmentVariable("ARCHIVE_KIOSK_LANG");
    if (!env.isEmpty()) return env.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh");
    // Chinese first: only an explicitly English system locale starts in English.
    return QLocale::system().language() == QLocale::English && qEnvironmentVariableIsSet("LANG")
                   && qEnvironmentVariable("LANG").startsWith(QLatin1String("en"))
               ? QStringLiteral("en")
               : QStringLiteral("zh");
}

void LanguageController::setCode(const QString& requested) {
    const QString code = requested.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh");
    if (code == m_code) return;
    m_code = code;
    QCoreApplication::removeTranslator(&m_translator);
    const QString file = code == QLatin1String("en") ? QStringLiteral(":/i18n/kiosk_en.qm")
                                                    : QStringLiteral(":/i18n/kiosk_zh_CN.qm");
    if (m_translator.load(file)) QCoreApplication::installTranslator(&m_translator);
    if (m_engine) m_engine->retranslate();
    emit codeChanged();
}

}  // namespace archive::kiosk
