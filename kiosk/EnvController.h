#pragma once
// Manager › environment: every room's current values and band, and for the selected room and range
// (24 h / 7 d / 30 d / 1 year) the chart series (≤ 2,000 points from the rollups), the allowed band, the
// excursions in the window, the preservation metrics (TWPI, mould risk, EMC bands) and the alerts with their
// acknowledgement (→ ledger "env.ack"). All reads and writes run on the db worker.

#include "RowsModel.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace archive::kiosk {

class DbService;
class SessionController;

class EnvRoomsModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit EnvRoomsModel(QObject* parent = nullptr);
};

class EnvAlertsModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit EnvAlertsModel(QObject* parent = nullptr);
};

class EnvController : public QObject {
    Q_OBJECT
    Q_PROPERTY(archive::kiosk::EnvRoomsModel* rooms READ rooms CONSTANT)
    Q_PROPERTY(archive::kiosk::EnvAlertsModel* alerts READ alerts CONSTANT)
    Q_PROPERTY(QString roomCode READ roomCode WRITE setRoomCode NOTIFY roomCodeChanged)
    Q_PROPERTY(QString range READ range WRITE setRange NOTIFY rangeChanged)  // 24h | 7d | 30d | 1y
    Q_PROPERTY(bool openOnly READ openOnly WRITE setOpenOnly NOTIFY openOnlyChanged)
    Q_PROPERTY(QVariantList points READ points NOTIFY chartChanged)          // {t, tMean, tMin, tMax, rhMean, rhMin, rhMax}
    Q_PROPERTY(QVariantList excursions READ excursions NOTIFY chartChanged)  // {from, to, kind}
    Q_PROPERTY(QVariantMap band READ band NOTIFY chartChanged)               // tMin tMax rhMin rhMax profile names
    Q_PROPERTY(double chartFrom READ chartFromD NOTIFY chartChanged)
    Q_PROPERTY(double chartTo READ chartToD NOTIFY chartChanged)
    Q_PROPERTY(int selectedAlert READ selectedAlert WRITE setSelectedAlert NOTIFY selectedAlertChanged)
    Q_PROPERTY(QString chartSource READ chartSource NOTIFY chartChanged)
    Q_PROPERTY(QVariantMap metrics READ metrics NOTIFY chartChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString messageZh READ messageZh NOTIFY messageChanged)
    Q_PROPERTY(QString messageEn READ messageEn NOTIFY messageChanged)
    Q_PROPERTY(bool messageOk READ messageOk NOTIFY messageChanged)
public:
    EnvController(DbService* db, SessionController* session, QObject* parent = nullptr);

    EnvRoomsModel* rooms() { return &m_rooms; }
    EnvAlertsModel* alerts() { return &m_alerts; }
    QString roomCode() const { return m_roomCode; }
    void setRoomCode(const QString& c);
    QString range() const { return m_range; }
    void setRange(const QString& r);
    bool openOnly() const { return m_openOnly; }
    void setOpenOnly(bool b);
    QVariantList points() const { return m_points; }
    QVariantList excursions() const { return m_excursions; }
    QVariantMap band() const { return m_band; }
    qint64 chartFrom() const { return m_from; }
    qint64 chartTo() const { return m_to; }
    double chartFromD() const { return double(m_from); }
    double chartToD() const { return double(m_to); }
    int selectedAlert() const { return m_selected; }
    void setSelectedAlert(int id) { if (id != m_selected) { m_selected = id; emit selectedAlertChanged(); } }
    QString chartSource() const { return m_source; }
    QVariantMap metrics() const { return m_metrics; }
    bool loading() const { return m_loading > 0; }
    QString messageZh() const { return m_msgZh; }
    QString messageEn() const { return m_msgEn; }
    bool messageOk() const { return m_msgOk; }

    static qint64 rangeMs(const QString& r);

    Q_INVOKABLE void refresh();          // rooms, then chart + metrics + alerts of the selected room
    Q_INVOKABLE void loadChart();
    Q_INVOKABLE void loadAlerts();
    Q_INVOKABLE void acknowledge(qint64 alertId, const QString& action);

signals:
    void roomCodeChanged();
    void rangeChanged();
    void openOnlyChanged();
    void chartChanged();
    void loadingChanged();
    void messageChanged();
    void acknowledged(qint64 alertId);
    void selectedAlertChanged();

private:
    void setMessage(bool ok, const QString& zh, const QString& en);
    void busy(int delta);

    DbService* m_db;
    SessionController* m_session;
    EnvRoomsModel m_rooms;
    EnvAlertsModel m_alerts;
    QString m_roomCode;
    QString m_range = QStringLiteral("24h");
    bool m_openOnly = false;
    QVariantList m_points, m_excursions;
    QVariantMap m_band, m_metrics;
    qint64 m_from = 0, m_to = 0;
    QString m_source;
    int m_loading = 0;
    int m_chartSerial = 0;
    int m_selected = 0;
    QString m_msgZh, m_msgEn;
    bool m_msgOk = true;
};

}  // namespace archive::kiosk
