#pragma once
// An open USB device: synchronous transfers with timeouts, for use on ONE worker thread at a time.
// Errors come back as archive::Error (devices/usb/UsbError.h); "usb_no_device" means it was unplugged.
// The destructor releases claimed interfaces (re-attaching kernel drivers) and closes the device.

#include "common/Result.h"
#include "devices/usb/UsbContext.h"

#include <QByteArray>
#include <QString>
#include <memory>

struct libusb_device_handle;

namespace archive::usb {

class UsbDeviceHandle {
public:
    ~UsbDeviceHandle();
    UsbDeviceHandle(const UsbDeviceHandle&) = delete;
    UsbDeviceHandle& operator=(const UsbDeviceHandle&) = delete;

    static Result<std::unique_ptr<UsbDeviceHandle>> open(UsbContext& usb, const UsbDeviceInfo& info);

    const UsbDeviceInfo& info() const { return m_info; }

    // Detaches a kernel driver if one is bound (auto-detach) and claims the interface.
    Status claimInterface(int interfaceNumber);

    // Control transfers. bmRequestType's bit 7 decides the direction.
    Result<QByteArray> controlIn(quint8 requestType, quint8 request, quint16 value, quint16 index, int length,
                                 unsigned timeoutMs);
    Result<int> controlOut(quint8 requestType, quint8 request, quint16 value, quint16 index,
                           const QByteArray& data, unsigned timeoutMs);
    // HID SET_REPORT (class, interface): bmRequestType 0x21, bRequest 0x09.
    Result<int> hidSetReport(int interfaceNumber, quint8 reportType, quint8 reportId, const QByteArray& data,
                             unsigned timeoutMs);
    // Interrupt transfers. An IN read returns what arrived (may be shorter than length).
    Result<QByteArray> interruptIn(quint8 endpoint, int length, unsigned timeoutMs);
    Result<int> interruptOut(quint8 endpoint, const QByteArray& data, unsigned timeoutMs);
    // Reads and discards pending IN reports until the endpoint is quiet for quietMs (at most maxReports).
    int drainIn(quint8 endpoint, int length, unsigned quietMs, int maxReports = 8);

    // String descriptors (ASCII); empty when the device has none.
    Result<QString> stringDescriptor(quint8 index);
    Result<QString> serialNumber();
    Result<QString> productName();
    Result<QString> manufacturerName();

private:
    UsbDeviceHandle() = default;
    std::shared_ptr<void> m_lease;  // released after the destructor closed m_handle
    libusb_device_handle* m_handle = nullptr;
    UsbDeviceInfo m_info;
    quint8 m_iManufacturer = 0, m_iProduct = 0, m_iSerial = 0;
    unsigned m_claimed = 0;  // bit i = interface i claimed
};

}  // namespace archive::usb
