// bench_pinyin (issue 7): what the on-screen keyboard's pinyin engine (kiosk/PinyinEngine on libgooglepinyin)
// costs the GUI thread. Each keystroke = one PinyinEngine::typeLetter: incremental search, the preedit and the
// first page of 20 candidates read out as QStrings. Counter "per_key" is the time per keystroke.
//
//   bench_pinyin [--benchmark_filter=Keystroke]
#include "PinyinEngine.h"

#include <QCoreApplication>
#include <benchmark/benchmark.h>

using archive::kiosk::PinyinEngine;

namespace {

const char* const kWords[] = {"dangan", "linye", "caiwu", "wenshu", "renshi", "danganguanli", "zhongguolinye"};

// Types a whole word key by key and ends the composition; per_key = time per keystroke.
void BM_Keystroke(benchmark::State& state) {
    const QString word = QString::fromLatin1(kWords[state.range(0)]);
    PinyinEngine e;
    if (!e.open().ok()) {
        state.SkipWithError("pinyin dictionary missing");
        return;
    }
    for (auto _ : state) {
        for (QChar c : word) e.typeLetter(QString(c));
        benchmark::DoNotOptimize(e.candidates().size());
        state.PauseTiming();
        e.reset();
        state.ResumeTiming();
    }
    state.SetLabel(word.toStdString());
    state.counters["per_key"] = benchmark::Counter(double(word.size()),
                                                   benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Keystroke)->DenseRange(0, int(std::size(kWords)) - 1)->Unit(benchmark::kMicrosecond);

// One keystroke after "danga" (the common case: a letter added to a syllable already open).
void BM_OneMoreLetter(benchmark::State& state) {
    PinyinEngine e;
    if (!e.open().ok()) {
        state.SkipWithError("pinyin dictionary missing");
        return;
    }
    for (QChar c : QStringLiteral("danga")) e.typeLetter(QString(c));
    for (auto _ : state) {
        e.typeLetter(QStringLiteral("n"));
        benchmark::DoNotOptimize(e.candidates().size());
        e.backspace();
    }
    state.SetLabel("danga + n, then backspace");
}
BENCHMARK(BM_OneMoreLetter)->Unit(benchmark::kMicrosecond);

// Tapping a candidate: commit 档案 and compute the next-word predictions.
void BM_ChooseWithPrediction(benchmark::State& state) {
    PinyinEngine e;
    if (!e.open().ok()) {
        state.SkipWithError("pinyin dictionary missing");
        return;
    }
    for (auto _ : state) {
        state.PauseTiming();
        e.reset();
        for (QChar c : QStringLiteral("dangan")) e.typeLetter(QString(c));
        state.ResumeTiming();
        benchmark::DoNotOptimize(e.choose(0));
    }
}
BENCHMARK(BM_ChooseWithPrediction)->Unit(benchmark::kMicrosecond);

// The next page of candidates for "d" (736 of them).
void BM_LoadMore(benchmark::State& state) {
    PinyinEngine e;
    if (!e.open().ok()) {
        state.SkipWithError("pinyin dictionary missing");
        return;
    }
    for (auto _ : state) {
        state.PauseTiming();
        e.reset();
        e.typeLetter(QStringLiteral("d"));
        state.ResumeTiming();
        e.loadMore();
        benchmark::DoNotOptimize(e.candidates().size());
    }
}
BENCHMARK(BM_LoadMore)->Unit(benchmark::kMicrosecond);

// Opening the system dictionary (first key after start; the decoder closes when the last engine goes).
void BM_OpenDictionary(benchmark::State& state) {
    for (auto _ : state) {
        PinyinEngine e;
        if (!e.open().ok()) {
            state.SkipWithError("pinyin dictionary missing");
            return;
        }
    }
}
BENCHMARK(BM_OpenDictionary)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
