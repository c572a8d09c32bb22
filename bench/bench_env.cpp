// Environment log benchmarks (issue 5). Figures go to bench/README.md, section "Environment log (issue 5)".
//   Ingest:   50 sensors × 200 days × 1 reading/min (14.4 M readings) through ReadingStore::addReadings
//             in batches of 50,000 (rollups and excursion detection included); readings/s and bytes per
//             reading (database file after a WAL checkpoint ÷ readings, so indexes and rollups count).
//   Chart:    one room, one year of minute readings, downsampled to ≤ 2,000 points.
//   TWPI:     one room, one year.
//   Report:   monthly room report as PDF (reports/EnvReport).
// ENV_BENCH_DAYS shrinks the ingest run for a quick check (default 200).
#include "db/Database.h"
#include "db/env/EnvQueries.h"
#include "db/env/ReadingStore.h"
#include "reports/EnvReport.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <chrono>
#include <ctime>
#include <cmath>
#include <memory>

using namespace archive::db;
using namespace archive::db::env;

namespace {
double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}
constexpr qint64 T0 = 1'735'689'600'000;  // 2025-01-01 00:00 UTC
constexpr qint64 kMin = 60000;

std::unique_ptr<Database> openDb(const QString& path) {
    auto r = Database::open(path);
    if (!r) qFatal("open failed: %s", qPrintable(r.errorMessage()));
    return std::move(r).value();
}

void addRooms(Database& db, int n) {
    QSqlQuery q(db.sql());
    for (int i = 0; i < n; ++i)
        q.exec(QStringLiteral("INSERT INTO rooms(code, name, climate_profile) VALUES('B%1', '库房%1', 'paper')").arg(i + 1));
}

double tempAt(int s, qint64 i) { return 19 + 3 * std::sin(i / 720.0 + s) + (i % 7) * 0.01; }
double rhAt(int s, qint64 i) { return 52 + 8 * std::sin(i / 1300.0 + 2 * s) + (i % 5) * 0.02; }

struct YearRoom {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    qint64 roomId = 0;
    YearRoom() {
        db = openDb(dir.filePath(QStringLiteral("year.db")));
        addRooms(*db, 1);
        ReadingStore store(*db);
        (void)store.bindSensor(QStringLiteral("sim:year"), QStringLiteral("B1"), QStringLiteral("bench"));
        QList<ReadingRow> b;
        for (qint64 i = 0; i < 365 * 1440; ++i) {
            b << ReadingRow{QStringLiteral("sim:year"), T0 + i * kMin, tempAt(0, i), rhAt(0, i), QString(), false, QString()};
            if (b.size() == 20000) { (void)store.addReadings(b); b.clear(); }
        }
        (void)store.addReadings(b);
        roomId = findRoom(*db, QStringLiteral("B1"))->id;
    }
};
YearRoom& yearRoom() {
    static YearRoom r;
    return r;
}
}  // namespace

static void BM_Ingest(benchmark::State& state) {
    const int days = qEnvironmentVariableIsSet("ENV_BENCH_DAYS") ? qEnvironmentVariableIntValue("ENV_BENCH_DAYS") : 200;
    const int sensors = 50, perBatchMinutes = 1000;  // 50,000 readings per batch
    for (auto _ : state) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ingest.db"));
        auto db = openDb(path);
        addRooms(*db, 5);
        ReadingStore store(*db);
        QStringList keys;
        for (int s = 0; s < sensors; ++s) {
            keys << QStringLiteral("sim:bench-%1").arg(s);
            (void)store.bindSensor(keys.last(), QStringLiteral("B%1").arg(s % 5 + 1), QStringLiteral("bench"));
        }
        qint64 total = 0;
        double seconds = 0, cpu = 0;
        QList<ReadingRow> batch;
        batch.reserve(sensors * perBatchMinutes);
        for (qint64 m0 = 0; m0 < qint64(days) * 1440; m0 += perBatchMinutes) {
            batch.clear();
            for (qint64 m = m0; m < m0 + perBatchMinutes; ++m)
                for (int s = 0; s < sensors; ++s)
                    batch << ReadingRow{keys[s], T0 + m * kMin, tempAt(s, m), rhAt(s, m), QString(), false, QString()};
            const auto t = std::chrono::steady_clock::now();
            const double c = threadCpuSeconds();
            auto n = store.addReadings(batch);
            cpu += threadCpuSeconds() - c;
            seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
            if (!n) { state.SkipWithError(n.errorMessage().toUtf8().constData()); return; }
            total += *n;
        }
        QSqlQuery q(db->sql());
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
        state.SetIterationTime(seconds);
        state.counters["readings"] = double(total);
        state.counters["readings_per_s"] = total / seconds;
        state.counters["readings_per_cpu_s"] = total / cpu;  // the machine is shared: CPU time of the ingest thread
        state.counters["bytes_per_reading"] = double(bytes) / double(total);
        state.counters["file_MB"] = bytes / 1e6;
    }
}
BENCHMARK(BM_Ingest)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

static void BM_ChartOneYear(benchmark::State& state) {
    YearRoom& y = yearRoom();
    EnvQueries q(*y.db);
    int points = 0;
    for (auto _ : state) {
        auto s = q.chart(y.roomId, T0, T0 + 365 * kDayMs, 2000);
        if (!s) { state.SkipWithError("chart failed"); return; }
        points = s->points.size();
        benchmark::DoNotOptimize(s);
    }
    state.counters["points"] = points;
}
BENCHMARK(BM_ChartOneYear)->Repetitions(15)->ReportAggregatesOnly(true)->Unit(benchmark::kMillisecond);

static void BM_TwpiOneYear(benchmark::State& state) {
    YearRoom& y = yearRoom();
    EnvQueries q(*y.db);
    double twpi = 0;
    for (auto _ : state) {
        auto m = q.metrics(y.roomId, T0, T0 + 365 * kDayMs);
        if (!m) { state.SkipWithError("metrics failed"); return; }
        twpi = m->twpi;
        benchmark::DoNotOptimize(m);
    }
    state.counters["twpi_years"] = twpi;
}
BENCHMARK(BM_TwpiOneYear)->Repetitions(15)->ReportAggregatesOnly(true)->Unit(benchmark::kMillisecond);

static void BM_MonthlyReportPdf(benchmark::State& state) {
    YearRoom& y = yearRoom();
    QTemporaryDir dir;
    qint64 size = 0;
    for (auto _ : state) {
        archive::reports::EnvReportRequest req;
        req.roomCodeOrName = QStringLiteral("B1");
        req.from = T0 + 31 * kDayMs;
        req.to = T0 + 59 * kDayMs;
        req.outPath = dir.filePath(QStringLiteral("month.pdf"));
        auto r = archive::reports::EnvReport::write(*y.db, req);
        if (!r) { state.SkipWithError(r.errorMessage().toUtf8().constData()); return; }
        size = QFileInfo(req.outPath).size();
    }
    state.counters["pdf_bytes"] = double(size);
}
BENCHMARK(BM_MonthlyReportPdf)->Repetitions(5)->ReportAggregatesOnly(true)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
