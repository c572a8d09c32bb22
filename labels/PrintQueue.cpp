#include "labels/PrintQueue.h"

#include "labels/FilePrinter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTimer>

namespace archive::labels {

namespace {
qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QueueEntry::State stateFromName(const QString& s) {
    if (s == QLatin1String("submitted")) return QueueEntry::State::Submitted;
    if (s == QLatin1String("completed")) return QueueEntry::State::Completed;
    if (s == QLatin1String("failed")) return QueueEntry::State::Failed;
    if (s == QLatin1String("canceled")) return QueueEntry::State::Canceled;
    return QueueEntry::State::Waiting;
}

QJsonObject toJson(const QueueEntry& e) {
    QJsonArray labels;
    for (const auto& l : e.labels)
        labels.append(QJsonObject{{QStringLiteral("subject"), l.subject}, {QStringLiteral("template"), l.templateName},
                                  {QStringLiteral("hash"), l.dataHash}});
    return QJsonObject{{QStringLiteral("id"), e.id}, {QStringLiteral("state"), QueueEntry::stateName(e.state)},
                       {QStringLiteral("printer"), e.printer}, {QStringLiteral("format"), e.format},
                       {QStringLiteral("title"), e.title}, {QStringLiteral("actor"), e.actor},
                       {QStringLiteral("labels"), labels}, {QStringLiteral("cups_job_id"), e.cupsJobId},
                       {QStringLiteral("attempts"), e.attempts}, {QStringLiteral("pages_done"), e.pagesDone},
                       {QStringLiteral("created_ms"), e.createdMs}, {QStringLiteral("updated_ms"), e.updatedMs},
                       {QStringLiteral("completed_ms"), e.completedMs}, {QStringLiteral("condition"), e.condition},
                       {QStringLiteral("message_zh"), e.messageZh}, {QStringLiteral("message_en"), e.messageEn},
                       {QStringLiteral("error_code"), e.errorCode}, {QStringLiteral("recorded"), e.recorded},
                       {QStringLiteral("output_path"), e.outputPath}};
}

QueueEntry fromJson(const QJsonObject& o) {
    QueueEntry e;
    e.id = o.value(QLatin1String("id")).toString();
    e.state = stateFromName(o.value(QLatin1String("state")).toString());
    e.printer = o.value(QLatin1String("printer")).toString();
    e.format = o.value(QLatin1String("format")).toString();
    e.title = o.value(QLatin1String("title")).toString();
    e.actor = o.value(QLatin1String("actor")).toString();
    for (const auto& v : o.value(QLatin1String("labels")).toArray()) {
        const QJsonObject l = v.toObject();
        e.labels << PrintedLabel{l.value(QLatin1String("subject")).toString(), l.value(QLatin1String("template")).toString(),
                                 l.value(QLatin1String("hash")).toString()};
    }
    e.cupsJobId = o.value(QLatin1String("cups_job_id")).toInt();
    e.attempts = o.value(QLatin1String("attempts")).toInt();
    e.pagesDone = o.value(QLatin1String("pages_done")).toInt();
    e.createdMs = qint64(o.value(QLatin1String("created_ms")).toDouble());
    e.updatedMs = qint64(o.value(QLatin1String("updated_ms")).toDouble());
    e.completedMs = qint64(o.value(QLatin1String("completed_ms")).toDouble());
    e.condition = o.value(QLatin1String("condition")).toString();
    e.messageZh = o.value(QLatin1String("message_zh")).toString();
    e.messageEn = o.value(QLatin1String("message_en")).toString();
    e.errorCode = o.value(QLatin1String("error_code")).toString();
    e.recorded = o.value(QLatin1String("recorded")).toBool();
    e.outputPath = o.value(QLatin1String("output_path")).toString();
    return e;
}

Error queueIoError(const QString& dir, const QString& detail) {
    return makeError(QStringLiteral("print_queue_io"),
                     QStringLiteral("无法写入打印队列（%1）：磁盘已满或没有写入权限？请联系管理员。").arg(dir),
                     QStringLiteral("Cannot write the print queue (%1): is the disk full or read-only? Ask the administrator.").arg(dir),
                     detail);
}
}  // namespace

QString QueueEntry::stateName(State s) {
    switch (s) {
    case State::Waiting: return QStringLiteral("waiting");
    case State::Submitted: return QStringLiteral("submitted");
    case State::Completed: return QStringLiteral("completed");
    case State::Failed: return QStringLiteral("failed");
    case State::Canceled: return QStringLiteral("canceled");
    }
    return {};
}

PrintQueue::PrintQueue(QString dir, QString cupsServer, QObject* parent)
    : QObject(parent), m_dir(std::move(dir)), m_cups(std::move(cupsServer)) {
    qRegisterMetaType<archive::labels::QueueEntry>();
    QDir().mkpath(m_dir);
    load();
}

PrintQueue::~PrintQueue() = default;

void PrintQueue::load() {
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
    const QDir d(m_dir);
    for (const QString& fn : d.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile f(d.filePath(fn));
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
        if (!doc.isObject()) continue;
        QueueEntry e = fromJson(doc.object());
        if (!e.id.isEmpty()) m_entries << e;
    }
    std::sort(m_entries.begin(), m_entries.end(),
              [](const QueueEntry& a, const QueueEntry& b) { return a.createdMs != b.createdMs ? a.createdMs < b.createdMs : a.id < b.id; });
}

QString PrintQueue::docPath(const QueueEntry& e) const {
    return m_dir + QLatin1Char('/') + e.id + (e.format.contains(QLatin1String("zpl")) ? QStringLiteral(".zpl") : QStringLiteral(".pdf"));
}

Status PrintQueue::save(const QueueEntry& e) {
    QSaveFile f(m_dir + QLatin1Char('/') + e.id + QStringLiteral(".json"));
    if (!f.open(QIODevice::WriteOnly)) return queueIoError(m_dir, f.errorString());
    f.write(QJsonDocument(toJson(e)).toJson(QJsonDocument::Indented));
    if (!f.commit()) return queueIoError(m_dir, f.errorString());
    return okStatus();
}

Result<QString> PrintQueue::enqueue(const PrintRequest& r) {
    if (r.document.isEmpty())
        return makeError(QStringLiteral("no_labels"), QStringLiteral("没有要打印的内容。"), QStringLiteral("There is nothing to print."));
    QueueEntry e;
    const qint64 now = nowMs();
    e.id = QStringLiteral("%1-%2").arg(now).arg(QRandomGenerator::global()->bounded(0x100000), 5, 16, QLatin1Char('0'));
    e.printer = r.printer;
    e.format = r.format.isEmpty() ? QStringLiteral("application/pdf") : r.format;
    e.title = r.title;
    e.actor = r.actor;
    e.labels = r.labels;
    e.createdMs = e.updatedMs = now;
    e.messageZh = QStringLiteral("等待打印");
    e.messageEn = QStringLiteral("Waiting to print");
    {
        QSaveFile doc(docPath(e));
        if (!doc.open(QIODevice::WriteOnly)) return queueIoError(m_dir, doc.errorString());
        doc.write(r.document);
        if (!doc.commit()) return queueIoError(m_dir, doc.errorString());
    }
    Status s = save(e);
    if (!s) return s.error();
    {
        QMutexLocker lock(&m_mutex);
        m_entries << e;
    }
    emit entryChanged(e);
    return e.id;
}

QList<QueueEntry> PrintQueue::entries() const {
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

Result<QueueEntry> PrintQueue::entry(const QString& id) const {
    QMutexLocker lock(&m_mutex);
    for (const auto& e : m_entries)
        if (e.id == id) return e;
    return makeError(QStringLiteral("print_job_unknown"), QStringLiteral("打印队列中没有这项作业（%1）。").arg(id),
                     QStringLiteral("There is no such job in the print queue (%1).").arg(id));
}

QList<QueueEntry> PrintQueue::unrecorded() const {
    QList<QueueEntry> out;
    for (const auto& e : entries())
        if (e.state == QueueEntry::State::Completed && !e.recorded) out << e;
    return out;
}

void PrintQueue::update(QueueEntry& e) {
    e.updatedMs = nowMs();
    const Status saved = save(e);  // best effort: an unwritable queue folder shows up at the next enqueue
    Q_UNUSED(saved);
    {
        QMutexLocker lock(&m_mutex);
        for (auto& x : m_entries)
            if (x.id == e.id) { x = e; break; }
    }
    emit entryChanged(e);
}

void PrintQueue::setMessage(QueueEntry& e, const QString& condition, const QString& zh, const QString& en) {
    e.condition = condition;
    e.messageZh = zh;
    e.messageEn = en;
}

Status PrintQueue::cancel(const QString& id) {
    auto found = entry(id);
    if (!found) return found.error();
    QueueEntry e = found.value();
    if (e.finished()) return okStatus();
    if (e.state == QueueEntry::State::Submitted && e.cupsJobId > 0) {
        Status s = m_cups.cancel(e.printer, e.cupsJobId);
        if (!s && !CupsClient::isTransient(s.error())) return s;
    }
    e.state = QueueEntry::State::Canceled;
    setMessage(e, {}, QStringLiteral("已取消"), QStringLiteral("Canceled"));
    QFile::remove(docPath(e));
    update(e);
    return okStatus();
}

void PrintQueue::markRecorded(const QString& id) {
    auto found = entry(id);
    if (!found) return;
    QueueEntry e = found.value();
    e.recorded = true;
    QFile::remove(docPath(e));
    QFile::remove(m_dir + QLatin1Char('/') + e.id + QStringLiteral(".json"));
    QMutexLocker lock(&m_mutex);
    m_entries.removeIf([&](const QueueEntry& x) { return x.id == id; });
}

void PrintQueue::dismiss(const QString& id) {
    auto found = entry(id);
    if (!found || !found->finished() || found->state == QueueEntry::State::Completed) return;
    QFile::remove(docPath(found.value()));
    QFile::remove(m_dir + QLatin1Char('/') + id + QStringLiteral(".json"));
    QMutexLocker lock(&m_mutex);
    m_entries.removeIf([&](const QueueEntry& x) { return x.id == id; });
}

void PrintQueue::processOnce() {
    const qint64 now = nowMs();
    for (QueueEntry e : entries()) {
        if (e.state == QueueEntry::State::Completed && !e.recorded) {
            if (!m_nextTryMs.contains(e.id)) {  // announce once per run (e.g. after a restart)
                m_nextTryMs.insert(e.id, 0);
                emit completed(e);
            }
            continue;
        }
        if (e.finished()) continue;
        const int total = int(e.labels.size());

        if (e.state == QueueEntry::State::Waiting) {
            if (m_nextTryMs.value(e.id, 0) > now) continue;
            QFile f(docPath(e));
            if (!f.open(QIODevice::ReadOnly)) {
                e.state = QueueEntry::State::Failed;
                e.errorCode = QStringLiteral("print_queue_io");
                setMessage(e, {}, QStringLiteral("打印文件丢失，请重新打印这些标签。"),
                           QStringLiteral("The print file is missing: print these labels again."));
                update(e);
                continue;
            }
            const QByteArray doc = f.readAll();
            ++e.attempts;
            if (FilePrinter::isFilePrinter(e.printer)) {  // the file printer: saved into its folder, done
                auto path = FilePrinter::write(FilePrinter::dirOf(e.printer), doc, e.format, e.title, now);
                if (!path) {
                    e.state = QueueEntry::State::Failed;
                    e.errorCode = path.error().code;
                    setMessage(e, {}, path.error().messageZh, path.error().messageEn);
                    update(e);
                    continue;
                }
                e.state = QueueEntry::State::Completed;
                e.completedMs = nowMs();
                e.pagesDone = total;
                e.outputPath = path.value();
                setMessage(e, {}, QStringLiteral("已保存为文件 %1").arg(path.value()),
                           QStringLiteral("Saved as the file %1").arg(path.value()));
                update(e);
                emit progress(e.id, total, total);
                m_nextTryMs.insert(e.id, 0);
                emit completed(e);
                continue;
            }
            auto id = m_cups.submit(e.printer, doc, e.format, e.title);
            if (id) {
                e.state = QueueEntry::State::Submitted;
                e.cupsJobId = id.value();
                e.errorCode.clear();
                setMessage(e, {}, QStringLiteral("已发送到打印机"), QStringLiteral("Sent to the printer"));
            } else if (CupsClient::isTransient(id.error())) {
                m_nextTryMs.insert(e.id, now + m_retryMs);
                e.errorCode = id.error().code;
                setMessage(e, QStringLiteral("offline"), id.error().messageZh, id.error().messageEn);
            } else {
                e.state = QueueEntry::State::Failed;
                e.errorCode = id.error().code;
                setMessage(e, {}, id.error().messageZh, id.error().messageEn);
            }
            update(e);
            continue;
        }

        // submitted: follow the job
        auto j = m_cups.job(e.printer, e.cupsJobId);
        if (!j) {
            if (CupsClient::isTransient(j.error())) {
                setMessage(e, QStringLiteral("offline"), j.error().messageZh, j.error().messageEn);
            } else {
                e.state = QueueEntry::State::Failed;
                e.errorCode = j.error().code;
                setMessage(e, {}, j.error().messageZh, j.error().messageEn);
            }
            update(e);
            continue;
        }
        const JobStatus& js = j.value();
        if (js.completed()) {
            e.state = QueueEntry::State::Completed;
            e.completedMs = nowMs();
            e.pagesDone = total;
            setMessage(e, {}, QStringLiteral("已打印"), QStringLiteral("Printed"));
            update(e);
            emit progress(e.id, total, total);
            m_nextTryMs.insert(e.id, 0);
            emit completed(e);
            continue;
        }
        if (js.state == 7 || js.state == 8) {
            e.state = js.state == 7 ? QueueEntry::State::Canceled : QueueEntry::State::Failed;
            e.errorCode = js.state == 8 ? QStringLiteral("print_job_aborted") : QString();
            if (js.state == 7)
                setMessage(e, {}, QStringLiteral("作业已在打印机上被取消"), QStringLiteral("The job was canceled at the printer"));
            else
                setMessage(e, {}, QStringLiteral("打印机中止了作业（%1）：请检查打印机后重新打印。").arg(js.reasons.join(QStringLiteral(", "))),
                           QStringLiteral("The printer aborted the job (%1): check the printer and print again.").arg(js.reasons.join(QStringLiteral(", "))));
            update(e);
            continue;
        }
        // pending / held / processing / stopped: say why it waits
        QString cond = QStringLiteral("busy");
        Notice words{cond, QStringLiteral("正在打印"), QStringLiteral("Printing")};
        auto p = m_cups.printer(e.printer);
        if (p) {
            cond = p->status.condition();
            if (cond != QLatin1String("ready")) words = p->status.describe();
            if (cond == QLatin1String("ready")) cond = QStringLiteral("busy");
        } else if (CupsClient::isTransient(p.error())) {
            cond = QStringLiteral("offline");
            words = {cond, p.error().messageZh, p.error().messageEn};
        }
        const int done = std::min(total, js.impressionsDone);
        const bool changed = cond != e.condition || done != e.pagesDone || words.zh != e.messageZh;
        e.pagesDone = done;
        setMessage(e, cond, words.zh, words.en);
        if (changed) {
            update(e);
            emit progress(e.id, done, total);
        }
    }
}

void PrintQueue::start(int pollMs) {
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &PrintQueue::processOnce);
    }
    m_timer->start(pollMs);
    QTimer::singleShot(0, this, &PrintQueue::processOnce);
}

void PrintQueue::stop() {
    if (m_timer) m_timer->stop();
}

}  // namespace archive::labels
