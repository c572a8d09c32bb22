// test_db main: a QCoreApplication (Qt Sql plugins) around GoogleTest. With --child-checkins it acts as the
// second writer process of the concurrency test (see ConcurrencyTest.cpp).
#include "TestBackend.h"

#include <QCoreApplication>
#include <gtest/gtest.h>

int childMain(int argc, char** argv);  // ConcurrencyTest.cpp

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrncmp(argv[1], "--child", 7) == 0) return childMain(argc, argv);
    if (argc > 2 && qstrcmp(argv[1], "--make-pg-template") == 0) return testdb::makePgTemplate(QString::fromLocal8Bit(argv[2]));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
