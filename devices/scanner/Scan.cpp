#include "Scan.h"

namespace archive::scanner {

QString sourceName(ScanSource s) {
    switch (s) {
    case ScanSource::KeyboardWedge: return QStringLiteral("keyboard-wedge");
    case ScanSource::Evdev: return QStringLiteral("evdev");
    case ScanSource::HidPos: return QStringLiteral("hid-pos");
    case ScanSource::Camera: return QStringLiteral("camera");
    case ScanSource::Image: return QStringLiteral("image");
    case ScanSource::Simulated: return QStringLiteral("simulated");
    }
    return QStringLiteral("unknown");
}

QString symbologyFromAim(QStringView aim) {
    // AIM ISO/IEC 15424: "]" + code character + modifier. Only the code character decides the family.
    if (aim.size() < 2 || aim[0] != QLatin1Char(']')) return Symbology::Unknown;
    switch (aim[1].unicode()) {
    case 'C': return Symbology::Code128;
    case 'A': return Symbology::Code39;
    case 'Q': return Symbology::QRCode;
    case 'd': return Symbology::DataMatrix;
    case 'E':
        // ]E0 EAN-13/UPC-A, ]E4 EAN-8
        if (aim.size() >= 3 && aim[2] == QLatin1Char('4')) return Symbology::EAN8;
        return Symbology::EAN13;
    case 'L': return Symbology::PDF417;
    case 'I': return Symbology::Interleaved2of5;
    case 'F': return Symbology::Codabar;
    default: return Symbology::Unknown;
    }
}

}  // namespace archive::scanner
