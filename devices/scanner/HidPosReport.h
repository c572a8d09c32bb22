#pragma once
// HID Point-of-Sale barcode scanners (usage page 0x8C, usage 0x02 "Bar Code Scanner"): the pure parts —
// USB descriptor parsing, report-descriptor detection and joining input reports into codes.
//
// Input report 0x02 (64 bytes): [0] report id 0x02, [1] data length (0–56), [2..4] AIM symbology id
// ("]C0" Code 128, "]A0" Code 39, "]Q1" QR, "]d1" Data Matrix, "]E0" EAN-13), [5..60] data,
// [63] bit 0 = more data follows in the next report (concatenate). Sources: HID Point of Sale Usage
// Tables 1.02; devices.md §2.

#include "devices/scanner/Scan.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace archive::scanner::hidpos {

inline constexpr quint8 kReportId = 0x02;
inline constexpr int kReportSize = 64;
inline constexpr int kMaxDataPerReport = 56;
inline constexpr quint16 kUsagePagePos = 0x8C;
inline constexpr quint16 kHoneywellVendor = 0x0c2e;
inline constexpr quint8 kHoneywellModeReport = 0xFE;  // feature report [0xFE, 0x01] → HID POS mode

struct HidInterface {
    int number = -1;
    quint8 cls = 0, subclass = 0, protocol = 0;
    quint8 epIn = 0, epOut = 0;
    int maxPacketIn = 0;
    int reportDescriptorLength = 0;  // from the HID class descriptor; 0 = none
};

// Interfaces of a configuration descriptor (as returned by GET_DESCRIPTOR(CONFIGURATION)); stops safely
// at truncated or malformed descriptors.
QList<HidInterface> parseConfigDescriptor(const QByteArray& config);

// True when a HID report descriptor declares usage page 0x8C (bar code scanner).
bool isBarcodeScannerDescriptor(const QByteArray& reportDescriptor);

// Joins input reports into codes.
class ReportAssembler {
public:
    struct Output {
        std::optional<Scan> scan;
        std::optional<ScanRejection> rejection;
    };
    explicit ReportAssembler(int maxCodeBytes = 4096) : m_max(maxCodeBytes) {}

    // One input report as read from the interrupt endpoint (starting with the report id).
    // Reports with another id are ignored (empty Output).
    Output feed(const QByteArray& report, qint64 atMs);
    // The scanner went away: a code still being joined is rejected ("removed").
    std::optional<ScanRejection> abort(qint64 atMs);
    bool partial() const { return m_active; }

    // Bytes → text: UTF-8 when valid, else GB 18030 (Chinese scanners' default), else Latin-1.
    static QString decodeText(const QByteArray& bytes);

private:
    ScanRejection reject(const char* code, const QString& zh, const QString& en, qint64 at);
    int m_max;
    bool m_active = false;
    bool m_overflow = false;
    QByteArray m_data;
    QByteArray m_aim;
};

}  // namespace archive::scanner::hidpos
