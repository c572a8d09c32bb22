#include "HidPosReport.h"

#include <QStringDecoder>

namespace archive::scanner::hidpos {

QList<HidInterface> parseConfigDescriptor(const QByteArray& c) {
    QList<HidInterface> out;
    const auto* d = reinterpret_cast<const uchar*>(c.constData());
    const int n = int(c.size());
    int i = 0;
    HidInterface* cur = nullptr;
    while (i + 2 <= n) {
        const int len = d[i];
        const int type = d[i + 1];
        if (len < 2 || i + len > n) break;  // malformed: stop, keep what was parsed
        if (type == 0x04 && len >= 9) {      // interface (alternate setting 0 only)
            if (d[i + 3] == 0) {
                out.append(HidInterface{});
                cur = &out.last();
                cur->number = d[i + 2];
                cur->cls = d[i + 5];
                cur->subclass = d[i + 6];
                cur->protocol = d[i + 7];
            } else {
                cur = nullptr;
            }
        } else if (type == 0x21 && cur && len >= 9) {  // HID class descriptor
            const int count = d[i + 5];
            for (int k = 0; k < count && i + 6 + 3 * k + 2 < i + len; ++k) {
                if (d[i + 6 + 3 * k] == 0x22)
                    cur->reportDescriptorLength = d[i + 7 + 3 * k] | (d[i + 8 + 3 * k] << 8);
            }
        } else if (type == 0x05 && cur && len >= 7) {  // endpoint
            const quint8 addr = d[i + 2];
            const bool interrupt = (d[i + 3] & 0x03) == 0x03;
            const int mps = (d[i + 4] | (d[i + 5] << 8)) & 0x7FF;
            if (interrupt && (addr & 0x80) && !cur->epIn) {
                cur->epIn = addr;
                cur->maxPacketIn = mps;
            } else if (interrupt && !(addr & 0x80) && !cur->epOut) {
                cur->epOut = addr;
            }
        }
        i += len;
    }
    return out;
}

bool isBarcodeScannerDescriptor(const QByteArray& r) {
    const auto* d = reinterpret_cast<const uchar*>(r.constData());
    const int n = int(r.size());
    int i = 0;
    while (i < n) {
        const uchar prefix = d[i];
        if (prefix == 0xFE) {  // long item: size in the next byte
            if (i + 1 >= n) break;
            i += 3 + d[i + 1];
            continue;
        }
        int size = prefix & 0x03;
        if (size == 3) size = 4;
        if (i + 1 + size > n) break;
        const int type = (prefix >> 2) & 0x03, tag = (prefix >> 4) & 0x0F;
        quint32 value = 0;
        for (int k = 0; k < size; ++k) value |= quint32(d[i + 1 + k]) << (8 * k);
        if (type == 1 && tag == 0 && (value & 0xFFFF) == kUsagePagePos) return true;  // Usage Page (global)
        if (type == 2 && tag == 0 && size == 4 && (value >> 16) == kUsagePagePos) return true;  // extended usage
        i += 1 + size;
    }
    return false;
}

QString ReportAssembler::decodeText(const QByteArray& bytes) {
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = utf8.decode(bytes);
    if (!utf8.hasError()) return s;
    QStringDecoder gb("GB18030", QStringDecoder::Flag::Stateless);
    if (gb.isValid()) {
        s = gb.decode(bytes);
        if (!gb.hasError()) return s;
    }
    return QString::fromLatin1(bytes);
}

ScanRejection ReportAssembler::reject(const char* code, const QString& zh, const QString& en, qint64 at) {
    ScanRejection r{QLatin1String(code), zh, en, decodeText(m_data.left(256)), ScanSource::HidPos, at};
    m_active = false;
    m_overflow = false;
    m_data.clear();
    m_aim.clear();
    return r;
}

std::optional<ScanRejection> ReportAssembler::abort(qint64 at) {
    if (!m_active) return std::nullopt;
    return reject("removed", QStringLiteral("扫描枪在读码时被拔出，这次扫描作废，请插好后重新扫描。"),
                  QStringLiteral("The scanner was unplugged during a scan; that scan is void. Plug it in and scan again."),
                  at);
}

ReportAssembler::Output ReportAssembler::feed(const QByteArray& report, qint64 at) {
    Output out;
    if (report.isEmpty() || quint8(report[0]) != kReportId) return out;  // other reports (status, …)
    const auto* d = reinterpret_cast<const uchar*>(report.constData());
    const int n = int(report.size());
    const int len = n >= 2 ? d[1] : -1;
    if (n < 5 || len > kMaxDataPerReport || 5 + len > n) {
        // Garbage: the whole code is void (a missing piece would silently change it).
        out.rejection = reject("bad_report",
                               QStringLiteral("扫描枪发来的数据不完整或有误，请重新扫描；反复出现请更换扫描枪或数据线。"),
                               QStringLiteral("The scanner sent a broken report. Scan again; if it keeps happening, "
                                              "replace the scanner or its cable."), at);
        return out;
    }
    if (!m_active) {
        m_active = true;
        m_aim = report.mid(2, 3);
    }
    if (!m_overflow) {
        m_data.append(report.constData() + 5, len);
        if (m_data.size() > m_max) {
            m_overflow = true;
            m_data.truncate(m_max);
        }
    }
    const bool more = n >= kReportSize && (d[kReportSize - 1] & 0x01);
    if (more) return out;
    if (m_overflow) {
        out.rejection = reject("too_long", QStringLiteral("条码太长（超过 %1 字节），不是本档案室能用的条码。").arg(m_max),
                               QStringLiteral("The code is too long (over %1 bytes); this archive cannot use it.").arg(m_max), at);
        return out;
    }
    if (m_data.isEmpty()) {
        out.rejection = reject("empty", QStringLiteral("扫描到的条码是空的，请重新扫描。"),
                               QStringLiteral("The scanner sent an empty code. Please scan again."), at);
        return out;
    }
    Scan s;
    s.text = decodeText(m_data);
    const QString aim = QString::fromLatin1(m_aim);
    s.symbology = symbologyFromAim(aim);
    s.source = ScanSource::HidPos;
    s.atMs = at;
    m_active = false;
    m_data.clear();
    m_aim.clear();
    out.scan = s;
    return out;
}

}  // namespace archive::scanner::hidpos
