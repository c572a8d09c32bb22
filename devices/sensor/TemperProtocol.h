#pragma once
// PCsensor TEMPer family: the pure part (no I/O). Identification from the firmware name and subtype
// reply, and conversion of raw report bytes to °C / %RH (facts: shared/devices.md §1).
//
// Transport for every family: HID SET_REPORT on interface 1 (bmRequestType 0x21, bRequest 0x09,
// wValue 0x0200, wIndex 1) with an 8-byte command, then 8-byte reports from interrupt endpoint 0x82.

#include <QByteArray>
#include <QList>
#include <QString>
#include <cmath>
#include <cstdint>
#include <optional>

namespace archive::sensor::temper {

inline constexpr quint8 kInterface = 1;
inline constexpr quint8 kEndpointIn = 0x82;
inline constexpr unsigned kTimeoutMs = 500;
inline constexpr uint16_t kNoProbe = 0x4E20;  // V3/V4 firmware: "no external probe" (200.00)

// Commands (8 bytes each).
QByteArray readCommand();      // 01 80 33 01 00 00 00 00
QByteArray firmwareCommand();  // 01 86 ff 01 00 00 00 00
QByteArray subtypeCommand();   // 01 82 77 01 00 00 00 00

enum class Variant {
    Unknown,
    Fm75,          // 0c45:7401 TEMPerV1.2/V1.4, one FM75 probe, raw/256
    Temper2Fm75,   // 0c45:7401 TEMPer2 V1.3: internal b[2..3], external b[4..5], /256
    Si7021,        // 0c45:7401 TEMPERHUM1V1.3
    Sht1x,         // 0c45:7402 TEMPerHumV1.0rHu
    Si7005,        // 0c45:7402 TEMPerHumM12V1.0
    GoldV3,        // TEMPerGold_V3.x: T only, /100
    TemperXV3,     // TEMPerX_V3.1: T + RH, /100
    HumV4,         // TEMPerHUM_V4.1: T + RH, /100
    Temper2V4,     // TEMPer2_V4.1: internal T + external probe (2nd report), /100
};

struct VariantInfo {
    Variant variant = Variant::Unknown;
    const char* code = "unknown";
    const char* model = "unknown";
    bool humidity = false;
    int probes = 1;
    int reports = 1;  // 8-byte reports per reading
    double minTempC = -40, maxTempC = 85;
};
VariantInfo variantInfo(Variant v);

// The VID:PIDs of the family.
bool isSupported(quint16 vid, quint16 pid);
struct UsbId { quint16 vid, pid; };
QList<UsbId> supportedIds();

// Firmware name from the firmware query's reports: printable ASCII, trailing blanks/NULs dropped.
QString firmwareName(const QByteArray& reports);
// Identify the variant. `subtype` is b[1] of the subtype reply (0c45:7401 only; 0 if not asked/unknown).
Variant identify(quint16 vid, quint16 pid, const QString& firmware, int subtype = 0);
// Whether the subtype query is needed to tell FM75 from TEMPer2 (0c45:7401 without a clear name).
bool needsSubtype(quint16 vid, quint16 pid, const QString& firmware);

// ---- conversions (exact formulas of devices.md §1) ----
inline int16_t s16(const QByteArray& b, int i) { return int16_t(uint16_t(uint8_t(b[i]) << 8 | uint8_t(b[i + 1]))); }
inline uint16_t u16(const QByteArray& b, int i) { return uint16_t(uint8_t(b[i]) << 8 | uint8_t(b[i + 1])); }

double fm75TempC(int16_t raw);                 // raw / 256
double si7021TempC(uint16_t raw);              // 175.72·raw/65536 − 46.85
double si7021Rh(uint16_t raw);                 // 125·raw/65536 − 6
double sht1xTempC(int16_t raw);                // −39.7 + 0.01·raw
double sht1xRh(uint16_t so, double tempC);     // linearised, temperature-compensated, clamped 0–100
double si7005TempC(uint16_t raw);              // raw/32 − 50
double si7005Rh(uint16_t raw, double tempC);   // linearised + temperature-compensated
double centi(int16_t raw);                     // raw / 100 (V3/V4)

struct ProbeValue {
    QString probe;           // "internal" / "external"
    double tempC = NAN;
    double rhPct = NAN;
    uint16_t rawTemp = 0;
    bool noProbe = false;    // the 0x4E20 sentinel
};

struct Decoded {
    QList<ProbeValue> values;
    QString problem;  // empty = fine; else why the reply is unusable (garbage, short)
};
// Decodes the reply reports (8 bytes each, concatenated) of one read command.
Decoded decode(Variant v, const QByteArray& reports);

}  // namespace archive::sensor::temper
