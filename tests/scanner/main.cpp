// test_scanner main: re-executes under libumockdev-preload when the HID POS tests are built (the emulated
// USB devices need it), then runs the tests with a QGuiApplication (offscreen) for the event-filter and
// image tests.
#include <gtest/gtest.h>

#include <QGuiApplication>

#include "devices/scanner/Scan.h"

#ifdef SCANNER_HAVE_USBMOCK
#include "usbmock.h"
#endif

int main(int argc, char** argv) {
#ifdef SCANNER_HAVE_USBMOCK
    if (usbmock_ensure_preload(argc, argv) != 0) return 1;
#endif
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    qRegisterMetaType<archive::scanner::Scan>();
    qRegisterMetaType<archive::scanner::ScanRejection>();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
