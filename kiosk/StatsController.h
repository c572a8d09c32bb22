#pragma once
// Manager › statistics, exports and the ledger: holdings by fonds / category / year / room, loans per month
// (12 months), overdue loans with the borrower's contact, usage per category; CSV/PDF exports to a folder or a
// mounted USB stick; verification of the hash-chained ledger. SQL and file writing run on the db worker;
// listing mounted media runs on the thread pool.

#include "RowsModel.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace archive::kiosk {

class DbService;
class SessionController;

class StatsHoldingsModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit StatsHoldingsModel(QObject* parent = nullptr);
};
class StatsMonthsModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit StatsMonthsModel(QObject* parent = nullptr);
};
class StatsOverdueModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit StatsOverdueModel(QObject* parent = nullptr);
};
class StatsUsageModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit StatsUsageModel(QObject* parent = nullptr);
};

class StatsController : public QObject {
    Q_OBJECT
    Q_PROPERTY(archive::kiosk::StatsHoldingsModel* holdings READ holdings CONSTANT)
    Q_PROPERTY(archive::kiosk::StatsMonthsModel* months READ months CONSTANT)
    Q_PROPERTY(archive::kiosk::StatsOverdueModel* overdue READ overdue CONSTANT)
    Q_PROPERTY(archive::kiosk::StatsUsageModel* usage READ usage CONSTANT)
    Q_PROPERTY(QString groupBy READ groupBy WRITE setGroupBy NOTIFY groupByChanged)  // fonds | category | year | room
    Q_PROPERTY(QVariantMap totals READ totals NOTIFY totalsChanged)
    Q_PROPERTY(int monthMax READ monthMax NOTIFY totalsChanged)
    Q_PROPERTY(QVariantList media READ media NOTIFY mediaChanged)          // {path, label}
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportChanged)
    Q_PROPERTY(QStringList exportedFiles READ exportedFiles NOTIFY exportChanged)
    Q_PROPERTY(QString ledgerState READ ledgerState NOTIFY ledgerChanged)  // "" | running | ok | failed | error
    Q_PROPERTY(double ledgerRows READ ledgerRowsD NOTIFY ledgerChanged)
    Q_PROPERTY(double ledgerBadSeq READ ledgerBadSeqD NOTIFY ledgerChanged)
    Q_PROPERTY(QString ledgerReason READ ledgerReason NOTIFY ledgerChanged)
    Q_PROPERTY(QString messageZh READ messageZh NOTIFY messageChanged)
    Q_PROPERTY(QString messageEn READ messageEn NOTIFY messageChanged)
    Q_PROPERTY(bool messageOk READ messageOk NOTIFY messageChanged)
public:
    StatsController(DbService* db, SessionController* session, QObject* parent = nullptr);

    StatsHoldingsModel* holdings() { return &m_holdings; }
    StatsMonthsModel* months() { return &m_months; }
    StatsOverdueModel* overdue() { return &m_overdue; }
    StatsUsageModel* usage() { return &m_usage; }
    QString groupBy() const { return m_groupBy; }
    void setGroupBy(const QString& g);
    QVariantMap totals() const { return m_totals; }
    int monthMax() const { return m_monthMax; }
    QVariantList media() const { return m_media; }
    bool exporting() const { return m_exporting; }
    QStringList exportedFiles() const { return m_files; }
    QString ledgerState() const { return m_ledgerState; }
    qint64 ledgerRows() const { return m_ledgerRows; }
    qint64 ledgerBadSeq() const { return m_ledgerBadSeq; }
    QString ledgerReason() const { return m_ledgerReason; }
    double ledgerRowsD() const { return double(m_ledgerRows); }
    double ledgerBadSeqD() const { return double(m_ledgerBadSeq); }
    QString messageZh() const { return m_msgZh; }
    QString messageEn() const { return m_msgEn; }
    bool messageOk() const { return m_msgOk; }

    // Mounted removable media: mount points under /media and /run/media in mounts (a /proc/mounts text).
    static QVariantList mediaFromMounts(const QByteArray& mounts);

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void loadHoldings();
    Q_INVOKABLE void scanMedia();
    // kinds: holdings, loans, overdue, ledger (CSV); env_pdf, env_csv (each room, last 30 days).
    Q_INVOKABLE void exportTo(const QStringList& kinds, const QString& folder);
    Q_INVOKABLE void verifyLedger();

signals:
    void groupByChanged();
    void totalsChanged();
    void mediaChanged();
    void exportChanged();
    void ledgerChanged();
    void messageChanged();
    void exportFinished(bool ok);

private:
    void setMessage(bool ok, const QString& zh, const QString& en);

    DbService* m_db;
    SessionController* m_session;
    StatsHoldingsModel m_holdings;
    StatsMonthsModel m_months;
    StatsOverdueModel m_overdue;
    StatsUsageModel m_usage;
    QString m_groupBy = QStringLiteral("fonds");
    QVariantMap m_totals;
    int m_monthMax = 1;
    QVariantList m_media;
    bool m_exporting = false;
    QStringList m_files;
    QString m_ledgerState;
    qint64 m_ledgerRows = 0, m_ledgerBadSeq = 0;
    QString m_ledgerReason;
    QString m_msgZh, m_msgEn;
    bool m_msgOk = true;
};

}  // namespace archive::kiosk
