#include "devices/usb/UsbContext.h"

#include "devices/usb/UsbError.h"

#include <QLoggingCategory>
#include <QMap>
#include <libusb.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <pthread.h>
#include <unistd.h>
#include <thread>

Q_LOGGING_CATEGORY(lcUsb, "archive.usb", QtInfoMsg)

namespace archive::usb {

struct UsbContext::Impl {
    UsbContext* q = nullptr;
    Options opts;
    libusb_context* ctx = nullptr;
    libusb_hotplug_callback_handle hotplugHandle = 0;
    bool hotplug = false;
    std::atomic<int> stopping{0};
    std::thread eventThread;
    std::thread monitorThread;

    mutable std::mutex mutex;       // guards known, wake
    std::condition_variable cv;
    bool wake = false;
    bool fresh = false;             // fresh enumerations (no udevd)
    std::chrono::steady_clock::time_point lastFresh{};
    bool freshNow = false;          // rescanNow(): the next scan enumerates afresh
    // A short-lived context of a fresh enumeration: exited when the last device or lease drops it.
    struct Extra {
        libusb_context* ctx;
        explicit Extra(libusb_context* c) : ctx(c) {}
        ~Extra() { libusb_exit(ctx); }
    };
    struct Known {
        UsbDeviceInfo info;
        libusb_device* dev;  // referenced
        std::shared_ptr<Extra> owner;  // null: the main context
    };
    QMap<QString, Known> known;     // instanceKey → device

    std::mutex scanMutex;           // one enumeration at a time

    static int LIBUSB_CALL onHotplug(libusb_context*, libusb_device*, libusb_hotplug_event, void* user) {
        auto* self = static_cast<Impl*>(user);
        {
            std::lock_guard lk(self->mutex);
            self->wake = true;
            self->freshNow = true;  // an event did come: look now
        }
        self->cv.notify_all();
        return 0;  // stay registered
    }

    void eventLoop() {
        pthread_setname_np(pthread_self(), "usb-events");
        while (!stopping.load()) {
            timeval tv{0, 250000};
            int completed = 0;
            const int r = libusb_handle_events_timeout_completed(ctx, &tv, &completed);
            if (r != 0 && r != LIBUSB_ERROR_INTERRUPTED && r != LIBUSB_ERROR_TIMEOUT)
                qCWarning(lcUsb) << "libusb event handling:" << libusb_error_name(r);
        }
    }

    static UsbDeviceInfo describe(libusb_device* dev) {
        UsbDeviceInfo info;
        libusb_device_descriptor desc{};
        if (libusb_get_device_descriptor(dev, &desc) == 0) {
            info.vendorId = desc.idVendor;
            info.productId = desc.idProduct;
            info.deviceClass = desc.bDeviceClass;
            info.bcdDevice = desc.bcdDevice;
        }
        info.bus = libusb_get_bus_number(dev);
        info.address = libusb_get_device_address(dev);
        uint8_t ports[8];
        const int n = libusb_get_port_numbers(dev, ports, 8);
        QString path = QString::number(info.bus);
        for (int i = 0; i < n; ++i) path += (i == 0 ? QLatin1Char('-') : QLatin1Char('.')) + QString::number(ports[i]);
        info.portPath = path;
        return info;
    }

    // Enumerate, diff against the known set, emit signals (from the calling thread).
    void scan(bool forceFresh = false) {
        std::lock_guard scanLock(scanMutex);
        if (!ctx) return;
        // Without udevd the main context's list never changes: enumerate in a fresh context instead.
        std::shared_ptr<Extra> extra;
        if (fresh) {
            const auto t = std::chrono::steady_clock::now();
            bool due = forceFresh || t - lastFresh >= std::chrono::milliseconds(opts.freshIntervalMs);
            {
                std::lock_guard lk(mutex);
                due = due || freshNow;
                freshNow = false;
            }
            if (!due) return;
            lastFresh = t;
            libusb_context* c = nullptr;
            if (const int r = libusb_init(&c); r != 0) {
                qCWarning(lcUsb) << "fresh enumeration: libusb_init:" << libusb_error_name(r);
                return;
            }
            extra = std::make_shared<Extra>(c);
        }
        libusb_device** list = nullptr;
        const ssize_t n = libusb_get_device_list(extra ? extra->ctx : ctx, &list);
        if (n < 0) {
            qCWarning(lcUsb) << "libusb_get_device_list:" << libusb_error_name(int(n));
            return;
        }
        QMap<QString, Known> now;
        for (ssize_t i = 0; i < n; ++i) {
            UsbDeviceInfo info = describe(list[i]);
            now.insert(info.instanceKey(), Known{info, libusb_ref_device(list[i]), extra});
        }
        libusb_free_device_list(list, 1);

        QList<UsbDeviceInfo> arrived, left;
        QList<libusb_device*> unref;
        QList<std::shared_ptr<Extra>> dropped;  // released after the unrefs (an Extra exits its context)
        {
            std::lock_guard lk(mutex);
            for (auto it = known.cbegin(); it != known.cend(); ++it) {
                auto found = now.constFind(it.key());
                if (found == now.cend() || !(found->info == it->info)) left.append(it->info);
            }
            for (auto it = now.begin(); it != now.end(); ++it) {
                auto found = known.constFind(it.key());
                if (found == known.cend() || !(found->info == it->info)) {
                    arrived.append(it->info);
                } else if (extra) {
                    // Still there: keep the device object already handed out (its context may hold open handles).
                    unref.append(it->dev);
                    it->dev = libusb_ref_device(found->dev);
                    it->owner = found->owner;
                }
            }
            for (auto it = known.cbegin(); it != known.cend(); ++it) {
                unref.append(it->dev);
                dropped.append(it->owner);
            }
            known = now;
        }
        for (auto* dev : unref) libusb_unref_device(dev);
        dropped.clear();
        extra.reset();  // exits the fresh context unless a new device came from it
        for (const auto& info : left) {
            qCDebug(lcUsb) << "left" << info.vidPid() << info.portPath;
            emit q->deviceLeft(info);
        }
        for (const auto& info : arrived) {
            qCDebug(lcUsb) << "arrived" << info.vidPid() << info.portPath;
            emit q->deviceArrived(info);
        }
    }

    void monitorLoop() {
        pthread_setname_np(pthread_self(), "usb-monitor");
        while (!stopping.load()) {
            {
                std::unique_lock lk(mutex);
                const int period = fresh ? std::min(opts.rescanIntervalMs, opts.freshIntervalMs) : opts.rescanIntervalMs;
                cv.wait_for(lk, std::chrono::milliseconds(std::max(10, period)), [&] { return wake || stopping.load(); });
                wake = false;
            }
            if (stopping.load()) break;
            scan();
        }
    }
};

UsbContext::UsbContext(QObject* parent) : QObject(parent), d(std::make_unique<Impl>()) {
    d->q = this;
    qRegisterMetaType<archive::usb::UsbDeviceInfo>();
}

UsbContext::~UsbContext() { stop(); }

Status UsbContext::start(const Options& options) {
    if (d->ctx) return okStatus();
    d->opts = options;
    d->stopping = 0;
    libusb_context* ctx = nullptr;
    const int r = libusb_init(&ctx);
    if (r != 0) return usbError(r, QStringLiteral("libusb_init"));
    if (options.libusbLogLevel > 0) libusb_set_option(ctx, LIBUSB_OPTION_LOG_LEVEL, options.libusbLogLevel);
    d->ctx = ctx;
    d->hotplug = options.useHotplug && libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG);
    if (d->hotplug) {
        const int h = libusb_hotplug_register_callback(
            ctx, LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT, LIBUSB_HOTPLUG_NO_FLAGS,
            LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, &Impl::onHotplug, d.get(),
            &d->hotplugHandle);
        if (h != 0) {
            qCInfo(lcUsb) << "hotplug unavailable, re-enumerating every" << options.rescanIntervalMs << "ms:"
                          << libusb_error_name(h);
            d->hotplug = false;
        }
    }
    using Fresh = Options::Fresh;
    const bool udevd = ::access("/run/udev/control", F_OK) == 0;
    d->fresh = options.freshEnumeration == Fresh::Always ||
               (options.freshEnumeration == Fresh::Auto && !udevd && libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG));
    if (d->fresh)
        qCInfo(lcUsb) << (udevd ? "fresh enumeration asked for:" : "udevd is not running:")
                      << "USB devices are re-enumerated every" << options.freshIntervalMs << "ms";
    d->scan(true);
    d->eventThread = std::thread([this] { d->eventLoop(); });
    d->monitorThread = std::thread([this] { d->monitorLoop(); });
    return okStatus();
}

void UsbContext::stop() {
    if (!d->ctx) return;
    d->stopping = 1;
    d->cv.notify_all();
    if (d->monitorThread.joinable()) d->monitorThread.join();
    if (d->hotplug) libusb_hotplug_deregister_callback(d->ctx, d->hotplugHandle);  // also wakes the event loop
    libusb_interrupt_event_handler(d->ctx);
    if (d->eventThread.joinable()) d->eventThread.join();
    {
        std::lock_guard lk(d->mutex);
        for (auto& k : d->known) libusb_unref_device(k.dev);
        d->known.clear();  // fresh contexts exit here unless a UsbDeviceHandle still holds a lease
    }
    libusb_exit(d->ctx);
    d->ctx = nullptr;
    d->hotplug = false;
}

bool UsbContext::isRunning() const { return d->ctx != nullptr; }
bool UsbContext::hotplugSupported() const { return d->hotplug; }
bool UsbContext::freshEnumeration() const { return d->fresh; }

QList<UsbDeviceInfo> UsbContext::devices() const {
    std::lock_guard lk(d->mutex);
    QList<UsbDeviceInfo> out;
    for (const auto& k : d->known) out.append(k.info);
    return out;
}

QList<UsbDeviceInfo> UsbContext::devices(quint16 vendorId, quint16 productId) const {
    QList<UsbDeviceInfo> out;
    for (const auto& info : devices())
        if (info.vendorId == vendorId && info.productId == productId) out.append(info);
    return out;
}

void UsbContext::rescanNow() {
    {
        std::lock_guard lk(d->mutex);
        d->wake = true;
        d->freshNow = true;
    }
    d->cv.notify_all();
}

QList<UsbDeviceInfo> UsbContext::rescan() {
    d->scan(true);
    return devices();
}

libusb_context* UsbContext::rawContext() const { return d->ctx; }

libusb_device* UsbContext::refDevice(const UsbDeviceInfo& info) const {
    std::lock_guard lk(d->mutex);
    auto it = d->known.constFind(info.instanceKey());
    if (it == d->known.cend() || !(it->info == info)) return nullptr;
    return libusb_ref_device(it->dev);
}

std::shared_ptr<void> UsbContext::contextLease(const UsbDeviceInfo& info) const {
    std::lock_guard lk(d->mutex);
    auto it = d->known.constFind(info.instanceKey());
    if (it == d->known.cend() || !(it->info == info)) return nullptr;
    return it->owner;
}

}  // namespace archive::usb
