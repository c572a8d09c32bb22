#include "devices/usb/UsbDeviceHandle.h"

#include "devices/usb/UsbError.h"

#include <libusb.h>

namespace archive::usb {

UsbDeviceHandle::~UsbDeviceHandle() {
    if (!m_handle) return;
    for (int i = 0; i < 32; ++i)
        if (m_claimed & (1u << i)) libusb_release_interface(m_handle, i);
    libusb_close(m_handle);
}

Result<std::unique_ptr<UsbDeviceHandle>> UsbDeviceHandle::open(UsbContext& usb, const UsbDeviceInfo& info) {
    std::shared_ptr<void> lease = usb.contextLease(info);  // a fresh enumeration's context stays while open
    libusb_device* dev = usb.refDevice(info);
    if (!dev) return usbError(LIBUSB_ERROR_NO_DEVICE, QStringLiteral("open %1 at %2").arg(info.vidPid(), info.portPath));
    libusb_device_handle* h = nullptr;
    const int r = libusb_open(dev, &h);
    libusb_device_descriptor desc{};
    libusb_get_device_descriptor(dev, &desc);
    libusb_unref_device(dev);
    if (r != 0) return usbError(r, QStringLiteral("open %1 at %2").arg(info.vidPid(), info.portPath));
    std::unique_ptr<UsbDeviceHandle> out(new UsbDeviceHandle);
    out->m_handle = h;
    out->m_lease = std::move(lease);
    out->m_info = info;
    out->m_iManufacturer = desc.iManufacturer;
    out->m_iProduct = desc.iProduct;
    out->m_iSerial = desc.iSerialNumber;
    libusb_set_auto_detach_kernel_driver(h, 1);
    return out;
}

Status UsbDeviceHandle::claimInterface(int n) {
    if (n < 0 || n > 31) return usbError(LIBUSB_ERROR_INVALID_PARAM, QStringLiteral("claim interface %1").arg(n));
    if (m_claimed & (1u << n)) return okStatus();
    const int r = libusb_claim_interface(m_handle, n);
    if (r != 0) return usbError(r, QStringLiteral("claim interface %1").arg(n));
    m_claimed |= 1u << n;
    return okStatus();
}

Result<QByteArray> UsbDeviceHandle::controlIn(quint8 type, quint8 request, quint16 value, quint16 index,
                                              int length, unsigned timeoutMs) {
    QByteArray buf(length, '\0');
    const int r = libusb_control_transfer(m_handle, type | LIBUSB_ENDPOINT_IN, request, value, index,
                                          reinterpret_cast<unsigned char*>(buf.data()), quint16(length), timeoutMs);
    if (r < 0) return usbError(r, QStringLiteral("control IN %1/%2").arg(type, 2, 16, QLatin1Char('0')).arg(request));
    buf.truncate(r);
    return buf;
}

Result<int> UsbDeviceHandle::controlOut(quint8 type, quint8 request, quint16 value, quint16 index,
                                        const QByteArray& data, unsigned timeoutMs) {
    QByteArray copy = data;
    const int r = libusb_control_transfer(m_handle, type & ~LIBUSB_ENDPOINT_IN, request, value, index,
                                          reinterpret_cast<unsigned char*>(copy.data()), quint16(copy.size()),
                                          timeoutMs);
    if (r < 0) return usbError(r, QStringLiteral("control OUT %1/%2").arg(type, 2, 16, QLatin1Char('0')).arg(request));
    return r;
}

Result<int> UsbDeviceHandle::hidSetReport(int iface, quint8 reportType, quint8 reportId, const QByteArray& data,
                                          unsigned timeoutMs) {
    return controlOut(0x21 /* class, interface */, 0x09,
                      quint16(reportType << 8 | reportId), quint16(iface), data, timeoutMs);
}

Result<QByteArray> UsbDeviceHandle::interruptIn(quint8 endpoint, int length, unsigned timeoutMs) {
    QByteArray buf(length, '\0');
    int got = 0;
    const int r = libusb_interrupt_transfer(m_handle, endpoint | LIBUSB_ENDPOINT_IN,
                                            reinterpret_cast<unsigned char*>(buf.data()), length, &got, timeoutMs);
    if (r != 0) return usbError(r, QStringLiteral("interrupt IN 0x%1").arg(endpoint, 2, 16, QLatin1Char('0')));
    buf.truncate(got);
    return buf;
}

Result<int> UsbDeviceHandle::interruptOut(quint8 endpoint, const QByteArray& data, unsigned timeoutMs) {
    QByteArray copy = data;
    int sent = 0;
    const int r = libusb_interrupt_transfer(m_handle, endpoint & ~LIBUSB_ENDPOINT_IN,
                                            reinterpret_cast<unsigned char*>(copy.data()), int(copy.size()), &sent,
                                            timeoutMs);
    if (r != 0) return usbError(r, QStringLiteral("interrupt OUT 0x%1").arg(endpoint, 2, 16, QLatin1Char('0')));
    return sent;
}

int UsbDeviceHandle::drainIn(quint8 endpoint, int length, unsigned quietMs, int maxReports) {
    int n = 0;
    while (n < maxReports) {
        auto r = interruptIn(endpoint, length, quietMs);
        if (!r) break;
        ++n;
    }
    return n;
}

Result<QString> UsbDeviceHandle::stringDescriptor(quint8 index) {
    if (index == 0) return QString();
    unsigned char buf[256];
    const int r = libusb_get_string_descriptor_ascii(m_handle, index, buf, sizeof buf);
    if (r < 0) return usbError(r, QStringLiteral("string descriptor %1").arg(index));
    return QString::fromLatin1(reinterpret_cast<const char*>(buf), r).trimmed();
}

Result<QString> UsbDeviceHandle::serialNumber() { return stringDescriptor(m_iSerial); }
Result<QString> UsbDeviceHandle::productName() { return stringDescriptor(m_iProduct); }
Result<QString> UsbDeviceHandle::manufacturerName() { return stringDescriptor(m_iManufacturer); }

}  // namespace archive::usb
