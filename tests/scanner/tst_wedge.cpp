// Keyboard-wedge decoder against timing traces: scanners 1–20 ms/key with jitter, people 80–300 ms,
// a fast typist, interrupted bursts, back-to-back scans, Shift combinations, bad input.
#include "devices/scanner/Identifier.h"
#include "devices/scanner/KeyTrace.h"
#include "devices/scanner/WedgeDecoder.h"

#include <gtest/gtest.h>

using namespace archive::scanner;
using T = KeyInput::Type;

namespace {

struct Recorder : WedgeSink {
    QList<Scan> scans;
    QList<ScanRejection> rejections;
    QString typed;       // characters replayed as typing (Enter → '\n', Tab → '\t')
    int replayedKeys = 0;
    void wedgeScan(const Scan& s) override { scans.append(s); }
    void wedgeRejected(const ScanRejection& r) override { rejections.append(r); }
    void wedgeReplay(const KeyInput* k, qsizetype n) override {
        for (qsizetype i = 0; i < n; ++i) {
            ++replayedKeys;
            if (k[i].type == T::Char) typed.append(k[i].ch);
            else if (k[i].type == T::Enter) typed.append(QLatin1Char('\n'));
            else if (k[i].type == T::Tab) typed.append(QLatin1Char('\t'));
        }
    }
};

void feedAll(WedgeDecoder& d, const std::vector<KeyInput>& keys) {
    for (const auto& k : keys) {
        // What the event filter's timer does: decide a held burst once its deadline has passed.
        if (d.deadlineMs() >= 0 && k.tMs >= d.deadlineMs() &&
            (k.type == T::Char || k.type == T::Enter || k.type == T::Tab)) {
            d.tick(k.tMs);
        }
        d.feed(k);
    }
    d.tick(keys.empty() ? 0 : keys.back().tMs + 10'000);
}

QString randomCode(QRandomGenerator& rng) {
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    QString body;
    const int n = 6 + int(rng.bounded(12));
    for (int i = 0; i < n; ++i) body.append(alphabet[rng.bounded(alphabet.size())]);
    static const IdKind kinds[] = {IdKind::Box, IdKind::Location, IdKind::Person, IdKind::Item};
    return Identifier::make(kinds[rng.bounded(4)], body);
}

}  // namespace

TEST(WedgeDecoder, ScannersFrom1To20MsPerKeyWithJitter) {
    for (int maxGap = 1; maxGap <= 20; maxGap += 3) {
        Recorder rec;
        WedgeDecoder d({}, &rec);
        KeyTrace trace(100 + maxGap);
        std::vector<KeyInput> keys;
        QStringList expected;
        qint64 t = 1000;
        for (int i = 0; i < 200; ++i) {
            const QString code = randomCode(trace.rng());
            expected << code;
            t = trace.type(keys, code, t, KeyTrace::scanner(std::max(1, maxGap - 5), maxGap)) + 400 + trace.gap({0, 600});
        }
        feedAll(d, keys);
        ASSERT_EQ(rec.scans.size(), expected.size()) << "gap ≤ " << maxGap;
        for (int i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(rec.scans[i].text, expected[i]);
            EXPECT_EQ(rec.scans[i].source, ScanSource::KeyboardWedge);
        }
        EXPECT_TRUE(rec.rejections.isEmpty());
        EXPECT_EQ(rec.typed, QString());  // not a single key of a scan leaks into a text field
    }
}

TEST(WedgeDecoder, PeopleTypingAt80To300MsReachTheField) {
    Recorder rec;
    WedgeDecoder d({}, &rec);
    KeyTrace trace(7);
    std::vector<KeyInput> keys;
    const QString text = QStringLiteral("Zhang San, Room 3! B2024-0001 (archive) test@example.org");
    trace.type(keys, text, 0, KeyTrace::person());
    feedAll(d, keys);
    EXPECT_TRUE(rec.scans.isEmpty());
    EXPECT_TRUE(rec.rejections.isEmpty());
    EXPECT_EQ(rec.typed, text + QLatin1Char('\n'));
    EXPECT_EQ(rec.replayedKeys, int(keys.size()));  // every press, release and Shift, in order
}

TEST(WedgeDecoder, FastTypistIsNotMistakenForAScanner) {
    // A fast typist: most gaps 60–140 ms, with rolled digraphs as fast as 15–35 ms (two or three in a row).
    Recorder rec;
    WedgeDecoder d({}, &rec);
    KeyTrace trace(11);
    std::vector<KeyInput> keys;
    QString expected;
    qint64 t = 0;
    const QStringList words = {QStringLiteral("the"), QStringLiteral("archive"), QStringLiteral("ledger"),
                               QStringLiteral("shelf"), QStringLiteral("ok"), QStringLiteral("renew")};
    for (int i = 0; i < 60; ++i) {
        const QString w = words[i % words.size()];
        // Roll up to 3 letters fast, then the rest at a normal fast-typist pace.
        const QString rolled = w.left(3), rest = w.mid(3);
        t = trace.type(keys, rolled, t, {15, 35, 40, true}, T::Char) + trace.gap({60, 140});
        if (!rest.isEmpty()) t = trace.type(keys, rest, t, {60, 140, 50, true}, T::Char) + trace.gap({60, 140});
        t = trace.type(keys, u" ", t, {60, 140, 50, true}, T::Char) + trace.gap({60, 140});
        expected += w + QLatin1Char(' ');
    }
    t = trace.type(keys, u"", t, {60, 140, 50, true}, T::Enter);
    feedAll(d, keys);
    EXPECT_TRUE(rec.scans.isEmpty());
    EXPECT_TRUE(rec.rejections.isEmpty());
    EXPECT_EQ(rec.typed, expected + QLatin1Char('\n'));
}

TEST(WedgeDecoder, InterruptedBurstIsDroppedWithReasonAndTheRestIsNotAScan) {
    Recorder rec;
    WedgeDecoder d({}, &rec);
    KeyTrace trace(3);
    std::vector<KeyInput> keys;
    const QString code = Identifier::make(IdKind::Box, u"2024000123");
    qint64 t = trace.type(keys, code.left(8), 0, KeyTrace::scanner(), T::Char);
    // the scanner stalls 150 ms (cable jiggle), then sends the rest and Enter
    t = trace.type(keys, code.mid(8), t + 150, KeyTrace::scanner(), T::Enter);
    // a clean scan afterwards still works
    trace.type(keys, code, t + 1000, KeyTrace::scanner());
    feedAll(d, keys);
    ASSERT_EQ(rec.rejections.size(), 2);
    EXPECT_EQ(rec.rejections[0].code, QStringLiteral("interrupted"));
    EXPECT_EQ(rec.rejections[0].partial, code.left(8));
    EXPECT_FALSE(rec.rejections[0].messageZh.isEmpty());
    EXPECT_FALSE(rec.rejections[0].messageEn.isEmpty());
    EXPECT_EQ(rec.rejections[1].code, QStringLiteral("partial"));
    ASSERT_EQ(rec.scans.size(), 1);
    EXPECT_EQ(rec.scans[0].text, code);
    EXPECT_EQ(rec.typed, QString());
}

TEST(WedgeDecoder, TwoScansBackToBack) {
    Recorder rec;
    WedgeDecoder d({}, &rec);
    KeyTrace trace(5);
    std::vector<KeyInput> keys;
    const QString a = Identifier::make(IdKind::Location, u"A010203"), b = Identifier::make(IdKind::Box, u"19990042");
    const qint64 t = trace.type(keys, a, 0, KeyTrace::scanner(1, 4));
    trace.type(keys, b, t + 2, KeyTrace::scanner(1, 4));  // the next code starts 2 ms after Enter
    feedAll(d, keys);
    ASSERT_EQ(rec.scans.size(), 2);
    EXPECT_EQ(rec.scans[0].text, a);
    EXPECT_EQ(rec.scans[1].text, b);
    EXPECT_EQ(rec.typed, QString());
}

TEST(WedgeDecoder, ShiftCombinationsAndUsLayoutSymbols) {
    Recorder rec;
    WedgeDecoder d({}, &rec);
    KeyTrace trace(9);
    std::vector<KeyInput> keys;
    const QString code = QStringLiteral("Ab-C/9*x_Y:{}|~\"<>?!@#$%^&()+=[];',.`\\ Zz");
    trace.type(keys, code, 0, KeyTrace::scanner());
    feedAll(d, keys);
    ASSERT_EQ(rec.scans.size(), 1);
    EXPECT_EQ(rec.scans[0].text, code);

    // Every usage/shift pair maps back to the same character.
    for (char16_t c = 0x20; c < 0x7F; ++c) {
        bool shift = false;
        const quint8 u = usUsageForChar(QChar(c), &shift);
        ASSERT_NE(u, 0) << char(c);
        EXPECT_EQ(usUsageToChar(u, shift), QChar(c)) << char(c);
    }
    EXPECT_EQ(KeyInput::fromUsage(0, 0x28, false).type, T::Enter);
    EXPECT_EQ(KeyInput::fromUsage(0, 0x58, false).type, T::Enter);  // keypad Enter
    EXPECT_EQ(KeyInput::fromUsage(0, 0xE1, false).type, T::Modifier);
    EXPECT_EQ(KeyInput::fromUsage(0, 0x62, false).ch, QLatin1Char('0'));  // keypad 0
}

TEST(WedgeDecoder, PrefixSuffixAndAimIdentifier) {
    WedgeConfig cfg;
    cfg.prefix = QStringLiteral("#S");
    cfg.suffix = QStringLiteral("$");
    cfg.aimIdentifier = true;
    cfg.terminator = WedgeConfig::Terminator::Tab;
    Recorder rec;
    WedgeDecoder d(cfg, &rec);
    KeyTrace trace(13);
    std::vector<KeyInput> keys;
    qint64 t = trace.type(keys, u"#S]Q1HELLO$", 0, KeyTrace::scanner(), T::Tab);
    t = trace.type(keys, u"#S]C0AB$", t + 500, KeyTrace::scanner(), T::Tab);          // short but prefixed
    t = trace.type(keys, u"X#S]C0LONGCODE$", t + 500, KeyTrace::scanner(), T::Tab);   // wrong prefix
    t = trace.type(keys, u"#S]C0LONGCODE", t + 500, KeyTrace::scanner(), T::Tab);     // suffix missing
    t = trace.type(keys, u"#S$", t + 500, KeyTrace::scanner(), T::Tab);               // 0-length code
    trace.type(keys, u"#S]X9ODDONE$", t + 500, KeyTrace::scanner(), T::Tab);          // unknown symbology
    feedAll(d, keys);
    ASSERT_EQ(rec.scans.size(), 3);
    EXPECT_EQ(rec.scans[0].text, QStringLiteral("HELLO"));
    EXPECT_EQ(rec.scans[0].symbology, Symbology::QRCode);
    EXPECT_EQ(rec.scans[1].text, QStringLiteral("AB"));
    EXPECT_EQ(rec.scans[1].symbology, Symbology::Code128);
    EXPECT_EQ(rec.scans[2].text, QStringLiteral("ODDONE"));
    EXPECT_EQ(rec.scans[2].symbology, Symbology::Unknown);
    ASSERT_EQ(rec.rejections.size(), 3);
    EXPECT_EQ(rec.rejections[0].code, QStringLiteral("bad_prefix"));
    EXPECT_EQ(rec.rejections[1].code, QStringLiteral("bad_suffix"));
    EXPECT_EQ(rec.rejections[2].code, QStringLiteral("empty"));
    EXPECT_EQ(rec.typed, QString());
}

TEST(WedgeDecoder, GarbledAndOversizedBurstsAreRejected) {
    Recorder rec;
    WedgeDecoder d({}, &rec);
    KeyTrace trace(17);
    std::vector<KeyInput> keys;
    qint64 t = trace.type(keys, u"B2024\x01" "0001", 0, KeyTrace::scanner());   // control character
    std::vector<KeyInput> unmapped;
    t += 500;
    for (int i = 0; i < 8; ++i) keys.push_back(KeyInput::fromUsage(t += 3, i == 4 ? 0x87 : 0x1E, false));  // 0x87: Int'l key
    keys.push_back(KeyInput::key(t += 3, T::Enter));
    t = trace.type(keys, QString(4000, QLatin1Char('7')), t + 500, KeyTrace::scanner(1, 2));
    trace.type(keys, u"档案盒编号0001", t + 500, KeyTrace::scanner());   // non-ASCII through a wedge
    feedAll(d, keys);
    ASSERT_EQ(rec.rejections.size(), 4);
    EXPECT_EQ(rec.rejections[0].code, QStringLiteral("garbled"));
    EXPECT_EQ(rec.rejections[1].code, QStringLiteral("garbled"));
    EXPECT_EQ(rec.rejections[2].code, QStringLiteral("too_long"));
    EXPECT_TRUE(rec.rejections[2].messageZh.contains(QStringLiteral("1024")));
    EXPECT_EQ(rec.rejections[3].code, QStringLiteral("garbled"));  // the US layout cannot type 档
    EXPECT_TRUE(rec.scans.isEmpty());
    EXPECT_EQ(rec.typed, QString());
}

TEST(WedgeDecoder, HeldKeysAreReleasedAfterMaxGap) {
    Recorder rec;
    WedgeDecoder d({}, &rec);
    d.feed(KeyInput::character(1000, QLatin1Char('a')));
    EXPECT_TRUE(d.holding());
    EXPECT_EQ(d.deadlineMs(), 1000 + 40 + 1);
    d.tick(1030);
    EXPECT_EQ(rec.typed, QString());  // still deciding
    d.tick(d.deadlineMs());
    EXPECT_EQ(rec.typed, QStringLiteral("a"));
    EXPECT_FALSE(d.holding());
    // Enter and Backspace alone pass straight through.
    d.feed(KeyInput::key(2000, T::Enter));
    d.feed(KeyInput::key(2100, T::Control));
    EXPECT_EQ(rec.typed, QStringLiteral("a\n"));
    EXPECT_EQ(rec.replayedKeys, 3);
}

TEST(WedgeDecoder, NoTerminatorModeEndsScanByPause) {
    WedgeConfig cfg;
    cfg.terminator = WedgeConfig::Terminator::None;
    Recorder rec;
    WedgeDecoder d(cfg, &rec);
    KeyTrace trace(19);
    std::vector<KeyInput> keys;
    const qint64 t = trace.type(keys, u"9787040396638", 0, KeyTrace::scanner(), T::Char);
    trace.type(keys, u"hi", t + 400, KeyTrace::person(), T::Char);
    feedAll(d, keys);
    ASSERT_EQ(rec.scans.size(), 1);
    EXPECT_EQ(rec.scans[0].text, QStringLiteral("9787040396638"));
    EXPECT_EQ(rec.typed, QStringLiteral("hi"));
}
