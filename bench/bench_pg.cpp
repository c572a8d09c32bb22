// bench_pg: several kiosks on one archive (issue 8). 8 concurrent clients, each on its own connection (its own
// thread, its own db/Database), do durable check-outs and check-ins through db/Books — one transaction and one
// ledger entry each — on PostgreSQL and on SQLite (WAL, synchronous=FULL), in the same run.
//
// Figures: ops_per_s (all clients together), p50_ms / p99_ms (single operations, all clients), errors (must be 0).
// PostgreSQL: BENCH_PG_URL=postgresql://user@host:port/db names a server and an existing database in which the
// program creates (and afterwards drops) a database of its own; without it the program starts a throw-away
// PostgreSQL 15 with scripts/pg-server.sh in a temp dir and stops it at the end.
// BENCH_PG_SECONDS (default 10) is how long each backend is measured, after BENCH_PG_WARMUP seconds (default 3) of
// the same work that is not counted: a kiosk network runs for months, and a just-started server first has to create
// its WAL segment files and fill its caches (a fresh server measured from its first second gave ≈ 5–10 % less).
// BENCH_PG_CLIENTS (default 8).
#include "db/Books.h"
#include "db/Database.h"
#include "db/Ledger.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace archive::db;
using archive::Result;
using archive::Status;

namespace {

constexpr int kBoxesPerClient = 4;
int g_clients = 8;
double g_seconds = 10;
double g_warmup = 3;
QString g_pgBase;       // server URL with an existing database (admin connection)
QString g_pgDir;        // our own throw-away server, when we started one
QTemporaryDir* g_tmp = nullptr;

QString boxCode(int client, int k) { return QStringLiteral("PB%1%2").arg(client, 2, 10, QLatin1Char('0')).arg(k, 2, 10, QLatin1Char('0')); }
QString borrowerCard(int client) { return QStringLiteral("PC%1").arg(client, 3, 10, QLatin1Char('0')); }

bool check(const Status& st, const char* what) {
    if (st) return true;
    std::fprintf(stderr, "bench_pg: %s: %s (%s)\n", what, qPrintable(st.error().messageEn), qPrintable(st.error().detail));
    return false;
}
template <class T>
bool check(const Result<T>& r, const char* what) {
    if (r) return true;
    std::fprintf(stderr, "bench_pg: %s: %s (%s)\n", what, qPrintable(r.error().messageEn), qPrintable(r.error().detail));
    return false;
}

// A small archive: one lendable category, one shelf, g_clients borrowers with kBoxesPerClient boxes each.
bool seed(const QString& location) {
    auto d = Database::open(location);
    if (!check(d, "open")) return false;
    Books books(*d.value());
    const QString sys = QStringLiteral("bench");
    if (!check(books.addFonds({QStringLiteral("J001"), QStringLiteral("某某市林业局"), 1990, 2025}, sys), "fonds")) return false;
    if (!check(books.addCategory({QStringLiteral("WS"), QStringLiteral("文书")}, sys), "category")) return false;
    if (!check(books.addRoom({QStringLiteral("R1"), QStringLiteral("一号库房"), QStringLiteral("paper")}, sys), "room")) return false;
    if (!check(books.importLocations({{QStringLiteral("S1"), QStringLiteral("R1"), QStringLiteral("1"), QStringLiteral("1"),
                                        QStringLiteral("1"), 1000}}, sys), "location"))
        return false;
    if (!check(books.addDepartment({QStringLiteral("OFF"), QStringLiteral("办公室"), false, {QStringLiteral("WS")}}, sys), "department"))
        return false;
    QList<NewPerson> people{{QStringLiteral("PA001"), QStringLiteral("王档案"), QStringLiteral("OFF"), QStringLiteral("internal"),
                             {QStringLiteral("archivist")}, {}, {}}};
    QList<NewBox> boxes;
    for (int c = 0; c < g_clients; ++c) {
        people << NewPerson{borrowerCard(c), QStringLiteral("借阅者%1").arg(c), QStringLiteral("OFF"), QStringLiteral("internal"),
                            {QStringLiteral("borrower")}, {}, {}};
        for (int k = 0; k < kBoxesPerClient; ++k) {
            NewBox b;
            b.barcode = boxCode(c, k);
            b.fondsCode = QStringLiteral("J001");
            b.year = 2020;
            b.retention = QStringLiteral("30y");
            b.categoryCode = QStringLiteral("WS");
            b.title = QStringLiteral("基准测试档案盒 %1").arg(b.barcode);
            b.locationBarcode = QStringLiteral("S1");
            boxes << b;
        }
    }
    return check(books.importPeople(people, sys), "people") && check(books.importBoxes(boxes, sys), "boxes");
}

// Where the CPU goes during a run (2 cores are shared by the clients and the server's backends): this process's
// CPU (the clients, RUSAGE_SELF), the CPU of every process named "postgres" (/proc/PID/stat utime + stime) and the
// whole machine's busy time without niced processes (/proc/stat), sampled when the clients start and when the run's time is up.
struct CpuSample {
    double selfS = 0, postgresS = 0, busyS = 0, totalS = 0;
};

CpuSample cpuSample() {
    CpuSample c;
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    c.selfS = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    const double tick = double(sysconf(_SC_CLK_TCK));
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (!pid.front().isDigit()) continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QByteArray line = f.readAll();
        const int open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < 0 || line.mid(open + 1, close - open - 1) != "postgres") continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');  // field 3 (state) is fields[0]
        if (fields.size() > 12) c.postgresS += (fields[11].toDouble() + fields[12].toDouble()) / tick;
    }
    QFile st(QStringLiteral("/proc/stat"));
    if (st.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> f = st.readLine().simplified().split(' ');  // cpu user nice system idle iowait …
        double all = 0;
        for (int i = 1; i < f.size(); ++i) all += f[i].toDouble();
        // idle, iowait and "nice" (processes at nice > 0: the other builds on a shared machine) are not ours
        const double idle = f.size() > 5 ? f[2].toDouble() + f[4].toDouble() + f[5].toDouble() : 0;
        c.totalS = all / tick;
        c.busyS = (all - idle) / tick;
    }
    return c;
}

struct RunResult {
    qint64 ops = 0, errors = 0;
    double seconds = 0;
    std::vector<double> latMs;
    CpuSample cpu0, cpu1;
};

// g_clients threads, each with its own connection, alternate check-out / check-in of their own boxes.
RunResult drive(const QString& location) {
    RunResult res;
    std::mutex mu;
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    const auto duration = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(g_seconds));
    const auto warmup = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(g_warmup));
    std::chrono::steady_clock::time_point measureFrom;  // set before go: operations started earlier are not counted
    for (int c = 0; c < g_clients; ++c) {
        threads.emplace_back([&, c] {
            auto d = Database::open(location);
            std::vector<double> lat;
            lat.reserve(100000);
            qint64 errors = 0, measuredErrors = 0;  // errors: warm-up included (must stay 0 too)
            if (!d) {
                std::fprintf(stderr, "bench_pg: client %d: %s\n", c, qPrintable(d.error().detail));
                ++ready;
                std::lock_guard<std::mutex> l(mu);
                ++res.errors;
                return;
            }
            Books books(*d.value());
            ++ready;
            while (!go.load()) std::this_thread::yield();
            for (int i = 0; std::chrono::steady_clock::now() < measureFrom + duration; ++i) {
                const QString box = boxCode(c, (i / 2) % kBoxesPerClient);
                const auto t0 = std::chrono::steady_clock::now();
                bool ok;
                if (i % 2 == 0) {
                    auto r = books.checkOutBox(box, borrowerCard(c), QStringLiteral("PA001"));
                    ok = r.ok();
                    if (!ok) std::fprintf(stderr, "checkout %s: %s\n", qPrintable(box), qPrintable(r.error().detail + r.error().messageEn));
                } else {
                    auto r = books.checkIn(box, QStringLiteral("PA001"));
                    ok = r.ok();
                    if (!ok) std::fprintf(stderr, "checkin %s: %s\n", qPrintable(box), qPrintable(r.error().detail + r.error().messageEn));
                }
                if (t0 < measureFrom) {  // warm-up
                    if (!ok) ++errors;
                    continue;
                }
                lat.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
                if (!ok) {
                    ++errors;
                    ++measuredErrors;
                }
            }
            std::lock_guard<std::mutex> l(mu);
            res.errors += errors;
            res.ops += qint64(lat.size()) - measuredErrors;
            res.latMs.insert(res.latMs.end(), lat.begin(), lat.end());
        });
    }
    while (ready.load() < g_clients) std::this_thread::yield();
    measureFrom = std::chrono::steady_clock::now() + warmup;
    go = true;
    // Sampled while the clients still run (their server processes end when they disconnect).
    std::thread sampler([&] {
        std::this_thread::sleep_until(measureFrom);
        res.cpu0 = cpuSample();
        std::this_thread::sleep_until(measureFrom + duration);
        res.cpu1 = cpuSample();
    });
    sampler.join();
    for (auto& t : threads) t.join();
    res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - measureFrom).count();
    std::sort(res.latMs.begin(), res.latMs.end());
    return res;
}

double pct(const std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

bool startOwnServer() {
    const QString script = QStringLiteral(ARCHIVE_SOURCE_DIR "/scripts/pg-server.sh");
    g_pgDir = g_tmp->filePath(QStringLiteral("pg"));
    QProcess p;
    p.start(script, {QStringLiteral("start"), g_pgDir});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        std::fprintf(stderr, "bench_pg: %s start failed: %s\n", qPrintable(script), p.readAllStandardError().constData());
        g_pgDir.clear();
        return false;
    }
    g_pgBase = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return true;
}

void stopOwnServer() {
    if (g_pgDir.isEmpty()) return;
    QProcess::execute(QStringLiteral(ARCHIVE_SOURCE_DIR "/scripts/pg-server.sh"), {QStringLiteral("stop"), g_pgDir});
}

// A new database for this run on the server (dropped again at the end).
QString pgDatabase() {
    OpenOptions o;
    o.migrate = false;
    auto admin = Database::open(g_pgBase, o);
    if (!check(admin, "admin connection")) return {};
    const QString name = QStringLiteral("bench_pg_%1").arg(QCoreApplication::applicationPid());
    QSqlQuery q(admin.value()->sql());
    q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
    if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
        std::fprintf(stderr, "bench_pg: create database: %s\n", qPrintable(q.lastError().text()));
        return {};
    }
    QUrl u(g_pgBase);
    u.setPath(QLatin1Char('/') + name);
    return u.toString();
}

void dropPgDatabase(const QString& url) {
    OpenOptions o;
    o.migrate = false;
    auto admin = Database::open(g_pgBase, o);
    if (!admin) return;
    QSqlQuery q(admin.value()->sql());
    q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(QUrl(url).path().mid(1)));
}

void BM_ConcurrentLoans(benchmark::State& state) {
    const bool pg = state.range(0) == 1;
    QString location;
    if (pg) {
        if (g_pgBase.isEmpty()) {
            state.SkipWithError("no PostgreSQL server (set BENCH_PG_URL or install postgresql)");
            return;
        }
        location = pgDatabase();
    } else {
        location = g_tmp->filePath(QStringLiteral("bench-%1.db").arg(QCoreApplication::applicationPid()));
    }
    if (location.isEmpty() || !seed(location)) {
        state.SkipWithError("could not create the archive");
        return;
    }
    RunResult r;
    for (auto _ : state) {
        r = drive(location);
        state.SetIterationTime(r.seconds);
    }
    {
        auto d = Database::open(location);
        if (d) {
            auto v = Ledger::verify(*d.value());
            if (!v || !v->ok) state.SkipWithError("ledger does not verify after the run");
        }
    }
    state.SetLabel(pg ? "postgresql" : "sqlite-wal");
    state.counters["clients"] = g_clients;
    state.counters["ops"] = double(r.ops);
    state.counters["ops_per_s"] = r.seconds > 0 ? double(r.ops) / r.seconds : 0;
    state.counters["p50_ms"] = pct(r.latMs, 0.50);
    state.counters["p99_ms"] = pct(r.latMs, 0.99);
    state.counters["max_ms"] = r.latMs.empty() ? 0 : r.latMs.back();
    state.counters["errors"] = double(r.errors);
    // CPU per operation (ms): the clients (this process), the PostgreSQL server processes, and how busy the whole
    // machine was with processes not at nice > 0 (share of all cores; 1.0 = saturated).
    const double ops = std::max<double>(1, double(r.ops));
    state.counters["client_cpu_ms"] = (r.cpu1.selfS - r.cpu0.selfS) * 1000 / ops;
    state.counters["server_cpu_ms"] = (r.cpu1.postgresS - r.cpu0.postgresS) * 1000 / ops;
    state.counters["machine_busy"] =
        r.cpu1.totalS > r.cpu0.totalS ? (r.cpu1.busyS - r.cpu0.busyS) / (r.cpu1.totalS - r.cpu0.totalS) : 0;
    if (pg) dropPgDatabase(location);
}
BENCHMARK(BM_ConcurrentLoans)->ArgName("pg")->Arg(0)->Arg(1)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (const QByteArray s = qgetenv("BENCH_PG_SECONDS"); !s.isEmpty()) g_seconds = std::clamp(s.toDouble(), 0.5, 3600.0);
    if (const QByteArray s = qgetenv("BENCH_PG_WARMUP"); !s.isEmpty()) g_warmup = std::clamp(s.toDouble(), 0.0, 600.0);
    if (const QByteArray s = qgetenv("BENCH_PG_CLIENTS"); !s.isEmpty()) g_clients = std::clamp(s.toInt(), 1, 40);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    QTemporaryDir tmp;
    g_tmp = &tmp;
    // As root, scripts/pg-server.sh runs the server as user postgres, which must reach the data directory.
    QFile::setPermissions(tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                          QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                          QFileDevice::ExeOther);
    g_pgBase = qEnvironmentVariable("BENCH_PG_URL");
    if (g_pgBase.isEmpty()) startOwnServer();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    stopOwnServer();
    return 0;
}
