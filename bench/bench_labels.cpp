// Labels (issue 6): lay out, verify (rasterise every barcode at the printer's dpi and read it back with ZXing)
// and render 1,000 box spine labels into one PDF — the target is ≤ 2 s — and, in the same run, the same
// 1,000 labels through glabels-3-batch from a CSV (bench/data/spine-40.glabels), reporting the ratio.
//   build-NAME/bench/bench_labels [--benchmark_filter=…]
#include "labels/LabelData.h"
#include "labels/LabelLayout.h"
#include "labels/LabelRenderer.h"
#include "labels/LabelVerifier.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace archive::labels;

namespace {
constexpr int kLabels = 1000;

QList<LabelData> thousandBoxes() {
    static const char* const units[] = {"办公室", "营林科", "财务科", "森林防火办公室", "人事教育科", "资源林政管理站"};
    static const char* const retentions[] = {"permanent", "30y", "10y"};
    QList<LabelData> out;
    for (int i = 0; i < kLabels; ++i) {
        LabelData d;
        d.barcode = QStringLiteral("B2024%1").arg(i, 7, 10, QLatin1Char('0'));
        d.fondsCode = QStringLiteral("J0%1").arg(10 + i % 7);
        d.fondsName = QStringLiteral("某市林业局");
        d.year = QString::number(1990 + i % 34);
        d.retention = QString::fromLatin1(retentions[i % 3]);
        d.orgUnit = QString::fromUtf8(units[i % 6]);
        d.firstItemNo = QStringLiteral("%1").arg(1 + (i % 50) * 20, 4, 10, QLatin1Char('0'));
        d.lastItemNo = QStringLiteral("%1").arg(20 + (i % 50) * 20, 4, 10, QLatin1Char('0'));
        d.boxNo = QString::number(1 + i % 400);
        d.title = QStringLiteral("关于%1年度森林资源保护与防火工作的通知、请示与批复（第%2批）").arg(d.year).arg(i % 9 + 1);
        d.category = QStringLiteral("文书");
        out << d;
    }
    return out;
}

// layout + verify + one PDF; returns the PDF size (0 on failure)
qint64 renderAndVerify(const QList<LabelData>& data, const LabelTemplate& tpl, const Stock& stock, const PrinterProfile& p) {
    QList<LabelLayout> layouts;
    layouts.reserve(data.size());
    for (const auto& d : data) {
        auto l = layoutLabel(tpl, d, p);
        if (!l || !verifyLabel(l.value())) return 0;
        layouts << std::move(l.value());
    }
    auto pdf = renderPdf(layouts, stock);
    return pdf ? pdf->size() : 0;
}

struct Setup {
    LabelTemplate tpl;
    Stock stock;
    PrinterProfile printer;
};
Setup setup(const char* name) {
    Setup s;
    s.tpl = TemplateRegistry::instance().findTemplate(QString::fromLatin1(name)).value();
    s.stock = TemplateRegistry::instance().findStock(s.tpl.stocks.first()).value();
    s.printer.dpi = 300;
    return s;
}

void BM_RenderVerify1000SpinesToPdf(benchmark::State& state, const char* tplName) {
    const auto data = thousandBoxes();
    const Setup s = setup(tplName);
    qint64 bytes = 0;
    for (auto _ : state) {
        bytes = renderAndVerify(data, s.tpl, s.stock, s.printer);
        if (bytes == 0) state.SkipWithError("a label was refused");
    }
    state.counters["labels"] = kLabels;
    state.counters["pdf_MB"] = double(bytes) / 1e6;
    state.counters["labels_per_s"] = benchmark::Counter(kLabels, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK_CAPTURE(BM_RenderVerify1000SpinesToPdf, spine40_code128, "spine-40")->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK_CAPTURE(BM_RenderVerify1000SpinesToPdf, spine20_datamatrix, "spine-20")->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// the parts on their own
void BM_LayoutOnly(benchmark::State& state) {
    const auto data = thousandBoxes();
    const Setup s = setup("spine-40");
    for (auto _ : state)
        for (const auto& d : data) benchmark::DoNotOptimize(layoutLabel(s.tpl, d, s.printer));
    state.counters["per_label_us"] = benchmark::Counter(kLabels, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert) ;
}
BENCHMARK(BM_LayoutOnly)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_VerifyOnly(benchmark::State& state) {
    const auto data = thousandBoxes();
    const Setup s = setup("spine-40");
    QList<LabelLayout> layouts;
    for (const auto& d : data) layouts << layoutLabel(s.tpl, d, s.printer).value();
    for (auto _ : state)
        for (const auto& l : layouts) benchmark::DoNotOptimize(verifyLabel(l));
}
BENCHMARK(BM_VerifyOnly)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// Same 1,000 labels through gLabels 3 (glabels-3-batch, CSV merge) and through labels/, in one run.
void BM_CompareWithGlabels(benchmark::State& state) {
    const QString glabels = QStandardPaths::findExecutable(QStringLiteral("glabels-3-batch"));
    if (glabels.isEmpty()) {
        state.SkipWithError("glabels-3-batch not installed (Debian package glabels)");
        return;
    }
    const QString doc = QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + QStringLiteral("/data/spine-40.glabels");
    const auto data = thousandBoxes();
    const Setup s = setup("spine-40");
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("spine-40.csv"));
    {
        QFile f(csv);
        f.open(QIODevice::WriteOnly);
        f.write("barcode,fonds_code,year,retention,org_unit,first_item_no,last_item_no,box_no,title\n");
        for (const auto& d : data) {
            const QStringList cols{d.barcode, d.fondsCode, d.year, d.value(QStringLiteral("retention")), d.orgUnit,
                                   d.firstItemNo, d.lastItemNo, d.boxNo, d.title};
            f.write(cols.join(QLatin1Char(',')).toUtf8() + "\n");
        }
    }
    double oursS = 0, theirsS = 0;
    int glPages = 0;
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        if (renderAndVerify(data, s.tpl, s.stock, s.printer) == 0) state.SkipWithError("a label was refused");
        oursS = t.nsecsElapsed() / 1e9;
        t.restart();
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(glabels, {QStringLiteral("-i"), csv, QStringLiteral("-o"), dir.filePath(QStringLiteral("glabels.pdf")), doc});
        p.waitForFinished(600000);
        theirsS = t.nsecsElapsed() / 1e9;
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {dir.filePath(QStringLiteral("glabels.pdf"))});
        info.waitForFinished(60000);
        const QString out = QString::fromUtf8(info.readAll());
        const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(out);
        glPages = m.hasMatch() ? m.captured(1).toInt() : 0;
    }
    state.counters["ours_s"] = oursS;
    state.counters["glabels_s"] = theirsS;
    state.counters["glabels_pages"] = glPages;
    state.counters["glabels_over_ours"] = oursS > 0 ? theirsS / oursS : 0;
}
BENCHMARK(BM_CompareWithGlabels)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
