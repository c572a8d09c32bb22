#include "StaffDesk.h"

#include "FeedbackController.h"
#include "SessionController.h"

namespace archive::kiosk {

StaffDesk::StaffDesk(DbService* db, SessionController* session, FeedbackController* feedback)
    : printer(db, session, feedback),
      sweep(db, session, feedback, &printer),
      pickList(db, session, feedback),
      transfer(db, session, feedback),
      labelDesk(db, feedback, &printer),
      box(db, session, feedback, StaffFlows{&printer, &sweep, &pickList, &transfer, &labelDesk}) {
    // A label printed (maybe minutes later, when the printer came back): the box card shows it up to date.
    QObject::connect(&printer, &PrintController::labelRecorded, &box, &BoxController::labelRecorded);
    // Leaving the desk forgets the label desk's shelf and scanned boxes (after the box card has closed its flow).
    QObject::connect(session, &SessionController::loggedOut, &labelDesk, &LabelDeskController::reset);
    // Opening a flow loads what it shows, or says what to scan first.
    QObject::connect(&box, &BoxController::flowChanged, &box, [this, feedback] {
        const QString flow = box.flow();
        if (flow == QLatin1String("pick")) pickList.load();
        else if (flow == QLatin1String("transfer")) transfer.load();
        if (flow == QLatin1String("labels") && labelDesk.shelf().isEmpty())
            feedback->show(QStringLiteral("info"), QStringLiteral("标签：扫描架位打印架位标签或整架过期标签；扫描档案盒可批量打印"),
                           QStringLiteral("Labels: scan a shelf for its label or its out-of-date box labels; scan boxes to print them together"));
        if (flow == QLatin1String("sweep") && sweep.stage().isEmpty())
            feedback->show(QStringLiteral("info"), QStringLiteral("盘点：请扫描要盘点的架位条码"),
                           QStringLiteral("Inventory sweep: scan the shelf to sweep"));
    });
}

}  // namespace archive::kiosk
