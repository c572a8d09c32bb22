// The persisted print queue against a real printer: jobs wait while the printer or the print service is
// down (the archivist sees "offline"), survive a restart of the program, and complete once the printer is
// back; a batch reports progress; cancel; each completed job is announced once so its labels get recorded.
#include "PrintHelpers.h"
#include "labels/PrintQueue.h"
#include "tests/support/PrinterFixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace archive::labels;
using archive::testsupport::PrinterFixture;
using namespace labels_test;

namespace {
// Runs processOnce() until pred() holds or the time is up.
template <class Pred>
bool pump(PrintQueue& q, Pred pred, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        q.processOnce();
        if (pred()) return true;
        QThread::msleep(200);
    }
    return pred();
}

bool all(const PrintQueue& q, QueueEntry::State s) {
    const auto es = q.entries();
    return !es.isEmpty() && std::all_of(es.begin(), es.end(), [s](const QueueEntry& e) { return e.state == s; });
}
}  // namespace

TEST(LabelQueue, OfflinePrinterJobsWaitAndCompleteAfterARestartOfTheProgram) {
    PrinterFixture pf;
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    QTemporaryDir dir;
    ASSERT_TRUE(pf.stopPrinter());
    {
        PrintQueue q(dir.path(), pf.cupsServer());
        ASSERT_TRUE(q.enqueue(spineRequest(pf.queueName(), 1)).ok());
        ASSERT_TRUE(q.enqueue(spineRequest(pf.queueName(), 3)).ok());
        // cupsd takes the jobs; its backend cannot reach the printer: the entries say "offline"
        ASSERT_TRUE(pump(q, [&] {
            const auto es = q.entries();
            return std::all_of(es.begin(), es.end(), [](const QueueEntry& e) {
                return e.state == QueueEntry::State::Submitted && e.condition == QLatin1String("offline");
            });
        }, 20000)) << q.entries().first().condition.toStdString() << " " << q.entries().first().messageZh.toStdString();
        EXPECT_TRUE(q.entries().first().messageZh.contains(QStringLiteral("离线")));
        EXPECT_TRUE(q.entries().first().messageEn.contains(QStringLiteral("offline")));
        EXPECT_TRUE(pf.spooledFiles().isEmpty());
    }  // the program stops with two jobs queued

    ASSERT_TRUE(pf.startPrinter());
    PrintQueue q(dir.path(), pf.cupsServer());  // … and starts again
    ASSERT_EQ(q.entries().size(), 2);
    QSignalSpy done(&q, &PrintQueue::completed);
    QSignalSpy prog(&q, &PrintQueue::progress);
    ASSERT_TRUE(pump(q, [&] { return all(q, QueueEntry::State::Completed); }, 90000))
        << q.entries().first().messageEn.toStdString();
    ASSERT_EQ(done.size(), 2);
    QStringList subjects;
    for (const auto& sig : done)
        for (const auto& l : sig.at(0).value<QueueEntry>().labels) subjects << l.subject;
    EXPECT_EQ(subjects.size(), 4);
    EXPECT_TRUE(subjects.contains(QStringLiteral("B2024000702")));
    bool batchDone = false;
    for (const auto& sig : prog) batchDone = batchDone || (sig.at(1).toInt() == 3 && sig.at(2).toInt() == 3);
    EXPECT_TRUE(batchDone);
    EXPECT_TRUE(pf.waitForSpooledFiles(2, 20000));
    // recorded → forgotten, including on disk
    for (const auto& e : q.entries()) q.markRecorded(e.id);
    EXPECT_TRUE(q.entries().isEmpty());
    EXPECT_TRUE(PrintQueue(dir.path(), pf.cupsServer()).entries().isEmpty());
}

TEST(LabelQueue, PrintServiceDownJobsWaitAndAreSentWhenItIsBack) {
    PrinterFixture pf;
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    ASSERT_TRUE(pf.stopScheduler());
    QTemporaryDir dir;
    PrintQueue q(dir.path(), pf.cupsServer());
    q.setRetryIntervalMs(300);
    auto id = q.enqueue(spineRequest(pf.queueName(), 1));
    ASSERT_TRUE(id.ok());
    q.processOnce();
    auto e = q.entry(id.value());
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->state, QueueEntry::State::Waiting);
    EXPECT_EQ(e->condition, QStringLiteral("offline"));
    EXPECT_EQ(e->errorCode, QStringLiteral("printer_unreachable"));
    EXPECT_TRUE(e->messageZh.contains(QStringLiteral("自动打印")));
    ASSERT_TRUE(pf.startScheduler()) << pf.lastError().toStdString();
    ASSERT_TRUE(pump(q, [&] { return all(q, QueueEntry::State::Completed); }, 60000)) << q.entries().first().messageEn.toStdString();
    EXPECT_GE(q.entry(id.value())->attempts, 2);
    ASSERT_TRUE(pf.waitForSpooledFiles(1, 20000));
    EXPECT_TRUE(readAll(pf.spooledFiles().first()).startsWith("%PDF-"));
}

TEST(LabelQueue, CancelAQueuedJob) {
    PrinterFixture pf;
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    ASSERT_TRUE(pf.stopPrinter());
    QTemporaryDir dir;
    PrintQueue q(dir.path(), pf.cupsServer());
    auto id = q.enqueue(spineRequest(pf.queueName(), 2));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(pump(q, [&] { return q.entry(id.value())->state == QueueEntry::State::Submitted; }, 20000));
    const int cupsJob = q.entry(id.value())->cupsJobId;
    ASSERT_TRUE(q.cancel(id.value()).ok());
    EXPECT_EQ(q.entry(id.value())->state, QueueEntry::State::Canceled);
    CupsClient c(pf.cupsServer());
    const JobStatus j = waitForJob(c, pf.queueName(), cupsJob, 20000);
    EXPECT_EQ(j.stateName(), QStringLiteral("canceled"));
    // a canceled entry is not announced as printed, also not after a restart
    PrintQueue again(dir.path(), pf.cupsServer());
    QSignalSpy done(&again, &PrintQueue::completed);
    again.processOnce();
    EXPECT_EQ(done.size(), 0);
    EXPECT_EQ(again.entry(id.value())->state, QueueEntry::State::Canceled);
}

TEST(LabelQueue, UnknownPrinterFailsWithAClearMessage) {
    PrinterFixture pf;
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    QTemporaryDir dir;
    PrintQueue q(dir.path(), pf.cupsServer());
    auto id = q.enqueue(spineRequest(QStringLiteral("no-such-printer"), 1));
    ASSERT_TRUE(id.ok());
    q.processOnce();
    auto e = q.entry(id.value());
    EXPECT_EQ(e->state, QueueEntry::State::Failed);
    EXPECT_EQ(e->errorCode, QStringLiteral("printer_not_found"));
    EXPECT_TRUE(e->messageZh.contains(QStringLiteral("no-such-printer")));
    // once seen, it can be dismissed; it stays gone after a restart
    q.dismiss(id.value());
    EXPECT_TRUE(q.entries().isEmpty());
    EXPECT_TRUE(PrintQueue(dir.path(), pf.cupsServer()).entries().isEmpty());
}
