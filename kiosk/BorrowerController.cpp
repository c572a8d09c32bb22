#include "BorrowerController.h"

#include "Convert.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "SessionController.h"
#include "db/Books.h"
#include "db/Catalog.h"
#include "db/Database.h"
#include "devices/scanner/Identifier.h"

#include <QSet>
#include <QSqlQuery>

namespace archive::kiosk {

namespace {
struct SearchOut {
    db::SearchPage page;
    QSet<QString> inRoomOnly;  // category codes read on site only (R3)
};
struct Mine {
    QList<db::LoanInfo> loans;
    QList<db::RequestInfo> requests;
};
}  // namespace

SearchResultsModel::SearchResultsModel(QObject* parent)
    : RowsModel({"code", "title", "year", "boxBarcode", "fonds", "category", "location", "available", "onSiteOnly",
                 "security", "securityZh", "securityEn", "state", "stateZh", "stateEn"},
                parent) {}
LoansModel::LoansModel(QObject* parent)
    : RowsModel({"code", "title", "boxBarcode", "out", "due", "overdue", "daysOverdue", "renewals", "maxRenewals",
                 "canRenew"},
                parent) {}
RequestsModel::RequestsModel(QObject* parent)
    : RowsModel({"requestId", "code", "title", "purpose", "created", "state", "stateZh", "stateEn", "mode", "modeZh",
                 "modeEn", "security", "securityZh", "securityEn", "pendingZh", "pendingEn", "note"},
                parent) {}

BorrowerController::BorrowerController(DbService* db, SessionController* session, FeedbackController* feedback,
                                       QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_feedback(feedback) {
    connect(session, &SessionController::loggedOut, this, &BorrowerController::clear);
    connect(session, &SessionController::loggedIn, this, [this] {
        clear();
        refresh();
    });
}

void BorrowerController::setBusy(bool b) {
    if (b == m_busy) return;
    m_busy = b;
    emit busyChanged();
}

void BorrowerController::clear() {
    ++m_generation;  // answers still on their way belong to the previous person: drop them
    m_results.clear();
    m_loans.clear();
    m_requests.clear();
    m_query.clear();
    m_more = false;
    emit searched();
}

void BorrowerController::search(const QString& text) {
    m_query = text.trimmed();
    if (m_query.size() > 200) {
        m_feedback->show(QStringLiteral("warn"), QStringLiteral("检索词太长，请输入 200 字以内"),
                         QStringLiteral("The search text is too long; use at most 200 characters"));
        return;
    }
    setBusy(true);
    const int gen = m_generation;
    const QString q = m_query;
    m_db->run<SearchOut>(
        this,
        [q](db::Database& d) -> Result<SearchOut> {
            db::SearchQuery sq;
            sq.text = q;
            sq.limit = 50;
            auto page = db::Catalog(d).search(sq);
            if (!page) return page.error();
            SearchOut out{page.value(), {}};
            QSqlQuery cat(d.sql());
            if (cat.exec(QStringLiteral("SELECT code FROM categories WHERE in_room_only = 1")))
                while (cat.next()) out.inRoomOnly.insert(cat.value(0).toString());
            return out;
        },
        [this, gen](Result<SearchOut> r) {
            if (gen != m_generation) return;
            setBusy(false);
            if (!r) {
                m_feedback->show(QStringLiteral("warn"), r.error().messageZh, r.error().messageEn);
                return;
            }
            QList<QVariantMap> rows;
            for (const auto& h : r->page.hits) {
                QVariantMap m = toMap(h);
                m.insert(QStringLiteral("onSiteOnly"), r->inRoomOnly.contains(h.categoryCode));
                rows << m;
            }
            m_more = r->page.more;
            m_results.setRows(rows);
            emit searched();
        });
}

void BorrowerController::request(const QString& code, const QString& purpose, const QString& mode) {
    if (purpose.trimmed().isEmpty()) {
        m_feedback->show(QStringLiteral("warn"), QStringLiteral("请填写借阅目的"), QStringLiteral("Please enter the purpose"));
        emit requestDone(false);
        return;
    }
    db::NewRequest nr;
    nr.requesterCard = m_session->card();
    if (scanner::Identifier::classify(code).kind == scanner::IdKind::Box) nr.boxBarcode = code;
    else nr.itemCode = code;
    nr.purpose = purpose.trimmed();
    nr.mode = mode == QLatin1String("on_site") ? QStringLiteral("on_site") : QStringLiteral("take_out");
    setBusy(true);
    const int gen = m_generation;
    m_db->run<db::RequestInfo>(
        this,
        [nr](db::Database& d) mutable -> Result<db::RequestInfo> {
            db::Books books(d);
            auto r = books.request(nr);
            if (!r && !nr.itemCode.isEmpty() && r.error().code == QLatin1String("not_found")) {
                nr.boxBarcode = nr.itemCode;  // a box barcode in an older format
                nr.itemCode.clear();
                return books.request(nr);
            }
            return r;
        },
        [this, gen](Result<db::RequestInfo> r) {
            if (gen != m_generation) return;
            setBusy(false);
            if (!r) {
                m_feedback->show(r.error().isRule() ? QStringLiteral("warn") : QStringLiteral("error"),
                                 r.error().messageZh, r.error().messageEn);
                emit requestDone(false);
                return;
            }
            if (r->state == QLatin1String("approved")) {
                m_feedback->show(QStringLiteral("ok"), QStringLiteral("申请已提交并已批准（%1号），请到档案员处取档").arg(r->id),
                                 QStringLiteral("Request #%1 is approved; collect it from the archivist").arg(r->id));
            } else {
                QStringList zh, en;
                for (const QString& role : r->pendingRoles) {
                    zh << labelZh(role);
                    en << labelEn(role).toLower();
                }
                m_feedback->show(QStringLiteral("warn"),
                                 QStringLiteral("申请已提交（%1号），需经%2批准后才能借阅").arg(r->id).arg(zh.join(QStringLiteral("、"))),
                                 QStringLiteral("Request #%1 is saved; it needs approval by the %2 before you can borrow it")
                                     .arg(r->id).arg(en.join(QStringLiteral(" and "))),
                                 r->itemId ? r->itemTitle : r->boxTitle, r->itemId ? r->itemTitle : r->boxTitle);
            }
            emit requestDone(true);
            refresh();
        });
}

void BorrowerController::renew(const QString& code) {
    const QString card = m_session->card();
    const int gen = m_generation;
    setBusy(true);
    m_db->run<db::LoanInfo>(
        this, [code, card](db::Database& d) { return db::Books(d).renew(code, card); },
        [this, gen](Result<db::LoanInfo> r) {
            if (gen != m_generation) return;
            setBusy(false);
            if (!r) {
                m_feedback->show(QStringLiteral("warn"), r.error().messageZh, r.error().messageEn);
                return;
            }
            m_feedback->show(QStringLiteral("ok"), QStringLiteral("已续借，新的应还日期 %1").arg(localDate(r->dueAt)),
                             QStringLiteral("Renewed; now due %1").arg(localDate(r->dueAt)));
            refresh();
        });
}

void BorrowerController::cancelRequest(qint64 requestId) {
    const QString card = m_session->card();
    const int gen = m_generation;
    m_db->run<Unit>(
        this, [requestId, card](db::Database& d) { return db::Books(d).cancelRequest(requestId, card); },
        [this, gen](Status st) {
            if (gen != m_generation) return;
            if (!st) m_feedback->show(QStringLiteral("warn"), st.error().messageZh, st.error().messageEn);
            else m_feedback->show(QStringLiteral("ok"), QStringLiteral("申请已取消"), QStringLiteral("Request cancelled"));
            refresh();
        });
}

void BorrowerController::refresh() {
    const QString card = m_session->card();
    if (card.isEmpty()) return;
    const int gen = m_generation;
    m_db->run<Mine>(
        this,
        [card](db::Database& d) -> Result<Mine> {
            db::Books books(d);
            auto loans = books.loansOf(card, true);
            if (!loans) return loans.error();
            auto reqs = books.requestsOf(card, false);
            if (!reqs) return reqs.error();
            return Mine{loans.value(), reqs.value()};
        },
        [this, gen](Result<Mine> r) {
            if (gen != m_generation || !r) return;
            QList<QVariantMap> loans, reqs;
            for (const auto& l : r->loans) loans << toMap(l);
            for (const auto& q : r->requests) reqs << toMap(q);
            m_loans.setRows(loans);
            m_requests.setRows(reqs);
        });
}

}  // namespace archive::kiosk
