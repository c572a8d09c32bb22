#include "PrintController.h"

#include "DbService.h"
#include "FeedbackController.h"
#include "ManagerSupport.h"
#include "SessionController.h"
#include "db/Books.h"
#include "db/Database.h"
#include "labels/LabelLayout.h"
#include "labels/LabelRenderer.h"
#include "labels/LabelTemplate.h"
#include "labels/LabelVerifier.h"
#include "labels/PrintQueue.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

namespace archive::kiosk {

labels::LabelData labelDataOf(const db::BoxLabelRow& r) {
    labels::LabelData d;
    d.barcode = r.barcode;
    d.fondsCode = r.fondsCode;
    d.fondsName = r.fondsName;
    d.year = r.year;
    d.retention = r.retention;
    d.orgUnit = r.orgUnit;
    d.firstItemNo = r.firstItemNo;
    d.lastItemNo = r.lastItemNo;
    d.boxNo = r.boxNo;
    d.title = r.title;
    d.category = r.category;
    return d;
}

struct PrintController::Job {
    labels::PrintRequest request;
    QString barcode;  // box labels: the box
};

namespace {
struct LabelSource {
    db::BoxLabelRow row;
    QString printer, templateName;
};

Error noPrinter(bool report) {
    if (report)
        return makeError(QStringLiteral("no_printer"),
                         QStringLiteral("未设置报表打印机，报告已保存为 PDF。请管理员设置报表打印机（report_printer）后再打印。"),
                         QStringLiteral("No report printer is set up; the report was saved as a PDF. Ask the administrator to set "
                                        "the report printer (report_printer), then print again."));
    return makeError(QStringLiteral("no_printer"),
                     QStringLiteral("未设置标签打印机，标签没有打印。请管理员设置标签打印机（label_printer）；扫描可以继续。"),
                     QStringLiteral("No label printer is set up, so nothing was printed. Ask the administrator to set the label "
                                    "printer (label_printer); you can keep scanning."));
}

QString queueDir(const QString& dbLocation) {
    const QString env = qEnvironmentVariable("ARCHIVE_PRINT_QUEUE");
    if (!env.isEmpty()) return env;
    if (dbLocation.contains(QStringLiteral("://")))
        return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/print-queue");
    return QFileInfo(dbLocation).absolutePath() + QStringLiteral("/print-queue");
}

// Lays out, test-reads and renders one spine label (thread pool).
Result<labels::PrintRequest> renderLabel(const LabelSource& src, const QString& actor) {
    const auto& reg = labels::TemplateRegistry::instance();
    auto tpl = reg.findTemplate(src.templateName.isEmpty() ? QStringLiteral("spine-40") : src.templateName);
    if (!tpl) return tpl.error();
    auto stock = reg.findStock(tpl->stocks.value(0));
    if (!stock) return stock.error();
    if (Status fit = labels::checkStock(tpl.value(), stock.value()); !fit) return fit.error();
    labels::PrinterProfile profile;
    profile.name = src.printer;
    const labels::LabelData data = labelDataOf(src.row);
    auto layout = labels::layoutLabel(tpl.value(), data, profile);
    if (!layout) return layout.error();
    if (Status v = labels::verifyLabel(layout.value()); !v) return v.error();
    labels::PdfOptions o;
    o.title = QStringLiteral("%1 %2").arg(tpl->name, data.barcode);
    auto pdf = labels::renderPdf({layout.value()}, stock.value(), o);
    if (!pdf) return pdf.error();
    labels::PrintRequest r;
    r.printer = src.printer;
    r.document = pdf.value();
    r.format = QStringLiteral("application/pdf");
    r.title = QStringLiteral("背脊 %1 %2").arg(tpl->name, data.barcode);
    r.actor = actor;
    r.labels << labels::PrintedLabel{data.barcode, tpl->name, layout->dataHash};
    return r;
}
}  // namespace

PrintController::PrintController(DbService* db, SessionController* session, FeedbackController* feedback, QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_feedback(feedback) {
    qRegisterMetaType<archive::labels::QueueEntry>();
    m_thread.setObjectName(QStringLiteral("kiosk-print"));
    m_thread.start();
    // Jobs left in the queue by an earlier run are resumed (and recorded when they complete).
    connect(db, &DbService::readyChanged, this, [this] {
        if (m_db->ready() && QDir(queueDir(m_db->location())).exists()) ensureQueue();
    });
}

PrintController::~PrintController() {
    if (m_queue) {
        labels::PrintQueue* q = m_queue;
        QMetaObject::invokeMethod(q, [q]() {
            q->stop();
            delete q;
        }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

void PrintController::ensureQueue() {
    if (m_queue) return;
    m_queue = new labels::PrintQueue(queueDir(m_db->location()));
    m_queue->moveToThread(&m_thread);
    connect(m_queue, &labels::PrintQueue::entryChanged, this, &PrintController::onEntryChanged, Qt::QueuedConnection);
    connect(m_queue, &labels::PrintQueue::completed, this, &PrintController::onCompleted, Qt::QueuedConnection);
    for (const labels::QueueEntry& e : m_queue->entries()) {
        if (!e.finished()) m_open.insert(e.id);
        else if (e.state == labels::QueueEntry::State::Completed && !e.recorded) onCompleted(e);
    }
    emit statusChanged();
    labels::PrintQueue* q = m_queue;
    const int poll = m_pollMs;
    QMetaObject::invokeMethod(q, [q, poll]() { q->start(poll); }, Qt::QueuedConnection);
}

void PrintController::refused(const Error& e) {
    m_feedback->show(e.isRule() ? QStringLiteral("warn") : QStringLiteral("error"), e.messageZh, e.messageEn);
}

void PrintController::printBoxLabel(const QString& barcode) {
    const QString actor = m_session->card();
    m_db->run<LabelSource>(
        this,
        [barcode](db::Database& d) -> Result<LabelSource> {
            auto row = db::LabelRepository(d).box(barcode);
            if (!row) return row.error();
            // Read at every print, so a printer chosen in Administration applies to the next label at once.
            auto s = db::Books(d).settings({QStringLiteral("label_printer"), QStringLiteral("label_template")});
            if (!s) return s.error();
            return LabelSource{row.value(), s->value(QStringLiteral("label_printer")), s->value(QStringLiteral("label_template"))};
        },
        [this, actor](Result<LabelSource> r) {
            if (!r) return refused(r.error());
            LabelSource src = r.value();
            if (src.printer.isEmpty()) src.printer = qEnvironmentVariable("ARCHIVE_LABEL_PRINTER");
            if (src.printer.isEmpty()) return refused(noPrinter(false));
            m_feedback->show(QStringLiteral("info"), QStringLiteral("正在准备标签 %1 …").arg(src.row.barcode),
                             QStringLiteral("Preparing the label of %1 …").arg(src.row.barcode));
            runOffThread<Result<labels::PrintRequest>>(
                this, [src, actor]() { return renderLabel(src, actor); },
                [this, barcode = src.row.barcode](Result<labels::PrintRequest> req) {
                    if (!req) {
                        Error e = req.error();
                        e.messageZh = QStringLiteral("标签 %1 无法打印：%2").arg(barcode, e.messageZh);
                        e.messageEn = QStringLiteral("The label of %1 cannot be printed: %2").arg(barcode, e.messageEn);
                        return refused(e);
                    }
                    submit(Job{req.value(), barcode});
                });
        });
}

void PrintController::printPdf(const QByteArray& pdf, const QString& title) {
    const QString actor = m_session->card();
    m_db->run<QString>(
        this,
        [](db::Database& d) -> Result<QString> {
            auto s = db::Books(d).settings({QStringLiteral("report_printer")});
            if (!s) return s.error();
            return s->value(QStringLiteral("report_printer"));
        },
        [this, pdf, title, actor](Result<QString> r) {
            if (!r) return refused(r.error());
            QString printer = r.value();
            if (printer.isEmpty()) printer = qEnvironmentVariable("ARCHIVE_REPORT_PRINTER");
            if (printer.isEmpty()) return refused(noPrinter(true));
            labels::PrintRequest req;
            req.printer = printer;
            req.document = pdf;
            req.format = QStringLiteral("application/pdf");
            req.title = title;
            req.actor = actor;
            submit(Job{req, {}});
        });
}

void PrintController::submit(const Job& job) {
    ensureQueue();
    labels::PrintQueue* q = m_queue;
    QPointer<PrintController> self(this);
    const labels::PrintRequest req = job.request;
    const QString what = job.barcode.isEmpty() ? job.request.title : job.barcode;
    // enqueue() writes the job to the queue folder: on the print thread, then it is sent at once.
    QMetaObject::invokeMethod(q, [q, self, req, what]() {
        Result<QString> id = q->enqueue(req);
        if (id) q->processOnce();
        QMetaObject::invokeMethod(self ? static_cast<QObject*>(self.data()) : q, [self, id, what, printer = req.printer]() {
            if (!self) return;
            if (!id) return self->refused(id.error());
            auto entry = self->m_queue->entry(id.value());  // thread-safe read
            if (entry && !entry->finished()) self->m_open.insert(id.value());
            emit self->statusChanged();
            if (!self->m_shownCondition.contains(id.value()))
                self->m_feedback->show(QStringLiteral("info"), QStringLiteral("已送往打印机 %1：%2").arg(printer, what),
                                       QStringLiteral("Sent to printer %1: %2").arg(printer, what));
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void PrintController::setStatus(const QString& zh, const QString& en) {
    if (zh == m_statusZh && en == m_statusEn) return;
    m_statusZh = zh;
    m_statusEn = en;
    emit statusChanged();
}

void PrintController::onEntryChanged(const labels::QueueEntry& e) {
    using State = labels::QueueEntry::State;
    if (e.finished()) m_open.remove(e.id);
    else m_open.insert(e.id);
    if (e.state == State::Failed) {
        m_feedback->show(QStringLiteral("error"), QStringLiteral("打印失败：%1").arg(e.messageZh),
                         QStringLiteral("Printing failed: %1").arg(e.messageEn), e.title, e.title);
        labels::PrintQueue* q = m_queue;
        const QString id = e.id;
        QMetaObject::invokeMethod(q, [q, id]() { q->dismiss(id); }, Qt::QueuedConnection);
    }
    const bool problem = !e.finished() && !e.condition.isEmpty() && e.condition != QLatin1String("ready")
                         && e.condition != QLatin1String("busy");
    if (problem) {
        const bool fresh = m_problem.value(e.id).value(0) != e.condition;
        m_problem.insert(e.id, {e.condition, e.messageZh, e.messageEn, e.title});
        if (fresh && m_shownCondition.value(e.id) != e.condition) {
            const QString id = e.id;
            QTimer::singleShot(m_announceDelayMs, this, [this, id, cond = e.condition] {
                if (m_open.contains(id) && m_problem.value(id).value(0) == cond) announce(id);
            });
        }
    } else {
        m_problem.remove(e.id);
    }
    if (m_problem.isEmpty()) setStatus({}, {});
    emit statusChanged();
}

void PrintController::announce(const QString& id) {
    const QStringList p = m_problem.value(id);  // condition, zh, en, title
    if (p.size() < 4 || m_shownCondition.value(id) == p[0]) return;
    m_shownCondition.insert(id, p[0]);
    setStatus(QStringLiteral("打印队列 %1 项等待：%2").arg(m_open.size()).arg(p[1]),
              QStringLiteral("%1 print job(s) waiting: %2").arg(m_open.size()).arg(p[2]));
    m_feedback->show(QStringLiteral("warn"), QStringLiteral("%1 可以继续扫描。").arg(p[1]),
                     QStringLiteral("%1 You can keep scanning.").arg(p[2]), p[3], p[3]);
}

void PrintController::onCompleted(const labels::QueueEntry& e) {
    m_open.remove(e.id);
    m_shownCondition.remove(e.id);
    m_problem.remove(e.id);
    if (m_problem.isEmpty()) setStatus({}, {});
    emit statusChanged();
    labels::PrintQueue* q = m_queue;
    const QString id = e.id;
    if (e.labels.isEmpty()) {  // a document: nothing to record in the books
        q->markRecorded(id);
        m_feedback->show(QStringLiteral("ok"), QStringLiteral("已打印：%1").arg(e.title), QStringLiteral("Printed: %1").arg(e.title));
        emit documentPrinted(e.title);
        return;
    }
    QList<db::LabelPrintRecord> recs;
    QStringList boxes;
    for (const labels::PrintedLabel& l : e.labels) {
        db::LabelPrintRecord r;
        r.kind = l.templateName == QLatin1String("shelf") ? QStringLiteral("location") : QStringLiteral("box");
        r.barcode = l.subject;
        r.templateName = l.templateName;
        r.dataHash = l.dataHash;
        r.printer = e.printer;
        r.jobRef = e.id;
        r.cupsJobId = e.cupsJobId;
        r.printedAt = e.completedMs;
        r.actor = e.actor;
        recs << r;
        boxes << l.subject;
    }
    m_db->run<bool>(
        this, [recs](db::Database& d) -> Result<bool> {
            if (Status s = db::LabelRepository(d).recordPrinted(recs); !s) return s.error();
            return true;
        },
        [this, q, id, boxes](Result<bool> r) {
            if (!r) return refused(r.error());  // stays unrecorded in the queue; recorded at the next start
            q->markRecorded(id);
            m_feedback->show(QStringLiteral("ok"), QStringLiteral("标签已打印：%1").arg(boxes.join(QStringLiteral("、"))),
                             QStringLiteral("Label printed: %1").arg(boxes.join(QStringLiteral(", "))));
            for (const QString& b : boxes) emit labelRecorded(b);
        });
}

}  // namespace archive::kiosk
