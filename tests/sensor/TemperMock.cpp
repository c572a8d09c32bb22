#include "TemperMock.h"

TemperMock::TemperMock(UsbMockBed* bed, const Options& o) : m_opt(o) {
    UsbMockDeviceSpec spec = usbmock_hid_spec(o.vid, o.pid, 2);  // 0: keyboard, 1: the sensor (ep 0x82)
    spec.port = o.port;
    spec.serial = o.serial;
    spec.manufacturer = "PCsensor";
    spec.product = "TEMPer";
    UsbMockCallbacks cb{};
    cb.control = &TemperMock::control;
    m_reply = report(2300, 5000, 0x80);
    m_dev = usbmock_device_add(bed, &spec, &cb, this);
}

QByteArray TemperMock::report(quint16 a, quint16 b, quint8 b1) {
    QByteArray r(8, '\0');
    r[0] = char(0x80);
    r[1] = char(b1);
    r[2] = char(a >> 8);
    r[3] = char(a & 0xff);
    r[4] = char(b >> 8);
    r[5] = char(b & 0xff);
    return r;
}

void TemperMock::setReply(const QByteArray& reports) {
    std::lock_guard lk(m_mutex);
    m_reply = reports;
}

void TemperMock::setMode(Mode m) {
    std::lock_guard lk(m_mutex);
    m_mode = m;
    m_ignoredOnce = false;
    m_shortFirmwareDone = false;
    usbmock_device_set_mute(m_dev, m == Mode::Silent ? 1 : 0);
}

int TemperMock::control(UsbMockDevice* dev, const uint8_t setup[8], uint8_t* data, int len, void* user) {
    auto* self = static_cast<TemperMock*>(user);
    // HID SET_REPORT to interface 1 only: interface 0 is the keyboard.
    if (!(setup[0] == 0x21 && setup[1] == 0x09 && setup[4] == 1) || len < 8) return USBMOCK_STALL;
    std::lock_guard lk(self->m_mutex);
    auto queue = [&](const QByteArray& bytes) {
        for (int i = 0; i + 8 <= bytes.size(); i += 8)
            usbmock_device_queue_in(dev, 0x82, reinterpret_cast<const uint8_t*>(bytes.constData() + i), 8, 0);
        if (bytes.size() % 8)
            usbmock_device_queue_in(dev, 0x82,
                                    reinterpret_cast<const uint8_t*>(bytes.constData() + bytes.size() / 8 * 8),
                                    bytes.size() % 8, 0);
    };
    const uint8_t cmd = data[1];
    if (cmd == 0x86) {  // firmware name
        ++self->m_fwCommands;
        QByteArray fw = self->m_opt.firmware;
        while (fw.size() % 8) fw.append(' ');
        if (self->m_mode == Mode::ShortFirmwareOnce && !self->m_shortFirmwareDone) {
            self->m_shortFirmwareDone = true;
            fw = fw.left(8);  // only the first report arrives
        }
        queue(fw);
    } else if (cmd == 0x82) {  // subtype
        if (self->m_opt.subtype) queue(report(0, 0, quint8(self->m_opt.subtype)));
    } else if (cmd == 0x80) {  // read
        ++self->m_readCommands;
        switch (self->m_mode) {
        case Mode::IgnoreFirstRead:
            if (!self->m_ignoredOnce) {
                self->m_ignoredOnce = true;
                break;
            }
            queue(self->m_reply);
            break;
        case Mode::Garbage: queue(QByteArray::fromHex("13371337deadbeef")); break;
        case Mode::ShortReply: queue(self->m_reply.left(4)); break;
        case Mode::Silent: break;
        case Mode::Normal:
        case Mode::ShortFirmwareOnce: queue(self->m_reply); break;
        }
    }
    return len;
}
