#include "devices/usb/UsbError.h"

#include <libusb.h>

namespace archive::usb {

Error usbError(int code, const QString& what) {
    const QString detail = QStringLiteral("%1: %2 (%3)").arg(what, QString::fromUtf8(libusb_error_name(code))).arg(code);
    switch (code) {
    case LIBUSB_ERROR_TIMEOUT:
        return makeError(QStringLiteral("usb_timeout"),
                         QStringLiteral("USB 设备没有按时应答。请检查设备是否插好；如反复出现，请拔下后重新插入。"),
                         QStringLiteral("The USB device did not answer in time. Check that it is plugged in; if this "
                                        "keeps happening, unplug it and plug it back in."),
                         detail);
    case LIBUSB_ERROR_NO_DEVICE:
        return makeError(QStringLiteral("usb_no_device"),
                         QStringLiteral("USB 设备已被拔出或断开。请重新插好设备。"),
                         QStringLiteral("The USB device was unplugged or disconnected. Plug it back in."), detail);
    case LIBUSB_ERROR_ACCESS:
        return makeError(QStringLiteral("usb_access"),
                         QStringLiteral("没有权限使用该 USB 设备。请让管理员安装 deploy/udev 中的规则并把终端用户加入 "
                                        "archive 组，然后重新插入设备。"),
                         QStringLiteral("No permission to use this USB device. Ask the administrator to install the "
                                        "rules in deploy/udev and add the kiosk user to the 'archive' group, then "
                                        "replug the device."),
                         detail);
    case LIBUSB_ERROR_BUSY:
        return makeError(QStringLiteral("usb_busy"),
                         QStringLiteral("USB 设备正被其他程序使用。请关闭其他读取该设备的程序后重试。"),
                         QStringLiteral("The USB device is in use by another program. Close the other program and "
                                        "try again."),
                         detail);
    case LIBUSB_ERROR_NOT_FOUND:
        return makeError(QStringLiteral("usb_not_found"),
                         QStringLiteral("找不到该 USB 设备或其接口。请确认型号是否受支持并重新插入。"),
                         QStringLiteral("The USB device or its interface was not found. Check that the model is "
                                        "supported and replug it."),
                         detail);
    case LIBUSB_ERROR_PIPE:
        return makeError(QStringLiteral("usb_pipe"),
                         QStringLiteral("USB 设备拒绝了请求（型号可能不受支持）。请拔下后重新插入；仍不行请联系管理员。"),
                         QStringLiteral("The USB device refused the request (the model may not be supported). "
                                        "Unplug and replug it; if it persists, call the administrator."),
                         detail);
    case LIBUSB_ERROR_OVERFLOW:
        return makeError(QStringLiteral("usb_overflow"),
                         QStringLiteral("USB 设备返回的数据过多，无法识别。请拔下后重新插入。"),
                         QStringLiteral("The USB device sent more data than expected. Unplug and replug it."), detail);
    case LIBUSB_ERROR_NO_MEM:
        return makeError(QStringLiteral("usb_no_memory"), QStringLiteral("内存不足，无法访问 USB 设备。请重启终端。"),
                         QStringLiteral("Out of memory while using the USB device. Restart the kiosk."), detail);
    case LIBUSB_ERROR_NOT_SUPPORTED:
        return makeError(QStringLiteral("usb_not_supported"),
                         QStringLiteral("本系统不支持此 USB 操作。请联系管理员。"),
                         QStringLiteral("This USB operation is not supported on this system. Call the administrator."),
                         detail);
    case LIBUSB_ERROR_INTERRUPTED:
        return makeError(QStringLiteral("usb_interrupted"), QStringLiteral("USB 操作被中断，请重试。"),
                         QStringLiteral("The USB operation was interrupted. Try again."), detail);
    case LIBUSB_ERROR_IO:
        return makeError(QStringLiteral("usb_io"),
                         QStringLiteral("与 USB 设备通信出错。请检查连接线或换一个 USB 口。"),
                         QStringLiteral("Communication with the USB device failed. Check the cable or try another "
                                        "USB port."),
                         detail);
    default:
        return makeError(QStringLiteral("usb_error"),
                         QStringLiteral("USB 设备出现未知错误。请拔下后重新插入；仍不行请联系管理员。"),
                         QStringLiteral("Unknown USB error. Unplug and replug the device; if it persists, call the "
                                        "administrator."),
                         detail);
    }
}

bool isGone(const Error& e) {
    return e.code == QLatin1String("usb_no_device") || e.code == QLatin1String("usb_not_found");
}

}  // namespace archive::usb
