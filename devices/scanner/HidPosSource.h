#pragma once
// HID POS barcode scanners over libusb, on the project's one UsbContext (devices/usb).
// Every arriving USB device is probed on a reader thread (never the GUI thread): its HID report
// descriptors are read and a device declaring usage page 0x8C is claimed (kernel driver auto-detached)
// and read (input report 0x02, multi-report codes joined). A Honeywell scanner (VID 0x0c2e) still in
// keyboard mode is switched to HID POS mode with feature report 0xFE = [0x01]; it then re-enumerates and
// arrives again as a POS scanner. Devices come and go without a restart (UsbContext's hotplug signals).

#include "devices/scanner/ScannerSource.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>
#include <memory>

namespace archive::usb { class UsbContext; struct UsbDeviceInfo; }

namespace archive::scanner {

class HidPosSource : public ScannerSource {
    Q_OBJECT
public:
    struct Options {
        unsigned readTimeoutMs = 250;       // one interrupt read; the reader checks for stop between reads
        bool switchHoneywell = true;        // send the HID POS mode feature report to Honeywell keyboards
        // Devices never probed (the climate sensors' sticks): VID, PID (PID 0 = every product of the VID).
        QList<QPair<quint16, quint16>> skip = {{0x0c45, 0x7401}, {0x0c45, 0x7402}, {0x413d, 0x2107},
                                               {0x1a86, 0xe025}, {0x289b, 0}};
    };

    explicit HidPosSource(usb::UsbContext& usb, QObject* parent = nullptr);
    HidPosSource(usb::UsbContext& usb, const Options& options, QObject* parent = nullptr);
    ~HidPosSource() override;  // stops and joins the readers

    // Probes the devices present now and follows arrivals/removals. The UsbContext must be running.
    void start();
    void stop();
    QStringList scanners() const;  // "0c2e:0b87 @1-2" for every claimed HID POS scanner

signals:
    void scannerAttached(const QString& name);
    void scannerDetached(const QString& name);
    void modeSwitchRequested(const QString& name);  // a Honeywell keyboard was told to become HID POS

private:
    struct Reader;
    void onArrived(const usb::UsbDeviceInfo& info);
    void onLeft(const usb::UsbDeviceInfo& info);
    void onReaderFinished(const QString& key);
    void updateStatus();

    usb::UsbContext& m_usb;
    Options m_options;
    bool m_started = false;
    QHash<QString, std::shared_ptr<Reader>> m_readers;  // by UsbDeviceInfo::instanceKey()
    QStringList m_scanners;
};

}  // namespace archive::scanner
