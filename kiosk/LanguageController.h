#pragma once
// Runtime language switch (中文 / English): swaps the QTranslator and asks the engine to retranslate.

#include <QObject>
#include <QTranslator>

class QQmlEngine;

namespace archive::kiosk {

class LanguageController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY codeChanged)
    Q_PROPERTY(bool english READ english NOTIFY codeChanged)
public:
    explicit LanguageController(QObject* parent = nullptr);
    void setEngine(QQmlEngine* engine) { m_engine = engine; }

    QString code() const { return m_code; }
    bool english() const { return m_code == QLatin1String("en"); }
    void setCode(const QString& code);  // "zh" or "en"; anything else → "zh"
    Q_INVOKABLE void toggle() { setCode(english() ? QStringLiteral("zh") : QStringLiteral("en")); }
    // Picks the text for the current language.
    Q_INVOKABLE QString pick(const QString& zh, const QString& en) const { return english() ? en : zh; }
    // Chinese on a Chinese locale (and by default); English when the system locale is not Chinese and asks for it.
    static QString defaultCode();

signals:
    void codeChanged();

private:
    QQmlEngine* m_engine = nullptr;
    QTranslator m_translator;
    QString m_code;
};

}  // namespace archive::kiosk
