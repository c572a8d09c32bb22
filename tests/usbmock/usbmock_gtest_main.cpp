// GoogleTest main for USB tests: makes sure libumockdev-preload is loaded (re-executing the program
// with LD_PRELOAD if needed, so ctest and gtest_discover_tests need no wrapper), then runs the tests
// with a QCoreApplication (queued signals from device threads need one to be delivered).
#include "usbmock.h"

#include <QCoreApplication>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    if (usbmock_ensure_preload(argc, argv) != 0) return 1;
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
