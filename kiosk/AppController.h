#pragma once
// Facts about this kiosk for the screen (simulated devices, database location and state) and the one way out
// of kiosk mode: an administrator's session.

#include <QObject>
#include <QStringList>

namespace archive::kiosk {

class SessionController;

class AppController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool simulated READ simulated NOTIFY changed)
    Q_PROPERTY(QStringList simulatedDevices READ simulatedDevices NOTIFY changed)
    Q_PROPERTY(bool windowed READ windowed CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
public:
    AppController(SessionController* session, bool windowed, QObject* parent = nullptr);

    bool simulated() const { return !m_simulated.isEmpty(); }
    QStringList simulatedDevices() const { return m_simulated; }
    // What runs simulated ("scanner", "sensor"; DeviceManager::simulatedDevicesChanged): the top-bar notice.
    void setSimulatedDevices(const QStringList& s) {
        if (s == m_simulated) return;
        m_simulated = s;
        emit changed();
    }
    bool windowed() const { return m_windowed; }
    QString version() const;

    // Leaves kiosk mode; refused unless an administrator is logged in.
    Q_INVOKABLE bool exitKiosk();

signals:
    void changed();
    void exitRequested();

private:
    SessionController* m_session;
    bool m_windowed;
    QStringList m_simulated;
};

}  // namespace archive::kiosk
