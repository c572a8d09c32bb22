// The application-level event filter with real QKeyEvents sent to a real QWindow that behaves like a
// focused line edit (offscreen platform): scans never reach the field, typing always does, in order.
#include "devices/scanner/Identifier.h"
#include "devices/scanner/KeyboardWedgeFilter.h"

#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

using namespace archive::scanner;

namespace {

// A window whose key handling is that of a single-line text field with focus.
class LineEditWindow : public QWindow {
public:
    QString text;
    int enterCount = 0;
    int releases = 0;

protected:
    void keyPressEvent(QKeyEvent* e) override {
        if (e->key() == Qt::Key_Backspace) text.chop(1);
        else if (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) ++enterCount;
        else if (!e->text().isEmpty() && e->text()[0].isPrint()) text += e->text();
    }
    void keyReleaseEvent(QKeyEvent*) override { ++releases; }
};

struct WedgeFilter : ::testing::Test {
    LineEditWindow window;
    KeyboardWedgeFilter filter;
    qint64 now = 10'000;  // fake monotonic clock, ms
    void SetUp() override {
        window.resize(200, 50);
        window.show();
        filter.setClock([this] { return now; });
        qApp->installEventFilter(&filter);
    }
    void TearDown() override { qApp->removeEventFilter(&filter); }

    void send(QEvent::Type type, int key, Qt::KeyboardModifiers mods, const QString& text, qint64 t) {
        now = t;
        QKeyEvent ev(type, key, mods, text);
        ev.setTimestamp(ulong(t));
        QCoreApplication::sendEvent(&window, &ev);
    }
    // Types text like a device: press+release per character, Shift for upper case, then Enter.
    qint64 typeText(const QString& s, qint64 t, int gapMs, bool enter = true) {
        for (QChar c : s) {
            const bool shift = c.isUpper() || QStringLiteral("!@#$%^&*()_+{}|:\"<>?~").contains(c);
            const int key = c.isLetter() ? Qt::Key_A + (c.toUpper().unicode() - 'A') : c.unicode();
            if (shift) send(QEvent::KeyPress, Qt::Key_Shift, Qt::ShiftModifier, {}, t);
            send(QEvent::KeyPress, key, shift ? Qt::ShiftModifier : Qt::NoModifier, QString(c), t);
            send(QEvent::KeyRelease, key, shift ? Qt::ShiftModifier : Qt::NoModifier, QString(c), t);
            if (shift) send(QEvent::KeyRelease, Qt::Key_Shift, Qt::NoModifier, {}, t);
            t += gapMs;
        }
        if (enter) {
            send(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"), t);
            send(QEvent::KeyRelease, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"), t);
        }
        return t;
    }
    void settle(qint64 t) {
        now = t;
        filter.checkTimeout();
    }
};

}  // namespace

TEST_F(WedgeFilter, ScanIsConsumedAndNeverTypedIntoTheField) {
    QSignalSpy spy(&filter, &ScannerSource::scanned);
    const QString code = Identifier::make(IdKind::Box, u"2024000123");
    const qint64 t = typeText(code, 10'000, 4);
    settle(t + 1000);
    ASSERT_EQ(spy.count(), 1);
    const Scan s = spy.at(0).at(0).value<Scan>();
    EXPECT_EQ(s.text, code);
    EXPECT_EQ(s.source, ScanSource::KeyboardWedge);
    EXPECT_GT(s.atMs, 1'600'000'000'000);  // wall-clock UTC ms
    EXPECT_EQ(window.text, QString());
    EXPECT_EQ(window.enterCount, 0);
    EXPECT_EQ(filter.heldEvents(), 0);
}

TEST_F(WedgeFilter, TypingReachesTheFieldInOrderWithShiftAndBackspace) {
    QSignalSpy spy(&filter, &ScannerSource::scanned);
    qint64 t = typeText(QStringLiteral("Li Si"), 10'000, 180, false);
    send(QEvent::KeyPress, Qt::Key_Backspace, Qt::NoModifier, QStringLiteral("\b"), t += 200);
    send(QEvent::KeyRelease, Qt::Key_Backspace, Qt::NoModifier, QStringLiteral("\b"), t);
    t = typeText(QStringLiteral("i!"), t + 150, 120, true);
    settle(t + 1000);
    EXPECT_EQ(spy.count(), 0);
    EXPECT_EQ(window.text, QStringLiteral("Li Si!"));
    EXPECT_EQ(window.enterCount, 1);
    EXPECT_GT(window.releases, 0);
    EXPECT_EQ(filter.heldEvents(), 0);
}

TEST_F(WedgeFilter, ScanInTheMiddleOfTypingGoesToTheScannerOnly) {
    QSignalSpy spy(&filter, &ScannerSource::scanned);
    qint64 t = typeText(QStringLiteral("note "), 10'000, 150, false);
    const QString code = Identifier::make(IdKind::Person, u"T0042");
    t = typeText(code, t + 400, 8);
    t = typeText(QStringLiteral("ok"), t + 500, 140, false);
    settle(t + 1000);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<Scan>().text, code);
    EXPECT_EQ(window.text, QStringLiteral("note ok"));
    EXPECT_EQ(window.enterCount, 0);
}

TEST_F(WedgeFilter, InterruptedScanIsRejectedNotTyped) {
    QSignalSpy scans(&filter, &ScannerSource::scanned);
    QSignalSpy rejections(&filter, &ScannerSource::rejected);
    const qint64 t = typeText(QStringLiteral("B2024000"), 10'000, 5, false);  // the scanner was pulled out
    settle(t + 1000);
    EXPECT_EQ(scans.count(), 0);
    ASSERT_EQ(rejections.count(), 1);
    const auto r = rejections.at(0).at(0).value<ScanRejection>();
    EXPECT_EQ(r.code, QStringLiteral("interrupted"));
    EXPECT_FALSE(r.messageZh.isEmpty());
    EXPECT_EQ(window.text, QString());
}

TEST_F(WedgeFilter, HoldTimerReleasesTypingWithoutFurtherKeys) {
    // Real clock and the real timer: a single typed key must arrive by itself.
    filter.setClock(nullptr);
    QElapsedTimer clock;
    clock.start();
    filter.setClock([&clock] { return clock.elapsed(); });
    QKeyEvent press(QEvent::KeyPress, Qt::Key_X, Qt::NoModifier, QStringLiteral("x"));
    QCoreApplication::sendEvent(&window, &press);  // no timestamp: the filter's clock is used
    EXPECT_EQ(window.text, QString());               // held while deciding
    EXPECT_TRUE(QTest::qWaitFor([this] { return window.text == QStringLiteral("x"); }, 5000));
    EXPECT_EQ(filter.heldEvents(), 0);
}
