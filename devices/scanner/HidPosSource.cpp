#include "HidPosSource.h"

#include "devices/scanner/HidPosReport.h"
#include "devices/usb/UsbContext.h"
#include "devices/usb/UsbDeviceHandle.h"
#include "devices/usb/UsbError.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <atomic>
#include <thread>

Q_LOGGING_CATEGORY(lcHidPos, "archive.scanner.hidpos")

namespace archive::scanner {

using usb::UsbDeviceHandle;
using usb::UsbDeviceInfo;

struct HidPosSource::Reader {
    UsbDeviceInfo info;
    std::atomic<bool> stop{false};
    std::thread thread;
};

namespace {

QString deviceName(const UsbDeviceInfo& i) { return i.vidPid() + QStringLiteral(" @") + i.portPath; }

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

}  // namespace

HidPosSource::HidPosSource(usb::UsbContext& usb, QObject* parent) : HidPosSource(usb, Options{}, parent) {}

HidPosSource::HidPosSource(usb::UsbContext& usb, const Options& options, QObject* parent)
    : ScannerSource(parent), m_usb(usb), m_options(options) {
    qRegisterMetaType<Scan>();
    qRegisterMetaType<ScanRejection>();
    setStatus(QStringLiteral("HID POS 扫描枪：未连接"), QStringLiteral("HID POS scanner: none connected"));
}

HidPosSource::~HidPosSource() { stop(); }

void HidPosSource::start() {
    if (m_started) return;
    m_started = true;
    connect(&m_usb, &usb::UsbContext::deviceArrived, this, &HidPosSource::onArrived);
    connect(&m_usb, &usb::UsbContext::deviceLeft, this, &HidPosSource::onLeft);
    for (const UsbDeviceInfo& i : m_usb.devices()) onArrived(i);
}

void HidPosSource::stop() {
    if (!m_started) return;
    m_started = false;
    disconnect(&m_usb, nullptr, this, nullptr);
    for (auto& r : m_readers) r->stop = true;
    for (auto& r : m_readers)
        if (r->thread.joinable()) r->thread.join();  // each read times out within readTimeoutMs
    m_readers.clear();
    m_scanners.clear();
    updateStatus();
}

QStringList HidPosSource::scanners() const { return m_scanners; }

void HidPosSource::updateStatus() {
    if (m_scanners.isEmpty())
        setStatus(QStringLiteral("HID POS 扫描枪：未连接"), QStringLiteral("HID POS scanner: none connected"));
    else
        setStatus(QStringLiteral("HID POS 扫描枪：已连接 %1 台").arg(m_scanners.size()),
                  QStringLiteral("HID POS scanner: %1 connected").arg(m_scanners.size()));
}

void HidPosSource::onLeft(const UsbDeviceInfo& info) {
    // The reader notices by itself (its transfers fail with usb_no_device); make sure it stops.
    if (auto it = m_readers.find(info.instanceKey()); it != m_readers.end()) (*it)->stop = true;
}

void HidPosSource::onReaderFinished(const QString& key) {
    auto it = m_readers.find(key);
    if (it == m_readers.end()) return;
    std::shared_ptr<Reader> r = *it;
    m_readers.erase(it);
    if (r->thread.joinable()) r->thread.join();  // already returned: does not block
    const QString name = deviceName(r->info);
    if (m_scanners.removeAll(name) > 0) {
        emit scannerDetached(name);
        updateStatus();
    }
}

void HidPosSource::onArrived(const UsbDeviceInfo& info) {
    if (!m_started) return;
    for (const auto& [vid, pid] : m_options.skip)
        if (info.vendorId == vid && (pid == 0 || info.productId == pid)) return;
    const QString key = info.instanceKey();
    if (m_readers.contains(key)) return;
    auto reader = std::make_shared<Reader>();
    reader->info = info;
    m_readers.insert(key, reader);
    const Options opt = m_options;
    usb::UsbContext* ctx = &m_usb;
    Reader* r = reader.get();  // lives until onReaderFinished/stop joined the thread
    reader->thread = std::thread([this, r, ctx, opt, key] {
        const QString name = deviceName(r->info);
        auto post = [this](auto fn) { QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection); };
        auto finish = [&] { post([this, key] { onReaderFinished(key); }); };

        auto opened = UsbDeviceHandle::open(*ctx, r->info);
        if (!opened) {
            qCDebug(lcHidPos) << "cannot open" << name << opened.error().detail;
            finish();
            return;
        }
        std::unique_ptr<UsbDeviceHandle> h = std::move(opened).value();
        // Configuration descriptor: header first for the total length.
        auto head = h->controlIn(0x80, 0x06, 0x0200, 0, 9, 1000);
        QList<hidpos::HidInterface> ifaces;
        if (head && head->size() >= 4) {
            const int total = quint8((*head)[2]) | (quint8((*head)[3]) << 8);
            auto full = h->controlIn(0x80, 0x06, 0x0200, 0, std::clamp(total, 9, 4096), 1000);
            if (full) ifaces = hidpos::parseConfigDescriptor(*full);
        }
        const hidpos::HidInterface* pos = nullptr;
        const hidpos::HidInterface* keyboard = nullptr;
        for (const auto& itf : ifaces) {
            if (itf.cls != 3) continue;
            if (itf.protocol == 1 && !keyboard) keyboard = &itf;
            if (itf.reportDescriptorLength <= 0 || !itf.epIn) continue;
            auto rd = h->controlIn(0x81, 0x06, 0x2200, quint16(itf.number), itf.reportDescriptorLength, 1000);
            if (rd && hidpos::isBarcodeScannerDescriptor(*rd)) {
                pos = &itf;
                break;
            }
        }
        if (!pos) {
            if (opt.switchHoneywell && r->info.vendorId == hidpos::kHoneywellVendor && keyboard) {
                const QByteArray report{"\xFE\x01", 2};
                auto sent = h->hidSetReport(keyboard->number, 0x03 /* feature */, hidpos::kHoneywellModeReport,
                                            report, 1000);
                if (sent) post([this, name] { emit modeSwitchRequested(name); });
                else qCWarning(lcHidPos) << "Honeywell mode switch failed" << name << sent.error().detail;
            }
            finish();
            return;
        }
        if (auto st = h->claimInterface(pos->number); !st) {
            const archive::Error e = st.error();
            post([this, name, e] {
                setStatus(QStringLiteral("HID POS 扫描枪 %1 无法使用：%2").arg(name, e.messageZh),
                          QStringLiteral("HID POS scanner %1 cannot be used: %2").arg(name, e.messageEn));
            });
            finish();
            return;
        }
        post([this, name] {
            m_scanners.append(name);
            emit scannerAttached(name);
            updateStatus();
        });
        hidpos::ReportAssembler assembler;
        const int packet = std::max(pos->maxPacketIn, hidpos::kReportSize);
        int errorsInRow = 0;
        while (!r->stop.load()) {
            auto got = h->interruptIn(pos->epIn, packet, opt.readTimeoutMs);
            if (!got) {
                const archive::Error& e = got.error();
                if (e.code == QLatin1String("usb_timeout")) continue;
                if (usb::isGone(e) || ++errorsInRow >= 5) {
                    if (auto rej = assembler.abort(nowMs())) post([this, rej = *rej] { emit rejected(rej); });
                    break;
                }
                continue;
            }
            errorsInRow = 0;
            auto out = assembler.feed(*got, nowMs());
            if (out.scan) post([this, s = *out.scan] { emit scanned(s); });
            if (out.rejection) post([this, rej = *out.rejection] { emit rejected(rej); });
        }
        h.reset();  // releases the interface, re-attaches the kernel driver, closes
        finish();
    });
}

}  // namespace archive::scanner
