// The simulated scanner: a script replayed with realistic key timing through the real decoder, and as
// real QKeyEvents through the application's KeyboardWedgeFilter into a window.
#include "devices/scanner/Identifier.h"
#include "devices/scanner/KeyboardWedgeFilter.h"
#include "devices/scanner/SimulatedScanner.h"

#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

using namespace archive::scanner;

TEST(SimulatedScanner, ReplaysAScriptThroughTheRealDecoder) {
    const QString box = Identifier::make(IdKind::Box, u"2024000123");
    const QString shelf = Identifier::make(IdKind::Location, u"A0102");
    SimulatedScanner sim;
    const QStringList bad = sim.setScript(QStringLiteral("# demo\n%1\nwait 30\ninterrupt B2024000\nwait 600\n%2\n"
                                                         "wait abc\nnot a step\n").arg(box, shelf));
    EXPECT_EQ(bad, (QStringList{QStringLiteral("wait abc"), QStringLiteral("not a step")}));
    QSignalSpy scans(&sim, &ScannerSource::scanned);
    QSignalSpy rejections(&sim, &ScannerSource::rejected);
    QSignalSpy done(&sim, &SimulatedScanner::finished);
    sim.play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 1; }, 20000));
    ASSERT_EQ(scans.count(), 2);
    EXPECT_EQ(scans.at(0).at(0).value<Scan>().text, box);
    EXPECT_EQ(scans.at(1).at(0).value<Scan>().text, shelf);
    EXPECT_EQ(scans.at(0).at(0).value<Scan>().source, ScanSource::Simulated);
    ASSERT_EQ(rejections.count(), 1);
    EXPECT_EQ(rejections.at(0).at(0).value<ScanRejection>().code, QStringLiteral("interrupted"));

    // A second replay gives the same result (times keep increasing; no stale "partial" state).
    sim.play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 2; }, 20000));
    EXPECT_EQ(scans.count(), 4);
    EXPECT_EQ(rejections.count(), 2);
}

namespace {
class FieldWindow : public QWindow {
public:
    QString text;
protected:
    void keyPressEvent(QKeyEvent* e) override {
        if (!e->text().isEmpty() && e->text()[0].isPrint()) text += e->text();
    }
};
}  // namespace

TEST(SimulatedScanner, AsKeyEventsThroughTheApplicationFilter) {
    FieldWindow window;
    window.resize(100, 40);
    window.show();
    KeyboardWedgeFilter filter;
    qApp->installEventFilter(&filter);
    QSignalSpy scans(&filter, &ScannerSource::scanned);
    SimulatedScanner sim;
    sim.setKeyTarget(&window);
    const QString card = Identifier::make(IdKind::Person, u"T0042");
    sim.setScript(QStringLiteral("type Wang\nwait 200\n%1\n").arg(card));
    QSignalSpy done(&sim, &SimulatedScanner::finished);
    sim.play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 1 && scans.count() == 1 && filter.heldEvents() == 0; }, 20000));
    EXPECT_EQ(scans.at(0).at(0).value<Scan>().text, card);
    EXPECT_EQ(window.text, QStringLiteral("Wang"));  // the person's typing reached the field, the scan did not
    qApp->removeEventFilter(&filter);
}
