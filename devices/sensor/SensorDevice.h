#pragma once
// One climate sensor source (a USB stick, a simulated sensor). Its read() is blocking and runs on the
// sensor's own worker (SensorScheduler); implementations need not be thread-safe beyond that.

#include "common/Result.h"
#include "devices/sensor/Reading.h"

#include <QList>
#include <functional>
#include <memory>

namespace archive::sensor {

class SensorDevice {
public:
    virtual ~SensorDevice() = default;
    virtual SensorInfo info() const = 0;
    // One reading per probe, stamped atMs. Errors: "usb_no_device" (gone: reopen later), "sensor_silent"
    // (does not answer), "sensor_garbage" (unusable reply), or any usb_* error.
    virtual Result<QList<Reading>> read(qint64 atMs) = 0;
};

// Opens (or re-opens after an unplug) the device behind one sensor id.
using SensorOpener = std::function<Result<std::unique_ptr<SensorDevice>>()>;

// True when the error means the device is gone (unplugged) rather than misbehaving.
bool isDeviceGone(const Error& e);

}  // namespace archive::sensor
