#pragma once
// Inventory sweep (盘点) of one shelf: the archivist scans the shelf, then every box on it. The lists update with
// each scan — found (expected here and scanned), missing (expected here, not scanned yet), misplaced (recorded
// on another shelf), unknown (not in the books). Finish → Books::sweepShelf saves the sweep in one transaction
// (missing boxes flagged 'missing' with an incident, the ledger entry "sweep") and the lists become the books'
// answer; a PDF report (SweepReport) is saved beside the archive and can be printed (PrintController).

#include "RowsModel.h"

#include <QObject>
#include <QSet>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace archive::kiosk {

class DbService;
class FeedbackController;
class PrintController;
class SessionController;

class SweepController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(QString stage READ stage NOTIFY changed)        // "" (scan a shelf) | "scanning" | "done"
    Q_PROPERTY(QString shelf READ shelf NOTIFY changed)
    Q_PROPERTY(QString shelfZh READ shelfZh NOTIFY changed)
    Q_PROPERTY(QString shelfEn READ shelfEn NOTIFY changed)
    Q_PROPERTY(int scanned READ scanned NOTIFY changed)
    Q_PROPERTY(QString reportPath READ reportPath NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(archive::kiosk::RowsModel* found READ found CONSTANT)
    Q_PROPERTY(archive::kiosk::RowsModel* missing READ missing CONSTANT)
    Q_PROPERTY(archive::kiosk::RowsModel* misplaced READ misplaced CONSTANT)
    Q_PROPERTY(archive::kiosk::RowsModel* unknown READ unknown CONSTANT)
public:
    SweepController(DbService* db, SessionController* session, FeedbackController* feedback, PrintController* printer,
                    QObject* parent = nullptr);

    QString stage() const { return m_stage; }
    QString shelf() const { return m_shelf; }
    QString shelfZh() const { return m_shelfZh; }
    QString shelfEn() const { return m_shelfEn; }
    int scanned() const { return int(m_scanned.size()); }
    QString reportPath() const { return m_reportPath; }
    bool busy() const { return m_busy; }
    RowsModel* found() { return &m_found; }
    RowsModel* missing() { return &m_missing; }
    RowsModel* misplaced() { return &m_misplaced; }
    RowsModel* unknown() { return &m_unknown; }

    // From ScanController while the sweep is shown.
    void scanShelf(const QString& barcode);
    void scanBox(const QString& barcode);
    void scanUnknown(const QString& code);  // a code the books do not know at all

    Q_INVOKABLE void finish();
    Q_INVOKABLE void printReport();
    Q_INVOKABLE void reset();

signals:
    void changed();

private:
    void setBusy(bool b);
    void addUnknown(const QString& code);
    void saveReport();

    DbService* m_db;
    SessionController* m_session;
    FeedbackController* m_feedback;
    PrintController* m_printer;
    QString m_stage, m_shelf, m_shelfZh, m_shelfEn, m_reportPath;
    QStringList m_scanned;                 // in scan order
    QHash<QString, QVariantMap> m_expected;  // barcode → {code, title, state}
    QHash<QString, QString> m_titles;      // every box seen → title
    QHash<QString, QString> m_notes, m_notesEn;  // misplaced → where the books have it
    QByteArray m_reportPdf;
    bool m_busy = false;
    RowsModel m_found, m_missing, m_misplaced, m_unknown;
};

}  // namespace archive::kiosk
