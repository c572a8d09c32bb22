// Printing against a real IPP Everywhere printer (ippeveprinter) behind a private cupsd: the spooled document
// is a valid PDF whose barcodes decode back to the box's barcode and whose text holds the fields; raw ZPL goes
// straight to the printer; a printer that rejects the format gives a clear message.
#include "PrintHelpers.h"
#include "Samples.h"
#include "labels/CupsPrinter.h"
#include "labels/LabelLayout.h"
#include "labels/LabelRenderer.h"
#include "tests/support/PrinterFixture.h"

#include <gtest/gtest.h>

using namespace archive::labels;
using archive::testsupport::PrinterFixture;
using archive::testsupport::PrinterFixtureOptions;
using namespace labels_test;

namespace {
LabelLayout spine(const QString& name, const LabelData& d, int dpi = 300) {
    auto t = TemplateRegistry::instance().findTemplate(name);
    EXPECT_TRUE(t.ok());
    PrinterProfile p;
    p.dpi = dpi;
    auto l = layoutLabel(t.value(), d, p);
    EXPECT_TRUE(l.ok()) << l.errorMessage().toStdString();
    return l.value();
}
Stock stock(const QString& name) { return TemplateRegistry::instance().findStock(name).value(); }
}  // namespace

TEST(LabelPrinting, ListsTheQueueWithItsMediaAndFormats) {
    PrinterFixture pf;
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    CupsClient c(pf.cupsServer());
    auto list = c.printers();
    ASSERT_TRUE(list.ok()) << list.errorMessage().toStdString();
    for (int i = 0; i < 50 && !list->isEmpty() && list->first().media.isEmpty(); ++i) {  // cupsd fills media in shortly
        QThread::msleep(100);
        list = c.printers();
        ASSERT_TRUE(list.ok());
    }
    ASSERT_EQ(list->size(), 1);
    EXPECT_EQ(list->first().name, pf.queueName());
    EXPECT_EQ(list->first().uri, pf.printerUri());
    EXPECT_FALSE(list->first().media.isEmpty());
    EXPECT_TRUE(list->first().formats.contains(QStringLiteral("application/pdf")));
    EXPECT_EQ(list->first().status.condition(), QStringLiteral("ready"));
    auto direct = c.printer(pf.printerUri());
    ASSERT_TRUE(direct.ok()) << direct.errorMessage().toStdString();
    EXPECT_TRUE(direct->formats.contains(QStringLiteral("application/vnd.zebra-zpl")));
    auto missing = c.printer(QStringLiteral("no-such-printer"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, QStringLiteral("printer_not_found"));
}

TEST(LabelPrinting, SpooledPdfDecodesBackToTheBoxAndHoldsTheFields) {
    PrinterFixture pf;
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    QList<LabelLayout> labels;
    QStringList codes;
    for (int i = 0; i < 3; ++i) {  // a batch of three spines as one job
        LabelData d = sampleBox();
        d.barcode = QStringLiteral("B2024000%1").arg(120 + i);
        d.boxNo = QString::number(12 + i);
        codes << d.barcode;
        labels << spine(QStringLiteral("spine-40"), d);
    }
    auto pdf = renderPdf(labels, stock(QStringLiteral("brother-62")));
    ASSERT_TRUE(pdf.ok()) << pdf.errorMessage().toStdString();
    CupsClient c(pf.cupsServer());
    auto id = c.submit(pf.queueName(), pdf.value(), QStringLiteral("application/pdf"), QStringLiteral("spines"));
    ASSERT_TRUE(id.ok()) << id.errorMessage().toStdString() << id.error().detail.toStdString();
    const JobStatus j = waitForJob(c, pf.queueName(), id.value(), 60000);
    EXPECT_EQ(j.stateName(), QStringLiteral("completed"));
    ASSERT_TRUE(pf.waitForSpooledFiles(1, 20000));
    const QString spooled = pf.spooledFiles().first();
    const QByteArray bytes = readAll(spooled);
    ASSERT_TRUE(bytes.startsWith("%PDF-")) << spooled.toStdString() << " " << bytes.left(20).toStdString();
    const QString text = pdfText(spooled);
    for (const char* s : {"J012", "2023", "定期30年", "办公室", "0001—0025", "B2024000120", "关于2023年度森林防"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(s))) << s << " not in: " << text.toStdString();
    EXPECT_TRUE(pdfFonts(spooled).contains(QStringLiteral("WenQuanYi"))) << pdfFonts(spooled).toStdString();
    const QList<QImage> pages = rasterisePdf(spooled, 300);
    ASSERT_EQ(pages.size(), 3);
    for (int i = 0; i < 3; ++i) {
        // the code sits in the lower part of the spine
        const QImage lower = pages[i].copy(0, pages[i].height() * 6 / 10, pages[i].width(), pages[i].height() * 4 / 10);
        EXPECT_EQ(decodeBarcodes(lower), QStringList{codes[i]}) << "page " << i;
    }
}

TEST(LabelPrinting, RawZplGoesStraightToAZplPrinter) {
    PrinterFixtureOptions o;
    o.withCupsd = false;
    PrinterFixture pf(o);
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    const QByteArray zpl = renderZpl({spine(QStringLiteral("spine-40"), sampleBox(), 203)});
    CupsClient c;
    auto id = c.submit(pf.printerUri(), zpl, QStringLiteral("application/vnd.zebra-zpl"), QStringLiteral("zpl"));
    ASSERT_TRUE(id.ok()) << id.errorMessage().toStdString() << id.error().detail.toStdString();
    EXPECT_EQ(waitForJob(c, pf.printerUri(), id.value(), 30000).stateName(), QStringLiteral("completed"));
    ASSERT_TRUE(pf.waitForSpooledFiles(1, 20000));
    const QByteArray got = readAll(pf.spooledFiles().first());
    EXPECT_EQ(got.size(), zpl.size());
    EXPECT_TRUE(got == zpl);
    EXPECT_TRUE(got.startsWith("^XA\n^CI28\n"));
    EXPECT_TRUE(got.contains("^BCR,"));
    EXPECT_TRUE(got.contains("^FDB20240001238^FS"));
    EXPECT_TRUE(got.contains("^PW320"));  // 40 mm at 8 dots/mm
}

TEST(LabelPrinting, APrinterThatRejectsTheFormatSaysWhatToDo) {
    PrinterFixtureOptions o;
    o.withCupsd = false;
    o.formats = {QStringLiteral("image/pwg-raster")};
    PrinterFixture pf(o);
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    auto pdf = renderPdf({spine(QStringLiteral("spine-30"), sampleBox())}, stock(QStringLiteral("brother-62")));
    ASSERT_TRUE(pdf.ok());
    CupsClient c;
    auto id = c.submit(pf.printerUri(), pdf.value(), QStringLiteral("application/pdf"), QStringLiteral("pdf"));
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().code, QStringLiteral("printer_rejects_format"));
    EXPECT_TRUE(id.error().messageZh.contains(QStringLiteral("ZPL")));
    EXPECT_FALSE(CupsClient::isTransient(id.error()));
}

TEST(LabelPrinting, CupsdRefusesZplForAPdfQueue) {
    PrinterFixture pf;
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    CupsClient c(pf.cupsServer());
    auto id = c.submit(pf.queueName(), QByteArray("^XA^FDx^FS^XZ"), QStringLiteral("application/vnd.zebra-zpl"), QStringLiteral("zpl"));
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().code, QStringLiteral("printer_rejects_format")) << id.error().detail.toStdString();
}

TEST(LabelPrinting, UnreachableSchedulerIsTransient) {
    CupsClient c(QStringLiteral("127.0.0.1:%1").arg(PrinterFixture::freePort()));
    auto id = c.submit(QStringLiteral("labels"), QByteArray("%PDF-1.4\n"), QStringLiteral("application/pdf"), QStringLiteral("x"));
    ASSERT_FALSE(id.ok());
    EXPECT_TRUE(CupsClient::isTransient(id.error())) << id.error().code.toStdString();
    EXPECT_TRUE(id.error().messageZh.contains(QStringLiteral("自动打印")));
}

TEST(LabelPrinting, PrinterStateReasonsInPlainWords) {
    PrinterStatus s;
    EXPECT_EQ(s.condition(), QStringLiteral("ready"));
    s.reasons = {QStringLiteral("media-empty-error")};
    EXPECT_EQ(s.condition(), QStringLiteral("media-empty"));
    EXPECT_TRUE(s.describe().zh.contains(QStringLiteral("缺标签纸")));
    s.reasons = {QStringLiteral("offline-report")};
    EXPECT_EQ(s.condition(), QStringLiteral("offline"));
    EXPECT_TRUE(s.describe().en.contains(QStringLiteral("offline")));
    s.reasons = {QStringLiteral("media-jam-error")};
    EXPECT_EQ(s.condition(), QStringLiteral("jam"));
    s.reasons = {QStringLiteral("cover-open-warning")};
    EXPECT_EQ(s.condition(), QStringLiteral("door-open"));
    s.reasons = {QStringLiteral("paused")};
    EXPECT_EQ(s.condition(), QStringLiteral("paused"));
    s.reasons.clear();
    s.state = 4;
    s.message = QStringLiteral("The printer may not exist or is unavailable at this time.");  // CUPS ipp backend retrying
    EXPECT_EQ(s.condition(), QStringLiteral("offline"));
}

TEST(LabelPrinting, APausedQueueIsReportedAsPaused) {
    PrinterFixture pf;
    ASSERT_TRUE(pf.start()) << pf.lastError().toStdString();
    int code = -1;
    pf.runCupsTool(QStringLiteral("cupsdisable"), {pf.queueName()}, &code);
    ASSERT_EQ(code, 0);
    CupsClient c(pf.cupsServer());
    auto p = c.printer(pf.queueName());
    ASSERT_TRUE(p.ok()) << p.errorMessage().toStdString();
    EXPECT_EQ(p->status.condition(), QStringLiteral("paused"));
    EXPECT_TRUE(p->status.describe().zh.contains(QStringLiteral("暂停")));
}
