#pragma once
// Administration: rooms and shelves, sensor-to-room binding, climate profiles, printers (CUPS, queried on the
// thread pool) and label stocks, loan rules per category, department permissions (R7), people import (CSV with
// line-numbered problems) and the keyboard-wedge scanner settings (stored in books_settings, applied to the
// wedge filter at once and at start). Every write runs on the db worker in one transaction with its ledger entry.

#include "RowsModel.h"
#include "common/Result.h"
#include "devices/scanner/WedgeDecoder.h"

#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace archive::kiosk {

class DbService;
class SessionController;

class AdminRowsModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit AdminRowsModel(QList<QByteArray> roles, QObject* parent = nullptr) : RowsModel(std::move(roles), parent) {}
};

class AdminController : public QObject {
    Q_OBJECT
    Q_PROPERTY(archive::kiosk::AdminRowsModel* rooms READ rooms CONSTANT)
    Q_PROPERTY(archive::kiosk::AdminRowsModel* shelves READ shelves CONSTANT)
    Q_PROPERTY(archive::kiosk::AdminRowsModel* sensors READ sensors CONSTANT)
    Q_PROPERTY(archive::kiosk::AdminRowsModel* profiles READ profiles CONSTANT)
    Q_PROPERTY(archive::kiosk::AdminRowsModel* printers READ printers CONSTANT)
    Q_PROPERTY(archive::kiosk::AdminRowsModel* stocks READ stocks CONSTANT)
    Q_PROPERTY(archive::kiosk::AdminRowsModel* categories READ categories CONSTANT)
    Q_PROPERTY(archive::kiosk::AdminRowsModel* departments READ departments CONSTANT)
    Q_PROPERTY(QStringList roomCodes READ roomCodes NOTIFY roomCodesChanged)
    Q_PROPERTY(QString shelfRoom READ shelfRoom WRITE setShelfRoom NOTIFY shelfRoomChanged)
    Q_PROPERTY(QStringList importProblems READ importProblems NOTIFY importChanged)
    Q_PROPERTY(int importedRows READ importedRows NOTIFY importChanged)
    Q_PROPERTY(bool importing READ importing NOTIFY importChanged)
    Q_PROPERTY(QVariantMap scanner READ scanner NOTIFY scannerChanged)   // prefix suffix maxGapMs minLength
    Q_PROPERTY(QString printerNoteZh READ printerNoteZh NOTIFY printersChanged)
    Q_PROPERTY(QString printerNoteEn READ printerNoteEn NOTIFY printersChanged)
    // The printers the kiosk prints to (books settings label_printer / report_printer): labelPrinter,
    // reportPrinter, labelFrom / reportFrom ("books", "env" or ""), labelTemplate, stockName, stockZh, stockEn.
    Q_PROPERTY(QVariantMap printerChoice READ printerChoice NOTIFY printerChoiceChanged)
    Q_PROPERTY(QString messageZh READ messageZh NOTIFY messageChanged)
    Q_PROPERTY(QString messageEn READ messageEn NOTIFY messageChanged)
    Q_PROPERTY(bool messageOk READ messageOk NOTIFY messageChanged)
public:
    AdminController(DbService* db, SessionController* session, QObject* parent = nullptr);

    AdminRowsModel* rooms() { return &m_rooms; }
    AdminRowsModel* shelves() { return &m_shelves; }
    AdminRowsModel* sensors() { return &m_sensors; }
    AdminRowsModel* profiles() { return &m_profiles; }
    AdminRowsModel* printers() { return &m_printers; }
    AdminRowsModel* stocks() { return &m_stocks; }
    AdminRowsModel* categories() { return &m_categories; }
    AdminRowsModel* departments() { return &m_departments; }
    QString shelfRoom() const { return m_shelfRoom; }
    QStringList roomCodes() const { return m_roomCodes; }
    void setShelfRoom(const QString& code);
    QStringList importProblems() const { return m_importProblems; }
    int importedRows() const { return m_imported; }
    bool importing() const { return m_importing; }
    QVariantMap scanner() const { return m_scanner; }
    QString printerNoteZh() const { return m_printerZh; }
    QString printerNoteEn() const { return m_printerEn; }
    QVariantMap printerChoice() const { return m_printerChoice; }
    QString messageZh() const { return m_msgZh; }
    QString messageEn() const { return m_msgEn; }
    bool messageOk() const { return m_msgOk; }

    // Where scanner settings go when they change (main.cpp: the keyboard-wedge filter's setConfig).
    void setScannerSink(std::function<void(const scanner::WedgeConfig&)> sink) { m_sink = std::move(sink); }
    static scanner::WedgeConfig wedgeConfig(const QVariantMap& settings, scanner::WedgeConfig base = {});

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void loadShelves();
    Q_INVOKABLE void loadPrinters();       // the CUPS queues (thread pool) and the current choice (db worker)
    Q_INVOKABLE void loadPrinterChoice();
    // use: "label" or "report"; printer: a CUPS queue name (empty clears the choice). Books::setSetting on the
    // db worker: one transaction + ledger entry "setting" with the logged-in administrator as actor.
    Q_INVOKABLE void choosePrinter(const QString& use, const QString& printer);
    Q_INVOKABLE void loadScannerSettings();
    Q_INVOKABLE void addRoom(const QString& code, const QString& name, const QString& profile);
    Q_INVOKABLE void addShelf(const QString& barcode, const QString& roomCode, const QString& cabinet,
                              const QString& shelf, const QString& position, int capacity);
    Q_INVOKABLE void bindSensor(const QString& sensorKey, const QString& roomCode);
    Q_INVOKABLE void saveProfile(const QString& code, double tMin, double tMax, double rhMin, double rhMax,
                                 double tSwing, double rhSwing);
    Q_INVOKABLE void saveCategory(const QString& code, int loanDays, int maxRenewals, bool inRoomOnly, bool needsReview);
    Q_INVOKABLE void setDepartmentCategory(const QString& deptCode, const QString& categoryCode, bool allowed);
    Q_INVOKABLE void importPeople(const QString& path);
    Q_INVOKABLE void saveScanner(const QString& prefix, const QString& suffix, int maxGapMs, int minLength);

signals:
    void shelfRoomChanged();
    void roomCodesChanged();
    void importChanged();
    void scannerChanged();
    void printersChanged();
    void printerChoiceChanged();
    void messageChanged();
    void saved();

private:
    void setMessage(bool ok, const QString& zh, const QString& en);
    void afterWrite(const Status& s, const QString& zh, const QString& en);
    QString actor() const;

    DbService* m_db;
    SessionController* m_session;
    AdminRowsModel m_rooms, m_shelves, m_sensors, m_profiles, m_printers, m_stocks, m_categories, m_departments;
    QString m_shelfRoom;
    QStringList m_roomCodes;
    QStringList m_importProblems;
    int m_imported = 0;
    bool m_importing = false;
    QVariantMap m_scanner;
    QString m_printerZh, m_printerEn;
    QVariantMap m_printerChoice;
    QString m_msgZh, m_msgEn;
    bool m_msgOk = true;
    std::function<void(const scanner::WedgeConfig&)> m_sink;
};

}  // namespace archive::kiosk
