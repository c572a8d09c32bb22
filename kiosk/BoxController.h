#pragma once
// The archivist's box card: the box last scanned, the actions that apply to it (check out to a borrower's card
// or their approved request, check in with a condition, move to a scanned shelf, print its label) and batch mode
// (every box scanned is checked in, or moved to the chosen shelf, at once and confirmed in the list).
// The archivist's other flows are built and wired once by the composition root (StaffDesk, made in main.cpp) and
// handed in (StaffFlows, not owned): BoxController only does box cards, shows the flows to QML (BoxDesk.sweep,
// BoxDesk.pickList, BoxDesk.transfer, BoxDesk.printer, BoxDesk.labelDesk) and keeps `flow` — which one the staff
// screen shows; ScanController routes scans by it.

#include "LabelDeskController.h"
#include "PickListController.h"
#include "PrintController.h"
#include "RowsModel.h"
#include "SweepController.h"
#include "TransferController.h"
#include "common/Result.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <QVariantMap>

namespace archive::kiosk {

class DbService;
class FeedbackController;
class SessionController;

class BoxActivityModel : public archive::kiosk::RowsModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit BoxActivityModel(QObject* parent = nullptr);
};

// The flows BoxController shows and routes to; they outlive it (StaffDesk owns them).
struct StaffFlows {
    PrintController* printer = nullptr;
    SweepController* sweep = nullptr;
    PickListController* pickList = nullptr;
    TransferController* transfer = nullptr;
    LabelDeskController* labelDesk = nullptr;
};

class BoxController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QVariantMap box READ box NOTIFY boxChanged)
    Q_PROPERTY(bool hasBox READ hasBox NOTIFY boxChanged)
    // "" | "checkout" (waiting for the borrower's card) | "move" (waiting for a shelf) | "checkin" (choose condition)
    Q_PROPERTY(QString mode READ mode NOTIFY modeChanged)
    Q_PROPERTY(QString batch READ batch WRITE setBatch NOTIFY batchChanged)  // "" | "checkin" | "move"
    Q_PROPERTY(QVariantMap batchShelf READ batchShelf NOTIFY batchChanged)
    Q_PROPERTY(bool hasBatchShelf READ hasBatchShelf NOTIFY batchChanged)
    Q_PROPERTY(QString batchShelfZh READ batchShelfZh NOTIFY batchChanged)
    Q_PROPERTY(QString batchShelfEn READ batchShelfEn NOTIFY batchChanged)
    Q_PROPERTY(QVariantList requests READ requests NOTIFY boxChanged)  // approved requests for this box
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(archive::kiosk::BoxActivityModel* activity READ activity CONSTANT)
    // "" (box card) | "sweep" | "pick" | "transfer" | "labels"
    Q_PROPERTY(QString flow READ flow WRITE setFlow NOTIFY flowChanged)
    Q_PROPERTY(archive::kiosk::SweepController* sweep READ sweep CONSTANT)
    Q_PROPERTY(archive::kiosk::PickListController* pickList READ pickList CONSTANT)
    Q_PROPERTY(archive::kiosk::TransferController* transfer READ transfer CONSTANT)
    Q_PROPERTY(archive::kiosk::PrintController* printer READ printer CONSTANT)
    Q_PROPERTY(archive::kiosk::LabelDeskController* labelDesk READ labelDesk CONSTANT)
public:
    BoxController(DbService* db, SessionController* session, FeedbackController* feedback, const StaffFlows& flows,
                  QObject* parent = nullptr);

    QVariantMap box() const { return m_box; }
    bool hasBox() const { return !m_box.isEmpty(); }
    QString mode() const { return m_mode; }
    QString batch() const { return m_batch; }
    void setBatch(const QString& b);
    QVariantMap batchShelf() const { return m_batchShelf; }
    bool hasBatchShelf() const { return !m_batchShelf.isEmpty(); }
    QString batchShelfZh() const { return m_batchShelf.value(QStringLiteral("textZh")).toString(); }
    QString batchShelfEn() const { return m_batchShelf.value(QStringLiteral("textEn")).toString(); }
    QVariantList requests() const { return m_requests; }
    bool busy() const { return m_busy; }
    BoxActivityModel* activity() { return &m_activity; }
    QString flow() const { return m_flow; }
    void setFlow(const QString& f);
    SweepController* sweep() { return m_flows.sweep; }
    PickListController* pickList() { return m_flows.pickList; }
    TransferController* transfer() { return m_flows.transfer; }
    PrintController* printer() { return m_flows.printer; }
    LabelDeskController* labelDesk() { return m_flows.labelDesk; }

    // From ScanController
    void scanBox(const QString& barcode);
    void scanShelf(const QString& barcode);
    bool wantsCard() const { return m_mode == QLatin1String("checkout") && hasBox(); }
    void scanCard(const QString& card);

    Q_INVOKABLE void startCheckOut();
    Q_INVOKABLE void checkOutForRequest(qint64 requestId);
    Q_INVOKABLE void startCheckIn();
    Q_INVOKABLE void checkIn(const QString& condition);  // ok / damaged / incomplete / lost
    Q_INVOKABLE void startMove();
    Q_INVOKABLE void cancelMode();
    Q_INVOKABLE void printLabel();
    Q_INVOKABLE void clear();
    // A label printed (maybe minutes later, when the printer came back): logged, and the card shows it up to date.
    void labelRecorded(const QString& barcode);

signals:
    void boxChanged();
    void modeChanged();
    void batchChanged();
    void busyChanged();
    void flowChanged();

private:
    void setMode(const QString& m);
    void setBusy(bool b);
    void load(const QString& barcode, bool announce);
    void refused(const Error& e);
    void log(const QString& code, const QString& title, const QString& kind, const QString& zh, const QString& en);
    void doCheckIn(const QString& barcode, const QString& condition, bool reload);
    void doMove(const QString& boxBarcode, const QString& shelf);

    DbService* m_db;
    SessionController* m_session;
    FeedbackController* m_feedback;
    QVariantMap m_box;
    QVariantList m_requests;
    QString m_mode;
    QString m_batch;
    QVariantMap m_batchShelf;
    bool m_busy = false;
    BoxActivityModel m_activity;
    QString m_flow;
    StaffFlows m_flows;
};

}  // namespace archive::kiosk
