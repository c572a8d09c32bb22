// test_scanner main: a QGuiApplication (offscreen) so event-filter and image tests have Qt Gui.
#include <gtest/gtest.h>

#include <QGuiApplication>

#include "devices/scanner/Scan.h"

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    qRegisterMetaType<archive::scanner::Scan>();
    qRegisterMetaType<archive::scanner::ScanRejection>();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
