#pragma once
// The core of a running kiosk, composed as main.cpp composes it, for the tests that drive its controllers in-process
// (header-only: it needs kiosk_ui): the db worker, the feedback band (muted), the session, the staff desk with its
// box controller, and the scan router. A test's own kiosk derives from it, adds the controllers it needs (borrower,
// approvals, admin, climate …) and calls open(path) in its constructor, after all of them exist.
#include "BoxController.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "ScanController.h"
#include "SessionController.h"
#include "StaffDesk.h"

namespace kiosktest {

struct KioskDesk {
    archive::kiosk::DbService db;
    archive::kiosk::FeedbackController feedback;
    archive::kiosk::SessionController session{&db, &feedback};
    archive::kiosk::StaffDesk desk{&db, &session, &feedback};
    archive::kiosk::BoxController& box = desk.box;
    archive::kiosk::ScanController scans{&db, &session, &feedback, &box};

    // No sounds; the db worker opens the archive file.
    void open(const QString& path) {
        feedback.setMuted(true);
        db.open(path);
    }
};

}  // namespace kiosktest
