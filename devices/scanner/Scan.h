#pragma once
// What every scanner source emits (docs/contracts.md, "Devices"): one decoded code.
// Sources: keyboard wedge, evdev node, HID POS over libusb, camera frame, image file, simulation.

#include <QMetaType>
#include <QString>

namespace archive::scanner {

enum class ScanSource { KeyboardWedge, Evdev, HidPos, Camera, Image, Simulated };

// Symbology names used in Scan::symbology (stable strings, also printed by `archivectl scan-image`).
namespace Symbology {
inline const QString Code128 = QStringLiteral("Code128");
inline const QString Code39 = QStringLiteral("Code39");
inline const QString QRCode = QStringLiteral("QRCode");
inline const QString DataMatrix = QStringLiteral("DataMatrix");
inline const QString EAN13 = QStringLiteral("EAN-13");
inline const QString EAN8 = QStringLiteral("EAN-8");
inline const QString UPCA = QStringLiteral("UPC-A");
inline const QString PDF417 = QStringLiteral("PDF417");
inline const QString Interleaved2of5 = QStringLiteral("ITF");
inline const QString Codabar = QStringLiteral("Codabar");
inline const QString Unknown = QStringLiteral("unknown");  // e.g. a wedge scanner that sends no AIM id
}  // namespace Symbology

struct Scan {
    QString text;        // the code exactly as read (no terminator, prefix or suffix)
    QString symbology;   // one of Symbology::*, or Symbology::Unknown
    ScanSource source = ScanSource::KeyboardWedge;
    qint64 atMs = 0;     // UTC ms since the epoch when the code was complete
};

// Why a burst/report/frame did not become a Scan (for status lines and logs).
struct ScanRejection {
    QString code;        // "too_short", "too_long", "garbled", "interrupted", "bad_prefix", "bad_report", …
    QString messageZh;
    QString messageEn;
    QString partial;     // what had been read so far (may be empty)
    ScanSource source = ScanSource::KeyboardWedge;
    qint64 atMs = 0;
};

QString sourceName(ScanSource s);

// Maps an AIM symbology identifier ("]C0", "]Q1", …) to a Symbology name; Unknown if not recognised.
QString symbologyFromAim(QStringView aim);

}  // namespace archive::scanner

Q_DECLARE_METATYPE(archive::scanner::Scan)
Q_DECLARE_METATYPE(archive::scanner::ScanRejection)
