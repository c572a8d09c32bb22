// bench_books: the archive's books (issue 2) on a generated archive of 1,000,000 boxes, 5,000,000 items
// and 10,000,000 ledger rows (a valid hash chain).
//
// The archive is generated once with the raw sqlite3 C API and cached as
// /tmp/archive-bench-books-<key>.db, where <key> hashes the migration scripts SQLite runs (not .pg.sql) and the generator version,
// so reruns start at once. BENCH_BOOKS_SCALE=0.01 (for example) builds a smaller archive for a quick try;
// BENCH_BOOKS_ARCHIVE=path names the archive file explicitly.
//
// Figures are per operation: counters p50_us / p99_us (median and 99th percentile of single operations),
// rows_per_s for the ledger verify, ms for the batch check-in.
#include "db/Books.h"
#include "db/Catalog.h"
#include "db/Database.h"
#include "db/Ledger.h"
#include "db/Migrations.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <benchmark/benchmark.h>
#include <sodium.h>
#include <sqlite3.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

using namespace archive::db;

namespace {

constexpr const char* kGeneratorVersion = "g3";
double g_scale = 1.0;
qint64 nBoxes() { return qint64(1000000 * g_scale); }
qint64 nItems() { return qint64(5000000 * g_scale); }
qint64 nLedger() { return qint64(10000000 * g_scale); }

const char* kPrefix[] = {"关于", "关于做好", "关于加强", "关于印发", "", "市", "局"};
const char* kSubject[] = {"森林防火", "林业资源", "档案管理", "财务报表", "人事任免", "工程建设", "安全生产", "疫情防控",
                          "会议纪要", "年度预算", "造林绿化", "野生动物保护", "干部培训", "信息化建设", "固定资产",
                          "病虫害防治", "土地征用", "林权登记", "采伐许可", "项目验收"};
const char* kTail[] = {"工作的通知", "的报告", "的请示", "的批复", "的决定", "实施方案", "工作总结", "统计表", "会议记录", "的函"};
const char* kCats[] = {"WS", "KJ", "KU", "SX", "ZY"};  // all lendable without approvals in the bench

QString cacheKey() {
    QCryptographicHash h(QCryptographicHash::Sha256);
    QStringList files;
    QDirIterator it(QStringLiteral(":/archive/migrations"));
    while (it.hasNext()) {
        const QString f = it.next();
        if (!f.endsWith(QLatin1String(".pg.sql"))) files << f;  // PostgreSQL-only steps never reach this archive
    }
    files.sort();
    for (const QString& f : files) {
        QFile file(f);
        if (file.open(QIODevice::ReadOnly)) h.addData(file.readAll());
    }
    h.addData(QByteArray(kGeneratorVersion));
    h.addData(QByteArray::number(g_scale));
    return QString::fromLatin1(h.result().toHex().left(12));
}

void die(sqlite3* db, const char* what) {
    std::fprintf(stderr, "bench_books: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    std::exit(2);
}

void execOrDie(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::fprintf(stderr, "bench_books: %s\n  in: %.200s\n", err ? err : "?", sql);
        std::exit(2);
    }
}

sqlite3_stmt* prep(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) die(db, sql);
    return st;
}

void stepReset(sqlite3* db, sqlite3_stmt* st) {
    if (sqlite3_step(st) != SQLITE_DONE) die(db, "step");
    sqlite3_reset(st);
}

void text(sqlite3_stmt* st, int i, const std::string& s) { sqlite3_bind_text(st, i, s.data(), int(s.size()), SQLITE_TRANSIENT); }

std::string field(const std::string& v) { return std::to_string(v.size()) + ":" + v; }

void generate(const QString& path) {
    const auto t0 = std::chrono::steady_clock::now();
    std::fprintf(stderr, "bench_books: generating %s (%lld boxes, %lld items, %lld ledger rows)…\n", qPrintable(path),
                 static_cast<long long>(nBoxes()), static_cast<long long>(nItems()), static_cast<long long>(nLedger()));
    QFile::remove(path);
    {
        auto d = Database::open(path);  // schema through the real migrations
        if (!d) {
            std::fprintf(stderr, "bench_books: %s\n", qPrintable(d.errorMessage()));
            std::exit(2);
        }
        Books books(*d.value());
        for (int f = 1; f <= 20; ++f)
            (void)books.addFonds({QStringLiteral("J%1").arg(f, 3, 10, QLatin1Char('0')), QStringLiteral("某某市第%1林业局").arg(f)}, QStringLiteral("bench"));
        const char* names[] = {"文书", "科技", "会计", "声像", "专业"};
        for (int c = 0; c < 5; ++c)
            (void)books.addCategory({QString::fromLatin1(kCats[c]), QString::fromUtf8(names[c])}, QStringLiteral("bench"));
        for (int r = 1; r <= 10; ++r)
            (void)books.addRoom({QStringLiteral("R%1").arg(r), QStringLiteral("%1号库房").arg(r)}, QStringLiteral("bench"));
        QStringList all;
        for (const char* c : kCats) all << QString::fromLatin1(c);
        for (int dpt = 1; dpt <= 20; ++dpt)
            (void)books.addDepartment({QStringLiteral("D%1").arg(dpt), QStringLiteral("第%1科").arg(dpt), false, all}, QStringLiteral("bench"));
    }
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) die(db, "open");
    execOrDie(db, "PRAGMA journal_mode=DELETE");
    execOrDie(db, "PRAGMA synchronous=OFF");
    execOrDie(db, "PRAGMA cache_size=-2000000");
    execOrDie(db, "PRAGMA temp_store=MEMORY");
    execOrDie(db, "PRAGMA locking_mode=EXCLUSIVE");
    execOrDie(db, "BEGIN");
    // People: staff + 10,000 borrowers.
    {
        sqlite3_stmt* st = prep(db, "INSERT INTO people(card, name, department_id, kind, roles) VALUES(?,?,?,?,?)");
        auto add = [&](const std::string& card, const std::string& name, int dept, const char* roles) {
            text(st, 1, card);
            text(st, 2, name);
            sqlite3_bind_int(st, 3, dept);
            sqlite3_bind_text(st, 4, "internal", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 5, roles, -1, SQLITE_STATIC);
            stepReset(db, st);
        };
        add("A1", "王档案", 1, "archivist,borrower");
        add("H1", "李主任", 1, "head");
        for (int i = 1; i <= 10000; ++i) add("P" + std::to_string(100000 + i), "借阅者" + std::to_string(i), 1 + i % 20, "borrower");
        sqlite3_finalize(st);
    }
    // Locations: 20 boxes per position.
    const qint64 nLoc = std::max<qint64>(1, nBoxes() / 20);
    {
        sqlite3_stmt* st = prep(db, "INSERT INTO locations(barcode, room_id, cabinet, shelf, position, capacity) VALUES(?,?,?,?,?,40)");
        for (qint64 i = 0; i < nLoc; ++i) {
            char bc[32];
            std::snprintf(bc, sizeof bc, "L%07lld", static_cast<long long>(i + 1));
            text(st, 1, bc);
            sqlite3_bind_int64(st, 2, 1 + i % 10);
            text(st, 3, std::to_string(1 + (i / 10) / 50));
            text(st, 4, std::to_string(1 + (i / 10) % 50 / 10));
            text(st, 5, std::to_string(1 + (i / 10) % 10));
            stepReset(db, st);
        }
        sqlite3_finalize(st);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QRandomGenerator rng(42);
    // Boxes and items (the catalogue triggers fill catalog_fts as items arrive).
    {
        sqlite3_stmt* bs = prep(db, "INSERT INTO boxes(id, barcode, fonds_id, year, retention, box_no, first_item_no, last_item_no,"
                                    " org_unit, title, category_id, location_id, state, created_at, updated_at)"
                                    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,'in_place',?,?)");
        sqlite3_stmt* is = prep(db, "INSERT INTO items(archival_code, title, year, retention, security, pages, box_id, item_no, state, created_at)"
                                    " VALUES(?,?,?,?,?,?,?,?,'in_place',?)");
        const char* rets[] = {"permanent", "30y", "10y"};
        const char* secs[] = {"public", "internal", "internal", "internal"};
        const qint64 perBox = std::max<qint64>(1, nItems() / std::max<qint64>(1, nBoxes()));
        for (qint64 b = 1; b <= nBoxes(); ++b) {
            const int fonds = 1 + int(b % 20);
            const int year = 1990 + int(b % 35);
            const int cat = int(b % 5);
            const char* ret = rets[b % 3];
            char bc[32];
            std::snprintf(bc, sizeof bc, "B%07lld", static_cast<long long>(b));
            sqlite3_bind_int64(bs, 1, b);
            text(bs, 2, bc);
            sqlite3_bind_int(bs, 3, fonds);
            sqlite3_bind_int(bs, 4, year);
            sqlite3_bind_text(bs, 5, ret, -1, SQLITE_STATIC);
            text(bs, 6, std::to_string(b));
            sqlite3_bind_int(bs, 7, 1);
            sqlite3_bind_int64(bs, 8, perBox);
            sqlite3_bind_text(bs, 9, "办公室", -1, SQLITE_STATIC);
            std::string boxTitle = std::string(kSubject[b % 20]) + "类文件";
            text(bs, 10, boxTitle);
            sqlite3_bind_int(bs, 11, cat + 1);
            sqlite3_bind_int64(bs, 12, 1 + (b - 1) / 20 % nLoc);
            sqlite3_bind_int64(bs, 13, now);
            sqlite3_bind_int64(bs, 14, now);
            stepReset(db, bs);
            for (qint64 k = 1; k <= perBox; ++k) {
                char code[64];
                std::snprintf(code, sizeof code, "J%03d-%s-%d-%07lld-%02lld", fonds, kCats[cat], year, static_cast<long long>(b),
                              static_cast<long long>(k));
                const std::string title = std::string(kPrefix[rng.bounded(7)]) + kSubject[rng.bounded(20)] + kTail[rng.bounded(10)];
                text(is, 1, code);
                text(is, 2, title);
                sqlite3_bind_int(is, 3, year);
                sqlite3_bind_text(is, 4, ret, -1, SQLITE_STATIC);
                sqlite3_bind_text(is, 5, secs[rng.bounded(4)], -1, SQLITE_STATIC);
                sqlite3_bind_int(is, 6, 5 + int(rng.bounded(200)));
                sqlite3_bind_int64(is, 7, b);
                sqlite3_bind_int64(is, 8, k);
                sqlite3_bind_int64(is, 9, now);
                stepReset(db, is);
            }
            if (b % 100000 == 0) {
                execOrDie(db, "COMMIT");
                execOrDie(db, "BEGIN");
                std::fprintf(stderr, "  boxes %lld (%.0f s)\n", static_cast<long long>(b),
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            }
        }
        sqlite3_finalize(bs);
        sqlite3_finalize(is);
    }
    execOrDie(db, "COMMIT");
    // Ledger: continue the chain the setup above started, up to nLedger() rows.
    {
        if (sodium_init() < 0) die(nullptr, "sodium");
        sqlite3_stmt* head = prep(db, "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1");
        qint64 seq = 0;
        std::string prev = Ledger::kGenesis;
        if (sqlite3_step(head) == SQLITE_ROW) {
            seq = sqlite3_column_int64(head, 0);
            prev = reinterpret_cast<const char*>(sqlite3_column_text(head, 1));
        }
        sqlite3_finalize(head);
        sqlite3_stmt* st = prep(db, "INSERT INTO ledger(seq, at, actor, action, subject, details, prev_hash, hash) VALUES(?,?,?,?,?,?,?,?)");
        execOrDie(db, "BEGIN");
        const qint64 start = now - nLedger() * 1000;
        static const char* hexd = "0123456789abcdef";
        while (seq < nLedger()) {
            ++seq;
            const qint64 at = start + seq * 1000;
            const bool out = seq % 2 == 0;
            char subject[32];
            std::snprintf(subject, sizeof subject, "box:B%07lld", static_cast<long long>(1 + seq % std::max<qint64>(1, nBoxes())));
            const std::string actor = "A1", action = out ? "checkout" : "checkin";
            const std::string details = "{\"borrower\":\"P" + std::to_string(100001 + seq % 10000) + "\",\"loan\":" + std::to_string(seq / 2) + "}";
            const std::string body = field(std::to_string(seq)) + field(std::to_string(at)) + field(actor) + field(action) +
                                     field(subject) + field(details);
            crypto_hash_sha256_state hs;
            crypto_hash_sha256_init(&hs);
            crypto_hash_sha256_update(&hs, reinterpret_cast<const unsigned char*>(prev.data()), prev.size());
            crypto_hash_sha256_update(&hs, reinterpret_cast<const unsigned char*>(body.data()), body.size());
            unsigned char dg[32];
            crypto_hash_sha256_final(&hs, dg);
            std::string hex(64, '0');
            for (int i = 0; i < 32; ++i) {
                hex[2 * i] = hexd[dg[i] >> 4];
                hex[2 * i + 1] = hexd[dg[i] & 15];
            }
            sqlite3_bind_int64(st, 1, seq);
            sqlite3_bind_int64(st, 2, at);
            text(st, 3, actor);
            text(st, 4, action);
            sqlite3_bind_text(st, 5, subject, -1, SQLITE_TRANSIENT);
            text(st, 6, details);
            text(st, 7, prev);
            text(st, 8, hex);
            stepReset(db, st);
            prev = hex;
            if (seq % 1000000 == 0) {
                execOrDie(db, "COMMIT");
                execOrDie(db, "BEGIN");
                std::fprintf(stderr, "  ledger %lld (%.0f s)\n", static_cast<long long>(seq),
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            }
        }
        execOrDie(db, "COMMIT");
        sqlite3_finalize(st);
    }
    execOrDie(db, "ANALYZE");
    execOrDie(db, "PRAGMA locking_mode=NORMAL");
    execOrDie(db, "PRAGMA journal_mode=WAL");
    execOrDie(db, "CREATE TABLE bench_meta(done INTEGER)");
    execOrDie(db, "INSERT INTO bench_meta VALUES(1)");
    sqlite3_close(db);
    std::fprintf(stderr, "bench_books: generated in %.0f s\n",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

QString archivePath() {
    static QString path;
    if (!path.isEmpty()) return path;
    // BENCH_BOOKS_ARCHIVE=path uses that archive instead of the cached one.
    path = qEnvironmentVariableIsSet("BENCH_BOOKS_ARCHIVE") ? qEnvironmentVariable("BENCH_BOOKS_ARCHIVE")
                                                             : QStringLiteral("/tmp/archive-bench-books-%1.db").arg(cacheKey());
    bool ready = false;
    if (QFileInfo::exists(path)) {
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt* st = nullptr;
            ready = sqlite3_prepare_v2(db, "SELECT done FROM bench_meta", -1, &st, nullptr) == SQLITE_OK &&
                    sqlite3_step(st) == SQLITE_ROW;
            sqlite3_finalize(st);
        }
        sqlite3_close(db);
    }
    if (!ready) generate(path);
    return path;
}

struct Env {
    std::unique_ptr<Database> db;
    std::unique_ptr<Books> books;
};

Env g_env;

Env& env() {
    Env& e = g_env;
    if (!e.db) {
        auto d = Database::open(archivePath());
        if (!d) {
            std::fprintf(stderr, "bench_books: %s\n", qPrintable(d.errorMessage()));
            std::exit(2);
        }
        e.db = std::move(d.value());
        e.books = std::make_unique<Books>(*e.db);
    }
    return e;
}

void report(benchmark::State& state, std::vector<double>& us) {
    if (us.empty()) return;
    std::sort(us.begin(), us.end());
    state.counters["p50_us"] = us[us.size() / 2];
    state.counters["p99_us"] = us[std::min(us.size() - 1, us.size() * 99 / 100)];
    state.counters["max_us"] = us.back();
}

template <class F>
double timeUs(F&& f) {
    const auto a = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count();
}

QString boxBarcode(qint64 n) { return QStringLiteral("B%1").arg(n, 7, 10, QLatin1Char('0')); }

// Boxes in place, picked at random across the archive (rejecting any that are out).
QStringList freeBoxes(int n, quint32 seed) {
    QRandomGenerator rng(seed);
    QStringList out;
    while (out.size() < n) {
        const QString bc = boxBarcode(1 + qint64(rng.bounded(quint32(nBoxes()))));
        auto b = env().books->box(bc);
        if (b && b->state == QLatin1String("in_place") && b->itemsOnLoan == 0 && !out.contains(bc)) out << bc;
    }
    return out;
}

// Resident set size now (VmRSS, file pages mapped by SQLite's mmap included) and the peak so far, in MB.
double rssMb() {
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts[1].toDouble() * 4096.0 / (1024.0 * 1024.0) : 0;
}
double peakRssMb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_maxrss) / 1024.0;
}

void BM_BoxLookup(benchmark::State& state) {
    Books& books = *env().books;
    const double rssBefore = rssMb();
    QRandomGenerator rng(7);
    std::vector<double> us;
    for (auto _ : state) {
        const QString bc = boxBarcode(1 + qint64(rng.bounded(quint32(nBoxes()))));
        bool ok = false;
        us.push_back(timeUs([&] {
            auto b = books.box(bc);
            ok = b.ok();
            benchmark::DoNotOptimize(b);
        }));
        if (!ok) state.SkipWithError("lookup failed");
    }
    report(state, us);
    state.counters["rss_before_mb"] = rssBefore;
    state.counters["rss_after_mb"] = rssMb();
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(BM_BoxLookup)->Iterations(20000)->Unit(benchmark::kMicrosecond);

void BM_DurableCheckout(benchmark::State& state) {
    Books& books = *env().books;
    const QStringList boxes = freeBoxes(int(state.max_iterations), 11);
    std::vector<double> us;
    int i = 0;
    for (auto _ : state) {
        const QString bc = boxes[i % boxes.size()];
        const QString card = QStringLiteral("P%1").arg(100001 + i % 10000);
        bool ok = false;
        us.push_back(timeUs([&] { ok = books.checkOutBox(bc, card, QStringLiteral("A1")).ok(); }));
        if (!ok) {
            state.SkipWithError("checkout refused");
            break;
        }
        state.PauseTiming();
        (void)books.checkIn(bc, QStringLiteral("A1"));
        state.ResumeTiming();
        ++i;
    }
    report(state, us);
}
BENCHMARK(BM_DurableCheckout)->Iterations(1000)->Unit(benchmark::kMicrosecond);

void BM_CheckinBatch1000(benchmark::State& state) {
    Books& books = *env().books;
    std::vector<double> us;
    quint32 seed = 100;
    for (auto _ : state) {
        state.PauseTiming();
        const QStringList boxes = freeBoxes(1000, seed++);
        QList<CheckinLine> lines;
        for (int i = 0; i < boxes.size(); ++i) {
            if (!books.checkOutBox(boxes[i], QStringLiteral("P%1").arg(100001 + i), QStringLiteral("A1"))) {
                state.SkipWithError("checkout refused");
                return;
            }
            lines << CheckinLine{boxes[i], ReturnCondition::Ok, {}};
        }
        state.ResumeTiming();
        int done = 0;
        us.push_back(timeUs([&] {
            auto r = books.checkInBatch(lines, QStringLiteral("A1"));
            done = r ? int(r->done.size()) : -1;
        }));
        if (done != 1000) state.SkipWithError("batch check-in incomplete");
    }
    if (!us.empty()) {
        std::sort(us.begin(), us.end());
        state.counters["p50_ms"] = us[us.size() / 2] / 1000.0;
        state.counters["max_ms"] = us.back() / 1000.0;
    }
}
BENCHMARK(BM_CheckinBatch1000)->Iterations(5)->Unit(benchmark::kMillisecond);

const char* kQueries[] = {"档案", "财务", "林业", "森林防火", "会议纪要", "林权登记", "防火", "验收", "疫情防控", "人事任免"};

void BM_Search(benchmark::State& state) {
    Catalog cat(*env().db);
    const int chars = int(state.range(0));
    QStringList qs;
    for (const char* q : kQueries) {
        const QString s = QString::fromUtf8(q);
        if (s.size() == chars) qs << s;
    }
    std::vector<double> us;
    int i = 0;
    qint64 hits = 0;
    for (auto _ : state) {
        SearchQuery q;
        q.text = qs[i++ % qs.size()];
        q.limit = 50;
        us.push_back(timeUs([&] {
            auto r = cat.search(q);
            if (r) hits += r->hits.size();
        }));
    }
    state.counters["hits_per_query"] = double(hits) / double(std::max<size_t>(1, us.size()));
    report(state, us);
}
BENCHMARK(BM_Search)->Arg(2)->Arg(4)->Iterations(300)->Unit(benchmark::kMicrosecond);

void BM_SearchFiltered(benchmark::State& state) {
    Catalog cat(*env().db);
    std::vector<double> us;
    int i = 0;
    for (auto _ : state) {
        SearchQuery q;
        q.text = QString::fromUtf8(kQueries[i++ % 10]);
        q.categoryCode = QStringLiteral("WS");
        q.yearFrom = 2000;
        q.yearTo = 2010;
        q.availableOnly = true;
        us.push_back(timeUs([&] { benchmark::DoNotOptimize(cat.search(q)); }));
    }
    report(state, us);
}
BENCHMARK(BM_SearchFiltered)->Iterations(200)->Unit(benchmark::kMicrosecond);

// CPU seconds of the whole process (all threads), user + system.
double processCpuSeconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

void BM_LedgerVerify(benchmark::State& state) {
    qint64 rows = 0;
    double secs = 0, cpu = 0;
    for (auto _ : state) {
        const auto a = std::chrono::steady_clock::now();
        const double c = processCpuSeconds();
        auto r = Ledger::verify(*env().db);
        secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
        cpu += processCpuSeconds() - c;
        if (!r || !r->ok) {
            state.SkipWithError("verify failed");
            break;
        }
        rows += r->rowsChecked;
    }
    state.counters["rows"] = double(rows) / double(std::max<qint64>(1, state.iterations()));
    state.counters["rows_per_s"] = secs > 0 ? double(rows) / secs : 0;
    // Rows per CPU-second over all verify threads: on a shared machine, what the cores would give if idle.
    state.counters["rows_per_cpu_s"] = cpu > 0 ? double(rows) / cpu : 0;
}
BENCHMARK(BM_LedgerVerify)->Iterations(2)->Unit(benchmark::kSecond);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (const QByteArray s = qgetenv("BENCH_BOOKS_SCALE"); !s.isEmpty()) g_scale = std::clamp(s.toDouble(), 0.0001, 1.0);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    archivePath();  // generate (or find) the archive before any timing
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    // Close the archive while Qt Sql's connection registry still exists (a static Env would outlive it and
    // crash at exit).
    g_env.books.reset();
    g_env.db.reset();
    return 0;
}
