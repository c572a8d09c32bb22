#include "AppController.h"

#include "SessionController.h"

#include <QCoreApplication>

namespace archive::kiosk {

AppController::AppController(SessionController* session, bool windowed, QObject* parent)
    : QObject(parent), m_session(session), m_windowed(windowed) {}

QString AppController::version() const { return QCoreApplication::applicationVersion(); }

bool AppController::exitKiosk() {
    if (m_session->stage() != QLatin1String("active") || !m_session->roles().contains(QStringLiteral("admin")))
        return false;
    emit exitRequested();
    return true;
}

}  // namespace archive::kiosk
