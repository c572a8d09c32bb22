// The evdev reader: struct input_event streams (as the kernel delivers them) decoded on the worker thread.
// No /dev/input here: a pipe stands in for the node (it cannot be grabbed, hence requireGrab = false), a FIFO
// only root may read for a node without permission. open() is asynchronous: the node is opened and grabbed on
// the scanner's worker, the outcome arrives as opened(Status).
#include "devices/scanner/EvdevScanner.h"
#include "devices/scanner/Identifier.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <linux/input.h>
#include <sys/stat.h>
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

// Waits for the one opened() of an open() and returns its Status.
archive::Status waitOpened(QSignalSpy& spy) {
    if (!QTest::qWaitFor([&] { return spy.count() >= 1; }, 10000))
        return archive::makeError(QStringLiteral("test_timeout"), QStringLiteral("opened() never came"),
                                  QStringLiteral("opened() never came"));
    const QVariant& v = spy.at(0).at(0);  // Status has no default constructor: no QVariant::value()
    if (v.metaType() != QMetaType::fromType<archive::Status>())
        return archive::makeError(QStringLiteral("test_type"), QStringLiteral("wrong type"), QStringLiteral("wrong type"));
    return *static_cast<const archive::Status*>(v.constData());
}

// How many of this process's fds refer to the same file as the link `fdPath` (a pipe: both of its ends).
int fdsOnSameFile(const QString& fdPath) {
    const QString target = QFile::symLinkTarget(fdPath);
    const QDir d(QStringLiteral("/proc/self/fd"));
    int n = 0;
    for (const QString& e : d.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System))
        if (QFile::symLinkTarget(d.filePath(e)) == target) ++n;
    return n;
}

int entriesIn(const char* dir) {
    return int(QDir(QString::fromLatin1(dir)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

}  // namespace

TEST(EvdevScanner, DecodesKernelKeyEventsOnItsWorker) {
    Pipe pipe;
    EvdevScanner scanner;
    QSignalSpy opened(&scanner, &EvdevScanner::opened);
    scanner.open(pipe.readPath(), /*requireGrab=*/false);
    ASSERT_TRUE(waitOpened(opened).ok());
    EXPECT_TRUE(scanner.isOpen());
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

// open() returns before the node is touched: the open() and EVIOCGRAB system calls are made on the worker
// thread, and the outcome (with the scans after it) arrives through the caller's event loop.
TEST(EvdevScanner, OpenReturnsAtOnceAndOpensOnTheWorkerThread) {
    Pipe pipe;
    EvdevScanner scanner;
    QSignalSpy opened(&scanner, &EvdevScanner::opened);
    QSignalSpy scans(&scanner, &ScannerSource::scanned);
    scanner.open(pipe.readPath(), /*requireGrab=*/false);
    EXPECT_TRUE(scanner.isOpening());
    EXPECT_FALSE(scanner.isOpen());
    EXPECT_EQ(opened.count(), 0);       // no result without the event loop: nothing was opened on this thread
    EXPECT_EQ(scanner.openThread(), nullptr);
    EXPECT_TRUE(scanner.status().contains(QStringLiteral("opening")));
    ASSERT_TRUE(waitOpened(opened).ok());
    EXPECT_EQ(opened.count(), 1);
    ASSERT_NE(scanner.openThread(), nullptr);
    EXPECT_NE(scanner.openThread(), QThread::currentThread());
    EXPECT_EQ(scanner.openThread()->objectName(), QStringLiteral("scanner-evdev"));
    EXPECT_TRUE(scanner.isOpen());
    EXPECT_FALSE(scanner.isOpening());
    EXPECT_TRUE(scanner.status().contains(QStringLiteral("ready")));
    const QString code = Identifier::make(IdKind::Box, u"2024000777");
    pipe.type(code, 1'700'000'000'000);
    ASSERT_TRUE(QTest::qWaitFor([&] { return scans.count() == 1; }, 10000));
    EXPECT_EQ(scans.at(0).at(0).value<Scan>().text, code);
}

TEST(EvdevScanner, ClearErrorsForMissingOrUngrabbableNodes) {
    EvdevScanner scanner;
    QSignalSpy opened(&scanner, &EvdevScanner::opened);
    scanner.open(QStringLiteral("/dev/input/event-does-not-exist"));
    const archive::Status missing = waitOpened(opened);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, QStringLiteral("evdev_open"));
    EXPECT_TRUE(missing.error().messageZh.contains(QStringLiteral("插好")));
    EXPECT_TRUE(missing.error().messageEn.contains(QStringLiteral("plugged in")));
    EXPECT_FALSE(scanner.isOpen());
    EXPECT_FALSE(scanner.isOpening());
    EXPECT_TRUE(scanner.status().contains(QStringLiteral("plugged in")));  // the archivist sees what to do

    Pipe pipe;
    opened.clear();
    scanner.open(pipe.readPath());  // requireGrab: a pipe cannot be grabbed
    const archive::Status ungrabbable = waitOpened(opened);
    ASSERT_FALSE(ungrabbable.ok());
    EXPECT_EQ(ungrabbable.error().code, QStringLiteral("evdev_grab"));
    EXPECT_FALSE(ungrabbable.error().messageZh.isEmpty());
    EXPECT_TRUE(ungrabbable.error().messageEn.contains(QStringLiteral("another program")));
    EXPECT_FALSE(scanner.isOpen());
    EXPECT_EQ(opened.count(), 1);
}

// A node the kiosk user may not read (no udev rule, not in group "input"): "evdev_access", with the hint.
// Root reads every node, so as root the test runs itself again as the user "nobody" (setpriv) on a FIFO that
// only root may read.
TEST(EvdevScanner, NodeWithoutPermissionPointsToTheUdevRule) {
    const QByteArray given = qgetenv("EVDEV_TEST_DENIED_NODE");
    if (!given.isEmpty()) {  // the child, running as "nobody"
        ASSERT_NE(::geteuid(), 0u);
        EvdevScanner scanner;
        QSignalSpy opened(&scanner, &EvdevScanner::opened);
        scanner.open(QString::fromLocal8Bit(given));
        const archive::Status st = waitOpened(opened);
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().code, QStringLiteral("evdev_access"));
        EXPECT_TRUE(st.error().messageZh.contains(QStringLiteral("udev")));
        EXPECT_TRUE(st.error().messageZh.contains(QStringLiteral("input")));
        EXPECT_TRUE(st.error().messageEn.contains(QStringLiteral("udev rule")));
        EXPECT_TRUE(st.error().messageEn.contains(QStringLiteral("\"input\"")));
        EXPECT_FALSE(scanner.isOpen());
        return;
    }
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_EQ(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    const QString node = dir.filePath(QStringLiteral("event-root-only"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(node).constData(), 0600), 0);
    if (::geteuid() != 0) {
        ASSERT_EQ(::chmod(QFile::encodeName(node).constData(), 0000), 0);  // not even its owner may read it
        EvdevScanner scanner;
        QSignalSpy opened(&scanner, &EvdevScanner::opened);
        scanner.open(node);
        const archive::Status st = waitOpened(opened);
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().code, QStringLiteral("evdev_access"));
        return;
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("EVDEV_TEST_DENIED_NODE"), node);
    env.insert(QStringLiteral("HOME"), dir.path());
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QStringLiteral("setpriv"),
                {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                 QStringLiteral("--"), QCoreApplication::applicationFilePath(),
                 QStringLiteral("--gtest_filter=EvdevScanner.NodeWithoutPermissionPointsToTheUdevRule")});
    ASSERT_TRUE(child.waitForFinished(60000));
    const QString out = QString::fromLocal8Bit(child.readAll());
    EXPECT_EQ(child.exitCode(), 0) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("[  PASSED  ] 1 test"))) << out.toStdString();
}

// close() in every state, a second open() over one in flight, and destruction right after open(): no crash,
// no stale opened() afterwards, and every worker thread and node fd is gone again.
TEST(EvdevScanner, CloseOrDestroyWhileOpeningLeavesNoThreadOrFd) {
    Pipe pipe;
    QCoreApplication::processEvents();
    const int threadsBefore = entriesIn("/proc/self/task");
    // Only fds on the node count: under libumockdev-preload (this binary re-executes itself with it) the process
    // sometimes holds unrelated extra sockets afterwards (without it the whole fd table was seen unchanged).
    const int nodeFdsBefore = fdsOnSameFile(pipe.readPath());
    for (int i = 0; i < 100; ++i) {
        {
            EvdevScanner scanner;
            scanner.open(pipe.readPath(), false);  // destroyed with the open in flight
        }
        {
            EvdevScanner scanner;
            QSignalSpy opened(&scanner, &EvdevScanner::opened);
            scanner.close();                        // never opened
            scanner.open(pipe.readPath(), false);
            scanner.close();                        // in flight
            EXPECT_FALSE(scanner.isOpening());
            scanner.close();                        // twice
            scanner.open(QStringLiteral("/dev/input/event-does-not-exist"));
            scanner.open(pipe.readPath(), false);   // replaces the one in flight
            QCoreApplication::processEvents();
            if (i % 10 == 0) {                      // sometimes let it finish: only the last open() reports
                ASSERT_TRUE(waitOpened(opened).ok());
                QCoreApplication::processEvents();
                EXPECT_EQ(opened.count(), 1);
                EXPECT_TRUE(scanner.isOpen());
            }
            scanner.close();
            const int reported = int(opened.count());
            QCoreApplication::processEvents();
            QCoreApplication::sendPostedEvents();
            EXPECT_EQ(opened.count(), reported);    // nothing stale after close()
            EXPECT_FALSE(scanner.isOpen());
        }
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_EQ(fdsOnSameFile(pipe.readPath()), nodeFdsBefore);  // every fd the workers opened on the node is closed
    // QThread::wait() returns when run() is done; the kernel thread may take a moment more to go away.
    EXPECT_TRUE(QTest::qWaitFor([&] { return entriesIn("/proc/self/task") <= threadsBefore; }, 10000))
        << entriesIn("/proc/self/task") << " threads, " << threadsBefore << " before";
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
