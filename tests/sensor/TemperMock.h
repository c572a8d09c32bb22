#pragma once
// An emulated PCsensor TEMPer stick on the usbmock test bed: answers the firmware, subtype and read
// commands (HID SET_REPORT on interface 1) with 8-byte reports on endpoint 0x82, with the family's
// quirks switchable from the test. Thread-safe (callbacks run on umockdev's thread).

#include "usbmock.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <mutex>

class TemperMock {
public:
    struct Options {
        quint16 vid = 0x413d, pid = 0x2107;
        QByteArray firmware = "TEMPerGold_V3.1 ";  // sent as 8-byte reports
        int subtype = 0;                             // 0c45:7401 subtype reply b[1] (0 = never answers)
        const char* port = "1";
        const char* serial = nullptr;
    };
    enum class Mode { Normal, IgnoreFirstRead, ShortFirmwareOnce, Garbage, ShortReply, Silent };

    TemperMock(UsbMockBed* bed, const Options& o);
    bool ok() const { return m_dev != nullptr; }
    UsbMockDevice* device() const { return m_dev; }

    void setReply(const QByteArray& reports);  // what a read command answers (8 or 16 bytes)
    void setMode(Mode m);
    int readCommands() const { return m_readCommands.load(); }
    int firmwareCommands() const { return m_fwCommands.load(); }

    // raw helpers
    static QByteArray report(quint16 a, quint16 b = 0, quint8 b1 = 0x02);  // 80 b1 aa aa bb bb 00 00

private:
    static int control(UsbMockDevice* dev, const uint8_t setup[8], uint8_t* data, int len, void* user);
    Options m_opt;
    UsbMockDevice* m_dev = nullptr;
    mutable std::mutex m_mutex;
    QByteArray m_reply;
    Mode m_mode = Mode::Normal;
    bool m_ignoredOnce = false;
    bool m_shortFirmwareDone = false;
    std::atomic<int> m_readCommands{0}, m_fwCommands{0};
};
