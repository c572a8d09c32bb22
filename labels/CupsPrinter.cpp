#include "labels/CupsPrinter.h"

#include <cups/cups.h>
#include <cups/ipp.h>

#include <QUrl>
#include <memory>
#include <vector>

namespace archive::labels {

namespace {

struct IppDeleter { void operator()(ipp_t* p) const { if (p) ippDelete(p); } };
using IppPtr = std::unique_ptr<ipp_t, IppDeleter>;

// Where a request goes: the scheduler (queue names) or the printer itself (ipp:// URIs).
struct Target {
    http_t* http = CUPS_HTTP_DEFAULT;
    bool own = false;
    QByteArray printerUri, resource;
    QString name;
    ~Target() { if (own && http) httpClose(http); }
};

QString cupsText() { return QString::fromUtf8(cupsLastErrorString()); }

bool isUri(const QString& s) { return s.startsWith(QLatin1String("ipp://")) || s.startsWith(QLatin1String("ipps://")); }

Error cupsError(ipp_status_t st, const QString& printer, const QString& what) {
    const QString detail = QStringLiteral("%1: %2 (0x%3)").arg(what, cupsText()).arg(int(st), 4, 16, QLatin1Char('0'));
    switch (st) {
    case IPP_STATUS_ERROR_NOT_FOUND:
        return makeError(QStringLiteral("printer_not_found"),
                         QStringLiteral("找不到打印机“%1”：请检查名称（archivectl printers 可列出所有打印机），或请管理员添加该打印机。").arg(printer),
                         QStringLiteral("Printer \"%1\" was not found: check the name (archivectl printers lists them) or ask the administrator to add it.").arg(printer),
                         detail);
    case IPP_STATUS_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED:
    case IPP_STATUS_ERROR_DOCUMENT_FORMAT_ERROR:
        return makeError(QStringLiteral("printer_rejects_format"),
                         QStringLiteral("打印机“%1”不接受这种文件格式：请为它选用合适的打印方式（普通打印机用 PDF，斑马打印机用 ZPL），或请管理员检查驱动。").arg(printer),
                         QStringLiteral("Printer \"%1\" does not accept this document format: use PDF for ordinary printers and ZPL for Zebra printers, or ask the administrator to check the driver.").arg(printer),
                         detail);
    case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
        return makeError(QStringLiteral("printer_not_accepting"),
                         QStringLiteral("打印机“%1”暂停接收作业：请管理员恢复该打印机；标签会留在队列中稍后自动打印。").arg(printer),
                         QStringLiteral("Printer \"%1\" is not accepting jobs: ask the administrator to resume it; the labels stay queued and print later.").arg(printer),
                         detail);
    case IPP_STATUS_ERROR_FORBIDDEN:
    case IPP_STATUS_ERROR_NOT_AUTHENTICATED:
    case IPP_STATUS_ERROR_NOT_AUTHORIZED:
        return makeError(QStringLiteral("printer_forbidden"),
                         QStringLiteral("没有权限使用打印机“%1”：请管理员检查打印服务的权限设置。").arg(printer),
                         QStringLiteral("Not allowed to use printer \"%1\": ask the administrator to check the print service's permissions.").arg(printer),
                         detail);
    case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
    case IPP_STATUS_ERROR_BUSY:
    case IPP_STATUS_ERROR_TIMEOUT:
    case IPP_STATUS_ERROR_INTERNAL:
    default:
        return makeError(QStringLiteral("printer_unreachable"),
                         QStringLiteral("暂时连不上打印服务或打印机“%1”：请检查打印机电源和网线；标签会留在队列中，恢复后自动打印。").arg(printer),
                         QStringLiteral("Cannot reach the print service or printer \"%1\" right now: check the printer's power and cable; the labels stay queued and print when it is back.").arg(printer),
                         detail);
    }
}

Result<std::unique_ptr<Target>> targetFor(const QString& server, const QString& nameOrUri) {
    if (!server.isEmpty()) cupsSetServer(server.toUtf8().constData());
    else cupsSetServer(nullptr);  // $CUPS_SERVER or the default
    auto t = std::make_unique<Target>();
    t->name = nameOrUri;
    if (nameOrUri.trimmed().isEmpty())
        return makeError(QStringLiteral("printer_not_found"), QStringLiteral("没有指定打印机：请选择一台打印机。"),
                         QStringLiteral("No printer given: choose a printer."));
    if (isUri(nameOrUri)) {
        const QUrl u(nameOrUri);
        if (!u.isValid() || u.host().isEmpty())
            return makeError(QStringLiteral("printer_not_found"), QStringLiteral("打印机地址“%1”无效。").arg(nameOrUri),
                             QStringLiteral("The printer address \"%1\" is not valid.").arg(nameOrUri));
        const bool tls = u.scheme() == QLatin1String("ipps");
        t->http = httpConnect2(u.host().toUtf8().constData(), u.port(631), nullptr, AF_UNSPEC,
                               tls ? HTTP_ENCRYPTION_ALWAYS : HTTP_ENCRYPTION_IF_REQUESTED, 1, 10000, nullptr);
        if (!t->http) return cupsError(IPP_STATUS_ERROR_SERVICE_UNAVAILABLE, nameOrUri, QStringLiteral("connect"));
        t->own = true;
        t->printerUri = nameOrUri.toUtf8();
        t->resource = u.path().isEmpty() ? QByteArray("/") : u.path().toUtf8();
    } else {
        for (QChar c : nameOrUri)
            if (c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('#') || c.unicode() < 0x20)
                return cupsError(IPP_STATUS_ERROR_NOT_FOUND, nameOrUri.left(60), QStringLiteral("bad queue name"));
        t->printerUri = "ipp://localhost/printers/" + QUrl::toPercentEncoding(nameOrUri);
        t->resource = "/printers/" + QUrl::toPercentEncoding(nameOrUri);
    }
    return t;
}

QStringList strings(ipp_t* resp, const char* name) {
    QStringList out;
    if (ipp_attribute_t* a = ippFindAttribute(resp, name, IPP_TAG_ZERO))
        for (int i = 0; i < ippGetCount(a); ++i) out << QString::fromUtf8(ippGetString(a, i, nullptr));
    return out;
}
int integer(ipp_t* resp, const char* name, int fallback = 0) {
    if (ipp_attribute_t* a = ippFindAttribute(resp, name, IPP_TAG_ZERO)) return ippGetInteger(a, 0);
    return fallback;
}
bool boolean(ipp_t* resp, const char* name, bool fallback) {
    if (ipp_attribute_t* a = ippFindAttribute(resp, name, IPP_TAG_BOOLEAN)) return ippGetBoolean(a, 0);
    return fallback;
}

const char* const kPrinterAttrs[] = {"printer-name", "printer-uri-supported", "device-uri", "printer-info",
                                     "printer-location", "printer-make-and-model", "printer-state",
                                     "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs",
                                     "media-supported", "media-ready", "document-format-supported",
                                     "printer-type"};

PrinterInfo infoFrom(ipp_t* attrs, const QString& fallbackName) {
    PrinterInfo p;
    const QStringList name = strings(attrs, "printer-name");
    p.name = name.isEmpty() ? fallbackName : name.first();
    const QStringList dev = strings(attrs, "device-uri");
    const QStringList sup = strings(attrs, "printer-uri-supported");
    p.uri = !dev.isEmpty() ? dev.first() : (!sup.isEmpty() ? sup.first() : fallbackName);
    p.info = strings(attrs, "printer-info").value(0);
    p.location = strings(attrs, "printer-location").value(0);
    p.makeModel = strings(attrs, "printer-make-and-model").value(0);
    p.status.state = integer(attrs, "printer-state", 3);
    p.status.reasons = strings(attrs, "printer-state-reasons");
    p.status.reasons.removeAll(QStringLiteral("none"));
    p.status.message = strings(attrs, "printer-state-message").value(0);
    p.status.accepting = boolean(attrs, "printer-is-accepting-jobs", true);
    p.media = strings(attrs, "media-supported");
    p.mediaReady = strings(attrs, "media-ready");
    p.formats = strings(attrs, "document-format-supported");
    p.isDefault = (integer(attrs, "printer-type") & CUPS_PRINTER_DEFAULT) != 0;
    return p;
}

// The attributes of one group of a response (CUPS-Get-Printers returns one printer group per queue).
std::vector<IppPtr> printerGroups(ipp_t* resp) {
    std::vector<IppPtr> out;
    ipp_t* cur = nullptr;
    for (ipp_attribute_t* a = ippFirstAttribute(resp); a; a = ippNextAttribute(resp)) {
        if (ippGetGroupTag(a) != IPP_TAG_PRINTER || !ippGetName(a)) {
            cur = nullptr;
            continue;
        }
        if (!cur) {
            out.push_back(IppPtr(ippNew()));
            cur = out.back().get();
        }
        ippCopyAttribute(cur, a, 0);
    }
    return out;
}
}  // namespace

QString PrinterStatus::condition() const {
    auto has = [this](const char* prefix) {
        for (const auto& r : reasons)
            if (r.startsWith(QLatin1String(prefix))) return true;
        return false;
    };
    if (has("offline") || has("connecting-to-device") || has("timed-out") || has("shutdown")) return QStringLiteral("offline");
    // CUPS' ipp backend reports an unreachable printer only in printer-state-message while it retries
    static const char* const kOfflineMessages[] = {"may not exist or is unavailable", "not responding", "Waiting for printer",
                                                   "Unable to connect", "Connection refused", "Unable to locate printer",
                                                   "is offline"};
    for (const char* m : kOfflineMessages)
        if (message.contains(QLatin1String(m), Qt::CaseInsensitive)) return QStringLiteral("offline");
    if (has("media-empty") || has("media-needed")) return QStringLiteral("media-empty");
    if (has("media-jam")) return QStringLiteral("jam");
    if (has("door-open") || has("cover-open")) return QStringLiteral("door-open");
    if (state == 5 || has("paused") || !accepting) return QStringLiteral("paused");
    for (const auto& r : reasons)
        if (r.endsWith(QLatin1String("-error"))) return QStringLiteral("error");
    if (state == 4) return QStringLiteral("busy");
    return QStringLiteral("ready");
}

Notice PrinterStatus::describe() const {
    const QString c = condition();
    if (c == QLatin1String("offline"))
        return {c, QStringLiteral("打印机离线：请检查打印机电源和连接线。标签已排队，打印机恢复后会自动打印。"),
                QStringLiteral("The printer is offline: check its power and cable. The labels are queued and print when it is back.")};
    if (c == QLatin1String("media-empty"))
        return {c, QStringLiteral("打印机缺标签纸：请装入标签纸。"), QStringLiteral("The printer is out of labels: load a new roll or sheet.")};
    if (c == QLatin1String("jam"))
        return {c, QStringLiteral("打印机卡纸：请打开打印机取出卡住的标签。"), QStringLiteral("Labels are jammed: open the printer and remove them.")};
    if (c == QLatin1String("door-open"))
        return {c, QStringLiteral("打印机盖子开着：请合上。"), QStringLiteral("The printer's cover is open: close it.")};
    if (c == QLatin1String("paused"))
        return {c, QStringLiteral("打印机已暂停：请管理员恢复打印机（cupsenable / 打印机设置）。标签已排队。"),
                QStringLiteral("The printer is paused: ask the administrator to resume it. The labels are queued.")};
    if (c == QLatin1String("error"))
        return {c, QStringLiteral("打印机报告故障（%1）：请查看打印机面板。").arg(reasons.join(QStringLiteral(", "))),
                QStringLiteral("The printer reports a fault (%1): look at its panel.").arg(reasons.join(QStringLiteral(", ")))};
    if (c == QLatin1String("busy"))
        return {c, QStringLiteral("打印机正在打印。"), QStringLiteral("The printer is printing.")};
    return {c, QStringLiteral("打印机就绪。"), QStringLiteral("The printer is ready.")};
}

QString JobStatus::stateName() const {
    switch (state) {
    case 3: return QStringLiteral("pending");
    case 4: return QStringLiteral("held");
    case 5: return QStringLiteral("processing");
    case 6: return QStringLiteral("stopped");
    case 7: return QStringLiteral("canceled");
    case 8: return QStringLiteral("aborted");
    case 9: return QStringLiteral("completed");
    }
    return QStringLiteral("unknown");
}

CupsClient::CupsClient(QString server) : m_server(std::move(server)) {}

bool CupsClient::isTransient(const Error& e) {
    return e.code == QLatin1String("printer_unreachable") || e.code == QLatin1String("printer_not_accepting");
}

Result<QList<PrinterInfo>> CupsClient::printers() {
    if (!m_server.isEmpty()) cupsSetServer(m_server.toUtf8().constData());
    else cupsSetServer(nullptr);
    ipp_t* req = ippNewRequest(IPP_OP_CUPS_GET_PRINTERS);
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  int(sizeof kPrinterAttrs / sizeof *kPrinterAttrs), nullptr, kPrinterAttrs);
    IppPtr resp(cupsDoRequest(CUPS_HTTP_DEFAULT, req, "/"));
    const ipp_status_t st = cupsLastError();
    QList<PrinterInfo> out;
    if (st == IPP_STATUS_ERROR_NOT_FOUND) return out;  // no queues at all
    if (!resp || st > IPP_STATUS_OK_EVENTS_COMPLETE) {
        Error e = cupsError(st, QStringLiteral("CUPS %1").arg(QString::fromUtf8(cupsServer())), QStringLiteral("CUPS-Get-Printers"));
        if (e.code == QLatin1String("printer_unreachable")) {
            e.messageZh = QStringLiteral("连不上打印服务 CUPS（%1）：请管理员启动 CUPS 服务（systemctl start cups），或设置 CUPS_SERVER。")
                              .arg(QString::fromUtf8(cupsServer()));
            e.messageEn = QStringLiteral("Cannot reach the CUPS print service (%1): ask the administrator to start it (systemctl start cups) or set CUPS_SERVER.")
                              .arg(QString::fromUtf8(cupsServer()));
        }
        return e;
    }
    for (const auto& g : printerGroups(resp.get())) out << infoFrom(g.get(), {});
    return out;
}

Result<PrinterInfo> CupsClient::printer(const QString& nameOrUri) {
    auto t = targetFor(m_server, nameOrUri);
    if (!t) return t.error();
    ipp_t* req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, t.value()->printerUri.constData());
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  int(sizeof kPrinterAttrs / sizeof *kPrinterAttrs), nullptr, kPrinterAttrs);
    IppPtr resp(cupsDoRequest(t.value()->http, req, isUri(nameOrUri) ? t.value()->resource.constData() : "/"));
    const ipp_status_t st = cupsLastError();
    if (!resp || st > IPP_STATUS_OK_EVENTS_COMPLETE) return cupsError(st, nameOrUri, QStringLiteral("Get-Printer-Attributes"));
    PrinterInfo p = infoFrom(resp.get(), nameOrUri);
    if (isUri(nameOrUri)) p.name = nameOrUri;
    return p;
}

Result<int> CupsClient::submit(const QString& nameOrUri, const QByteArray& document, const QString& format,
                               const QString& title, const QString& user) {
    auto t = targetFor(m_server, nameOrUri);
    if (!t) return t.error();
    Target& tg = *t.value();
    if (!user.isEmpty()) cupsSetUser(user.toUtf8().constData());
    // The destination API (create job, send document, finish) — the path devices.md §4 saw working for both
    // cupsd queues and IPP printers addressed by URI.
    cups_dest_t* dest = isUri(nameOrUri) ? cupsGetDestWithURI(nullptr, tg.printerUri.constData())
                                         : cupsGetNamedDest(CUPS_HTTP_DEFAULT, nameOrUri.toUtf8().constData(), nullptr);
    if (!dest) {
        // unknown queue, or no scheduler at all: ask the scheduler directly to tell the two apart
        ipp_t* req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
        ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, tg.printerUri.constData());
        IppPtr resp(cupsDoRequest(CUPS_HTTP_DEFAULT, req, "/"));
        const ipp_status_t st = cupsLastError();
        return cupsError(st <= IPP_STATUS_OK_EVENTS_COMPLETE ? IPP_STATUS_ERROR_NOT_FOUND : st, nameOrUri,
                         QStringLiteral("get destination"));
    }
    http_t* http = CUPS_HTTP_DEFAULT;
    http_t* own = nullptr;
    if (isUri(nameOrUri)) {
        own = cupsConnectDest(dest, CUPS_DEST_FLAGS_DEVICE, 10000, nullptr, nullptr, 0, nullptr, nullptr);
        if (!own) {
            cupsFreeDests(1, dest);
            return cupsError(IPP_STATUS_ERROR_SERVICE_UNAVAILABLE, nameOrUri, QStringLiteral("connect"));
        }
        http = own;
    }
    auto cleanup = [&] {
        cupsFreeDests(1, dest);
        if (own) httpClose(own);
    };
    cups_dinfo_t* info = cupsCopyDestInfo(http, dest);
    if (!info) {
        const ipp_status_t st = cupsLastError();
        cleanup();
        return cupsError(st == IPP_STATUS_OK ? IPP_STATUS_ERROR_SERVICE_UNAVAILABLE : st, nameOrUri, QStringLiteral("copy dest info"));
    }
    const QByteArray fmt = format.toUtf8();
    if (!cupsCheckDestSupported(http, dest, info, "document-format", fmt.constData())) {
        cupsFreeDestInfo(info);
        cleanup();
        return cupsError(IPP_STATUS_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED, nameOrUri,
                         QStringLiteral("document-format %1 not supported").arg(format));
    }
    int jobId = 0;
    const QByteArray jobName = title.left(200).toUtf8();
    ipp_status_t st = cupsCreateDestJob(http, dest, info, &jobId, jobName.constData(), 0, nullptr);
    if (st > IPP_STATUS_OK_EVENTS_COMPLETE || jobId <= 0) {
        cupsFreeDestInfo(info);
        cleanup();
        return cupsError(st, nameOrUri, QStringLiteral("Create-Job"));
    }
    http_status_t hs = cupsStartDestDocument(http, dest, info, jobId, jobName.constData(), fmt.constData(), 0, nullptr, 1);
    for (qsizetype off = 0; hs == HTTP_STATUS_CONTINUE && off < document.size(); off += 65536) {
        const qsizetype n = std::min<qsizetype>(65536, document.size() - off);
        hs = cupsWriteRequestData(http, document.constData() + off, size_t(n));
    }
    const ipp_status_t startStatus = hs == HTTP_STATUS_CONTINUE ? IPP_STATUS_OK : cupsLastError();
    st = cupsFinishDestDocument(http, dest, info);
    if (st <= IPP_STATUS_OK_EVENTS_COMPLETE && startStatus > IPP_STATUS_OK_EVENTS_COMPLETE) st = startStatus;
    cupsFreeDestInfo(info);
    if (hs != HTTP_STATUS_CONTINUE || st > IPP_STATUS_OK_EVENTS_COMPLETE) {
        const ipp_status_t why = st > IPP_STATUS_OK_EVENTS_COMPLETE ? st : IPP_STATUS_ERROR_SERVICE_UNAVAILABLE;
        cupsCancelDestJob(http, dest, jobId);
        cleanup();
        return cupsError(why, nameOrUri, QStringLiteral("Send-Document (http %1)").arg(int(hs)));
    }
    cleanup();
    return jobId;
}

Result<JobStatus> CupsClient::job(const QString& nameOrUri, int jobId) {
    auto t = targetFor(m_server, nameOrUri);
    if (!t) return t.error();
    static const char* const attrs[] = {"job-id", "job-state", "job-state-reasons", "job-impressions-completed"};
    ipp_t* req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, t.value()->printerUri.constData());
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", jobId);
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, nullptr, attrs);
    IppPtr resp(cupsDoRequest(t.value()->http, req, isUri(nameOrUri) ? t.value()->resource.constData() : "/"));
    const ipp_status_t st = cupsLastError();
    if (!resp || st > IPP_STATUS_OK_EVENTS_COMPLETE) {
        if (st == IPP_STATUS_ERROR_NOT_FOUND)
            return makeError(QStringLiteral("job_not_found"),
                             QStringLiteral("打印作业 %1 在打印机“%2”上已不存在：请重新打印这些标签。").arg(jobId).arg(nameOrUri),
                             QStringLiteral("Print job %1 no longer exists on printer \"%2\": print these labels again.").arg(jobId).arg(nameOrUri),
                             cupsText());
        return cupsError(st, nameOrUri, QStringLiteral("Get-Job-Attributes"));
    }
    JobStatus j;
    j.id = jobId;
    j.state = integer(resp.get(), "job-state");
    j.reasons = strings(resp.get(), "job-state-reasons");
    j.impressionsDone = integer(resp.get(), "job-impressions-completed");
    return j;
}

Status CupsClient::cancel(const QString& nameOrUri, int jobId) {
    auto t = targetFor(m_server, nameOrUri);
    if (!t) return t.error();
    ipp_t* req = ippNewRequest(IPP_OP_CANCEL_JOB);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, t.value()->printerUri.constData());
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", jobId);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    IppPtr resp(cupsDoRequest(t.value()->http, req, isUri(nameOrUri) ? t.value()->resource.constData() : "/jobs/"));
    const ipp_status_t st = cupsLastError();
    // already finished jobs cannot be canceled: that is fine for the caller
    if (st == IPP_STATUS_ERROR_NOT_POSSIBLE) return okStatus();
    if (st > IPP_STATUS_OK_EVENTS_COMPLETE) return cupsError(st, nameOrUri, QStringLiteral("Cancel-Job"));
    return okStatus();
}

}  // namespace archive::labels
