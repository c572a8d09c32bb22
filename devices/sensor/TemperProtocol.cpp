#include "devices/sensor/TemperProtocol.h"

#include <algorithm>

namespace archive::sensor::temper {

QByteArray readCommand() { return QByteArray::fromHex("0180330100000000"); }
QByteArray firmwareCommand() { return QByteArray::fromHex("0186ff0100000000"); }
QByteArray subtypeCommand() { return QByteArray::fromHex("0182770100000000"); }

VariantInfo variantInfo(Variant v) {
    switch (v) {
    case Variant::Fm75: return {v, "fm75", "TEMPer V1.x (FM75)", false, 1, 1, -40, 85};
    case Variant::Temper2Fm75: return {v, "temper2", "TEMPer2 V1.3 (FM75, 2 probes)", false, 2, 1, -40, 85};
    case Variant::Si7021: return {v, "si7021", "TEMPerHUM V1.3 (Si7021)", true, 1, 1, -40, 85};
    case Variant::Sht1x: return {v, "sht1x", "TEMPerHUM V1.0 (SHT1x)", true, 1, 1, -40, 85};
    case Variant::Si7005: return {v, "si7005", "TEMPerHUM M12 V1.0 (Si7005)", true, 1, 1, -40, 85};
    case Variant::GoldV3: return {v, "v3-gold", "TEMPerGold V3", false, 1, 1, -40, 85};
    case Variant::TemperXV3: return {v, "v3-x", "TEMPerX V3 (T+RH)", true, 1, 1, -40, 85};
    case Variant::HumV4: return {v, "v4-hum", "TEMPerHUM V4 (T+RH)", true, 1, 1, -40, 85};
    case Variant::Temper2V4: return {v, "v4-temper2", "TEMPer2 V4 (2 probes)", false, 2, 2, -40, 85};
    case Variant::Unknown: break;
    }
    return {};
}

QList<UsbId> supportedIds() { return {{0x0c45, 0x7401}, {0x0c45, 0x7402}, {0x413d, 0x2107}, {0x1a86, 0xe025}}; }

bool isSupported(quint16 vid, quint16 pid) {
    const auto ids = supportedIds();
    return std::any_of(ids.begin(), ids.end(), [&](const UsbId& id) { return id.vid == vid && id.pid == pid; });
}

QString firmwareName(const QByteArray& reports) {
    QString s;
    for (char c : reports) {
        const auto u = uchar(c);
        if (u >= 0x20 && u < 0x7f) s.append(QLatin1Char(c));
        else if (u == 0) continue;
        else s.append(QLatin1Char('?'));
    }
    return s.trimmed();
}

static bool has(const QString& s, const char* what) { return s.contains(QLatin1String(what), Qt::CaseInsensitive); }

Variant identify(quint16 vid, quint16 pid, const QString& fw, int subtype) {
    // By firmware name first (the sticks are sold under many names with the same VID:PID).
    if (has(fw, "TEMPerGold")) return Variant::GoldV3;
    if (has(fw, "TEMPerX")) return Variant::TemperXV3;
    if (has(fw, "TEMPerHUM_V4") || has(fw, "TEMPerHUMV4")) return Variant::HumV4;
    if (has(fw, "TEMPer2_V4") || has(fw, "TEMPer2V4")) return Variant::Temper2V4;
    if (has(fw, "HUM1V1") || has(fw, "TEMPERHUM1")) return Variant::Si7021;
    if (has(fw, "HumM12")) return Variant::Si7005;
    if (has(fw, "TEMPerHumV1") || has(fw, "rHu")) return Variant::Sht1x;
    if (has(fw, "TEMPer2_V1") || has(fw, "TEMPer2V1")) return Variant::Temper2Fm75;
    const bool v3v4 = (vid == 0x413d && pid == 0x2107) || (vid == 0x1a86 && pid == 0xe025);
    if (vid == 0x0c45 && pid == 0x7401) {
        if (subtype == 2) return Variant::Temper2Fm75;
        return Variant::Fm75;  // TEMPerV1.2/V1.4, TEMPerF1.4, subtype 1, or nothing better known
    }
    if (vid == 0x0c45 && pid == 0x7402) return Variant::Sht1x;
    if (v3v4) {
        if (has(fw, "V4")) return Variant::HumV4;
        return Variant::GoldV3;  // the most common V3 stick; T only is always safe
    }
    return Variant::Unknown;
}

bool needsSubtype(quint16 vid, quint16 pid, const QString& fw) {
    if (!(vid == 0x0c45 && pid == 0x7401)) return false;
    const Variant byName = identify(0, 0, fw);
    return byName == Variant::Unknown;
}

double fm75TempC(int16_t raw) { return raw / 256.0; }
double si7021TempC(uint16_t raw) { return 175.72 * raw / 65536.0 - 46.85; }
double si7021Rh(uint16_t raw) { return 125.0 * raw / 65536.0 - 6.0; }
double sht1xTempC(int16_t raw) { return -39.7 + 0.01 * raw; }
double sht1xRh(uint16_t so, double t) {
    const double lin = -2.0468 + 0.0367 * so - 1.5955e-6 * double(so) * so;
    const double rh = (t - 25.0) * (0.01 + 0.00008 * so) + lin;
    return std::clamp(rh, 0.0, 100.0);
}
double si7005TempC(uint16_t raw) { return raw / 32.0 - 50.0; }
double si7005Rh(uint16_t raw, double t) {
    const double rh0 = raw / 16.0 - 24.0;
    const double rh1 = rh0 - (-0.00393 * rh0 * rh0 + 0.4008 * rh0 - 4.7844);
    return rh1 + (t - 30.0) * (0.00237 * rh1 + 0.1973);
}
double centi(int16_t raw) { return raw / 100.0; }

Decoded decode(Variant v, const QByteArray& r) {
    Decoded out;
    const VariantInfo vi = variantInfo(v);
    if (r.size() < 8 * vi.reports) {
        out.problem = QStringLiteral("short reply: %1 of %2 bytes").arg(r.size()).arg(8 * vi.reports);
        return out;
    }
    if (uchar(r[0]) != 0x80) {
        out.problem = QStringLiteral("unexpected reply %1").arg(QString::fromLatin1(r.left(8).toHex(' ')));
        return out;
    }
    auto internal = [&](double t, double rh, uint16_t raw) {
        ProbeValue p{QStringLiteral("internal"), t, rh, raw, false};
        out.values.append(p);
    };
    switch (v) {
    case Variant::Fm75: internal(fm75TempC(s16(r, 2)), NAN, u16(r, 2)); break;
    case Variant::Temper2Fm75:
        internal(fm75TempC(s16(r, 2)), NAN, u16(r, 2));
        out.values.append(ProbeValue{QStringLiteral("external"), fm75TempC(s16(r, 4)), NAN, u16(r, 4), false});
        break;
    case Variant::Si7021: internal(si7021TempC(u16(r, 2)), si7021Rh(u16(r, 4)), u16(r, 2)); break;
    case Variant::Sht1x: {
        const double t = sht1xTempC(s16(r, 2));
        internal(t, sht1xRh(u16(r, 4), t), u16(r, 2));
        break;
    }
    case Variant::Si7005: {
        const double t = si7005TempC(u16(r, 2));
        internal(t, si7005Rh(u16(r, 4), t), u16(r, 2));
        break;
    }
    case Variant::GoldV3: {
        ProbeValue p{QStringLiteral("internal"), centi(s16(r, 2)), NAN, u16(r, 2), u16(r, 2) == kNoProbe};
        out.values.append(p);
        break;
    }
    case Variant::TemperXV3:
    case Variant::HumV4: {
        ProbeValue p{QStringLiteral("internal"), centi(s16(r, 2)), u16(r, 4) == kNoProbe ? NAN : u16(r, 4) / 100.0,
                     u16(r, 2), u16(r, 2) == kNoProbe};
        out.values.append(p);
        break;
    }
    case Variant::Temper2V4: {
        ProbeValue in{QStringLiteral("internal"), centi(s16(r, 2)), NAN, u16(r, 2), u16(r, 2) == kNoProbe};
        out.values.append(in);
        if (uchar(r[8]) != 0x80) {
            out.problem = QStringLiteral("unexpected 2nd report %1").arg(QString::fromLatin1(r.mid(8, 8).toHex(' ')));
            out.values.clear();
            return out;
        }
        ProbeValue ex{QStringLiteral("external"), centi(s16(r, 10)), NAN, u16(r, 10), u16(r, 10) == kNoProbe};
        out.values.append(ex);
        break;
    }
    case Variant::Unknown: out.problem = QStringLiteral("unknown variant"); break;
    }
    return out;
}

}  // namespace archive::sensor::temper
