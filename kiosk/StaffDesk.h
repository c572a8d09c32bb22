#pragma once
// The archivist's desk, composed in one place (made once in main.cpp; the kiosk tests make it the same way):
// the label/report printer, the flows (inventory sweep, pick list, transfer in, label desk) and the box card, each
// built once here, and the wiring between them. BoxController only does box cards; it is handed the flows to show
// them to QML (BoxDesk.sweep, BoxDesk.pickList, …) and keeps `flow`, which ScanController routes scans by.

#include "BoxController.h"
#include "LabelDeskController.h"
#include "PickListController.h"
#include "PrintController.h"
#include "SweepController.h"
#include "TransferController.h"

namespace archive::kiosk {

class DbService;
class FeedbackController;
class SessionController;

class StaffDesk {
public:
    StaffDesk(DbService* db, SessionController* session, FeedbackController* feedback);
    StaffDesk(const StaffDesk&) = delete;
    StaffDesk& operator=(const StaffDesk&) = delete;

    PrintController printer;
    SweepController sweep;
    PickListController pickList;
    TransferController transfer;
    LabelDeskController labelDesk;
    BoxController box;  // last: it refers to the flows above
};

}  // namespace archive::kiosk
