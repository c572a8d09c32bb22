#pragma once
// Is a person's keyboard attached? (issue 7: the borrower's search shows the on-screen keyboard only without one.)
// The kernel's input device list (/proc/bus/input/devices, the same list DeviceManager reads for wedge scanners)
// is parsed into InputDeviceInfo; classifyInput() sorts each entry into keyboard / scanner / other:
//   - other: no "kbd" handler or no event node, not a full letter keyboard (A–Z and Enter in its key bitmap —
//     power buttons, "Consumer Control", mice, lid switches …), or on the virtual bus (uinput, not a device);
//   - scanner: a keyboard-wedge barcode scanner is a full HID keyboard too, so it is told apart by the configured
//     scanner — its USB vendor:product (ScannerIdentity::usbIds: --scanner-usb / ARCHIVE_SCANNER_USB, and the
//     HID POS scanners attached), its evdev node (--evdev / ARCHIVE_SCANNER_EVDEV, /dev/input/by-id links
//     resolved), or its name ("barcode", "scanner", Honeywell, Zebra, Datalogic, Newland … — looksLikeScannerName);
//   - keyboard: everything else with the full letter set.
// detectKeyboards() reads the file and resolves the configured node: it blocks on file I/O, so callers run it on
// a worker thread (DeviceManager does), never the GUI thread.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace archive::scanner {

struct InputDeviceInfo {
    quint16 bus = 0, vendor = 0, product = 0;  // "I: Bus=0003 Vendor=0c2e Product=0b61"
    QString name;                              // "N: Name=…"
    QString phys;                              // "P: Phys=…"
    QStringList handlers;                      // "H: Handlers=sysrq kbd leds event3"
    QString eventNode;                         // "/dev/input/event3", "" when it has none
    quint64 evBits = 0;                        // "B: EV=…"
    QList<quint64> keyWords;                   // "B: KEY=…", lowest word first (64-bit words)
    bool hasKey(int code) const;
    bool hasHandler(const QString& h) const { return handlers.contains(h); }
    QString usbId() const;                     // "0c2e:0b61"
};

// Parses the whole text of /proc/bus/input/devices (blocks separated by blank lines). Unknown lines are ignored.
QList<InputDeviceInfo> parseInputDevices(const QByteArray& text);

bool looksLikeScannerName(const QString& name);

struct ScannerIdentity {
    QList<QPair<quint16, quint16>> usbIds;  // configured scanner(s) and attached HID POS scanners
    QStringList evdevNodes;                 // configured nodes, as given or resolved to /dev/input/eventN
    bool byName = true;                     // also count devices whose name says "scanner" (looksLikeScannerName)
    // "0c2e:0b61, 05e0:1200" (hex vendor:product, separated by commas or spaces); bad entries are skipped and
    // returned in *bad.
    void addUsbIds(const QString& spec, QStringList* bad = nullptr);
};

enum class InputRole { Keyboard, Scanner, Other };
InputRole classifyInput(const InputDeviceInfo& device, const ScannerIdentity& scanner);

struct KeyboardPresence {
    bool readable = false;       // the device list could be read
    QStringList keyboards;       // names of people's keyboards ("Logitech USB Keyboard")
    QStringList scanners;        // keyboard-like devices taken for scanners
    bool present() const { return !keyboards.isEmpty(); }
};
// Blocking (reads procPath, resolves the scanner's evdev links): call on a worker thread.
KeyboardPresence detectKeyboards(const QString& procPath, ScannerIdentity scanner);

}  // namespace archive::scanner
