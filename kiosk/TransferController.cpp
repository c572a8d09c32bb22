#include "TransferController.h"

#include "Convert.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "ManagerSupport.h"
#include "SessionController.h"
#include "db/Books.h"
#include "db/import/CsvReader.h"

#include <QFile>
#include <QFileInfo>

namespace archive::kiosk {

namespace {
const QString kExpected = QStringLiteral("expected"), kReceived = QStringLiteral("received"), kExtra = QStringLiteral("extra");

struct TransferView {
    db::TransferInfo info;
    QList<QVariantMap> lines;  // register and received lines
};

// One row per box of the register (lines without a box barcode are their own row, keyed by archival code).
QString keyOf(const QVariantMap& line) {
    const QString box = line.value(QStringLiteral("box")).toString();
    return box.isEmpty() ? line.value(QStringLiteral("code")).toString() : box;
}

Error badRegister(const QString& zh, const QString& en) { return makeError(QStringLiteral("bad_input"), zh, en); }

// The register file → lines. Header names in Chinese or English, in any order; empty lines are skipped.
Result<QList<db::TransferLine>> readRegister(const QString& path) {
    QFile f(path);
    if (path.trimmed().isEmpty() || !QFileInfo(path).isFile() || !f.open(QIODevice::ReadOnly))
        return badRegister(QStringLiteral("无法读取清单文件 %1。请检查路径（例如 U 盘上的 移交清单.csv）。").arg(path),
                           QStringLiteral("Cannot read the register file %1. Check the path (e.g. 移交清单.csv on the USB stick).").arg(path));
    if (f.size() > 32 * 1024 * 1024)
        return badRegister(QStringLiteral("清单文件太大（超过 32 MB）。"), QStringLiteral("The register file is too large (over 32 MB)."));
    db::csv::Reader reader(f.readAll());
    QStringList problems;
    for (const auto& p : reader.problems()) problems << p.text();
    const QHash<QString, QString> names = {
        {QStringLiteral("档号"), QStringLiteral("code")},       {QStringLiteral("archival_code"), QStringLiteral("code")},
        {QStringLiteral("题名"), QStringLiteral("title")},      {QStringLiteral("title"), QStringLiteral("title")},
        {QStringLiteral("年度"), QStringLiteral("year")},       {QStringLiteral("year"), QStringLiteral("year")},
        {QStringLiteral("页数"), QStringLiteral("pages")},      {QStringLiteral("pages"), QStringLiteral("pages")},
        {QStringLiteral("盒条码"), QStringLiteral("box")},      {QStringLiteral("box"), QStringLiteral("box")}};
    QHash<QString, int> col;
    QList<db::TransferLine> lines;
    db::csv::Record rec;
    QList<db::csv::Problem> fieldProblems;
    bool header = true;
    while (reader.ok() && reader.next(rec, fieldProblems)) {
        for (const auto& p : fieldProblems) problems << p.text();
        fieldProblems.clear();
        if (header) {
            header = false;
            for (int i = 0; i < rec.fields.size(); ++i) {
                const QString key = names.value(rec.fields[i].trimmed().toLower());
                if (!key.isEmpty()) col.insert(key, i);
            }
            if (!col.contains(QStringLiteral("code")))
                problems << QStringLiteral("第 %1 行：缺少“档号”列 — line %1: the column 档号/archival_code is missing").arg(rec.line);
            continue;
        }
        auto field = [&](const char* k) { return rec.fields.value(col.value(QLatin1String(k), -1)).trimmed(); };
        db::TransferLine l{field("code"), field("title"), field("year").toInt(), field("pages").toInt(), field("box")};
        if (l.archivalCode.isEmpty()) {
            if (!rec.fields.join(QString()).trimmed().isEmpty())
                problems << QStringLiteral("第 %1 行：档号为空 — line %1: the archival code is empty").arg(rec.line);
            continue;
        }
        lines << l;
    }
    if (!problems.isEmpty()) {
        Error e = badRegister(QStringLiteral("清单文件有 %1 处问题，未做任何改动：%2").arg(problems.size()).arg(problems.first()),
                              QStringLiteral("The register file has %1 problem(s); nothing was changed: %2").arg(problems.size()).arg(problems.first()));
        e.detail = problems.mid(0, 50).join(QLatin1Char('\n'));
        return e;
    }
    return lines;
}

db::TransferLine toLine(const QVariantMap& l) {
    return db::TransferLine{l.value(QStringLiteral("code")).toString(), l.value(QStringLiteral("title")).toString(),
                            l.value(QStringLiteral("year")).toInt(), l.value(QStringLiteral("pages")).toInt(),
                            l.value(QStringLiteral("box")).toString()};
}
}  // namespace

TransferController::TransferController(DbService* db, SessionController* session, FeedbackController* feedback,
                                       QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_feedback(feedback),
      m_transfers({"transferId", "code", "department", "sender", "registerLines", "receivedLines", "created"}),
      m_boxes({"key", "boxBarcode", "codes", "title", "lineCount", "status", "before", "noteZh", "noteEn"}) {
    connect(session, &SessionController::loggedOut, this, [this] {
        close();
        m_transfers.clear();
    });
}

void TransferController::setBusy(bool b) {
    if (b == m_busy) return;
    m_busy = b;
    emit changed();
}

int TransferController::expected() const {
    int n = 0;
    for (const QVariantMap& r : m_boxes.rows()) n += r.value(QStringLiteral("status")).toString() != kExtra ? 1 : 0;
    return n;
}
int TransferController::received() const {
    int n = 0;
    for (const QVariantMap& r : m_boxes.rows()) n += r.value(QStringLiteral("status")).toString() == kReceived ? 1 : 0;
    return n;
}
int TransferController::missingCount() const {
    int n = 0;
    for (const QVariantMap& r : m_boxes.rows()) n += r.value(QStringLiteral("status")).toString() == kExpected ? 1 : 0;
    return n;
}
int TransferController::extraCount() const {
    int n = 0;
    for (const QVariantMap& r : m_boxes.rows()) n += r.value(QStringLiteral("status")).toString() == kExtra ? 1 : 0;
    return n;
}

void TransferController::load() {
    setBusy(true);
    m_db->run<QList<QVariantMap>>(
        this,
        [](db::Database& d) {
            return selectRows(d, QStringLiteral(
                "SELECT t.id AS transferId, t.code, COALESCE(dp.name, '') AS department, t.sender, t.created_at AS createdAt, "
                "(SELECT COUNT(*) FROM transfer_lines x WHERE x.transfer_id = t.id AND x.side = 'register') AS registerLines, "
                "(SELECT COUNT(*) FROM transfer_lines x WHERE x.transfer_id = t.id AND x.side = 'received') AS receivedLines "
                "FROM transfers t LEFT JOIN departments dp ON dp.id = t.from_department_id "
                "WHERE t.state = 'open' ORDER BY t.created_at DESC, t.id DESC"));
        },
        [this](Result<QList<QVariantMap>> r) {
            setBusy(false);
            if (!r) return m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
            QList<QVariantMap> rows = r.value();
            for (QVariantMap& m : rows) m.insert(QStringLiteral("created"), localDateTime(m.value(QStringLiteral("createdAt")).toLongLong()));
            m_transfers.setRows(rows);
        });
}

void TransferController::importRegister(const QString& path, const QString& code, const QString& department,
                                        const QString& sender, const QString& senderHead) {
    const QString staff = m_session->card();
    setBusy(true);
    m_db->run<qint64>(
        this,
        [path = path.trimmed(), code = code.trimmed(), department = department.trimmed(), sender = sender.trimmed(),
         senderHead = senderHead.trimmed(), staff](db::Database& d) -> Result<qint64> {
            auto lines = readRegister(path);  // a local file or USB stick: read on the db thread, not the GUI thread
            if (!lines) return lines.error();
            return db::Books(d).openTransfer(code, department, sender, senderHead, lines.value(), staff);
        },
        [this, code](Result<qint64> r) {
            setBusy(false);
            if (!r) return m_feedback->show(r.error().isRule() ? QStringLiteral("warn") : QStringLiteral("error"),
                                            r.error().messageZh, r.error().messageEn);
            m_feedback->show(QStringLiteral("ok"), QStringLiteral("已登记移交清单 %1").arg(code),
                             QStringLiteral("Transfer register %1 entered").arg(code));
            emit imported(r.value());
            load();
            open(r.value());
        });
}

void TransferController::open(qint64 transferId) {
    setBusy(true);
    m_db->run<TransferView>(
        this,
        [transferId](db::Database& d) -> Result<TransferView> {
            auto t = db::Books(d).transfer(transferId);
            if (!t) return t.error();
            auto lines = selectRows(d, QStringLiteral(
                "SELECT side, archival_code AS code, title, year, pages, box_barcode AS box FROM transfer_lines "
                "WHERE transfer_id = ? ORDER BY side DESC, line_no"), {transferId});
            if (!lines) return lines.error();
            return TransferView{t.value(), lines.value()};
        },
        [this](Result<TransferView> r) {
            setBusy(false);
            if (!r) return m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
            if (r->info.state != QLatin1String("open"))
                return m_feedback->show(QStringLiteral("warn"), QStringLiteral("移交 %1 已完成").arg(r->info.code),
                                        QStringLiteral("Transfer %1 is already complete").arg(r->info.code));
            m_id = r->info.id;
            m_code = r->info.code;
            m_sender = r->info.departmentName.isEmpty() ? r->info.sender
                                                        : QStringLiteral("%1 · %2").arg(r->info.departmentName, r->info.sender);
            m_mismatch = 0;
            for (const auto& d : r->info.differences) m_mismatch += d.kind == QLatin1String("mismatch") ? 1 : 0;
            QList<QVariantMap> rows;
            QHash<QString, int> index;
            QSet<QString> receivedCodes;
            for (const QVariantMap& l : r->lines)
                if (l.value(QStringLiteral("side")).toString() == QLatin1String("received"))
                    receivedCodes.insert(l.value(QStringLiteral("code")).toString());
            for (const QVariantMap& l : r->lines) {
                if (l.value(QStringLiteral("side")).toString() != QLatin1String("register")) continue;
                const QString key = keyOf(l);
                const QString code = l.value(QStringLiteral("code")).toString();
                if (!index.contains(key)) {
                    index.insert(key, int(rows.size()));
                    rows << QVariantMap{{QStringLiteral("key"), key},
                                        {QStringLiteral("boxBarcode"), l.value(QStringLiteral("box"))},
                                        {QStringLiteral("codes"), QStringList()},
                                        {QStringLiteral("title"), l.value(QStringLiteral("title"))},
                                        {QStringLiteral("lineCount"), 0},
                                        {QStringLiteral("status"), kExpected},
                                        {QStringLiteral("before"), false},
                                        {QStringLiteral("lines"), QVariantList()}};
                }
                QVariantMap& row = rows[index.value(key)];
                row[QStringLiteral("codes")] = row.value(QStringLiteral("codes")).toStringList() << code;
                row[QStringLiteral("lineCount")] = row.value(QStringLiteral("lineCount")).toInt() + 1;
                row[QStringLiteral("lines")] = row.value(QStringLiteral("lines")).toList() << l;
                // Received earlier (another session or archivectl): shown as received, not sent again.
                if (receivedCodes.contains(code)) {
                    row[QStringLiteral("status")] = kReceived;
                    row[QStringLiteral("before")] = true;
                }
            }
            for (QVariantMap& row : rows) {
                const int n = row.value(QStringLiteral("lineCount")).toInt();
                if (n > 1) {
                    row[QStringLiteral("noteZh")] = QStringLiteral("共 %1 件").arg(n);
                    row[QStringLiteral("noteEn")] = QStringLiteral("%1 items").arg(n);
                }
            }
            m_boxes.setRows(rows);
            emit changed();
            m_feedback->show(QStringLiteral("info"),
                             QStringLiteral("移交 %1：清单 %2 盒。请逐个扫描送来的档案盒").arg(m_code).arg(rows.size()),
                             QStringLiteral("Transfer %1: %2 boxes on the register. Scan each box that arrived").arg(m_code).arg(rows.size()));
        });
}

void TransferController::scanShelf(const QString& barcode) {
    if (m_id == 0)
        return m_feedback->show(QStringLiteral("warn"), QStringLiteral("请先在列表中选择要接收的移交清单"),
                                QStringLiteral("First choose the transfer to receive from the list"), barcode, barcode);
    m_db->run<db::LocationInfo>(
        this, [barcode](db::Database& d) { return db::Books(d).location(barcode); },
        [this](Result<db::LocationInfo> r) {
            if (!r) return m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
            m_shelf = r->barcode;
            m_shelfZh = locationText(r.value(), false);
            m_shelfEn = locationText(r.value(), true);
            emit changed();
            m_feedback->show(QStringLiteral("ok"), QStringLiteral("接收上架位置：%1").arg(m_shelfZh),
                             QStringLiteral("Received boxes go to %1").arg(m_shelfEn));
        });
}

void TransferController::close() {
    m_id = 0;
    m_shelf.clear();
    m_shelfZh.clear();
    m_shelfEn.clear();
    m_code.clear();
    m_sender.clear();
    m_mismatch = 0;
    m_boxes.clear();
    emit changed();
}

void TransferController::scanCode(const QString& code) {
    if (m_id == 0)
        return m_feedback->show(QStringLiteral("warn"), QStringLiteral("请先在列表中选择要接收的移交清单"),
                                QStringLiteral("First choose the transfer to receive from the list"), code, code);
    for (int i = 0; i < m_boxes.count(); ++i) {
        const QVariantMap row = m_boxes.get(i);
        const bool match = row.value(QStringLiteral("key")).toString() == code
                           || row.value(QStringLiteral("codes")).toStringList().contains(code);
        if (!match) continue;
        if (row.value(QStringLiteral("status")).toString() != kExpected)
            return m_feedback->show(QStringLiteral("info"), QStringLiteral("%1 已经扫描过").arg(code),
                                    QStringLiteral("%1 was already scanned").arg(code));
        m_boxes.updateRow(i, {{QStringLiteral("status"), kReceived}});
        emit changed();
        const QString title = row.value(QStringLiteral("title")).toString();
        return m_feedback->show(QStringLiteral("ok"),
                                QStringLiteral("%1 在清单上 ✓（还差 %2 盒）").arg(code).arg(missingCount()),
                                QStringLiteral("%1 is on the register ✓ (%2 still expected)").arg(code).arg(missingCount()),
                                title, title);
    }
    // Delivered, but not on the register.
    QList<QVariantMap> rows = m_boxes.rows();
    m_boxes.setRows(rows << QVariantMap{{QStringLiteral("key"), code},
                                                 {QStringLiteral("boxBarcode"), code},
                                                 {QStringLiteral("codes"), QStringList{code}},
                                                 {QStringLiteral("title"), QString()},
                                                 {QStringLiteral("lineCount"), 0},
                                                 {QStringLiteral("status"), kExtra},
                                                 {QStringLiteral("before"), false},
                                                 {QStringLiteral("noteZh"), QStringLiteral("清单上没有")},
                                                 {QStringLiteral("noteEn"), QStringLiteral("not on the register")}});
    emit changed();
    m_feedback->show(QStringLiteral("warn"), QStringLiteral("%1 不在移交清单上：已记为“多出”").arg(code),
                     QStringLiteral("%1 is not on the register: noted as extra").arg(code), code, code);
}

void TransferController::accept(const QString& pin, const QString& note) {
    if (m_id == 0 || m_busy) return;
    if (pin.trimmed().isEmpty())
        return m_feedback->show(QStringLiteral("warn"), QStringLiteral("请输入您的密码确认签收"),
                                QStringLiteral("Enter your PIN to sign for the transfer"));
    const bool differences = missingCount() > 0 || extraCount() > 0 || m_mismatch > 0;
    if (differences && note.trimmed().isEmpty())
        return m_feedback->show(
            QStringLiteral("warn"),
            QStringLiteral("清单与实收不符：缺 %1 盒、多 %2 盒、不符 %3 件。请填写差异说明后再签收（R10）")
                .arg(missingCount()).arg(extraCount()).arg(m_mismatch),
            QStringLiteral("The register and what arrived differ: %1 boxes missing, %2 extra, %3 items not matching. "
                           "Write a note on the differences, then sign (R10)").arg(missingCount()).arg(extraCount()).arg(m_mismatch));
    QList<db::TransferLine> lines;
    for (const QVariantMap& row : m_boxes.rows()) {
        const QString status = row.value(QStringLiteral("status")).toString();
        if (row.value(QStringLiteral("before")).toBool()) continue;
        if (status == kReceived) {
            for (const QVariant& l : row.value(QStringLiteral("lines")).toList()) lines << toLine(l.toMap());
        } else if (status == kExtra) {
            // What we know of a box that is not on the register: its barcode.
            lines << db::TransferLine{row.value(QStringLiteral("key")).toString(),
                                      QStringLiteral("未登记的档案盒 / box not on the register"), 0, 0,
                                      row.value(QStringLiteral("boxBarcode")).toString()};
        }
    }
    const qint64 id = m_id;
    const QString staff = m_session->card();
    const QString noteText = note.trimmed();
    if (received() > 0 && m_shelf.isEmpty())
        return m_feedback->show(QStringLiteral("warn"), QStringLiteral("请先扫描接收上架的架位条码，收到的档案盒将登记在那里"),
                                QStringLiteral("First scan the shelf where the received boxes go; they are entered there"));
    db::TransferReceipt receipt;
    receipt.locationBarcode = m_shelf;
    setBusy(true);
    m_db->run<db::TransferInfo>(
        this,
        [id, staff, pin, lines, noteText, receipt](db::Database& d) -> Result<db::TransferInfo> {
            db::Books books(d);
            if (Status st = books.verifyPin(staff, pin); !st) return st.error();  // the signature
            if (!lines.isEmpty())
                if (Status st = books.receiveTransferLines(id, lines, staff); !st) return st.error();
            return books.completeTransfer(id, staff, noteText, receipt);
        },
        [this](Result<db::TransferInfo> r) {
            setBusy(false);
            if (!r) {
                const QString code = r.error().code;
                if (code == QLatin1String("pin_wrong") || code == QLatin1String("pin_locked") || code == QLatin1String("no_pin"))
                    return m_feedback->show(QStringLiteral("error"), QStringLiteral("签收未完成：%1").arg(r.error().messageZh),
                                            QStringLiteral("Not signed: %1").arg(r.error().messageEn));
                return m_feedback->show(r.error().isRule() ? QStringLiteral("warn") : QStringLiteral("error"),
                                        r.error().messageZh, r.error().messageEn);
            }
            const QString code = r->code;
            const int diffs = int(r->differences.size());
            const int boxes = int(r->boxesCreated.size());
            close();
            load();
            emit accepted(code);
            m_feedback->show(diffs ? QStringLiteral("warn") : QStringLiteral("ok"),
                             (diffs ? QStringLiteral("移交 %1 已签收，%2 项差异已登记").arg(code).arg(diffs)
                                    : QStringLiteral("移交 %1 已签收，清单与实收一致").arg(code))
                                 + QStringLiteral("；%1 盒、%2 件已入账").arg(boxes).arg(r->itemsCreated),
                             (diffs ? QStringLiteral("Transfer %1 signed for; %2 differences recorded").arg(code).arg(diffs)
                                    : QStringLiteral("Transfer %1 signed for; everything matches the register").arg(code))
                                 + QStringLiteral("; %1 boxes, %2 items entered").arg(boxes).arg(r->itemsCreated));
        });
}

}  // namespace archive::kiosk
