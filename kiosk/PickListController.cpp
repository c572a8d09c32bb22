#include "PickListController.h"

#include "Convert.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "SessionController.h"
#include "db/Books.h"

namespace archive::kiosk {

PickListController::PickListController(DbService* db, SessionController* session, FeedbackController* feedback,
                                       QObject* parent)
    : QObject(parent), m_db(db), m_feedback(feedback),
      m_lines({"requestId", "boxBarcode", "code", "title", "requesterName", "department", "purpose", "modeZh", "modeEn",
               "securityZh", "securityEn", "locationZh", "locationEn", "picked"}) {
    connect(session, &SessionController::loggedOut, this, [this] {
        m_lines.clear();
        emit changed();
    });
}

int PickListController::picked() const {
    int n = 0;
    for (const QVariantMap& r : m_lines.rows()) n += r.value(QStringLiteral("picked")).toBool() ? 1 : 0;
    return n;
}

void PickListController::load() {
    m_busy = true;
    emit changed();
    m_db->run<QList<db::RequestInfo>>(
        this, [](db::Database& d) { return db::Books(d).pickList(); },
        [this](Result<QList<db::RequestInfo>> r) {
            m_busy = false;
            if (!r) {
                emit changed();
                return m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
            }
            // Keep the ticks of lines still on the list (a reload must not undo the walk so far).
            QSet<qint64> ticked;
            for (const QVariantMap& row : m_lines.rows())
                if (row.value(QStringLiteral("picked")).toBool()) ticked.insert(row.value(QStringLiteral("requestId")).toLongLong());
            QList<QVariantMap> rows;
            for (const db::RequestInfo& q : r.value()) {
                QVariantMap m = toMap(q);
                m.insert(QStringLiteral("picked"), ticked.contains(q.id));
                rows << m;
            }
            m_lines.setRows(rows);
            emit changed();
        });
}

void PickListController::scanBox(const QString& barcode) {
    int hit = 0, already = 0;
    QString title;
    for (int i = 0; i < m_lines.count(); ++i) {
        const QVariantMap row = m_lines.get(i);
        if (row.value(QStringLiteral("boxBarcode")).toString() != barcode) continue;
        title = row.value(QStringLiteral("title")).toString();
        if (row.value(QStringLiteral("picked")).toBool()) {
            ++already;
            continue;
        }
        m_lines.updateRow(i, {{QStringLiteral("picked"), true}});
        ++hit;
    }
    if (hit == 0 && already == 0)
        return m_feedback->show(QStringLiteral("warn"), QStringLiteral("%1 不在调卷单上，请放回原处").arg(barcode),
                                QStringLiteral("%1 is not on the pick list; put it back").arg(barcode));
    emit changed();
    if (hit == 0)
        return m_feedback->show(QStringLiteral("info"), QStringLiteral("%1 已经取出过").arg(barcode),
                                QStringLiteral("%1 was already picked").arg(barcode));
    const int left = m_lines.count() - picked();
    m_feedback->show(QStringLiteral("ok"), QStringLiteral("已取出 %1（还剩 %2 项）").arg(barcode).arg(left),
                     QStringLiteral("Picked %1 (%2 left)").arg(barcode).arg(left), title, title);
}

}  // namespace archive::kiosk
