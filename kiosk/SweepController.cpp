#include "SweepController.h"

#include "Convert.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "ManagerSupport.h"
#include "PrintController.h"
#include "SessionController.h"
#include "SweepReport.h"
#include "db/Books.h"
#include "db/Database.h"
#include "db/labels/LabelRepository.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace archive::kiosk {

namespace {
const QList<QByteArray> kRoles = {"code", "title", "noteZh", "noteEn"};

struct ShelfView {
    db::LocationInfo location;
    QList<db::BoxLabelRow> boxes;
};

QVariantMap row(const QString& code, const QString& title, const QString& zh = {}, const QString& en = {}) {
    return {{QStringLiteral("code"), code}, {QStringLiteral("title"), title}, {QStringLiteral("noteZh"), zh},
            {QStringLiteral("noteEn"), en}};
}

QString reportDir(const QString& dbLocation) {
    const QString env = qEnvironmentVariable("ARCHIVE_REPORT_DIR");
    if (!env.isEmpty()) return env;
    if (dbLocation.contains(QStringLiteral("://"))) return QDir::homePath() + QStringLiteral("/archive-reports");
    return QFileInfo(dbLocation).absolutePath() + QStringLiteral("/reports");
}

QList<SweepReportLine> lines(const RowsModel& m) {
    QList<SweepReportLine> out;
    for (const QVariantMap& r : m.rows())
        out << SweepReportLine{r.value(QStringLiteral("code")).toString(), r.value(QStringLiteral("title")).toString(),
                               r.value(QStringLiteral("noteZh")).toString()};
    return out;
}
}  // namespace

SweepController::SweepController(DbService* db, SessionController* session, FeedbackController* feedback,
                                 PrintController* printer, QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_feedback(feedback), m_printer(printer), m_found(kRoles),
      m_missing(kRoles), m_misplaced(kRoles), m_unknown(kRoles) {
    connect(session, &SessionController::loggedOut, this, &SweepController::reset);
}

void SweepController::setBusy(bool b) {
    if (b == m_busy) return;
    m_busy = b;
    emit changed();
}

void SweepController::reset() {
    m_stage.clear();
    m_shelf.clear();
    m_shelfZh.clear();
    m_shelfEn.clear();
    m_reportPath.clear();
    m_reportPdf.clear();
    m_scanned.clear();
    m_expected.clear();
    m_titles.clear();
    m_notes.clear();
    m_notesEn.clear();
    m_found.clear();
    m_missing.clear();
    m_misplaced.clear();
    m_unknown.clear();
    emit changed();
}

void SweepController::scanShelf(const QString& barcode) {
    if (m_stage == QLatin1String("scanning") && !m_scanned.isEmpty()) {
        if (barcode == m_shelf)
            return m_feedback->show(QStringLiteral("info"), QStringLiteral("正在盘点这个架位，请逐个扫描档案盒"),
                                    QStringLiteral("This shelf is being swept; scan its boxes one by one"));
        return m_feedback->show(QStringLiteral("warn"),
                                QStringLiteral("架位 %1 还没盘点完。请先按“完成盘点”或“放弃”，再扫描下一个架位").arg(m_shelf),
                                QStringLiteral("Shelf %1 is not finished. Press Finish or Discard first, then scan the next shelf").arg(m_shelf));
    }
    setBusy(true);
    m_db->run<ShelfView>(
        this,
        [barcode](db::Database& d) -> Result<ShelfView> {
            auto loc = db::Books(d).location(barcode);
            if (!loc) return loc.error();
            auto boxes = db::LabelRepository(d).boxesAt(barcode);
            if (!boxes) return boxes.error();
            return ShelfView{loc.value(), boxes.value()};
        },
        [this](Result<ShelfView> r) {
            setBusy(false);
            if (!r) return m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
            reset();
            m_shelf = r->location.barcode;
            m_shelfZh = locationText(r->location, false);
            m_shelfEn = locationText(r->location, true);
            m_stage = QStringLiteral("scanning");
            QList<QVariantMap> expected;
            for (const db::BoxLabelRow& b : r->boxes) {
                m_titles.insert(b.barcode, b.title);
                // What Books::sweepShelf expects here: boxes recorded on this shelf, in place or already missing.
                if (b.state != QLatin1String("in_place") && b.state != QLatin1String("missing")) continue;
                m_expected.insert(b.barcode, {{QStringLiteral("state"), b.state}});
                expected << row(b.barcode, b.title,
                                b.state == QLatin1String("missing") ? QStringLiteral("已登记为缺失") : QString(),
                                b.state == QLatin1String("missing") ? QStringLiteral("already flagged missing") : QString());
            }
            m_missing.setRows(expected);
            emit changed();
            m_feedback->show(QStringLiteral("ok"),
                             QStringLiteral("盘点 %1：应有 %2 盒。现在逐个扫描架上的档案盒").arg(m_shelfZh).arg(expected.size()),
                             QStringLiteral("Sweep of %1: %2 boxes expected. Now scan each box on the shelf").arg(m_shelfEn).arg(expected.size()));
        });
}

void SweepController::scanBox(const QString& barcode) {
    if (m_stage != QLatin1String("scanning"))
        return m_feedback->show(QStringLiteral("warn"), QStringLiteral("盘点：请先扫描架位条码，再扫描架上的档案盒"),
                                QStringLiteral("Sweep: scan the shelf's barcode first, then the boxes on it"), barcode, barcode);
    if (m_scanned.contains(barcode))
        return m_feedback->show(QStringLiteral("info"), QStringLiteral("%1 已经扫描过").arg(barcode),
                                QStringLiteral("%1 was already scanned").arg(barcode));
    m_scanned << barcode;
    if (m_expected.contains(barcode)) {
        for (int i = 0; i < m_missing.count(); ++i) {
            if (m_missing.get(i).value(QStringLiteral("code")).toString() != barcode) continue;
            QList<QVariantMap> rest = m_missing.rows();
            rest.removeAt(i);
            m_missing.setRows(rest);
            break;
        }
        const bool recovered = m_expected.value(barcode).value(QStringLiteral("state")).toString() == QLatin1String("missing");
        m_found.prependRow(row(barcode, m_titles.value(barcode), recovered ? QStringLiteral("找回") : QString(),
                               recovered ? QStringLiteral("recovered") : QString()));
        emit changed();
        return m_feedback->show(QStringLiteral("ok"),
                                QStringLiteral("%1 在架 ✓（还差 %2 盒）").arg(barcode).arg(m_missing.count()),
                                QStringLiteral("%1 found ✓ (%2 still to scan)").arg(barcode).arg(m_missing.count()),
                                m_titles.value(barcode), m_titles.value(barcode));
    }
    emit changed();
    // Not expected here: recorded elsewhere (misplaced) or not in the books (unknown).
    m_db->run<db::BoxInfo>(
        this, [barcode](db::Database& d) { return db::Books(d).box(barcode); },
        [this, barcode](Result<db::BoxInfo> r) {
            if (m_stage != QLatin1String("scanning") || !m_scanned.contains(barcode)) return;
            if (!r) {
                if (r.error().code == QLatin1String("not_found")) return addUnknown(barcode);
                return m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
            }
            const QString zh = r->location.barcode.isEmpty() ? QStringLiteral("账上未上架")
                                                             : QStringLiteral("账上在 %1").arg(locationText(r->location, false));
            const QString en = r->location.barcode.isEmpty() ? QStringLiteral("not shelved in the books")
                                                             : QStringLiteral("books say %1").arg(locationText(r->location, true));
            m_titles.insert(barcode, r->title);
            m_notes.insert(barcode, zh);
            m_notesEn.insert(barcode, en);
            m_misplaced.prependRow(row(barcode, r->title, zh, en));
            emit changed();
            m_feedback->show(QStringLiteral("warn"), QStringLiteral("%1 错架：%2").arg(barcode, zh),
                             QStringLiteral("%1 misplaced: %2").arg(barcode, en), r->title, r->title);
        });
}

void SweepController::scanUnknown(const QString& code) {
    if (m_stage != QLatin1String("scanning")) return scanBox(code);
    if (m_scanned.contains(code)) return;
    m_scanned << code;
    addUnknown(code);
}

void SweepController::addUnknown(const QString& code) {
    m_unknown.prependRow(row(code, QString(), QStringLiteral("档案中没有这个条码"), QStringLiteral("not in the books")));
    emit changed();
    m_feedback->show(QStringLiteral("error"), QStringLiteral("%1：未知条码，档案中没有这个档案盒。请放到一边交档案员核查").arg(code),
                     QStringLiteral("%1: unknown barcode, no such box in the archive. Put it aside for checking").arg(code));
}

void SweepController::finish() {
    if (m_stage != QLatin1String("scanning") || m_busy) return;
    const QString shelf = m_shelf;
    const QStringList scanned = m_scanned;
    const QString staff = m_session->card();
    setBusy(true);
    m_db->run<db::SweepResult>(
        this, [shelf, scanned, staff](db::Database& d) { return db::Books(d).sweepShelf(shelf, scanned, staff); },
        [this](Result<db::SweepResult> r) {
            setBusy(false);
            if (!r) return m_feedback->show(r.error().isRule() ? QStringLiteral("warn") : QStringLiteral("error"),
                                            r.error().messageZh, r.error().messageEn);
            // The books' answer replaces the live lists.
            QList<QVariantMap> found, missing, misplaced, unknown;
            for (const QString& c : r->found) found << row(c, m_titles.value(c));
            for (const QString& c : r->recovered)
                found << row(c, m_titles.value(c), QStringLiteral("找回"), QStringLiteral("recovered"));
            for (const QString& c : r->missing)
                missing << row(c, m_titles.value(c), QStringLiteral("已标记为缺失"), QStringLiteral("flagged missing"));
            for (const db::MisplacedBox& m : r->misplaced)
                misplaced << row(m.barcode, m_titles.value(m.barcode), m_notes.value(m.barcode, m.expectedLocation),
                                 m_notesEn.value(m.barcode, m.expectedLocation));
            for (const QString& c : r->unknown)
                unknown << row(c, {}, QStringLiteral("档案中没有这个条码"), QStringLiteral("not in the books"));
            m_found.setRows(found);
            m_missing.setRows(missing);
            m_misplaced.setRows(misplaced);
            m_unknown.setRows(unknown);
            m_stage = QStringLiteral("done");
            emit changed();
            const bool clean = missing.isEmpty() && misplaced.isEmpty() && unknown.isEmpty();
            m_feedback->show(clean ? QStringLiteral("ok") : QStringLiteral("warn"),
                             QStringLiteral("盘点已保存：在架 %1，缺失 %2，错架 %3，未知 %4")
                                 .arg(found.size()).arg(missing.size()).arg(misplaced.size()).arg(unknown.size()),
                             QStringLiteral("Sweep saved: %1 found, %2 missing, %3 misplaced, %4 unknown")
                                 .arg(found.size()).arg(missing.size()).arg(misplaced.size()).arg(unknown.size()));
            saveReport();
        });
}

void SweepController::saveReport() {
    SweepReportData data;
    data.shelfBarcode = m_shelf;
    data.shelfText = m_shelfZh;
    data.staffName = m_session->name();
    data.staffCard = m_session->card();
    data.atMs = QDateTime::currentMSecsSinceEpoch();
    data.found = lines(m_found);
    data.missing = lines(m_missing);
    data.misplaced = lines(m_misplaced);
    data.unknown = lines(m_unknown);
    const QString dir = reportDir(m_db->location());
    const QString path = QStringLiteral("%1/盘点-%2-%3.pdf")
                             .arg(dir, m_shelf, QDateTime::fromMSecsSinceEpoch(data.atMs).toString(QStringLiteral("yyyyMMdd-HHmmss")));
    struct Saved { QByteArray pdf; Error error; };
    setBusy(true);
    runOffThread<Saved>(
        this,
        [data, dir, path]() -> Saved {
            auto pdf = renderSweepReport(data);
            if (!pdf) return {{}, pdf.error()};
            QDir().mkpath(dir);
            QSaveFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(pdf.value()) != pdf->size() || !f.commit())
                return {pdf.value(),
                        makeError(QStringLiteral("write_failed"),
                                  QStringLiteral("盘点已保存，但报告文件无法写入 %1（%2）。可以直接打印报告；请告知管理员。").arg(dir, f.errorString()),
                                  QStringLiteral("The sweep is saved, but the report file cannot be written to %1 (%2). You can still "
                                                 "print it; tell the administrator.").arg(dir, f.errorString()))};
            return {pdf.value(), {}};
        },
        [this, path](Saved s) {
            setBusy(false);
            m_reportPdf = s.pdf;
            if (!s.error.code.isEmpty()) return m_feedback->show(QStringLiteral("error"), s.error.messageZh, s.error.messageEn);
            m_reportPath = path;
            emit changed();
        });
}

void SweepController::printReport() {
    if (m_reportPdf.isEmpty()) return;
    m_printer->printPdf(m_reportPdf, QStringLiteral("盘点报告 %1").arg(m_shelf));
}

}  // namespace archive::kiosk
