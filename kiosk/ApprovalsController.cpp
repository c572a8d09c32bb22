#include "ApprovalsController.h"

#include "Convert.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "SessionController.h"
#include "db/Books.h"

namespace archive::kiosk {

ApprovalsModel::ApprovalsModel(QObject* parent)
    : RowsModel({"requestId", "requesterName", "requesterCard", "department", "external", "code", "title", "purpose",
                 "created", "security", "securityZh", "securityEn", "mode", "modeZh", "modeEn", "pendingZh",
                 "pendingEn"},
                parent) {}

ApprovalsController::ApprovalsController(DbService* db, SessionController* session, FeedbackController* feedback,
                                         QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_feedback(feedback) {
    connect(session, &SessionController::loggedOut, this, [this] {
        ++m_generation;
        m_pending.clear();
    });
    connect(session, &SessionController::loggedIn, this, [this] {
        ++m_generation;
        m_pending.clear();
        if (m_session->sections().contains(QStringLiteral("approver"))) refresh();
    });
}

void ApprovalsController::setBusy(bool b) {
    if (b == m_busy) return;
    m_busy = b;
    emit busyChanged();
}

void ApprovalsController::refresh() {
    const QString card = m_session->card();
    if (card.isEmpty()) return;
    const int gen = m_generation;
    m_db->run<QList<db::RequestInfo>>(
        this, [card](db::Database& d) { return db::Books(d).pendingApprovals(card); },
        [this, gen](Result<QList<db::RequestInfo>> r) {
            if (gen != m_generation) return;
            if (!r) {
                m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
                return;
            }
            QList<QVariantMap> rows;
            for (const auto& q : r.value()) rows << toMap(q);
            m_pending.setRows(rows);
        });
}

void ApprovalsController::approve(qint64 requestId, const QString& note) { decide(requestId, note, true); }
void ApprovalsController::reject(qint64 requestId, const QString& note) { decide(requestId, note, false); }

void ApprovalsController::decide(qint64 requestId, const QString& note, bool approve) {
    if (!approve && note.trimmed().isEmpty()) {
        m_feedback->show(QStringLiteral("warn"), QStringLiteral("驳回时请写明理由"), QStringLiteral("Please give a reason for rejecting"));
        return;
    }
    const QString card = m_session->card();
    const int gen = m_generation;
    setBusy(true);
    m_db->run<db::RequestInfo>(
        this,
        [requestId, card, note, approve](db::Database& d) {
            db::Books books(d);
            return approve ? books.approve(requestId, card, note.trimmed()) : books.reject(requestId, card, note.trimmed());
        },
        [this, gen, approve](Result<db::RequestInfo> r) {
            if (gen != m_generation) return;
            setBusy(false);
            if (!r) {
                m_feedback->show(QStringLiteral("warn"), r.error().messageZh, r.error().messageEn);
                return;
            }
            if (approve)
                m_feedback->show(QStringLiteral("ok"), QStringLiteral("已批准 %1号申请（%2）").arg(r->id).arg(r->requesterName),
                                 QStringLiteral("Request #%1 by %2 approved").arg(r->id).arg(r->requesterName));
            else
                m_feedback->show(QStringLiteral("ok"), QStringLiteral("已驳回 %1号申请").arg(r->id),
                                 QStringLiteral("Request #%1 rejected").arg(r->id));
            refresh();
        });
}

}  // namespace archive::kiosk
