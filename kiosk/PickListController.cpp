#include "PickListController.h"

#include "Convert.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "SessionController.h"
#include "db/Books.h"

#include <QDateTime>

#include <optional>

namespace archive::kiosk {

namespace {

QList<QVariantMap> rowsOf(const QList<db::RequestInfo>& list) {
    QList<QVariantMap> rows;
    for (const db::RequestInfo& q : list) {
        QVariantMap m = toMap(q);
        m.insert(QStringLiteral("picked"), q.pickedAt > 0);
        m.insert(QStringLiteral("pickedBy"), q.pickedByName);
        m.insert(QStringLiteral("pickedAt"), q.pickedAt > 0 ? QDateTime::fromMSecsSinceEpoch(q.pickedAt).toLocalTime().toString(
                                                                  QStringLiteral("MM-dd HH:mm"))
                                                            : QString());
        rows << m;
    }
    return rows;
}

// A scan's answer: the requests it picked (or the books' refusal) and the pick list as the books now have it.
struct PickOutcome {
    Result<QList<db::RequestInfo>> picked = Error{};
    QList<db::RequestInfo> list;
};

// An undo's answer: the request unticked (or the books' refusal) and the pick list as the books now have it.
struct UnpickOutcome {
    Result<db::RequestInfo> unpicked = Error{};
    QList<db::RequestInfo> list;
};

// The reason recorded with the "unpick" (both languages: the ledger is read by people of either), and the line the
// feedback band adds under its answer.
struct UnpickReason {
    QString recorded, zh, en;
};

std::optional<UnpickReason> unpickReason(const QString& key) {
    if (key == QLatin1String("wrong_box"))
        return UnpickReason{QStringLiteral("扫错了档案盒 / Wrong box scanned"), QStringLiteral("扫错了档案盒：请放回原架位"),
                            QStringLiteral("Wrong box scanned: put it back on its shelf")};
    if (key == QLatin1String("put_back"))
        return UnpickReason{QStringLiteral("档案盒已放回架上 / Box put back on its shelf"), QStringLiteral("档案盒已放回架上"),
                            QStringLiteral("The box is back on its shelf")};
    return std::nullopt;
}

}  // namespace

PickListController::PickListController(DbService* db, SessionController* session, FeedbackController* feedback,
                                       QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_feedback(feedback),
      m_lines({"requestId", "boxBarcode", "code", "title", "requesterName", "department", "purpose", "modeZh", "modeEn",
               "securityZh", "securityEn", "locationZh", "locationEn", "picked", "pickedBy", "pickedAt"}) {
    connect(session, &SessionController::loggedOut, this, [this] {
        ++m_generation;
        m_lines.clear();
        emit changed();
    });
}

int PickListController::picked() const {
    int n = 0;
    for (const QVariantMap& r : m_lines.rows()) n += r.value(QStringLiteral("picked")).toBool() ? 1 : 0;
    return n;
}

void PickListController::setBusy(bool b) {
    if (b == m_busy) return;
    m_busy = b;
    emit changed();
}

void PickListController::showList(const QList<QVariantMap>& rows) {
    m_lines.setRows(rows);
    emit changed();
}

void PickListController::load() {
    const int gen = ++m_generation;
    setBusy(true);
    m_db->run<QList<db::RequestInfo>>(
        this, [](db::Database& d) { return db::Books(d).pickList(); },
        [this, gen](Result<QList<db::RequestInfo>> r) {
            if (gen != m_generation) return;
            setBusy(false);
            if (!r) return m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
            showList(rowsOf(r.value()));  // the ticks are the books' ("pick" in the ledger), not this kiosk's memory
        });
}

void PickListController::scanBox(const QString& barcode) {
    const QString staff = m_session->card();
    const int gen = ++m_generation;
    setBusy(true);
    m_db->run<PickOutcome>(
        this,
        [barcode, staff](db::Database& d) -> Result<PickOutcome> {
            db::Books books(d);
            PickOutcome out;
            out.picked = books.pickBox(barcode, staff);
            // A refusal for this box is an answer, not a failure: the list is still shown as the books have it.
            auto list = books.pickList();
            if (!list) return list.error();
            out.list = list.value();
            return out;
        },
        [this, barcode, gen](Result<PickOutcome> r) {
            if (gen != m_generation) return;
            setBusy(false);
            if (!r) {
                m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
                emit scanDone();
                return;
            }
            showList(rowsOf(r->list));
            if (!r->picked) {
                const Error& e = r->picked.error();
                const QString kind = e.code == QLatin1String("already_picked") ? QStringLiteral("info")
                                     : e.isRule() || e.code == QLatin1String("not_on_pick_list") || e.code == QLatin1String("wrong_box") ||
                                             e.code == QLatin1String("not_found") || e.code == QLatin1String("bad_state")
                                         ? QStringLiteral("warn")
                                         : QStringLiteral("error");
                m_feedback->show(kind, e.messageZh, e.messageEn);
                emit scanDone();
                return;
            }
            const QString title = r->picked->isEmpty() ? QString() : r->picked->first().boxTitle;
            const int left = m_lines.count() - picked();
            m_feedback->show(QStringLiteral("ok"), QStringLiteral("已取出 %1（还剩 %2 项）").arg(barcode).arg(left),
                             QStringLiteral("Picked %1 (%2 left)").arg(barcode).arg(left), title, title);
            emit scanDone();
        });
}

void PickListController::askUnpick(int row) {
    if (row < 0 || row >= m_lines.count()) return;
    const QVariantMap line = m_lines.get(row);
    if (line.value(QStringLiteral("picked")).toBool()) emit unpickAsked(line);
}

void PickListController::unpick(qint64 requestId, const QString& reason) {
    const auto why = unpickReason(reason);
    if (!why) {  // a programming error of the screen, not the archivist's: say so and write nothing
        m_feedback->show(QStringLiteral("error"), QStringLiteral("撤销勾选的原因无效，未作更改。"),
                         QStringLiteral("Unknown reason for undoing a tick; nothing was changed."));
        emit unpickDone(false);
        return;
    }
    const QString staff = m_session->card();
    const QString recorded = why->recorded;
    const int gen = ++m_generation;
    setBusy(true);
    m_db->run<UnpickOutcome>(
        this,
        [requestId, staff, recorded](db::Database& d) -> Result<UnpickOutcome> {
            db::Books books(d);
            UnpickOutcome out;
            out.unpicked = books.unpickRequest(requestId, staff, recorded);
            // A refusal (already handed out, undone on another kiosk, …) is an answer: the list is still rebuilt.
            auto list = books.pickList();
            if (!list) return list.error();
            out.list = list.value();
            return out;
        },
        [this, gen, said = *why](Result<UnpickOutcome> r) {
            // The books have answered even when a newer list was asked for meanwhile (a scan while the confirmation
            // was open): the archivist is told and the confirmation closes; only the list is left to the newer answer.
            const bool current = gen == m_generation;
            if (current) setBusy(false);
            if (!r) {
                m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
                emit unpickDone(false);
                return;
            }
            if (current) showList(rowsOf(r->list));
            if (!r->unpicked) {
                const Error& e = r->unpicked.error();
                const QString kind = e.code == QLatin1String("not_picked") ? QStringLiteral("info")
                                     : e.code == QLatin1String("bad_state") || e.code == QLatin1String("not_found")
                                         ? QStringLiteral("warn")
                                         : QStringLiteral("error");
                m_feedback->show(kind, e.messageZh, e.messageEn);
                emit unpickDone(false);
                return;
            }
            const QString box = r->unpicked->boxBarcode;
            int left = 0;
            for (const db::RequestInfo& q : r->list) left += q.pickedAt == 0 ? 1 : 0;
            m_feedback->show(QStringLiteral("ok"),
                             QStringLiteral("已撤销 %1 的勾选，此项重新待取（还剩 %2 项）").arg(box).arg(left),
                             QStringLiteral("Tick undone for %1: to be fetched again (%2 left)").arg(box).arg(left), said.zh,
                             said.en);
            emit unpickDone(true);
        });
}

}  // namespace archive::kiosk
