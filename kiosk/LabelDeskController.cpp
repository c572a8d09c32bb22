#include "LabelDeskController.h"

#include "DbService.h"
#include "FeedbackController.h"
#include "PrintController.h"
#include "db/Database.h"
#include "db/labels/LabelRepository.h"
#include "wiring/LabelWiring.h"

namespace archive::kiosk {

namespace {
QString stateName(db::LabelState s) {
    return s == db::LabelState::Current ? QStringLiteral("current")
         : s == db::LabelState::Stale   ? QStringLiteral("stale")
                                        : QStringLiteral("never");
}

// A box row with its label state (the current label fields' hash against the last printed one).
Result<QVariantMap> boxRow(db::LabelRepository& repo, const db::BoxLabelRow& b) {
    auto st = repo.labelState(b.barcode, wiring::labelDataOf(b).hash());
    if (!st) return st.error();
    return QVariantMap{{QStringLiteral("code"), b.barcode}, {QStringLiteral("title"), b.title},
                       {QStringLiteral("boxNo"), b.boxNo}, {QStringLiteral("labelState"), stateName(st.value())}};
}

struct ShelfView {
    db::LocationLabelRow location;
    QList<QVariantMap> boxes;
};
}  // namespace

LabelDeskController::LabelDeskController(DbService* db, FeedbackController* feedback, PrintController* printer, QObject* parent)
    : QObject(parent), m_db(db), m_feedback(feedback), m_printer(printer),
      m_boxes({"code", "title", "boxNo", "labelState"}), m_picked({"code", "title", "boxNo", "labelState"}) {
    // A job recorded (maybe minutes later, when the printer came back): the states follow.
    connect(printer, &PrintController::jobRecorded, this, [this](const QStringList& codes) {
        if (!m_shelf.isEmpty()) loadShelf(m_shelf, false);
        for (int i = 0; i < m_picked.count(); ++i)
            if (codes.contains(m_picked.get(i).value(QStringLiteral("code")).toString()))
                m_picked.updateRow(i, {{QStringLiteral("labelState"), QStringLiteral("current")}});
    });
}

int LabelDeskController::staleCount() const { return int(staleBoxes().size()); }

QStringList LabelDeskController::staleBoxes() const {
    QStringList out;
    for (const QVariantMap& r : m_boxes.rows())
        if (r.value(QStringLiteral("labelState")).toString() != QLatin1String("current")) out << r.value(QStringLiteral("code")).toString();
    return out;
}

void LabelDeskController::setBusy(bool b) {
    if (b == m_busy) return;
    m_busy = b;
    emit changed();
}

void LabelDeskController::scanShelf(const QString& barcode) { loadShelf(barcode, true); }

void LabelDeskController::loadShelf(const QString& barcode, bool announce) {
    setBusy(true);
    m_db->run<ShelfView>(
        this,
        [barcode](db::Database& d) -> Result<ShelfView> {
            db::LabelRepository repo(d);
            auto loc = repo.location(barcode);
            if (!loc) return loc.error();
            auto boxes = repo.boxesAt(barcode);
            if (!boxes) return boxes.error();
            ShelfView v{loc.value(), {}};
            for (const db::BoxLabelRow& b : boxes.value()) {
                auto row = boxRow(repo, b);
                if (!row) return row.error();
                v.boxes << row.value();
            }
            return v;
        },
        [this, announce](Result<ShelfView> r) {
            setBusy(false);
            if (!r) return m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
            const db::LocationLabelRow& l = r->location;
            m_shelf = l.barcode;
            m_shelfZh = QStringLiteral("%1 · %2").arg(l.roomName, l.text());
            QStringList en;
            if (!l.cabinet.isEmpty()) en << QStringLiteral("cabinet %1").arg(l.cabinet);
            if (!l.shelf.isEmpty()) en << QStringLiteral("shelf %1").arg(l.shelf);
            if (!l.position.isEmpty()) en << QStringLiteral("position %1").arg(l.position);
            m_shelfEn = QStringLiteral("%1 · %2").arg(l.roomName, en.isEmpty() ? l.barcode : en.join(QStringLiteral(", ")));
            m_boxes.setRows(r->boxes);
            emit changed();
            if (!announce) return;
            const int stale = staleCount();
            m_feedback->show(stale > 0 ? QStringLiteral("info") : QStringLiteral("ok"),
                             QStringLiteral("架位 %1：%2 盒，%3 盒标签需要打印").arg(m_shelfZh).arg(m_boxes.count()).arg(stale),
                             QStringLiteral("Shelf %1: %2 boxes, %3 need a new label").arg(m_shelfEn).arg(m_boxes.count()).arg(stale),
                             m_shelf, m_shelf);
        });
}

void LabelDeskController::scanBox(const QString& barcode) {
    for (const QVariantMap& r : m_picked.rows())
        if (r.value(QStringLiteral("code")).toString() == barcode)
            return m_feedback->show(QStringLiteral("info"), QStringLiteral("%1 已在待打印列表中").arg(barcode),
                                    QStringLiteral("%1 is already in the batch").arg(barcode), barcode, barcode);
    m_db->run<QVariantMap>(
        this,
        [barcode](db::Database& d) -> Result<QVariantMap> {
            db::LabelRepository repo(d);
            auto b = repo.box(barcode);
            if (!b) return b.error();
            return boxRow(repo, b.value());
        },
        [this](Result<QVariantMap> r) {
            if (!r) return m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
            QList<QVariantMap> rows = m_picked.rows();
            rows << r.value();
            m_picked.setRows(rows);
            emit changed();
            const QString code = r->value(QStringLiteral("code")).toString();
            m_feedback->show(QStringLiteral("ok"), QStringLiteral("已加入待打印：%1（共 %2 盒）").arg(code).arg(rows.size()),
                             QStringLiteral("Added to the batch: %1 (%2 boxes)").arg(code).arg(rows.size()), code, code);
        });
}

void LabelDeskController::printShelfLabel() {
    if (m_shelf.isEmpty())
        return m_feedback->show(QStringLiteral("warn"), QStringLiteral("请先扫描架位条码"), QStringLiteral("Scan the shelf first"));
    m_printer->printShelfLabel(m_shelf);
}

void LabelDeskController::printStaleLabels() {
    if (m_shelf.isEmpty())
        return m_feedback->show(QStringLiteral("warn"), QStringLiteral("请先扫描架位条码"), QStringLiteral("Scan the shelf first"));
    const QStringList stale = staleBoxes();
    if (stale.isEmpty())
        return m_feedback->show(QStringLiteral("ok"), QStringLiteral("这个架位上所有档案盒的标签都是最新的"),
                                QStringLiteral("Every box on this shelf has an up-to-date label"));
    m_printer->printBoxLabels(stale, m_shelf);
}

void LabelDeskController::printPicked() {
    QStringList codes;
    for (const QVariantMap& r : m_picked.rows()) codes << r.value(QStringLiteral("code")).toString();
    if (codes.isEmpty())
        return m_feedback->show(QStringLiteral("warn"), QStringLiteral("请先逐个扫描要打印标签的档案盒"),
                                QStringLiteral("Scan the boxes whose labels you want first"));
    m_printer->printBoxLabels(codes, codes.size() == 1 ? codes.first() : QStringLiteral("%1 盒 boxes").arg(codes.size()));
}

void LabelDeskController::clearPicked() {
    m_picked.clear();
    emit changed();
}

void LabelDeskController::reset() {
    m_shelf.clear();
    m_shelfZh.clear();
    m_shelfEn.clear();
    m_boxes.clear();
    m_picked.clear();
    emit changed();
}

}  // namespace archive::kiosk
