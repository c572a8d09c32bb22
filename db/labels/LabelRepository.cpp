#include "db/labels/LabelRepository.h"

#include "db/Database.h"
#include "db/Ledger.h"
#include "db/Transaction.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace archive::db {

namespace {
const char* const kBoxSelect =
    "SELECT b.barcode, f.code, f.name, b.year, b.retention, b.org_unit, b.first_item_no, b.last_item_no, b.box_no, "
    "b.title, c.name, b.state, l.barcode, b.updated_at "
    "FROM boxes b JOIN fonds f ON f.id = b.fonds_id JOIN categories c ON c.id = b.category_id "
    "LEFT JOIN locations l ON l.id = b.location_id ";

QString itemNo(const QVariant& v) {
    if (v.isNull()) return {};
    const QString s = v.toString();
    bool num = false;
    const qlonglong n = s.toLongLong(&num);
    return num ? QStringLiteral("%1").arg(n, 4, 10, QLatin1Char('0')) : s;  // 起止件号 printed as 0001
}

BoxLabelRow boxFrom(const QSqlQuery& q) {
    BoxLabelRow r;
    r.barcode = q.value(0).toString();
    r.fondsCode = q.value(1).toString();
    r.fondsName = q.value(2).toString();
    r.year = q.value(3).isNull() ? QString() : q.value(3).toString();
    r.retention = q.value(4).toString();
    r.orgUnit = q.value(5).toString();
    r.firstItemNo = itemNo(q.value(6));
    r.lastItemNo = itemNo(q.value(7));
    r.boxNo = q.value(8).toString();
    r.title = q.value(9).toString();
    r.category = q.value(10).toString();
    r.state = q.value(11).toString();
    r.locationBarcode = q.value(12).toString();
    r.updatedAt = q.value(13).toLongLong();
    return r;
}

Result<QList<BoxLabelRow>> boxes(Database& db, const QString& where, const QVariant& arg, const QString& what) {
    QSqlQuery q(db.sql());
    q.prepare(QString::fromLatin1(kBoxSelect) + where);
    q.addBindValue(arg);
    if (!q.exec()) return sqlError(q.lastError(), what);
    QList<BoxLabelRow> out;
    while (q.next()) out << boxFrom(q);
    return out;
}
}  // namespace

QString LocationLabelRow::text() const {
    QStringList parts;
    if (!cabinet.isEmpty()) parts << QStringLiteral("%1 柜").arg(cabinet);
    if (!shelf.isEmpty()) parts << QStringLiteral("第 %1 层").arg(shelf);
    if (!position.isEmpty()) parts << QStringLiteral("%1 位").arg(position);
    return parts.isEmpty() ? barcode : parts.join(QStringLiteral(" · "));
}

Result<BoxLabelRow> LabelRepository::box(const QString& barcode) {
    auto rows = boxes(m_db, QStringLiteral("WHERE b.barcode = ?"), barcode.trimmed(), QStringLiteral("read box for label"));
    if (!rows) return rows.error();
    if (rows->isEmpty())
        return makeError(QStringLiteral("unknown_box"),
                         QStringLiteral("没有条码为“%1”的档案盒：请核对条码，或先在目录中登记该盒。").arg(barcode.left(40)),
                         QStringLiteral("There is no box with barcode \"%1\": check the barcode or register the box first.").arg(barcode.left(40)));
    return rows->first();
}

Result<QList<BoxLabelRow>> LabelRepository::boxesAt(const QString& locationBarcode) {
    auto loc = location(locationBarcode);
    if (!loc) return loc.error();
    return boxes(m_db,
                 QStringLiteral("WHERE l.barcode = ? AND b.state NOT IN ('destroyed','transferred_out') "
                                "ORDER BY f.code, b.year, length(b.box_no), b.box_no, b.barcode"),
                 locationBarcode.trimmed(), QStringLiteral("read boxes of a shelf"));
}

Result<QList<BoxLabelRow>> LabelRepository::boxesOfTransfer(const QString& transferCode) {
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT id FROM transfers WHERE code = ?"));
    q.addBindValue(transferCode.trimmed());
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("read transfer"));
    if (!q.next())
        return makeError(QStringLiteral("unknown_transfer"),
                         QStringLiteral("没有编号为“%1”的移交：请核对移交单号。").arg(transferCode.left(40)),
                         QStringLiteral("There is no transfer \"%1\": check the transfer number.").arg(transferCode.left(40)));
    return boxes(m_db,
                 QStringLiteral("WHERE b.barcode IN (SELECT DISTINCT box_barcode FROM transfer_lines WHERE transfer_id = ? "
                                "AND box_barcode <> '') ORDER BY f.code, b.year, length(b.box_no), b.box_no, b.barcode"),
                 q.value(0), QStringLiteral("read boxes of a transfer"));
}

Result<LocationLabelRow> LabelRepository::location(const QString& barcode) {
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT l.barcode, r.code, r.name, l.cabinet, l.shelf, l.position, l.capacity "
                             "FROM locations l JOIN rooms r ON r.id = l.room_id WHERE l.barcode = ?"));
    q.addBindValue(barcode.trimmed());
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("read location for label"));
    if (!q.next())
        return makeError(QStringLiteral("unknown_location"),
                         QStringLiteral("没有条码为“%1”的架位：请核对条码，或先登记该架位。").arg(barcode.left(40)),
                         QStringLiteral("There is no shelf location with barcode \"%1\": check it or register the location first.").arg(barcode.left(40)));
    LocationLabelRow r;
    r.barcode = q.value(0).toString();
    r.roomCode = q.value(1).toString();
    r.roomName = q.value(2).toString();
    r.cabinet = q.value(3).toString();
    r.shelf = q.value(4).toString();
    r.position = q.value(5).toString();
    r.capacity = q.value(6).toInt();
    return r;
}

Status LabelRepository::recordPrinted(const QList<LabelPrintRecord>& records) {
    if (records.isEmpty()) return okStatus();
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    const qint64 now = m_db.nowMs();
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("INSERT INTO label_prints(kind, barcode, template, data_hash, printer, job_ref, cups_job_id, "
                             "printed_at, actor) VALUES (?,?,?,?,?,?,?,?,?)"));
    QJsonArray barcodes;
    for (const auto& r : records) {
        auto text = [](const QString& v) { return v.isNull() ? QStringLiteral("") : v; };  // null QString → SQL NULL
        const QVariantList values{text(r.kind), text(r.barcode), text(r.templateName), text(r.dataHash), text(r.printer),
                                  text(r.jobRef), r.cupsJobId, r.printedAt > 0 ? r.printedAt : now, text(r.actor)};
        for (int i = 0; i < values.size(); ++i) q.bindValue(i, values[i]);
        if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("record printed label"));
        if (barcodes.size() < 200) barcodes.append(r.barcode);
    }
    const LabelPrintRecord& first = records.first();
    LedgerEntry e;
    e.actor = first.actor.isEmpty() ? QStringLiteral("system") : first.actor;
    e.action = QStringLiteral("label.print");
    e.subject = records.size() == 1 ? first.kind + QLatin1Char(':') + first.barcode
                                    : QStringLiteral("labels:") + (first.jobRef.isEmpty() ? first.barcode : first.jobRef);
    e.details = QJsonObject{{QStringLiteral("count"), int(records.size())}, {QStringLiteral("template"), first.templateName},
                            {QStringLiteral("printer"), first.printer}, {QStringLiteral("job"), first.jobRef},
                            {QStringLiteral("cups_job_id"), first.cupsJobId}, {QStringLiteral("barcodes"), barcodes}};
    auto seq = Ledger::append(m_db, e);
    if (!seq) return seq.error();
    return tx.commit();
}

Result<std::optional<LabelPrintRecord>> LabelRepository::lastPrinted(const QString& barcode) {
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT kind, barcode, template, data_hash, printer, job_ref, cups_job_id, printed_at, actor "
                             "FROM label_prints WHERE barcode = ? ORDER BY printed_at DESC, id DESC LIMIT 1"));
    q.addBindValue(barcode.trimmed());
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("read printed labels"));
    if (!q.next()) return std::optional<LabelPrintRecord>{};
    LabelPrintRecord r;
    r.kind = q.value(0).toString();
    r.barcode = q.value(1).toString();
    r.templateName = q.value(2).toString();
    r.dataHash = q.value(3).toString();
    r.printer = q.value(4).toString();
    r.jobRef = q.value(5).toString();
    r.cupsJobId = q.value(6).toInt();
    r.printedAt = q.value(7).toLongLong();
    r.actor = q.value(8).toString();
    return std::optional<LabelPrintRecord>(r);
}

Result<LabelState> LabelRepository::labelState(const QString& barcode, const QString& currentHash) {
    auto last = lastPrinted(barcode);
    if (!last) return last.error();
    if (!last->has_value()) return LabelState::NeverPrinted;
    return (*last)->dataHash == currentHash ? LabelState::Current : LabelState::Stale;
}

}  // namespace archive::db
