// Keyboard detection (devices/scanner/InputDevices.h): the kernel's input device list as /proc/bus/input/devices
// prints it, parsed and sorted into people's keyboards, barcode scanners (HID keyboards too) and other devices.
// The entries below follow real machines' lists (a USB keyboard with its Consumer Control node, the power button,
// a laptop keyboard, a Honeywell scanner in keyboard mode, a no-name scanner, a uinput device and a mouse).
#include "devices/scanner/InputDevices.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

using namespace archive::scanner;

namespace {

const char* const kDevices =
    "I: Bus=0019 Vendor=0000 Product=0001 Version=0000\n"
    "N: Name=\"Power Button\"\n"
    "P: Phys=PNP0C0C/button/input0\n"
    "S: Sysfs=/devices/LNXSYSTM:00/LNXPWRBN:00/input/input0\n"
    "U: Uniq=\n"
    "H: Handlers=kbd event0 \n"
    "B: PROP=0\n"
    "B: EV=3\n"
    "B: KEY=10000000000000 0\n"
    "\n"
    "I: Bus=0011 Vendor=0001 Product=0001 Version=ab41\n"
    "N: Name=\"AT Translated Set 2 keyboard\"\n"
    "P: Phys=isa0060/serio0/input0\n"
    "H: Handlers=sysrq kbd leds event2 \n"
    "B: EV=120013\n"
    "B: KEY=402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe\n"
    "B: MSC=10\n"
    "B: LED=7\n"
    "\n"
    "I: Bus=0003 Vendor=046d Product=c31c Version=0110\n"
    "N: Name=\"Logitech USB Keyboard\"\n"
    "P: Phys=usb-0000:00:14.0-2/input0\n"
    "H: Handlers=sysrq kbd leds event3 \n"
    "B: EV=120013\n"
    "B: KEY=1000000000007 ff800000000007ff febeffdfffefffff fffffffffffffffe\n"
    "\n"
    "I: Bus=0003 Vendor=046d Product=c31c Version=0110\n"
    "N: Name=\"Logitech USB Keyboard Consumer Control\"\n"
    "P: Phys=usb-0000:00:14.0-2/input1\n"
    "H: Handlers=kbd event4 \n"
    "B: EV=1f\n"
    "B: KEY=300ff 0 0 0 0 483ffff17aff32d bfd4444600000000 1 130f938b17c000 677bfad9415fed 9ed68000004400 10000002\n"
    "\n"
    "I: Bus=0003 Vendor=0c2e Product=0b61 Version=0111\n"
    "N: Name=\"Honeywell Imaging & Mobility 1900\"\n"
    "P: Phys=usb-0000:00:14.0-3/input0\n"
    "H: Handlers=sysrq kbd leds event5 \n"
    "B: EV=120013\n"
    "B: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe\n"
    "\n"
    "I: Bus=0003 Vendor=1a86 Product=e026 Version=0110\n"
    "N: Name=\"USB Adapter USB Device\"\n"
    "P: Phys=usb-0000:00:14.0-4/input0\n"
    "H: Handlers=sysrq kbd leds event7 \n"
    "B: EV=120013\n"
    "B: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe\n"
    "\n"
    "I: Bus=0006 Vendor=2333 Product=6666 Version=0001\n"
    "N: Name=\"ydotoold virtual device\"\n"
    "H: Handlers=sysrq kbd leds event8 \n"
    "B: EV=120013\n"
    "B: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe\n"
    "\n"
    "I: Bus=0003 Vendor=046d Product=c077 Version=0111\n"
    "N: Name=\"Logitech USB Optical Mouse\"\n"
    "H: Handlers=mouse0 event9 \n"
    "B: EV=17\n"
    "B: KEY=ff0000 0 0 0 0\n"
    "B: REL=903\n";

QStringList roles(const ScannerIdentity& id, InputRole want) {
    QStringList out;
    for (const InputDeviceInfo& d : parseInputDevices(kDevices))
        if (classifyInput(d, id) == want) out << d.name;
    return out;
}

}  // namespace

TEST(InputDevices, ParsesTheKernelList) {
    const QList<InputDeviceInfo> list = parseInputDevices(kDevices);
    ASSERT_EQ(list.size(), 8);
    const InputDeviceInfo& kb = list[2];
    EXPECT_EQ(kb.name, QStringLiteral("Logitech USB Keyboard"));
    EXPECT_EQ(kb.bus, 0x0003);
    EXPECT_EQ(kb.usbId(), QStringLiteral("046d:c31c"));
    EXPECT_EQ(kb.eventNode, QStringLiteral("/dev/input/event3"));
    EXPECT_TRUE(kb.hasHandler(QStringLiteral("kbd")));
    EXPECT_EQ(kb.evBits, 0x120013u);
    EXPECT_TRUE(kb.hasKey(30));    // KEY_A
    EXPECT_TRUE(kb.hasKey(28));    // KEY_ENTER
    EXPECT_TRUE(kb.hasKey(113));   // KEY_MUTE, second word
    EXPECT_FALSE(kb.hasKey(400));  // beyond the bitmap
    EXPECT_FALSE(list[0].hasKey(30));
    EXPECT_TRUE(list[0].hasKey(116));  // KEY_POWER
    EXPECT_EQ(list[7].eventNode, QStringLiteral("/dev/input/event9"));
    EXPECT_TRUE(parseInputDevices(QByteArray()).isEmpty());
}

TEST(InputDevices, KeyboardsScannersAndTheRest) {
    const ScannerIdentity byName;  // nothing configured: the scanner is known by its name only
    EXPECT_EQ(roles(byName, InputRole::Keyboard),
              (QStringList{QStringLiteral("AT Translated Set 2 keyboard"), QStringLiteral("Logitech USB Keyboard"),
                           QStringLiteral("USB Adapter USB Device")}));
    EXPECT_EQ(roles(byName, InputRole::Scanner), QStringList{QStringLiteral("Honeywell Imaging & Mobility 1900")});
    EXPECT_EQ(roles(byName, InputRole::Other),
              (QStringList{QStringLiteral("Power Button"), QStringLiteral("Logitech USB Keyboard Consumer Control"),
                           QStringLiteral("ydotoold virtual device"), QStringLiteral("Logitech USB Optical Mouse")}));
}

TEST(InputDevices, TheConfiguredScannerIsNotAKeyboard) {
    // A no-name scanner ("USB Adapter") is told apart by its configured USB vendor:product …
    ScannerIdentity usb;
    QStringList bad;
    usb.addUsbIds(QStringLiteral("1A86:e026, nonsense;0c2e:0b61"), &bad);
    EXPECT_EQ(bad, QStringList{QStringLiteral("nonsense")});
    ASSERT_EQ(usb.usbIds.size(), 2);
    EXPECT_EQ(roles(usb, InputRole::Keyboard),
              (QStringList{QStringLiteral("AT Translated Set 2 keyboard"), QStringLiteral("Logitech USB Keyboard")}));
    EXPECT_EQ(roles(usb, InputRole::Scanner),
              (QStringList{QStringLiteral("Honeywell Imaging & Mobility 1900"), QStringLiteral("USB Adapter USB Device")}));
    // … or by its configured evdev node.
    ScannerIdentity node;
    node.evdevNodes << QStringLiteral("/dev/input/event7");
    EXPECT_EQ(roles(node, InputRole::Scanner),
              (QStringList{QStringLiteral("Honeywell Imaging & Mobility 1900"), QStringLiteral("USB Adapter USB Device")}));
    // Without the name rule a scanner that names its maker counts as a keyboard (configure it instead).
    ScannerIdentity noNames;
    noNames.byName = false;
    EXPECT_TRUE(roles(noNames, InputRole::Keyboard).contains(QStringLiteral("Honeywell Imaging & Mobility 1900")));
}

TEST(InputDevices, DetectReadsTheListFile) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("devices"));
    // Only the power button, a scanner and the mouse: no keyboard.
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        QByteArray text(kDevices);
        const int laptop = text.indexOf("I: Bus=0011"), honeywell = text.indexOf("I: Bus=0003 Vendor=0c2e");
        text.remove(laptop, honeywell - laptop);  // drops the laptop and the Logitech keyboards
        f.write(text);
    }
    ScannerIdentity id;
    id.addUsbIds(QStringLiteral("1a86:e026"));
    KeyboardPresence p = detectKeyboards(path, id);
    EXPECT_TRUE(p.readable);
    EXPECT_FALSE(p.present());
    EXPECT_EQ(p.scanners, (QStringList{QStringLiteral("Honeywell Imaging & Mobility 1900"), QStringLiteral("USB Adapter USB Device")}));
    // The full list: two keyboards.
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(kDevices);
    }
    p = detectKeyboards(path, id);
    EXPECT_TRUE(p.present());
    EXPECT_EQ(p.keyboards, (QStringList{QStringLiteral("AT Translated Set 2 keyboard"), QStringLiteral("Logitech USB Keyboard")}));
    // An unreadable list: nothing known, no keyboard claimed.
    p = detectKeyboards(dir.filePath(QStringLiteral("missing")), id);
    EXPECT_FALSE(p.readable);
    EXPECT_FALSE(p.present());
}
