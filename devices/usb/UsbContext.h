#pragma once
// The ONE owner of the libusb context in a process (made once in main.cpp / archivectl and passed to the
// drivers). It runs libusb's event-handling thread and a small monitor thread that turns hotplug events —
// or, where hotplug is not available (no udev), a periodic re-enumeration — into Qt signals.
//
// Without udevd (containers, minimal systems) libusb's Linux backend still reports hotplug as supported,
// but its device list is only updated by udevd's events, which never come: a pulled stick stays listed
// and a replugged one never appears. Then (Options::freshEnumeration, Auto = "/run/udev/control" is
// missing) every freshIntervalMs a short-lived libusb context enumerates sysfs afresh; devices that are
// new are taken from that context, which stays alive while any of its devices is listed or open
// (UsbDeviceHandle holds a lease on it), so a replugged stick comes back without a restart.
//
//   archive::usb::UsbContext usb;
//   if (auto st = usb.start(); !st) { … st.error() … }
//   QObject::connect(&usb, &UsbContext::deviceArrived, …);   // queued to the receiver's thread
//   for (const auto& d : usb.devices(0x413d, 0x2107)) { auto h = UsbDeviceHandle::open(usb, d); … }
//
// Signals are emitted from the monitor thread; connect with the default (auto) connection and they
// arrive queued in the receiver's thread. The GUI thread never blocks on USB: device I/O belongs on
// workers (UsbDeviceHandle's calls are synchronous with timeouts).

#include "common/Result.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <memory>

struct libusb_context;
struct libusb_device;

namespace archive::usb {

struct UsbDeviceInfo {
    quint16 vendorId = 0;
    quint16 productId = 0;
    quint8 bus = 0;
    quint8 address = 0;      // changes on every replug
    QString portPath;        // "1-2.3": bus and port chain; the same socket gives the same path
    quint8 deviceClass = 0;
    quint16 bcdDevice = 0;

    QString vidPid() const { return QStringLiteral("%1:%2").arg(vendorId, 4, 16, QLatin1Char('0')).arg(productId, 4, 16, QLatin1Char('0')); }
    // Unique while plugged in.
    QString instanceKey() const { return QStringLiteral("%1/%2").arg(bus).arg(address); }
    bool operator==(const UsbDeviceInfo& o) const {
        return bus == o.bus && address == o.address && vendorId == o.vendorId && productId == o.productId &&
               portPath == o.portPath;
    }
};

class UsbContext : public QObject {
    Q_OBJECT
public:
    struct Options {
        int rescanIntervalMs = 1000;  // re-enumeration period (the only source of changes without hotplug)
        bool useHotplug = true;       // register a libusb hotplug callback when supported
        int libusbLogLevel = 0;       // LIBUSB_LOG_LEVEL_*; 0 = none
        enum class Fresh { Auto, Always, Never };
        Fresh freshEnumeration = Fresh::Auto;  // Auto: when udevd is not running
        int freshIntervalMs = 3000;            // fresh enumeration period (rescanNow() does one at once)
    };

    explicit UsbContext(QObject* parent = nullptr);
    ~UsbContext() override;  // stop()

    // libusb_init, event thread, hotplug registration, first enumeration (devices() is filled on return).
    Status start(const Options& options);
    Status start() { return start(Options{}); }
    // Stops both threads, releases every device reference and calls libusb_exit. Idempotent.
    // Close all UsbDeviceHandles first.
    void stop();

    bool isRunning() const;
    bool hotplugSupported() const;
    // True when the device list comes from fresh enumerations (no udevd), see above.
    bool freshEnumeration() const;
    // Current snapshot, all devices / one model.
    QList<UsbDeviceInfo> devices() const;
    QList<UsbDeviceInfo> devices(quint16 vendorId, quint16 productId) const;
    // Re-enumerate now (asynchronously) instead of waiting for the next period.
    void rescanNow();
    // Re-enumerate now, synchronously; returns the new snapshot. Not from the GUI thread.
    QList<UsbDeviceInfo> rescan();

    // For UsbDeviceHandle only.
    libusb_context* rawContext() const;
    // A referenced libusb_device for the info (unref with libusb_unref_device), or null if gone.
    libusb_device* refDevice(const UsbDeviceInfo& info) const;
    // Keeps the libusb context the device came from alive (fresh enumeration); hold it while the device is
    // open. Null when the device is gone or belongs to the main context.
    std::shared_ptr<void> contextLease(const UsbDeviceInfo& info) const;

signals:
    void deviceArrived(const archive::usb::UsbDeviceInfo& info);
    void deviceLeft(const archive::usb::UsbDeviceInfo& info);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace archive::usb

Q_DECLARE_METATYPE(archive::usb::UsbDeviceInfo)
