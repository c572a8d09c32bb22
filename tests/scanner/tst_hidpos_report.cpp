// HID POS pure parts: configuration and report descriptors, joining reports, bad reports.
#include "devices/scanner/HidPosReport.h"

#include <gtest/gtest.h>

#include <QStringEncoder>

using namespace archive::scanner;
using namespace archive::scanner::hidpos;

namespace {
QByteArray report(const QByteArray& aim, const QByteArray& data, bool more) {
    QByteArray r(kReportSize, '\0');
    r[0] = char(kReportId);
    r[1] = char(data.size());
    r.replace(2, 3, aim.left(3));
    r.replace(5, data.size(), data);
    r.resize(kReportSize);
    if (more) r[63] = 1;
    return r;
}
}  // namespace

TEST(HidPosReport, FindsTheBarcodeScannerUsagePage) {
    // Usage Page (POS Bar Code Scanner 0x8C), Usage (0x02), Collection (Application), …
    const QByteArray pos = QByteArray::fromHex("058c0902a101850209121500 26ff00 7508 953f 8102 c0");
    EXPECT_TRUE(isBarcodeScannerDescriptor(pos));
    // The same page as a 2-byte value and as an extended 4-byte usage.
    EXPECT_TRUE(isBarcodeScannerDescriptor(QByteArray::fromHex("068c000902a101c0")));
    EXPECT_TRUE(isBarcodeScannerDescriptor(QByteArray::fromHex("0b02008c00a101c0")));
    // A boot keyboard is not a scanner.
    EXPECT_FALSE(isBarcodeScannerDescriptor(QByteArray::fromHex("05010906a101050719e029e71500250175019508810295017508810395057501050819012905910295017503910395067508150025650507190029658100c0")));
    EXPECT_FALSE(isBarcodeScannerDescriptor(QByteArray()));
    EXPECT_FALSE(isBarcodeScannerDescriptor(QByteArray::fromHex("07")));  // truncated item
    EXPECT_FALSE(isBarcodeScannerDescriptor(QByteArray::fromHex("fe05")));  // truncated long item
}

TEST(HidPosReport, ParsesConfigurationDescriptor) {
    // config(9) + interface 0 HID(class 3, proto 1) + HID desc (report 63 bytes) + EP 0x81 int 8
    //           + interface 1 HID + HID desc (report 0x2a bytes) + EP 0x82 int 64 + EP 0x02 int 64
    const QByteArray c = QByteArray::fromHex(
        "0902420002010080fa"
        "090400000103010100" "09211001000122" "3f00" "0705810308000a"
        "090401000203000000" "09211001000122" "2a00" "0705820340000a" "0705020340000a");
    const auto ifs = parseConfigDescriptor(c);
    ASSERT_EQ(ifs.size(), 2);
    EXPECT_EQ(ifs[0].number, 0);
    EXPECT_EQ(ifs[0].protocol, 1);
    EXPECT_EQ(ifs[0].reportDescriptorLength, 0x3f);
    EXPECT_EQ(ifs[0].epIn, 0x81);
    EXPECT_EQ(ifs[1].number, 1);
    EXPECT_EQ(ifs[1].reportDescriptorLength, 0x2a);
    EXPECT_EQ(ifs[1].epIn, 0x82);
    EXPECT_EQ(ifs[1].maxPacketIn, 64);
    EXPECT_EQ(ifs[1].epOut, 0x02);
    // Truncated or zero-length descriptors stop the walk without reading past the end.
    EXPECT_EQ(parseConfigDescriptor(c.left(30)).size(), 1);
    EXPECT_TRUE(parseConfigDescriptor(QByteArray::fromHex("0002")).isEmpty());
    EXPECT_TRUE(parseConfigDescriptor(QByteArray()).isEmpty());
}

TEST(HidPosReport, SingleAndMultiReportCodes) {
    ReportAssembler a;
    auto o = a.feed(report("]C0", "B2024000123X", false), 5);
    ASSERT_TRUE(o.scan.has_value());
    EXPECT_EQ(o.scan->text, QStringLiteral("B2024000123X"));
    EXPECT_EQ(o.scan->symbology, Symbology::Code128);
    EXPECT_EQ(o.scan->source, ScanSource::HidPos);
    EXPECT_EQ(o.scan->atMs, 5);

    // A QR code with Chinese text split in the middle of a UTF-8 sequence across three reports.
    const QString text = QStringLiteral("借阅证 P20230017 张三 信息中心 档案室 2024年度 借阅权限：文书、科技、会计、人事、声像、实物");
    const QByteArray bytes = text.toUtf8();
    ASSERT_GT(bytes.size(), 2 * kMaxDataPerReport);
    for (qsizetype off = 0; off < bytes.size(); off += kMaxDataPerReport) {
        const bool more = off + kMaxDataPerReport < bytes.size();
        o = a.feed(report("]Q1", bytes.mid(off, kMaxDataPerReport), more), 10);
        EXPECT_EQ(o.scan.has_value(), !more);
        EXPECT_EQ(a.partial(), more);
    }
    ASSERT_TRUE(o.scan.has_value());
    EXPECT_EQ(o.scan->text, text);
    EXPECT_EQ(o.scan->symbology, Symbology::QRCode);
}

TEST(HidPosReport, BadInput) {
    ReportAssembler a;
    EXPECT_FALSE(a.feed(QByteArray::fromHex("0401020304"), 1).scan);  // another report id: ignored
    EXPECT_FALSE(a.feed(QByteArray(), 1).rejection);
    auto o = a.feed(report("]C0", "", false), 1);
    ASSERT_TRUE(o.rejection);
    EXPECT_EQ(o.rejection->code, QStringLiteral("empty"));
    QByteArray garbage = report("]C0", "ABC", false);
    garbage[1] = char(200);  // claims more data than a report holds
    o = a.feed(garbage, 1);
    ASSERT_TRUE(o.rejection);
    EXPECT_EQ(o.rejection->code, QStringLiteral("bad_report"));
    EXPECT_FALSE(o.rejection->messageZh.isEmpty());
    o = a.feed(QByteArray::fromHex("0203"), 1);  // too short
    ASSERT_TRUE(o.rejection);
    EXPECT_EQ(o.rejection->code, QStringLiteral("bad_report"));
    // A broken report in the middle voids the whole code, and the next code is clean.
    a.feed(report("]C0", "FIRSTPART", true), 1);
    o = a.feed(garbage, 2);
    EXPECT_EQ(o.rejection->code, QStringLiteral("bad_report"));
    o = a.feed(report("]C0", "NEXT01", false), 3);
    ASSERT_TRUE(o.scan);
    EXPECT_EQ(o.scan->text, QStringLiteral("NEXT01"));

    // 4,000 characters across 72 reports are accepted; 5,000 are refused.
    const QByteArray big(4000, '7');
    for (qsizetype off = 0; off < big.size(); off += kMaxDataPerReport)
        o = a.feed(report("]Q1", big.mid(off, kMaxDataPerReport), off + kMaxDataPerReport < big.size()), 4);
    ASSERT_TRUE(o.scan);
    EXPECT_EQ(o.scan->text.size(), 4000);
    const QByteArray huge(5000, '8');
    for (qsizetype off = 0; off < huge.size(); off += kMaxDataPerReport)
        o = a.feed(report("]Q1", huge.mid(off, kMaxDataPerReport), off + kMaxDataPerReport < huge.size()), 4);
    ASSERT_TRUE(o.rejection);
    EXPECT_EQ(o.rejection->code, QStringLiteral("too_long"));

    // Unknown symbology identifier: still a scan, symbology "unknown".
    o = a.feed(report("]Z9", "WHATEVER", false), 5);
    ASSERT_TRUE(o.scan);
    EXPECT_EQ(o.scan->symbology, Symbology::Unknown);

    // Non-ASCII bytes: GB 18030 from a Chinese scanner, and bytes valid in no encoding.
    QStringEncoder gb("GB18030");
    if (gb.isValid()) {
        o = a.feed(report("]Q1", gb.encode(QStringLiteral("档案盒")), false), 6);
        ASSERT_TRUE(o.scan);
        EXPECT_EQ(o.scan->text, QStringLiteral("档案盒"));
    }
    o = a.feed(report("]C0", QByteArray::fromHex("ff fe 80 41"), false), 7);
    ASSERT_TRUE(o.scan);
    EXPECT_EQ(o.scan->text.size(), 4);

    // Unplugged in the middle of a code.
    a.feed(report("]C0", "HALF", true), 8);
    const auto rej = a.abort(9);
    ASSERT_TRUE(rej);
    EXPECT_EQ(rej->code, QStringLiteral("removed"));
    EXPECT_EQ(rej->partial, QStringLiteral("HALF"));
    EXPECT_FALSE(a.abort(10));  // nothing pending any more
}
