// Qt Quick Test of the kiosk's QML components (tests/kiosk/qml/tst_*.qml), with the Kiosk module and the
// singletons the components read (language, feedback) made the way main.cpp makes them.
#include "QmlTypes.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

using namespace archive::kiosk;

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Basic")); }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral(":/"));
        m_language.setEngine(engine);
        m_language.setCode(QStringLiteral("zh"));
        LanguageForeign::s_instance = &m_language;
        FeedbackForeign::s_instance = &m_feedback;
    }

private:
    LanguageController m_language;
    FeedbackController m_feedback;
};

QUICK_TEST_MAIN_WITH_SETUP(kiosk_qml, Setup)

#include "tst_kiosk_qml.moc"
