#include "BoxController.h"

#include "Convert.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "SessionController.h"
#include "db/Books.h"
#include "db/labels/LabelRepository.h"
#include "wiring/LabelWiring.h"

#include <QTime>

namespace archive::kiosk {

namespace {
struct BoxView {
    db::BoxInfo box;
    QList<db::RequestInfo> approved;  // approved requests waiting for this box
    QString labelState;               // "never" | "current" | "stale"
};

Result<BoxView> loadBox(db::Database& d, const QString& barcode) {
    db::Books books(d);
    auto b = books.box(barcode);
    if (!b) return b.error();
    BoxView v{b.value(), {}, {}};
    if (auto pick = books.pickList())
        for (const auto& r : pick.value())
            if (r.boxBarcode == barcode) v.approved << r;
    // Label stale = the box's current label fields differ from the last printed label (db/labels).
    db::LabelRepository labels(d);
    if (auto row = labels.box(barcode)) {
        if (auto st = labels.labelState(barcode, wiring::labelDataOf(row.value()).hash()))
            v.labelState = st.value() == db::LabelState::Current ? QStringLiteral("current")
                         : st.value() == db::LabelState::Stale   ? QStringLiteral("stale")
                                                                 : QStringLiteral("never");
    }
    return v;
}
}  // namespace

BoxActivityModel::BoxActivityModel(QObject* parent)
    : RowsModel({"code", "title", "kind", "textZh", "textEn", "time"}, parent) {}

BoxController::BoxController(DbService* db, SessionController* session, FeedbackController* feedback,
                             const StaffFlows& flows, QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_feedback(feedback), m_flows(flows) {
    connect(session, &SessionController::loggedOut, this, [this] {
        clear();
        setBatch({});
        setFlow({});
        m_activity.clear();
    });
}

void BoxController::labelRecorded(const QString& barcode) {
    log(barcode, QString(), QStringLiteral("ok"), QStringLiteral("标签已打印"), QStringLiteral("Label printed"));
    if (m_box.value(QStringLiteral("barcode")).toString() == barcode) load(barcode, false);
}

void BoxController::setFlow(const QString& f) {
    static const QStringList flows = {QString(), QStringLiteral("sweep"), QStringLiteral("pick"), QStringLiteral("transfer"),
                                      QStringLiteral("labels")};
    const QString v = flows.contains(f) ? f : QString();
    if (v == m_flow) return;
    m_flow = v;
    setMode({});
    setBatch({});
    emit flowChanged();  // StaffDesk loads the flow that opened
}

void BoxController::setMode(const QString& m) {
    if (m == m_mode) return;
    m_mode = m;
    emit modeChanged();
}

void BoxController::setBusy(bool b) {
    if (b == m_busy) return;
    m_busy = b;
    emit busyChanged();
}

void BoxController::setBatch(const QString& b) {
    const QString v = (b == QLatin1String("checkin") || b == QLatin1String("move")) ? b : QString();
    if (v == m_batch) return;
    m_batch = v;
    m_batchShelf.clear();
    setMode({});
    emit batchChanged();
    if (m_batch == QLatin1String("move"))
        m_feedback->show(QStringLiteral("info"), QStringLiteral("批量移库：请先扫描目标架位"),
                         QStringLiteral("Batch move: scan the target shelf first"));
    else if (m_batch == QLatin1String("checkin"))
        m_feedback->show(QStringLiteral("info"), QStringLiteral("批量归还：逐个扫描档案盒"),
                         QStringLiteral("Batch return: scan each box"));
}

void BoxController::clear() {
    m_box.clear();
    m_requests.clear();
    setMode({});
    emit boxChanged();
}

void BoxController::refused(const Error& e) {
    m_feedback->show(e.isRule() ? QStringLiteral("warn") : QStringLiteral("error"), e.messageZh, e.messageEn);
}

void BoxController::log(const QString& code, const QString& title, const QString& kind, const QString& zh,
                        const QString& en) {
    m_activity.prependRow({{QStringLiteral("code"), code},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("kind"), kind},
                           {QStringLiteral("textZh"), zh},
                           {QStringLiteral("textEn"), en},
                           {QStringLiteral("time"), QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))}},
                          200);
}

void BoxController::load(const QString& barcode, bool announce) {
    setBusy(true);
    m_db->run<BoxView>(this, [barcode](db::Database& d) { return loadBox(d, barcode); },
                       [this, announce](Result<BoxView> r) {
                           setBusy(false);
                           if (!r) {
                               refused(r.error());
                               return;
                           }
                           m_box = toMap(r->box);
                           if (!r->labelState.isEmpty()) m_box.insert(QStringLiteral("labelState"), r->labelState);
                           m_requests.clear();
                           for (const auto& q : r->approved) m_requests << toMap(q);
                           setMode({});
                           emit boxChanged();
                           if (announce)
                               m_feedback->show(QStringLiteral("ok"),
                                                QStringLiteral("档案盒 %1 · %2").arg(r->box.barcode, labelZh(r->box.state)),
                                                QStringLiteral("Box %1 · %2").arg(r->box.barcode, labelEn(r->box.state)),
                                                r->box.title, r->box.title);
                       });
}

void BoxController::scanBox(const QString& barcode) {
    if (m_batch == QLatin1String("checkin")) {
        doCheckIn(barcode, QStringLiteral("ok"), false);
        return;
    }
    if (m_batch == QLatin1String("move")) {
        if (m_batchShelf.isEmpty()) {
            m_feedback->show(QStringLiteral("warn"), QStringLiteral("请先扫描目标架位，再扫描档案盒"),
                             QStringLiteral("Scan the target shelf first, then the boxes"));
            return;
        }
        doMove(barcode, m_batchShelf.value(QStringLiteral("barcode")).toString());
        return;
    }
    if (m_mode == QLatin1String("move") && hasBox()) {
        m_feedback->show(QStringLiteral("warn"), QStringLiteral("这是档案盒条码。请扫描目标架位条码，或按取消"),
                         QStringLiteral("That is a box. Scan the target shelf's barcode, or press Cancel"));
        return;
    }
    load(barcode, true);
}

void BoxController::scanShelf(const QString& barcode) {
    if (m_batch == QLatin1String("move")) {
        setBusy(true);
        m_db->run<db::LocationInfo>(
            this, [barcode](db::Database& d) { return db::Books(d).location(barcode); },
            [this](Result<db::LocationInfo> r) {
                setBusy(false);
                if (!r) return refused(r.error());
                m_batchShelf = toMap(r.value());
                emit batchChanged();
                m_feedback->show(QStringLiteral("ok"),
                                 QStringLiteral("目标架位：%1。现在逐个扫描档案盒").arg(locationText(r.value(), false)),
                                 QStringLiteral("Target shelf: %1. Now scan each box").arg(locationText(r.value(), true)));
            });
        return;
    }
    if (m_mode == QLatin1String("move") && hasBox()) {
        doMove(m_box.value(QStringLiteral("barcode")).toString(), barcode);
        return;
    }
    m_feedback->show(QStringLiteral("warn"),
                     QStringLiteral("这是架位条码，不是档案盒。请扫描档案盒；要移库请先扫描档案盒再按“移库”"),
                     QStringLiteral("That is a shelf, not a box. Scan a box; to move a box, scan it and press Move first"));
}

void BoxController::startCheckOut() {
    if (!hasBox()) return;
    setMode(QStringLiteral("checkout"));
    m_feedback->show(QStringLiteral("info"), QStringLiteral("请扫描借阅者的借阅证"), QStringLiteral("Scan the borrower's card"));
}

void BoxController::scanCard(const QString& card) {
    const QString box = m_box.value(QStringLiteral("barcode")).toString();
    const QString staff = m_session->card();
    setBusy(true);
    m_db->run<db::LoanInfo>(
        this, [box, card, staff](db::Database& d) { return db::Books(d).checkOutBox(box, card, staff); },
        [this, box](Result<db::LoanInfo> r) {
            setBusy(false);
            setMode({});
            if (!r) {
                log(box, m_box.value(QStringLiteral("title")).toString(), QStringLiteral("warn"), r.error().messageZh,
                    r.error().messageEn);
                return refused(r.error());
            }
            const QString zh = QStringLiteral("已借给 %1，应还日期 %2").arg(r->borrowerName, localDate(r->dueAt));
            const QString en = QStringLiteral("Lent to %1, due %2").arg(r->borrowerName, localDate(r->dueAt));
            m_feedback->show(QStringLiteral("ok"), zh, en, r->boxTitle, r->boxTitle);
            log(box, r->boxTitle, QStringLiteral("ok"), zh, en);
            load(box, false);
        });
}

void BoxController::checkOutForRequest(qint64 requestId) {
    if (!hasBox()) return;
    QString card, code;
    for (const QVariant& v : std::as_const(m_requests)) {
        const QVariantMap m = v.toMap();
        if (m.value(QStringLiteral("requestId")).toLongLong() == requestId) {
            card = m.value(QStringLiteral("requesterCard")).toString();
            code = m.value(QStringLiteral("code")).toString();
        }
    }
    if (card.isEmpty()) return;
    const QString box = m_box.value(QStringLiteral("barcode")).toString();
    const QString staff = m_session->card();
    // A request for one item lends that item; a request for the box lends the box.
    const bool wholeBox = code.isEmpty() || code == box;
    setBusy(true);
    m_db->run<db::LoanInfo>(
        this,
        [box, card, staff, requestId, code, wholeBox](db::Database& d) -> Result<db::LoanInfo> {
            db::Books books(d);
            if (wholeBox) return books.checkOutBox(box, card, staff, requestId);
            auto loans = books.checkOutItems({code}, card, staff, requestId);
            if (!loans) return loans.error();
            if (loans->isEmpty()) return DbService::unavailable();
            return loans->first();
        },
        [this, box](Result<db::LoanInfo> r) {
            setBusy(false);
            setMode({});
            if (!r) return refused(r.error());
            const QString title = r->itemId ? r->itemTitle : r->boxTitle;
            const QString zh = QStringLiteral("已按申请借给 %1，应还日期 %2").arg(r->borrowerName, localDate(r->dueAt));
            const QString en = QStringLiteral("Lent to %1 for their request, due %2").arg(r->borrowerName, localDate(r->dueAt));
            m_feedback->show(QStringLiteral("ok"), zh, en, title, title);
            log(r->itemId ? r->itemCode : box, title, QStringLiteral("ok"), zh, en);
            load(box, false);
        });
}

void BoxController::startCheckIn() {
    if (hasBox()) setMode(QStringLiteral("checkin"));
}

void BoxController::checkIn(const QString& condition) {
    if (!hasBox()) return;
    doCheckIn(m_box.value(QStringLiteral("barcode")).toString(), condition, true);
}

void BoxController::doCheckIn(const QString& barcode, const QString& condition, bool reload) {
    db::ReturnCondition c = db::ReturnCondition::Ok;
    if (condition == QLatin1String("damaged")) c = db::ReturnCondition::Damaged;
    else if (condition == QLatin1String("incomplete")) c = db::ReturnCondition::Incomplete;
    else if (condition == QLatin1String("lost")) c = db::ReturnCondition::Lost;
    const QString staff = m_session->card();
    setBusy(true);
    m_db->run<db::LoanInfo>(
        this, [barcode, staff, c](db::Database& d) { return db::Books(d).checkIn(barcode, staff, c); },
        [this, barcode, condition, reload](Result<db::LoanInfo> r) {
            setBusy(false);
            setMode({});
            if (!r) {
                log(barcode, QString(), QStringLiteral("warn"), r.error().messageZh, r.error().messageEn);
                return refused(r.error());
            }
            QString zh = QStringLiteral("已归还（%1）：%2").arg(labelZh(condition), r->borrowerName);
            QString en = QStringLiteral("Returned (%1) from %2").arg(labelEn(condition), r->borrowerName);
            if (r->incidentId) {
                zh += QStringLiteral("。已登记事故记录");
                en += QStringLiteral(". An incident was recorded");
            }
            const QString title = r->itemId ? r->itemTitle : r->boxTitle;
            m_feedback->show(r->incidentId ? QStringLiteral("warn") : QStringLiteral("ok"), zh, en, title, title);
            log(barcode, title, QStringLiteral("ok"), zh, en);
            if (reload) load(barcode, false);
        });
}

void BoxController::startMove() {
    if (!hasBox()) return;
    setMode(QStringLiteral("move"));
    m_feedback->show(QStringLiteral("info"), QStringLiteral("请扫描目标架位条码"), QStringLiteral("Scan the target shelf"));
}

void BoxController::doMove(const QString& boxBarcode, const QString& shelf) {
    const QString staff = m_session->card();
    setBusy(true);
    m_db->run<db::LocationInfo>(
        this,
        [boxBarcode, shelf, staff](db::Database& d) -> Result<db::LocationInfo> {
            db::Books books(d);
            if (auto st = books.moveBox(boxBarcode, shelf, staff); !st) return st.error();
            return books.location(shelf);
        },
        [this, boxBarcode](Result<db::LocationInfo> r) {
            setBusy(false);
            if (m_batch.isEmpty()) setMode({});
            if (!r) {
                log(boxBarcode, QString(), QStringLiteral("warn"), r.error().messageZh, r.error().messageEn);
                return refused(r.error());
            }
            const QString zh = QStringLiteral("已移至 %1").arg(locationText(r.value(), false));
            const QString en = QStringLiteral("Moved to %1").arg(locationText(r.value(), true));
            m_feedback->show(QStringLiteral("ok"), QStringLiteral("%1 %2").arg(boxBarcode, zh),
                             QStringLiteral("%1 %2").arg(boxBarcode, en));
            log(boxBarcode, QString(), QStringLiteral("ok"), zh, en);
            if (m_batch.isEmpty()) load(boxBarcode, false);
        });
}

void BoxController::cancelMode() { setMode({}); }

void BoxController::printLabel() {
    if (!hasBox()) return;
    if (m_flows.printer) m_flows.printer->printBoxLabel(m_box.value(QStringLiteral("barcode")).toString());
}

}  // namespace archive::kiosk
