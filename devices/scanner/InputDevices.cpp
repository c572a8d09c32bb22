#include "InputDevices.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace archive::scanner {

namespace {

constexpr quint16 kBusVirtual = 0x06;  // BUS_VIRTUAL (uinput and friends)
constexpr int kEvKey = 1;              // EV_KEY
constexpr int kKeyEnter = 28;
// KEY_A … KEY_Z (linux/input-event-codes.h), in keyboard order.
constexpr int kLetters[] = {30, 48, 46, 32, 18, 33, 34, 35, 23, 36, 37, 38, 50,
                            49, 24, 25, 16, 19, 31, 20, 22, 47, 17, 45, 21, 44};

// "Vendor=0c2e" → 0x0c2e
quint16 hexField(const QString& line, const QString& key) {
    const int at = line.indexOf(key + QLatin1Char('='));
    if (at < 0) return 0;
    const int from = at + key.size() + 1;
    int to = from;
    while (to < line.size() && line[to].isLetterOrNumber()) ++to;
    return quint16(line.mid(from, to - from).toUInt(nullptr, 16));
}

// "KEY=1000000000007 ff9f207ac14057ff …": most significant word first, each one the kernel's unsigned long.
QList<quint64> bitWords(const QString& hex) {
    const QStringList words = hex.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    constexpr int bits = int(sizeof(unsigned long) * 8);
    QList<quint64> out((words.size() * bits + 63) / 64, 0);
    for (int i = 0; i < words.size(); ++i) {  // i = 0 is the lowest word
        const quint64 w = words[words.size() - 1 - i].toULongLong(nullptr, 16);
        const int bit = i * bits;
        out[bit / 64] |= w << (bit % 64);
    }
    return out;
}

}  // namespace

bool InputDeviceInfo::hasKey(int code) const {
    const int word = code / 64, bit = code % 64;
    return word < keyWords.size() && (keyWords[word] >> bit) & 1u;
}

QString InputDeviceInfo::usbId() const {
    return QStringLiteral("%1:%2").arg(vendor, 4, 16, QLatin1Char('0')).arg(product, 4, 16, QLatin1Char('0'));
}

QList<InputDeviceInfo> parseInputDevices(const QByteArray& text) {
    QList<InputDeviceInfo> out;
    InputDeviceInfo cur;
    bool any = false;
    static const QRegularExpression eventRe(QStringLiteral("^event(\\d+)$"));
    const auto flush = [&] {
        if (any) out << cur;
        cur = InputDeviceInfo{};
        any = false;
    };
    for (const QByteArray& raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty()) {
            flush();
            continue;
        }
        if (line.size() < 3 || line[1] != QLatin1Char(':')) continue;
        const QChar tag = line[0];
        const QString rest = line.mid(2).trimmed();
        any = true;
        if (tag == QLatin1Char('I')) {
            cur.bus = hexField(rest, QStringLiteral("Bus"));
            cur.vendor = hexField(rest, QStringLiteral("Vendor"));
            cur.product = hexField(rest, QStringLiteral("Product"));
        } else if (tag == QLatin1Char('N')) {
            QString n = rest.mid(rest.indexOf(QLatin1Char('=')) + 1);
            if (n.startsWith(QLatin1Char('"')) && n.endsWith(QLatin1Char('"')) && n.size() >= 2) n = n.mid(1, n.size() - 2);
            cur.name = n;
        } else if (tag == QLatin1Char('P')) {
            cur.phys = rest.mid(rest.indexOf(QLatin1Char('=')) + 1);
        } else if (tag == QLatin1Char('H')) {
            cur.handlers = rest.mid(rest.indexOf(QLatin1Char('=')) + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString& h : std::as_const(cur.handlers)) {
                const auto m = eventRe.match(h);
                if (m.hasMatch()) cur.eventNode = QStringLiteral("/dev/input/event") + m.captured(1);
            }
        } else if (tag == QLatin1Char('B')) {
            if (rest.startsWith(QLatin1String("EV="))) {
                const QList<quint64> w = bitWords(rest.mid(3));
                cur.evBits = w.isEmpty() ? 0 : w.first();
            } else if (rest.startsWith(QLatin1String("KEY="))) {
                cur.keyWords = bitWords(rest.mid(4));
            }
        }
    }
    flush();
    return out;
}

bool looksLikeScannerName(const QString& name) {
    // Keyboards do not call themselves scanners; scanners in keyboard mode often do, or name their maker.
    static const QRegularExpression re(
        QStringLiteral("barcode|bar code|scanner|honeywell|hand ?held|metrologic|symbol|zebra|datalogic|newland|"
                       "opticon|netum|inateck|eyoyo|tera|扫描|扫码"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

void ScannerIdentity::addUsbIds(const QString& spec, QStringList* bad) {
    static const QRegularExpression sep(QStringLiteral("[,;\\s]+"));
    static const QRegularExpression idRe(QStringLiteral("^([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})$"));
    for (const QString& part : spec.split(sep, Qt::SkipEmptyParts)) {
        const auto m = idRe.match(part);
        if (!m.hasMatch()) {
            if (bad) *bad << part;
            continue;
        }
        const QPair<quint16, quint16> id{quint16(m.captured(1).toUInt(nullptr, 16)), quint16(m.captured(2).toUInt(nullptr, 16))};
        if (!usbIds.contains(id)) usbIds << id;
    }
}

InputRole classifyInput(const InputDeviceInfo& d, const ScannerIdentity& scanner) {
    if (!d.hasHandler(QStringLiteral("kbd")) || d.eventNode.isEmpty() || d.bus == kBusVirtual) return InputRole::Other;
    if (d.evBits && !((d.evBits >> kEvKey) & 1u)) return InputRole::Other;
    for (int k : kLetters)
        if (!d.hasKey(k)) return InputRole::Other;
    if (!d.hasKey(kKeyEnter)) return InputRole::Other;
    if (scanner.evdevNodes.contains(d.eventNode)) return InputRole::Scanner;
    if (scanner.usbIds.contains(qMakePair(d.vendor, d.product))) return InputRole::Scanner;
    if (scanner.byName && looksLikeScannerName(d.name)) return InputRole::Scanner;
    return InputRole::Keyboard;
}

KeyboardPresence detectKeyboards(const QString& procPath, ScannerIdentity scanner) {
    KeyboardPresence out;
    // The configured node may be a /dev/input/by-id link: the list names /dev/input/eventN.
    const QStringList given = scanner.evdevNodes;
    for (const QString& n : given) {
        const QString real = QFileInfo(n).canonicalFilePath();
        if (!real.isEmpty() && !scanner.evdevNodes.contains(real)) scanner.evdevNodes << real;
    }
    QFile f(procPath);
    if (!f.open(QIODevice::ReadOnly)) return out;
    out.readable = true;
    for (const InputDeviceInfo& d : parseInputDevices(f.readAll())) {
        switch (classifyInput(d, scanner)) {
        case InputRole::Keyboard: out.keyboards << d.name; break;
        case InputRole::Scanner: out.scanners << d.name; break;
        case InputRole::Other: break;
        }
    }
    return out;
}

}  // namespace archive::scanner
