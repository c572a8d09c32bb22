// The evdev reader: struct input_event streams (as the kernel delivers them) decoded on the worker thread.
// No /dev/input here: a pipe stands in for the node (it cannot be grabbed, hence requireGrab = false).
#include "devices/scanner/EvdevScanner.h"
#include "devices/scanner/Identifier.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <linux/input.h>
#include <unistd.h>

using namespace archive::scanner;

namespace {

struct Pipe {
    int fds[2] = {-1, -1};
    Pipe() { EXPECT_EQ(::pipe(fds), 0); }
    ~Pipe() { closeWrite(); if (fds[0] >= 0) ::close(fds[0]); }
    QString readPath() const { return QStringLiteral("/proc/self/fd/%1").arg(fds[0]); }
    void closeWrite() { if (fds[1] >= 0) ::close(fds[1]); fds[1] = -1; }
    void key(qint64 ms, int code, int value) {
        input_event e{};
        e.input_event_sec = ms / 1000;
        e.input_event_usec = (ms % 1000) * 1000;
        e.type = EV_KEY;
        e.code = quint16(code);
        e.value = value;
        input_event syn{};
        syn.input_event_sec = e.input_event_sec;
        syn.input_event_usec = e.input_event_usec;
        syn.type = EV_SYN;
        ASSERT_EQ(::write(fds[1], &e, sizeof e), ssize_t(sizeof e));
        ASSERT_EQ(::write(fds[1], &syn, sizeof syn), ssize_t(sizeof syn));
    }
    // Types like a scanner: 3 ms per key, Shift for capitals, Enter.
    qint64 type(const QString& s, qint64 t, bool enter = true) {
        static const int letters[] = {KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I, KEY_J, KEY_K,
                                      KEY_L, KEY_M, KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R, KEY_S, KEY_T, KEY_U, KEY_V,
                                      KEY_W, KEY_X, KEY_Y, KEY_Z};
        static const int digits[] = {KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9};
        for (QChar c : s) {
            const bool upper = c.isUpper();
            const int code = c.isDigit() ? digits[c.digitValue()] : letters[c.toLower().unicode() - 'a'];
            if (upper) key(t, KEY_LEFTSHIFT, 1);
            key(t, code, 1);
            key(t, code, 0);
            if (upper) key(t, KEY_LEFTSHIFT, 0);
            t += 3;
        }
        if (enter) {
            key(t, KEY_ENTER, 1);
            key(t, KEY_ENTER, 0);
        }
        return t;
    }
};

}  // namespace

TEST(EvdevScanner, DecodesKernelKeyEventsOnItsWorker) {
    Pipe pipe;
    EvdevScanner scanner;
    ASSERT_TRUE(scanner.open(pipe.readPath(), /*requireGrab=*/false).ok());
    QSignalSpy scans(&scanner, &ScannerSource::scanned);
    QSignalSpy rejections(&scanner, &ScannerSource::rejected);
    QSignalSpy removed(&scanner, &EvdevScanner::removed);
    const QString a = Identifier::make(IdKind::Box, u"2024000123"), b = Identifier::make(IdKind::Person, u"T0042");
    qint64 t = pipe.type(a, 1'700'000'000'000);
    t = pipe.type(b, t + 800);
    ASSERT_TRUE(QTest::qWaitFor([&] { return scans.count() == 2; }, 10000));
    EXPECT_EQ(scans.at(0).at(0).value<Scan>().text, a);
    EXPECT_EQ(scans.at(1).at(0).value<Scan>().text, b);
    EXPECT_EQ(scans.at(0).at(0).value<Scan>().source, ScanSource::Evdev);

    // Pulled out in the middle of a code: the half code is rejected, the removal reported.
    t = pipe.type(QStringLiteral("B20"), t + 800);           // a fragment: too short for a code
    pipe.type(QStringLiteral("B2024000"), t + 800, false);
    pipe.closeWrite();
    ASSERT_TRUE(QTest::qWaitFor([&] { return removed.count() == 1; }, 10000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return rejections.count() == 2; }, 10000));
    EXPECT_EQ(rejections.at(0).at(0).value<ScanRejection>().code, QStringLiteral("too_short"));
    EXPECT_EQ(rejections.at(0).at(0).value<ScanRejection>().partial, QStringLiteral("B20"));
    EXPECT_EQ(rejections.at(1).at(0).value<ScanRejection>().code, QStringLiteral("interrupted"));
    EXPECT_TRUE(scanner.status().contains(QStringLiteral("removed")));
    EXPECT_EQ(scans.count(), 2);
}

TEST(EvdevScanner, ClearErrorsForMissingOrUngrabbableNodes) {
    EvdevScanner scanner;
    auto missing = scanner.open(QStringLiteral("/dev/input/event-does-not-exist"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, QStringLiteral("evdev_open"));
    EXPECT_FALSE(missing.error().messageZh.isEmpty());
    Pipe pipe;
    auto ungrabbable = scanner.open(pipe.readPath());  // requireGrab: a pipe cannot be grabbed
    ASSERT_FALSE(ungrabbable.ok());
    EXPECT_EQ(ungrabbable.error().code, QStringLiteral("evdev_grab"));
    EXPECT_FALSE(scanner.isOpen());
}

TEST(EvdevScanner, LinuxKeyCodesMapToUsUsages) {
    EXPECT_EQ(EvdevScanner::usageFromLinuxKey(KEY_A), 0x04);
    EXPECT_EQ(EvdevScanner::usageFromLinuxKey(KEY_Z), 0x1D);
    EXPECT_EQ(EvdevScanner::usageFromLinuxKey(KEY_1), 0x1E);
    EXPECT_EQ(EvdevScanner::usageFromLinuxKey(KEY_0), 0x27);
    EXPECT_EQ(EvdevScanner::usageFromLinuxKey(KEY_ENTER), 0x28);
    EXPECT_EQ(EvdevScanner::usageFromLinuxKey(KEY_KPENTER), 0x58);
    EXPECT_EQ(EvdevScanner::usageFromLinuxKey(KEY_SLASH), 0x38);
    EXPECT_EQ(EvdevScanner::usageFromLinuxKey(KEY_RIGHTSHIFT), 0xE5);
    EXPECT_EQ(EvdevScanner::usageFromLinuxKey(KEY_F13), 0);
}
