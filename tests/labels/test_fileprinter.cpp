// The file printer (labels/FilePrinter.h) behind the persisted print queue: a job for a "file:" printer is saved
// into the folder as the very document a CUPS printer would get, under a readable timestamped name, and completes at
// once (announced once, so the caller records it like a print). And archivectl: the label / report printer chosen
// with `printers use` (books setting, administrators only) is where `label print` goes without --printer;
// `--printer file` saves a shelf's labels as one PDF.
#include "BooksFixture.h"
#include "PrintHelpers.h"
#include "labels/FilePrinter.h"
#include "labels/PrintQueue.h"
#include "tests/support/PrinterFixture.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <gtest/gtest.h>

using namespace archive::labels;
using namespace labels_test;
using archive::testsupport::PrinterFixture;

namespace {
// pdfinfo: pages and the first page's size in mm.
struct Info {
    int pages = 0;
    double wMm = 0, hMm = 0;
};
Info pdfInfo(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    p.waitForFinished(30000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    Info i;
    if (auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(out); m.hasMatch()) i.pages = m.captured(1).toInt();
    if (auto m = QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")).match(out); m.hasMatch()) {
        i.wMm = m.captured(1).toDouble() * 25.4 / 72;
        i.hMm = m.captured(2).toDouble() * 25.4 / 72;
    }
    return i;
}
}  // namespace

TEST(LabelFilePrinter, QueueSavesTheSameDocumentAsAReadableFileAndCompletesAtOnce) {
    QTemporaryDir dir;
    const QString printed = dir.filePath(QStringLiteral("printed"));
    const QString uri = FilePrinter::uriFor(printed);
    EXPECT_TRUE(uri.startsWith(QStringLiteral("file:///")));
    EXPECT_TRUE(FilePrinter::isFilePrinter(uri));
    EXPECT_FALSE(FilePrinter::isFilePrinter(QStringLiteral("labels")));
    EXPECT_EQ(FilePrinter::dirOf(uri), QDir(printed).absolutePath());

    PrintQueue q(dir.filePath(QStringLiteral("queue")));
    QSignalSpy completed(&q, &PrintQueue::completed);
    const PrintRequest r = spineRequest(uri, 3, 800, QStringLiteral("背脊 spine-30 ×3 L0101030"));
    auto id = q.enqueue(r);
    ASSERT_TRUE(id.ok()) << id.errorMessage().toStdString();
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    q.processOnce();
    auto e = q.entry(id.value());
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->state, QueueEntry::State::Completed);
    EXPECT_EQ(e->pagesDone, 3);
    EXPECT_EQ(e->cupsJobId, 0);
    EXPECT_GE(e->completedMs, before);
    ASSERT_EQ(completed.count(), 1);
    q.processOnce();  // announced once
    EXPECT_EQ(completed.count(), 1);

    // The file: in the folder, named "yyyy-MM-dd HH-mm-ss <title>.pdf", the very bytes the printer would get.
    const QString path = e->outputPath;
    EXPECT_EQ(QFileInfo(path).absolutePath(), QDir(printed).absolutePath());
    const QString name = QFileInfo(path).fileName();
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2} \\d{2}-\\d{2}-\\d{2} 背脊 spine-30 ×3 L0101030\\.pdf$"))
                    .match(name).hasMatch()) << name.toStdString();
    EXPECT_EQ(readAll(path), r.document);
    const Info info = pdfInfo(path);
    EXPECT_EQ(info.pages, 3);
    EXPECT_NEAR(std::min(info.wMm, info.hMm), 62.0, 1.0) << info.wMm << " x " << info.hMm;  // Brother 62 mm tape
    EXPECT_TRUE(e->messageZh.contains(path));
    // Persisted like any entry (a restart before recording still knows the file).
    PrintQueue again(dir.filePath(QStringLiteral("queue")));
    ASSERT_EQ(again.unrecorded().size(), 1);
    EXPECT_EQ(again.unrecorded().first().outputPath, path);
    // Recorded → the queue forgets it; the saved file stays.
    q.markRecorded(id.value());
    EXPECT_TRUE(q.entries().isEmpty());
    EXPECT_TRUE(QFile::exists(path));
}

TEST(LabelFilePrinter, NamesNeverOverwriteAndOddTitlesAreSafe) {
    QTemporaryDir dir;
    const qint64 at = QDateTime(QDate(2026, 11, 27), QTime(9, 5, 7)).toMSecsSinceEpoch();
    EXPECT_EQ(FilePrinter::fileName(QStringLiteral("盘点报告 L1/2: \"A\""), QStringLiteral("application/pdf"), at),
              QStringLiteral("2026-11-27 09-05-07 盘点报告 L1_2_ _A_.pdf"));
    EXPECT_EQ(FilePrinter::fileName(QStringLiteral("zebra"), QStringLiteral("application/vnd.zebra-zpl"), at),
              QStringLiteral("2026-11-27 09-05-07 zebra.zpl"));
    auto a = FilePrinter::write(dir.path(), "one", QStringLiteral("application/pdf"), QStringLiteral("x"), at);
    auto b = FilePrinter::write(dir.path(), "two", QStringLiteral("application/pdf"), QStringLiteral("x"), at);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(a.value(), b.value());
    EXPECT_TRUE(b.value().endsWith(QStringLiteral("x (2).pdf"))) << b.value().toStdString();
    EXPECT_EQ(readAll(a.value()), QByteArray("one"));
    EXPECT_EQ(readAll(b.value()), QByteArray("two"));
}

TEST(LabelFilePrinter, AFolderThatCannotBeWrittenFailsTheJobWithAPlainMessage) {
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("printed")));  // a file where the folder should be
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    PrintQueue q(dir.filePath(QStringLiteral("queue")));
    auto id = q.enqueue(spineRequest(FilePrinter::uriFor(dir.filePath(QStringLiteral("printed"))), 1, 800, QStringLiteral("背脊 spine-30 ×1 L0101030")));
    ASSERT_TRUE(id.ok());
    q.processOnce();
    auto e = q.entry(id.value());
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->state, QueueEntry::State::Failed);
    EXPECT_EQ(e->errorCode, QStringLiteral("printed_dir_io"));
    EXPECT_TRUE(e->messageZh.contains(QStringLiteral("无法把标签保存到文件夹")));
    EXPECT_TRUE(e->messageEn.contains(QStringLiteral("Ask the administrator")));
}

#ifdef ARCHIVECTL_BIN
namespace {
int archivectl(const QStringList& args, const QProcessEnvironment& env, QString* out) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ARCHIVECTL_BIN), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *out = QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}
}  // namespace

TEST(LabelFilePrinter, ArchivectlChoosesPrintersAndPrintsToTheChosenOneOrToFiles) {
    PrinterFixture pf;
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    TempBooks b;
    ASSERT_TRUE(b.open());
    ASSERT_TRUE(exec(*b.db, QStringLiteral("INSERT INTO people(card, name, roles) VALUES ('P900006A', '孙浩然', 'admin')")));
    ASSERT_TRUE(exec(*b.db, QStringLiteral("INSERT INTO people(card, name, roles) VALUES ('P900001Y', '李静', 'archivist')")));
    const QString db = b.dir.filePath(QStringLiteral("archive.db"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CUPS_SERVER"), pf.cupsServer());
    env.insert(QStringLiteral("ARCHIVE_PRINT_QUEUE"), b.dir.filePath(QStringLiteral("queue")));
    env.insert(QStringLiteral("ARCHIVE_PRINTED_DIR"), b.dir.filePath(QStringLiteral("printed")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("ARCHIVE_LABEL_PRINTER"));
    env.remove(QStringLiteral("ARCHIVE_REPORT_PRINTER"));
    QString out;

    // Nothing chosen: the listing says where labels go; label print without --printer says how to choose.
    ASSERT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("printers")}, env, &out), 0) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("标签打印机 / label printer: 未选择"))) << out.toStdString();
    EXPECT_TRUE(out.contains(pf.queueName()));
    EXPECT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("label"), QStringLiteral("print"), QStringLiteral("--box"),
                          QStringLiteral("B20240001238")}, env, &out), 2);
    EXPECT_TRUE(out.contains(QStringLiteral("printers use label"))) << out.toStdString();

    // Choosing: a queue CUPS does not know is refused with the ones it does; an archivist is refused by the books.
    EXPECT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("printers"), QStringLiteral("use"), QStringLiteral("label"),
                          QStringLiteral("nosuch"), QStringLiteral("--as"), QStringLiteral("P900006A")}, env, &out), 2);
    EXPECT_TRUE(out.contains(pf.queueName())) << out.toStdString();
    EXPECT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("printers"), QStringLiteral("use"), QStringLiteral("label"),
                          pf.queueName(), QStringLiteral("--as"), QStringLiteral("P900001Y")}, env, &out), 2);
    EXPECT_TRUE(out.contains(QStringLiteral("系统管理员"))) << out.toStdString();
    ASSERT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("printers"), QStringLiteral("use"), QStringLiteral("label"),
                          pf.queueName(), QStringLiteral("--as"), QStringLiteral("P900006A")}, env, &out), 0) << out.toStdString();
    ASSERT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("printers"), QStringLiteral("use"), QStringLiteral("report"),
                          pf.queueName(), QStringLiteral("--as"), QStringLiteral("P900006A")}, env, &out), 0) << out.toStdString();
    ASSERT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("printers")}, env, &out), 0);
    EXPECT_TRUE(out.contains(QStringLiteral("✓ 用于标签 / used for labels"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("✓ 用于报告 / used for reports")));
    EXPECT_EQ(scalar(*b.db, QStringLiteral("SELECT value FROM books_settings WHERE key = 'label_printer'")), pf.queueName());
    EXPECT_EQ(scalar(*b.db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE action = 'setting' AND actor = 'P900006A'")), QStringLiteral("2"));

    // label print without --printer → the chosen queue, recorded with it.
    ASSERT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("label"), QStringLiteral("print"), QStringLiteral("--box"),
                          QStringLiteral("B20240001238"), QStringLiteral("--wait"), QStringLiteral("90")}, env, &out), 0) << out.toStdString();
    EXPECT_TRUE(pf.waitForSpooledFiles(1, 30000));
    EXPECT_EQ(scalar(*b.db, QStringLiteral("SELECT printer FROM label_prints WHERE barcode = 'B20240001238'")), pf.queueName());

    // --printer file: the shelf's two boxes as one PDF in the printed folder, recorded with the file printer.
    ASSERT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("label"), QStringLiteral("batch"), QStringLiteral("--shelf"),
                          QStringLiteral("L0101030"), QStringLiteral("--printer"), QStringLiteral("file")}, env, &out), 0) << out.toStdString();
    const QDir printed(b.dir.filePath(QStringLiteral("printed")));
    const QStringList files = printed.entryList({QStringLiteral("*.pdf")}, QDir::Files);
    ASSERT_EQ(files.size(), 1);
    EXPECT_TRUE(out.contains(printed.filePath(files.first()))) << out.toStdString();
    EXPECT_EQ(pdfInfo(printed.filePath(files.first())).pages, 2);
    EXPECT_EQ(pf.spooledFiles().size(), 1);  // nothing more went to CUPS
    EXPECT_EQ(scalar(*b.db, QStringLiteral("SELECT COUNT(*) FROM label_prints WHERE printer = ?"),
                     QUrl::fromLocalFile(printed.absolutePath()).toString()), QStringLiteral("2"));
    // Clearing the choice.
    ASSERT_EQ(archivectl({QStringLiteral("--db"), db, QStringLiteral("printers"), QStringLiteral("use"), QStringLiteral("label"),
                          QStringLiteral("none"), QStringLiteral("--as"), QStringLiteral("P900006A")}, env, &out), 0) << out.toStdString();
    EXPECT_EQ(scalar(*b.db, QStringLiteral("SELECT COUNT(*) FROM books_settings WHERE key = 'label_printer'")), QStringLiteral("0"));
}
#endif
