#include "PrintController.h"

#include "DbService.h"
#include "FeedbackController.h"
#include "ManagerSupport.h"
#include "SessionController.h"
#include "db/Books.h"
#include "db/Database.h"
#include "db/labels/LabelRepository.h"
#include "labels/FilePrinter.h"
#include "labels/LabelLayout.h"
#include "labels/LabelRenderer.h"
#include "labels/LabelTemplate.h"
#include "labels/LabelVerifier.h"
#include "labels/PrintQueue.h"
#include "wiring/LabelWiring.h"

#include <QDir>
#include <QPointer>
#include <QTimer>

namespace archive::kiosk {

struct PrintController::Job {
    labels::PrintRequest request;
    QString what;  // labels: the box, the shelf or "3 boxes"; documents: empty (the title is used)
};

namespace {
// What the db worker reads for a label job.
struct LabelSource {
    QList<labels::LabelData> data;
    QString printer;        // chosen (books or environment); empty → the file printer
    QString templateName;   // spine: setting label_template; shelf: "shelf"
};

// Lays out, test-reads and renders the labels as one PDF (thread pool): the same document a CUPS printer or
// the file printer gets.
Result<labels::PrintRequest> renderLabels(const LabelSource& src, const QString& actor, const QString& what) {
    const auto& reg = labels::TemplateRegistry::instance();
    auto tpl = reg.findTemplate(src.templateName.isEmpty() ? QStringLiteral("spine-40") : src.templateName);
    if (!tpl) return tpl.error();
    auto stock = reg.findStock(tpl->stocks.value(0));
    if (!stock) return stock.error();
    if (Status fit = labels::checkStock(tpl.value(), stock.value()); !fit) return fit.error();
    labels::PrinterProfile profile;
    profile.name = src.printer;
    QList<labels::LabelLayout> layouts;
    labels::PrintRequest r;
    for (const labels::LabelData& data : src.data) {
        auto layout = labels::layoutLabel(tpl.value(), data, profile);
        if (!layout) {
            Error e = layout.error();
            e.messageZh = QStringLiteral("标签 %1 无法打印：%2").arg(data.barcode, e.messageZh);
            e.messageEn = QStringLiteral("The label of %1 cannot be printed: %2").arg(data.barcode, e.messageEn);
            return e;
        }
        if (Status v = labels::verifyLabel(layout.value()); !v) {
            Error e = v.error();
            e.messageZh = QStringLiteral("标签 %1 无法打印：%2").arg(data.barcode, e.messageZh);
            e.messageEn = QStringLiteral("The label of %1 cannot be printed: %2").arg(data.barcode, e.messageEn);
            return e;
        }
        r.labels << labels::PrintedLabel{data.barcode, tpl->name, layout->dataHash};
        layouts << layout.value();
    }
    const bool shelf = tpl->kind == QLatin1String("shelf");
    labels::PdfOptions o;
    o.title = QStringLiteral("%1 %2").arg(tpl->name, what);
    auto pdf = labels::renderPdf(layouts, stock.value(), o);
    if (!pdf) return pdf.error();
    r.printer = src.printer;
    r.document = pdf.value();
    r.format = QStringLiteral("application/pdf");
    r.title = layouts.size() == 1 ? QStringLiteral("%1 %2 %3").arg(shelf ? QStringLiteral("架位") : QStringLiteral("背脊"), tpl->name, what)
                                  : QStringLiteral("%1 %2 ×%3 %4").arg(shelf ? QStringLiteral("架位") : QStringLiteral("背脊"), tpl->name)
                                        .arg(layouts.size()).arg(what);
    r.actor = actor;
    return r;
}
}  // namespace

PrintController::PrintController(DbService* db, SessionController* session, FeedbackController* feedback, QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_feedback(feedback) {
    qRegisterMetaType<archive::labels::QueueEntry>();
    m_thread.setObjectName(QStringLiteral("kiosk-print"));
    m_thread.start();
    connect(db, &DbService::readyChanged, this, [this] {
        if (!m_db->ready()) return;
        refreshPrinter();
        // Jobs left in the queue by an earlier run are resumed (and recorded when they complete).
        if (QDir(wiring::printQueueDir(m_db->location())).exists()) ensureQueue();
    });
    // The administrator may have chosen another printer: the notice follows at the next login or logout.
    connect(session, &SessionController::stageChanged, this, [this] {
        if (m_db->ready()) refreshPrinter();
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

QString PrintController::printedDir() const { return wiring::printedDir(); }

QString PrintController::noticeZh() const {
    return m_simulated ? QStringLiteral("模拟打印机：标签保存为文件（%1）").arg(printedDir()) : QString();
}

QString PrintController::noticeEn() const {
    return m_simulated ? QStringLiteral("Simulated printer: labels are saved as files (%1)").arg(printedDir()) : QString();
}

void PrintController::setSimulated(bool forced) {
    m_forced = forced;
    setChoice(m_labelPrinter);
}

// The printer a job goes to: the chosen one, or the file printer when none is chosen or --simulate.
QString PrintController::resolve(const QString& chosen) const {
    const QString p = wiring::printerFromArgument(chosen);  // ARCHIVE_LABEL_PRINTER=file works too
    if (m_forced || p.isEmpty()) return labels::FilePrinter::uriFor(printedDir());
    return p;
}

void PrintController::setChoice(const QString& labelPrinter) {
    const QString printer = resolve(labelPrinter);
    const bool sim = labels::FilePrinter::isFilePrinter(printer);
    const QString cups = sim ? QString() : printer;
    if (sim == m_simulated && cups == m_labelPrinter) return;
    m_simulated = sim;
    m_labelPrinter = cups;
    emit printerChanged();
}

void PrintController::refreshPrinter() {
    m_db->run<QString>(
        this, [](db::Database& d) -> Result<QString> {
            auto c = wiring::printerChoice(d);
            if (!c) return c.error();
            return c->label;
        },
        [this](Result<QString> r) {
            if (r) setChoice(r.value());
        });
}

void PrintController::ensureQueue() {
    if (m_queue) return;
    m_queue = new labels::PrintQueue(wiring::printQueueDir(m_db->location()));
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

void PrintController::printBoxLabel(const QString& barcode) { printLabels({barcode}, false, barcode); }

void PrintController::printBoxLabels(const QStringList& barcodes, const QString& what) {
    if (barcodes.isEmpty())
        return refused(makeError(QStringLiteral("no_labels"), QStringLiteral("没有需要打印的标签。"), QStringLiteral("There are no labels to print.")));
    printLabels(barcodes, false, what.isEmpty() ? barcodes.join(QLatin1Char(' ')) : what);
}

void PrintController::printShelfLabel(const QString& location) { printLabels({location}, true, location); }

void PrintController::printLabels(const QStringList& barcodes, bool shelf, const QString& what) {
    const QString actor = m_session->card();
    m_db->run<LabelSource>(
        this,
        [barcodes, shelf](db::Database& d) -> Result<LabelSource> {
            LabelSource src;
            db::LabelRepository repo(d);
            for (const QString& b : barcodes) {
                if (shelf) {
                    auto row = repo.location(b);
                    if (!row) return row.error();
                    src.data << wiring::labelDataOf(row.value());
                } else {
                    auto row = repo.box(b);
                    if (!row) return row.error();
                    src.data << wiring::labelDataOf(row.value());
                }
            }
            // Read at every print, so a printer chosen in Administration applies to the next label at once.
            auto c = wiring::printerChoice(d);
            if (!c) return c.error();
            src.printer = c->label;
            if (shelf) {
                src.templateName = QStringLiteral("shelf");
            } else {
                auto s = db::Books(d).settings({QStringLiteral("label_template")});
                if (!s) return s.error();
                src.templateName = s->value(QStringLiteral("label_template"));
            }
            return src;
        },
        [this, actor, what](Result<LabelSource> r) {
            if (!r) return refused(r.error());
            LabelSource src = r.value();
            setChoice(src.printer);
            src.printer = resolve(src.printer);
            m_feedback->show(QStringLiteral("info"), QStringLiteral("正在准备标签 %1 …").arg(what),
                             QStringLiteral("Preparing the label(s) of %1 …").arg(what));
            runOffThread<Result<labels::PrintRequest>>(
                this, [src, actor, what]() { return renderLabels(src, actor, what); },
                [this, what](Result<labels::PrintRequest> req) {
                    if (!req) return refused(req.error());
                    submit(Job{req.value(), what});
                });
        });
}

void PrintController::printPdf(const QByteArray& pdf, const QString& title) {
    const QString actor = m_session->card();
    m_db->run<QString>(
        this,
        [](db::Database& d) -> Result<QString> {
            auto c = wiring::printerChoice(d);
            if (!c) return c.error();
            return c->report;
        },
        [this, pdf, title, actor](Result<QString> r) {
            if (!r) return refused(r.error());
            labels::PrintRequest req;
            req.printer = resolve(r.value());
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
    const QString what = job.what.isEmpty() ? job.request.title : job.what;
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
            if (!self->m_shownCondition.contains(id.value()) && !labels::FilePrinter::isFilePrinter(printer))
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
    if (!e.outputPath.isEmpty() && e.outputPath != m_lastFile) {
        m_lastFile = e.outputPath;
        emit lastFileChanged();
    }
    labels::PrintQueue* q = m_queue;
    const QString id = e.id;
    const QString file = e.outputPath;
    if (e.labels.isEmpty()) {  // a document: nothing to record in the books
        q->markRecorded(id);
        if (file.isEmpty())
            m_feedback->show(QStringLiteral("ok"), QStringLiteral("已打印：%1").arg(e.title), QStringLiteral("Printed: %1").arg(e.title));
        else
            m_feedback->show(QStringLiteral("ok"), QStringLiteral("模拟打印机：%1 已保存为文件 %2").arg(e.title, file),
                             QStringLiteral("Simulated printer: %1 saved as the file %2").arg(e.title, file));
        emit documentPrinted(e.title);
        return;
    }
    const QList<db::LabelPrintRecord> recs = wiring::printRecordsOf(e);
    QStringList codes;
    for (const db::LabelPrintRecord& r : recs) codes << r.barcode;
    m_db->run<bool>(
        this, [recs](db::Database& d) -> Result<bool> {
            if (Status s = db::LabelRepository(d).recordPrinted(recs); !s) return s.error();
            return true;
        },
        [this, q, id, codes, file](Result<bool> r) {
            if (!r) return refused(r.error());  // stays unrecorded in the queue; recorded at the next start
            q->markRecorded(id);
            const QString listZh = codes.size() > 5 ? QStringLiteral("%1 张").arg(codes.size()) : codes.join(QStringLiteral("、"));
            const QString listEn = codes.size() > 5 ? QStringLiteral("%1 labels").arg(codes.size()) : codes.join(QStringLiteral(", "));
            if (file.isEmpty())
                m_feedback->show(QStringLiteral("ok"), QStringLiteral("标签已打印：%1").arg(listZh),
                                 QStringLiteral("Label printed: %1").arg(listEn));
            else
                m_feedback->show(QStringLiteral("ok"), QStringLiteral("模拟打印机：标签 %1 已保存为文件 %2").arg(listZh, file),
                                 QStringLiteral("Simulated printer: label %1 saved as the file %2").arg(listEn, file));
            for (const QString& b : codes) emit labelRecorded(b);
            emit jobRecorded(codes);
        });
}

}  // namespace archive::kiosk
