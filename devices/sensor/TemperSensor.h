#pragma once
// Driver for the PCsensor TEMPer family over libusb (devices/usb). Opens interface 1 only (interface 0
// is the stick's keyboard and is left to the kernel), identifies the variant from the firmware query
// (and the subtype query on 0c45:7401), then reads on demand. Quirks handled: some sticks need the
// command twice, firmware names can arrive short (retried), replies time out after 500 ms.

#include "devices/sensor/SensorDevice.h"
#include "devices/sensor/TemperProtocol.h"
#include "devices/usb/UsbContext.h"

namespace archive::usb { class UsbDeviceHandle; }

namespace archive::sensor {

class TemperSensor : public SensorDevice {
public:
    ~TemperSensor() override;
    // Opens and identifies the stick. Not on the GUI thread (it talks to the device).
    // expectedId: when given, a stick with another id is refused ("sensor_other") before it is claimed.
    static Result<std::unique_ptr<TemperSensor>> open(usb::UsbContext& usb, const usb::UsbDeviceInfo& device,
                                                      const QString& expectedId = {});

    SensorInfo info() const override { return m_info; }
    temper::Variant variant() const { return m_variant; }
    Result<QList<Reading>> read(qint64 atMs) override;

    // The sensor id of a stick: "usb-sn:<serial>" when it has a serial, else "usb:<port path>".
    static QString keyFor(const QString& serial, const QString& portPath);

private:
    TemperSensor() = default;
    Result<QByteArray> query(const QByteArray& command, int reports, unsigned firstTimeoutMs, unsigned nextTimeoutMs);
    Result<QString> readFirmware();

    std::unique_ptr<usb::UsbDeviceHandle> m_handle;
    temper::Variant m_variant = temper::Variant::Unknown;
    SensorInfo m_info;
};

// Finding sticks on a UsbContext.
struct FoundSensor {
    usb::UsbDeviceInfo device;
    SensorInfo info;   // filled by identify(); sensorId may be the port key if the stick could not be opened
    Error problem;     // why it could not be opened (e.g. usb_access), else empty code
};
// All supported sticks currently plugged in (no I/O).
QList<usb::UsbDeviceInfo> temperDevices(usb::UsbContext& usb);
// Opens each stick briefly to identify it (variant, firmware, serial). Worker thread only.
QList<FoundSensor> identifyTemperSensors(usb::UsbContext& usb);
// Opens the stick with this sensor id (serial or port key) if it is plugged in; "usb_no_device" if not.
Result<std::unique_ptr<SensorDevice>> openTemperByKey(usb::UsbContext& usb, const QString& sensorId);

}  // namespace archive::sensor
