// bench_import: books I/O (issue 2).
//   BM_ImportBoxes      100,000-line boxes CSV → a fresh archive (parse, check every row, prepared inserts,
//                       box_moves, one ledger entry, commit with synchronous=FULL). Target ≤ 2 s.
//   BM_ImportItems      100,000-line items CSV (each insert also feeds the bigram catalogue index).
//   BM_ArchivectlImport the same boxes file through the archivectl binary (process start included).
//   BM_PeakMemory/*     peak resident memory (ru_maxrss) of archivectl on the big benchmark archive
//                       (1,000,000 boxes, 5,000,000 items, 10,000,000 ledger rows) that bench_books
//                       generates under /tmp/archive-bench-books-*.db. Target ≤ 150 MB. Skipped when that
//                       archive does not exist yet (run bench_books first). BENCH_IMPORT_ARCHIVE=path
//                       names another archive (a copy: archivectl applies pending migrations on open).
#include "db/Database.h"
#include "db/import/Importer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <memory>

extern char** environ;

using namespace archive::db;

namespace {

constexpr int kRows = 100000;

QByteArray boxesCsv() {
    QByteArray b = "条码,全宗号,年度,保管期限,盒号,门类,题名,架位,起止件号\n";
    b.reserve(kRows * 90);
    for (int i = 1; i <= kRows; ++i)
        b += QStringLiteral("B%1,0101,%2,%3,%4,WS,青山县林业局 %2年 办公室 文书档案 第%4盒,L%5,%6-%7\n")
                 .arg(i, 8, 10, QLatin1Char('0')).arg(1990 + i % 35).arg(i % 3 ? QStringLiteral("定期30年") : QStringLiteral("永久"))
                 .arg(i).arg(1 + i % 500).arg((i % 1000) * 10 + 1).arg((i % 1000) * 10 + 10).toUtf8();
    return b;
}

QByteArray itemsCsv() {
    QByteArray b = "档号,题名,年度,密级,页数,盒条码,件号\n";
    b.reserve(kRows * 100);
    for (int i = 1; i <= kRows; ++i)
        b += QStringLiteral("0101-WS·2020-Y-BGS-%1,关于做好%2年森林防火工作的通知（第%1件）,2020,内部,%3,B%4,%1\n")
                 .arg(i, 6, 10, QLatin1Char('0')).arg(1990 + i % 35).arg(1 + i % 90).arg(1 + i % 10000, 8, 10, QLatin1Char('0')).toUtf8();
    return b;
}

// A fresh archive with the fonds, category and 500 shelf locations the CSVs refer to (and, for items,
// the 10,000 boxes they go into).
std::unique_ptr<Database> freshArchive(const QString& path, bool withBoxes) {
    QFile::remove(path);
    auto db = Database::open(path);
    if (!db) return nullptr;
    auto imp = [&](ImportKind k, const QByteArray& csv) { return Importer::importBytes(**db, k, csv).ok(); };
    QByteArray locs = "barcode,room,capacity\n";
    for (int i = 1; i <= 500; ++i) locs += QStringLiteral("L%1,R1,400\n").arg(i).toUtf8();
    bool ok = imp(ImportKind::Fonds, "code,name\n0101,青山县林业局\n") &&
              imp(ImportKind::Categories, "code,name\nWS,文书\n") && imp(ImportKind::Rooms, "code,name\nR1,一号库房\n") &&
              imp(ImportKind::Locations, locs);
    if (ok && withBoxes) {
        QByteArray boxes = "barcode,fonds,year,retention,category\n";
        for (int i = 1; i <= 10000; ++i) boxes += QStringLiteral("B%1,0101,2020,永久,WS\n").arg(i, 8, 10, QLatin1Char('0')).toUtf8();
        ok = imp(ImportKind::Boxes, boxes);
    }
    if (!ok) return nullptr;
    return std::move(db).value();
}

void importBench(benchmark::State& state, ImportKind kind, const QByteArray& csv) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("in.csv"));
    {
        QFile f(file);
        f.open(QIODevice::WriteOnly);
        f.write(csv);
    }
    for (auto _ : state) {
        state.PauseTiming();
        auto db = freshArchive(dir.filePath(QStringLiteral("a.db")), kind == ImportKind::Items);
        if (!db) {
            state.SkipWithError("could not prepare the archive");
            break;
        }
        state.ResumeTiming();
        auto r = Importer::importFile(*db, kind, file);
        if (!r || !r->ok() || r->imported != kRows) {
            state.SkipWithError("import failed");
            break;
        }
    }
    state.counters["rows"] = kRows;
    state.counters["MB"] = double(csv.size()) / (1024 * 1024);
}

void BM_ImportBoxes(benchmark::State& state) { importBench(state, ImportKind::Boxes, boxesCsv()); }
void BM_ImportItems(benchmark::State& state) { importBench(state, ImportKind::Items, itemsCsv()); }

QString archivectl() {
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../cli/archivectl");
}

// Runs archivectl; returns {exit status, peak RSS in KiB}.
std::pair<int, long> runChild(const QStringList& args) {
    QList<QByteArray> storage{QFile::encodeName(archivectl())};
    for (const QString& a : args) storage << a.toUtf8();
    std::vector<char*> argv;
    for (QByteArray& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) return {-1, 0};
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ru.ru_maxrss};
}

void BM_ArchivectlImport(benchmark::State& state) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("in.csv"));
    {
        QFile f(file);
        f.open(QIODevice::WriteOnly);
        f.write(boxesCsv());
    }
    long peak = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const QString db = dir.filePath(QStringLiteral("a.db"));
        { auto d = freshArchive(db, false); }
        state.ResumeTiming();
        auto [rc, rss] = runChild({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("boxes"), file});
        if (rc != 0) {
            state.SkipWithError("archivectl import failed");
            break;
        }
        peak = std::max(peak, rss);
    }
    state.counters["peak_MB"] = double(peak) / 1024;
}

QString bigArchive() {
    // BENCH_IMPORT_ARCHIVE=path picks an archive explicitly (e.g. a copy, since archivectl may migrate it).
    if (qEnvironmentVariableIsSet("BENCH_IMPORT_ARCHIVE")) return qEnvironmentVariable("BENCH_IMPORT_ARCHIVE");
    QString best;
    QDateTime newest;
    QDirIterator it(QStringLiteral("/tmp"), {QStringLiteral("archive-bench-books-*.db")}, QDir::Files);
    while (it.hasNext()) {
        const QString p = it.next();
        sqlite3* db = nullptr;
        bool done = false;
        if (sqlite3_open_v2(p.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt* st = nullptr;
            done = sqlite3_prepare_v2(db, "SELECT done FROM bench_meta", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
            sqlite3_finalize(st);
        }
        sqlite3_close(db);
        const QDateTime m = QFileInfo(p).lastModified();
        if (done && (best.isEmpty() || m > newest)) {
            best = p;
            newest = m;
        }
    }
    return best;
}

void peakMemory(benchmark::State& state, const QStringList& command) {
    const QString db = bigArchive();
    if (db.isEmpty()) {
        state.SkipWithError("no /tmp/archive-bench-books-*.db yet: run bench_books first");
        return;
    }
    QTemporaryDir dir;
    long peak = 0;
    int rc = 0;
    for (auto _ : state) {
        QStringList args{QStringLiteral("--db"), db};
        for (QString a : command) args << a.replace(QStringLiteral("%OUT"), dir.filePath(QStringLiteral("out.csv")));
        QFile::remove(dir.filePath(QStringLiteral("out.csv")));
        auto [code, rss] = runChild(args);
        rc = code;
        peak = std::max(peak, rss);
    }
    if (rc != 0 && rc != 1) state.SkipWithError("archivectl failed");
    state.counters["peak_MB"] = double(peak) / 1024;
    state.counters["exit"] = rc;
}

void BM_PeakMemory_Search(benchmark::State& s) { peakMemory(s, {QStringLiteral("search"), QStringLiteral("森林防火")}); }
void BM_PeakMemory_SearchFiltered(benchmark::State& s) {
    peakMemory(s, {QStringLiteral("search"), QStringLiteral("档案"), QStringLiteral("--year"), QStringLiteral("2001-2010"),
                   QStringLiteral("--sort"), QStringLiteral("title"), QStringLiteral("--limit"), QStringLiteral("500")});
}
void BM_PeakMemory_Verify(benchmark::State& s) { peakMemory(s, {QStringLiteral("verify")}); }
void BM_PeakMemory_ExportOverdue(benchmark::State& s) {
    peakMemory(s, {QStringLiteral("export"), QStringLiteral("overdue"), QStringLiteral("--out"), QStringLiteral("%OUT")});
}
void BM_PeakMemory_ExportHoldings(benchmark::State& s) {
    peakMemory(s, {QStringLiteral("export"), QStringLiteral("holdings"), QStringLiteral("--out"), QStringLiteral("%OUT")});
}

}  // namespace

BENCHMARK(BM_ImportBoxes)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_ImportItems)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_ArchivectlImport)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_PeakMemory_Search)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_PeakMemory_SearchFiltered)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_PeakMemory_Verify)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_PeakMemory_ExportOverdue)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_PeakMemory_ExportHoldings)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
