#include "devices/sensor/TemperSensor.h"

#include "devices/sensor/SensorErrors.h"
#include "devices/usb/UsbDeviceHandle.h"
#include "devices/usb/UsbError.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTemper, "archive.sensor.temper", QtInfoMsg)

namespace archive::sensor {

using namespace temper;

bool isDeviceGone(const Error& e) { return usb::isGone(e); }

TemperSensor::~TemperSensor() = default;

QString TemperSensor::keyFor(const QString& serial, const QString& portPath) {
    if (!serial.isEmpty()) return QStringLiteral("usb-sn:") + serial;
    return QStringLiteral("usb:") + portPath;
}

Result<QByteArray> TemperSensor::query(const QByteArray& command, int reports, unsigned firstTimeoutMs,
                                       unsigned nextTimeoutMs) {
    auto sent = m_handle->hidSetReport(kInterface, 0x02, 0x00, command, kTimeoutMs);
    if (!sent) return sent.error();
    QByteArray all;
    for (int i = 0; i < reports; ++i) {
        auto in = m_handle->interruptIn(kEndpointIn, 8, i == 0 ? firstTimeoutMs : nextTimeoutMs);
        if (!in) {
            if (i > 0 && in.error().code == QLatin1String("usb_timeout")) break;  // fewer reports than asked
            return in.error();
        }
        all.append(in.value());
    }
    return all;
}

Result<QString> TemperSensor::readFirmware() {
    QString best;
    Error last;
    for (int attempt = 0; attempt < 3; ++attempt) {
        // The name comes in two (sometimes more) 8-byte reports; read until the stick goes quiet.
        auto r = query(firmwareCommand(), 4, kTimeoutMs, 150);
        if (!r) {
            if (isDeviceGone(r.error())) return r.error();
            last = r.error();
            qCDebug(lcTemper) << "firmware query failed:" << r.error().detail;
            m_handle->drainIn(kEndpointIn, 8, 20);
            continue;
        }
        const QString name = firmwareName(r.value());
        if (name.size() > best.size()) best = name;
        if (r.value().size() >= 16 && name.size() >= 8) return best;
        qCDebug(lcTemper) << "short firmware reply" << r.value().toHex(' ') << "- asking again";
        m_handle->drainIn(kEndpointIn, 8, 20);
    }
    return best;  // possibly empty: old sticks may not answer; identify() falls back on VID:PID
}

Result<std::unique_ptr<TemperSensor>> TemperSensor::open(usb::UsbContext& usb, const usb::UsbDeviceInfo& device,
                                                         const QString& expectedId) {
    auto h = usb::UsbDeviceHandle::open(usb, device);
    if (!h) return h.error();
    std::unique_ptr<TemperSensor> s(new TemperSensor);
    s->m_handle = std::move(h.value());
    auto serial = s->m_handle->serialNumber();
    const QString sn = serial ? serial.value() : QString();
    // Another sensor's stick (possibly busy on its own worker): leave it alone before claiming anything.
    if (!expectedId.isEmpty() && keyFor(sn, device.portPath) != expectedId)
        return notThisSensorError(expectedId, keyFor(sn, device.portPath));
    if (auto st = s->m_handle->claimInterface(kInterface); !st) return st.error();
    s->m_handle->drainIn(kEndpointIn, 8, 5);

    auto fw = s->readFirmware();
    if (!fw) return fw.error();
    int subtype = 0;
    if (needsSubtype(device.vendorId, device.productId, fw.value())) {
        for (int attempt = 0; attempt < 2 && subtype == 0; ++attempt) {
            auto r = s->query(subtypeCommand(), 1, kTimeoutMs, kTimeoutMs);
            if (r && r.value().size() >= 2) subtype = uchar(r.value()[1]);
            else if (!r && isDeviceGone(r.error())) return r.error();
        }
    }
    s->m_variant = identify(device.vendorId, device.productId, fw.value(), subtype);
    if (s->m_variant == Variant::Unknown)
        return unsupportedSensorError(QStringLiteral("%1 firmware '%2'").arg(device.vidPid(), fw.value()));
    const VariantInfo vi = variantInfo(s->m_variant);
    SensorInfo& info = s->m_info;
    info.sensorId = keyFor(sn, device.portPath);
    info.model = QString::fromLatin1(vi.model);
    info.variant = QString::fromLatin1(vi.code);
    info.firmware = fw.value();
    info.vidPid = device.vidPid();
    info.portPath = device.portPath;
    info.serial = sn;
    info.hasHumidity = vi.humidity;
    info.probes = vi.probes;
    qCInfo(lcTemper) << "opened" << info.sensorId << info.model << "firmware" << info.firmware;
    return s;
}

Result<QList<Reading>> TemperSensor::read(qint64 atMs) {
    const VariantInfo vi = variantInfo(m_variant);
    Error last = silentSensorError(m_info.sensorId);
    for (int attempt = 0; attempt < 2; ++attempt) {  // some sticks must be asked twice
        auto r = query(readCommand(), vi.reports, kTimeoutMs, kTimeoutMs);
        if (!r) {
            if (isDeviceGone(r.error())) return r.error();
            last = r.error().code == QLatin1String("usb_timeout") ? silentSensorError(m_info.sensorId) : r.error();
            m_handle->drainIn(kEndpointIn, 8, 20);
            continue;
        }
        const Decoded d = decode(m_variant, r.value());
        if (!d.problem.isEmpty()) {
            qCWarning(lcTemper) << m_info.sensorId << "unusable reply:" << d.problem;
            last = garbageSensorError(m_info.sensorId, d.problem);
            m_handle->drainIn(kEndpointIn, 8, 20);
            continue;
        }
        QList<Reading> out;
        for (const ProbeValue& p : d.values) {
            if (p.noProbe && p.probe == QLatin1String("external")) continue;  // no external probe plugged in
            out.append(Reading{m_info.sensorId, atMs, p.tempC, p.rhPct, p.probe});
        }
        return out;
    }
    return last;
}

QList<usb::UsbDeviceInfo> temperDevices(usb::UsbContext& usb) {
    QList<usb::UsbDeviceInfo> out;
    for (const auto& d : usb.devices())
        if (isSupported(d.vendorId, d.productId)) out.append(d);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.portPath < b.portPath; });
    return out;
}

QList<FoundSensor> identifyTemperSensors(usb::UsbContext& usb) {
    QList<FoundSensor> out;
    for (const auto& d : temperDevices(usb)) {
        FoundSensor f;
        f.device = d;
        auto s = TemperSensor::open(usb, d);
        if (s) {
            f.info = s.value()->info();
        } else {
            f.problem = s.error();
            f.info.sensorId = TemperSensor::keyFor({}, d.portPath);
            f.info.vidPid = d.vidPid();
            f.info.portPath = d.portPath;
        }
        out.append(f);
    }
    return out;
}

Result<std::unique_ptr<SensorDevice>> openTemperByKey(usb::UsbContext& usb, const QString& sensorId) {
    const bool bySerial = sensorId.startsWith(QLatin1String("usb-sn:"));
    const QString port = sensorId.startsWith(QLatin1String("usb:")) ? sensorId.mid(4) : QString();
    Error last = usb::usbError(-4 /* LIBUSB_ERROR_NO_DEVICE */, QStringLiteral("open %1").arg(sensorId));
    for (const auto& d : temperDevices(usb)) {
        if (!bySerial && d.portPath != port) continue;
        auto s = TemperSensor::open(usb, d, sensorId);
        if (!s) {
            if (s.error().code != QLatin1String("sensor_other")) last = s.error();
            continue;
        }
        return std::unique_ptr<SensorDevice>(std::move(s.value()));
    }
    return last;
}

}  // namespace archive::sensor
