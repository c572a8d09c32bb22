#pragma once
// Transfer in (移交接收, R10): the archivist picks an open transfer (its register was entered with
// `archivectl transfer open … --register FILE` or imported), scans the boxes that arrived, sees the differences
// — registered boxes not delivered, boxes delivered but not on the register, lines whose title or page count
// differ (the books' reconciliation) — and accepts with a signature: their own PIN (Books::verifyPin). Accepting
// records what arrived (Books::receiveTransferLines) and completes the transfer (Books::completeTransfer, which
// refuses differences without a note, records each one as an incident and puts the received boxes into the
// books on the receiving shelf the archivist scanned).

#include "RowsModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace archive::kiosk {

class DbService;
class FeedbackController;
class SessionController;

class TransferController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(archive::kiosk::RowsModel* transfers READ transfers CONSTANT)  // open transfers
    Q_PROPERTY(archive::kiosk::RowsModel* boxes READ boxes CONSTANT)          // the chosen transfer, one row per box
    Q_PROPERTY(qint64 transferId READ transferId NOTIFY changed)
    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(QString sender READ sender NOTIFY changed)
    Q_PROPERTY(int expected READ expected NOTIFY changed)
    Q_PROPERTY(int received READ received NOTIFY changed)
    Q_PROPERTY(int missingCount READ missingCount NOTIFY changed)
    Q_PROPERTY(int extraCount READ extraCount NOTIFY changed)
    Q_PROPERTY(int mismatchCount READ mismatchCount NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString shelf READ shelf NOTIFY changed)       // where the received boxes go (scanned)
    Q_PROPERTY(QString shelfZh READ shelfZh NOTIFY changed)
    Q_PROPERTY(QString shelfEn READ shelfEn NOTIFY changed)
public:
    TransferController(DbService* db, SessionController* session, FeedbackController* feedback, QObject* parent = nullptr);

    RowsModel* transfers() { return &m_transfers; }
    RowsModel* boxes() { return &m_boxes; }
    qint64 transferId() const { return m_id; }
    QString code() const { return m_code; }
    QString sender() const { return m_sender; }
    int expected() const;
    int received() const;
    int missingCount() const;
    int extraCount() const;
    int mismatchCount() const { return m_mismatch; }
    bool busy() const { return m_busy; }
    QString shelf() const { return m_shelf; }
    QString shelfZh() const { return m_shelfZh; }
    QString shelfEn() const { return m_shelfEn; }

    Q_INVOKABLE void load();                 // the open transfers
    // A register the department brought as a CSV file (档号/archival_code, 题名/title, 年度/year, 页数/pages,
    // 盒条码/box; UTF-8 or GB18030) → Books::openTransfer; all-or-nothing, every problem with its line.
    Q_INVOKABLE void importRegister(const QString& path, const QString& code, const QString& department,
                                    const QString& sender, const QString& senderHead);
    Q_INVOKABLE void open(qint64 transferId);
    Q_INVOKABLE void close();                // back to the list (nothing is written)
    // Signature: the logged-in archivist's PIN. note: required when there are differences (R10).
    Q_INVOKABLE void accept(const QString& pin, const QString& note);

    void scanCode(const QString& code);      // a box barcode or an item's archival code (from ScanController)
    void scanShelf(const QString& barcode);  // the receiving shelf

signals:
    void changed();
    void accepted(const QString& code);
    void imported(qint64 transferId);

private:
    void setBusy(bool b);

    DbService* m_db;
    SessionController* m_session;
    FeedbackController* m_feedback;
    RowsModel m_transfers, m_boxes;
    qint64 m_id = 0;
    QString m_code, m_sender, m_shelf, m_shelfZh, m_shelfEn;
    int m_mismatch = 0;
    bool m_busy = false;
};

}  // namespace archive::kiosk
