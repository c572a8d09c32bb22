#pragma once
// libusb error codes turned into archive::Error values (the one place that knows libusb's enum).

#include "common/Result.h"

namespace archive::usb {

// Stable codes: usb_timeout, usb_no_device, usb_access, usb_busy, usb_io, usb_pipe, usb_overflow,
// usb_not_found, usb_no_memory, usb_not_supported, usb_interrupted, usb_error.
// `what` names the operation for the log detail ("claim interface 1", "interrupt IN 0x82").
Error usbError(int libusbCode, const QString& what);

// True for the errors that mean "the device is gone" (unplugged, or its node vanished).
bool isGone(const Error& e);

}  // namespace archive::usb
