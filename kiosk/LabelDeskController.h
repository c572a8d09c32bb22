#pragma once
// The archivist's label desk (标签): shelf labels and batch box labels from the kiosk (before, only archivectl
// printed them). Scan a shelf → its position (room, 柜/层/位) and its boxes with each one's label state (current /
// out of date / never printed); print the shelf's own label, or the labels of every box on it whose label is
// out of date or missing, as ONE job. Scan boxes → they are collected (batch mode) and printed together.
// Everything is read on the db worker and printed through PrintController (CUPS or the file printer); when a job
// is recorded the shelf's list is read again, so the states follow.

#include "RowsModel.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace archive::kiosk {

class DbService;
class FeedbackController;
class PrintController;

class LabelDeskController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(QString shelf READ shelf NOTIFY changed)          // the scanned shelf's barcode, "" before
    Q_PROPERTY(QString shelfZh READ shelfZh NOTIFY changed)      // 一号库房 · A03 柜 · 第 2 层 · 1 位
    Q_PROPERTY(QString shelfEn READ shelfEn NOTIFY changed)
    Q_PROPERTY(int staleCount READ staleCount NOTIFY changed)    // boxes on the shelf whose label is out of date or missing
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(archive::kiosk::RowsModel* boxes READ boxes CONSTANT)    // the shelf's boxes: code, title, boxNo, labelState
    Q_PROPERTY(archive::kiosk::RowsModel* picked READ picked CONSTANT)  // boxes scanned for a batch: code, title, labelState
public:
    LabelDeskController(DbService* db, FeedbackController* feedback, PrintController* printer, QObject* parent = nullptr);

    QString shelf() const { return m_shelf; }
    QString shelfZh() const { return m_shelfZh; }
    QString shelfEn() const { return m_shelfEn; }
    int staleCount() const;
    bool busy() const { return m_busy; }
    RowsModel* boxes() { return &m_boxes; }
    RowsModel* picked() { return &m_picked; }
    QStringList staleBoxes() const;

    // From ScanController while the label desk is shown.
    void scanShelf(const QString& barcode);
    void scanBox(const QString& barcode);

    Q_INVOKABLE void printShelfLabel();
    Q_INVOKABLE void printStaleLabels();   // every box of the shelf whose label is out of date or missing
    Q_INVOKABLE void printPicked();        // the scanned boxes, one job
    Q_INVOKABLE void clearPicked();
    Q_INVOKABLE void reset();

signals:
    void changed();

private:
    void loadShelf(const QString& barcode, bool announce);
    void setBusy(bool b);

    DbService* m_db;
    FeedbackController* m_feedback;
    PrintController* m_printer;
    QString m_shelf, m_shelfZh, m_shelfEn;
    bool m_busy = false;
    RowsModel m_boxes, m_picked;
};

}  // namespace archive::kiosk
