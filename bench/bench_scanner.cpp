// Scanners (issue 3): keyboard-wedge decoder throughput and exactness, ZXing image decoding (Code 128 in
// 640×480, QR in 1280×720, the distorted set) and libzbar on the same frames in the same run.
// Figures: bench/README.md, "Scanners (issue 3)".
#include "devices/scanner/Identifier.h"
#include "devices/scanner/ImageDecoder.h"
#include "devices/scanner/KeyTrace.h"
#include "devices/scanner/SyntheticFrames.h"
#include "devices/scanner/WedgeDecoder.h"
#include "scanner_zbar.h"

#include <benchmark/benchmark.h>

#include <QGuiApplication>
#include <algorithm>
#include <chrono>

using namespace archive::scanner;

namespace {

QString randomIdentifier(QRandomGenerator& rng) {
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    char body[24];
    const int n = 6 + int(rng.bounded(10));
    for (int i = 0; i < n; ++i) body[i] = alphabet[rng.bounded(36)];
    static const IdKind kinds[] = {IdKind::Box, IdKind::Location, IdKind::Person, IdKind::Item};
    return Identifier::make(kinds[rng.bounded(4)], QString::fromLatin1(body, n));
}

// Scanner bursts (1–20 ms per key, jitter), Shift/releases included, 50–2000 ms apart.
struct Trace {
    std::vector<KeyInput> keys;
    QStringList expected;
};
Trace makeTrace(int scans, quint32 seed) {
    Trace t;
    KeyTrace kt(seed);
    t.keys.reserve(size_t(scans) * 40);
    qint64 ms = 0;
    for (int i = 0; i < scans; ++i) {
        const QString code = randomIdentifier(kt.rng());
        t.expected << code;
        ms = kt.type(t.keys, code, ms, KeyTrace::scanner(1, 20)) + 50 + kt.gap({0, 1950});
    }
    return t;
}

struct CheckingSink : WedgeSink {
    const QStringList* expected = nullptr;
    qsizetype next = 0;
    long long lost = 0, altered = 0, replayed = 0, rejected = 0;
    void wedgeScan(const Scan& s) override {
        if (next < expected->size() && s.text == (*expected)[next]) ++next;
        else { ++altered; ++next; }
    }
    void wedgeRejected(const ScanRejection&) override { ++rejected; }
    // Keys that would type something into the focused field (releases and Shift type nothing).
    void wedgeReplay(const KeyInput* k, qsizetype n) override {
        for (qsizetype i = 0; i < n; ++i)
            replayed += k[i].type == KeyInput::Type::Char || k[i].type == KeyInput::Type::Enter ||
                        k[i].type == KeyInput::Type::Tab;
    }
};

void BM_WedgeDecoderThroughput(benchmark::State& state) {
    const Trace trace = makeTrace(10'000, 1);
    const qint64 span = trace.keys.back().tMs + 10'000;
    CheckingSink sink;
    sink.expected = &trace.expected;
    WedgeDecoder d({}, &sink);
    qint64 offset = 0;
    long long events = 0;
    for (auto _ : state) {
        sink.next = 0;
        for (KeyInput k : trace.keys) {
            k.tMs += offset;
            d.feed(k);
        }
        d.tick(offset + span);
        offset += span;
        events += qint64(trace.keys.size());
    }
    state.SetItemsProcessed(events);
    state.counters["key_events_per_s"] = benchmark::Counter(double(events), benchmark::Counter::kIsRate);
    state.counters["altered"] = double(sink.altered);
    state.counters["rejected"] = double(sink.rejected);
}
BENCHMARK(BM_WedgeDecoderThroughput)->Unit(benchmark::kMillisecond);

// 1,000,000 scans, each compared with what was sent: lost = sent but not decoded; altered = decoded
// differently; typed = keys of a scan handed to the text field.
void BM_WedgeMillionScansExact(benchmark::State& state) {
    for (auto _ : state) {
        long long sent = 0, decoded = 0, altered = 0, rejected = 0, replayed = 0, events = 0;
        double decodeSeconds = 0;
        qint64 offset = 0;
        WedgeDecoder d;
        for (quint32 chunk = 0; chunk < 100; ++chunk) {
            state.PauseTiming();
            const Trace trace = makeTrace(10'000, 1000 + chunk);
            state.ResumeTiming();
            CheckingSink sink;
            sink.expected = &trace.expected;
            d.setSink(&sink);
            const auto t0 = std::chrono::steady_clock::now();
            for (KeyInput k : trace.keys) {
                k.tMs += offset;
                d.feed(k);
            }
            d.tick(offset + trace.keys.back().tMs + 10'000);
            decodeSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            offset += trace.keys.back().tMs + 10'000;
            sent += trace.expected.size();
            decoded += sink.next - sink.altered;
            altered += sink.altered;
            rejected += sink.rejected;
            replayed += sink.replayed;
            events += qint64(trace.keys.size());
        }
        state.counters["scans_sent"] = double(sent);
        state.counters["lost"] = double(sent - decoded - altered);
        state.counters["altered"] = double(altered);
        state.counters["rejected"] = double(rejected);
        state.counters["keys_typed_into_field"] = double(replayed);
        state.counters["key_events"] = double(events);
        state.counters["key_events_per_s"] = double(events) / decodeSeconds;
    }
}
BENCHMARK(BM_WedgeMillionScansExact)->Iterations(1)->Unit(benchmark::kSecond);

struct Frame {
    QImage img;
    QString text;
};

Frame code128Frame() {
    auto code = SyntheticFrames::renderCode(QStringLiteral("B2024000123X"), Symbology::Code128, 2, 80);
    return {SyntheticFrames::compose(*code, {640, 480}, {}), QStringLiteral("B2024000123X")};
}
Frame qrFrame() {
    const QString text = QStringLiteral("P20230017 张三 档案室借阅证 https://archive.example/p/P20230017");
    auto code = SyntheticFrames::renderCode(text, Symbology::QRCode, 6);
    Distortion d;
    d.noiseSigma = 4;
    return {SyntheticFrames::compose(*code, {1280, 720}, d), text};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Camera settings: one symbol per frame, tryHarder on (1-D codes away from the middle need it).
void decodeFrameBench(benchmark::State& state, const Frame& f, bool zbar) {
    DecodeOptions o;
    o.maxSymbols = 1;
    std::vector<double> ms;
    long long ok = 0, n = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        bool good = false;
        if (zbar) {
            const auto r = benchzbar::decode(f.img.constBits(), f.img.width(), f.img.height());
            good = !r.empty() && QString::fromStdString(r.front().text) == f.text;
        } else {
            auto r = ImageDecoder::decodeGray(f.img.constBits(), f.img.width(), f.img.height(),
                                              int(f.img.bytesPerLine()), o);
            good = r.ok() && r->first().text == f.text;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        ok += good;
        ++n;
    }
    state.counters["median_ms"] = median(ms);
    state.counters["decoded_pct"] = 100.0 * double(ok) / double(std::max(1LL, n));
}

void BM_Code128_640x480_ZXing(benchmark::State& s) { static const Frame f = code128Frame(); decodeFrameBench(s, f, false); }
void BM_Code128_640x480_Zbar(benchmark::State& s) { static const Frame f = code128Frame(); decodeFrameBench(s, f, true); }
void BM_QR_1280x720_ZXing(benchmark::State& s) { static const Frame f = qrFrame(); decodeFrameBench(s, f, false); }
void BM_QR_1280x720_Zbar(benchmark::State& s) { static const Frame f = qrFrame(); decodeFrameBench(s, f, true); }
BENCHMARK(BM_Code128_640x480_ZXing)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_Code128_640x480_Zbar)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_QR_1280x720_ZXing)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_QR_1280x720_Zbar)->Unit(benchmark::kMillisecond)->MinTime(2);

QString zbarSymbology(const std::string& t) {
    if (t == "CODE-128") return Symbology::Code128;
    if (t == "CODE-39") return Symbology::Code39;
    if (t == "QR-Code") return Symbology::QRCode;
    if (t == "EAN-13" || t == "ISBN-13") return Symbology::EAN13;  // zbar names 978… EANs ISBN-13
    return QString::fromStdString(t);
}

// The distorted set (70 frames, 640×480): decode rate and time per frame, ZXing and zbar on the same frames.
void BM_DistortedSet(benchmark::State& state) {
    static const QList<SyntheticSample> set = SyntheticFrames::distortedSet();
    for (auto _ : state) {
        int zxOk = 0, zbOk = 0, zbSupported = 0, zbSupportedOk = 0, zxWrong = 0, zbWrong = 0;
        std::vector<double> zxMs, zbMs;
        for (const SyntheticSample& s : set) {
            const QImage& f = s.frame;
            auto t0 = std::chrono::steady_clock::now();
            auto r = ImageDecoder::decodeGray(f.constBits(), f.width(), f.height(), int(f.bytesPerLine()));
            zxMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            if (r.ok()) (r->first().text == s.text ? zxOk : zxWrong)++;
            t0 = std::chrono::steady_clock::now();
            const auto z = benchzbar::decode(f.constBits(), f.width(), f.height());
            zbMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            const bool supported = s.symbology != Symbology::DataMatrix;  // zbar has no Data Matrix
            zbSupported += supported;
            if (!z.empty()) {
                const bool right = QString::fromStdString(z.front().text) == s.text &&
                                   zbarSymbology(z.front().type) == s.symbology;
                if (right) { ++zbOk; zbSupportedOk += supported; } else ++zbWrong;
            }
        }
        const double n = double(set.size());
        state.counters["frames"] = n;
        state.counters["zxing_rate_pct"] = 100.0 * zxOk / n;
        state.counters["zxing_wrong"] = zxWrong;
        state.counters["zbar_rate_pct"] = 100.0 * zbOk / n;
        state.counters["zbar_rate_supported_pct"] = 100.0 * zbSupportedOk / std::max(1, zbSupported);
        state.counters["zbar_wrong"] = zbWrong;
        state.counters["zxing_median_ms"] = median(zxMs);
        state.counters["zbar_median_ms"] = median(zbMs);
        state.counters["zbar_over_zxing_time"] = median(zbMs) / std::max(1e-9, median(zxMs));
    }
}
BENCHMARK(BM_DistortedSet)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);  // JPEG re-encoding in the distorted set needs the image plugins
    if (!benchzbar::available()) std::fprintf(stderr, "libzbar not found at build time: zbar figures are 0\n");
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
