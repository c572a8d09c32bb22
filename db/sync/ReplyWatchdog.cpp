#include "ReplyWatchdog.h"

#include "Connection.h"
#include "db/Database.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QVariant>

#include <arpa/inet.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace archive::db::sync {

namespace {

struct Watched {
    const void* conn = nullptr;  // the PGconn
    int fd = -1;
    QByteArray host;
    int port = 0;
    ReplyWatch settings;
    qint64 quietUntilMs = 0;  // the probe answered: leave this connection alone until then
};

struct State {
    std::mutex mu;
    std::map<quint64, Watched> watched;
    quint64 next = 0;
    bool started = false;
    std::atomic<int> shutdowns{0};
};

State& state() {
    static State* s = new State;  // never destroyed: the thread may outlive static destruction
    return *s;
}

qint64 nowMs() {
    static QElapsedTimer t = [] { QElapsedTimer e; e.start(); return e; }();
    return t.elapsed();
}

// libpq, already loaded by Qt's QPSQL plugin (looked up rather than linked into db/).
using PQtransactionStatusFn = int (*)(const void*);
PQtransactionStatusFn pqTransactionStatus() {
    static PQtransactionStatusFn fn = [] {
        void* lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
        return lib ? reinterpret_cast<PQtransactionStatusFn>(dlsym(lib, "PQtransactionStatus")) : nullptr;
    }();
    return fn;
}
constexpr int kPqTransActive = 1;  // PQTRANS_ACTIVE: a command is in progress

// How long a request in progress has gone without any traffic on the socket; -1 when no request is in progress.
// (PQtransactionStatus only reads libpq's state word; the connection's own thread may be inside libpq meanwhile.)
qint64 waitingMs(const Watched& w) {
    if (pqTransactionStatus()(w.conn) != kPqTransActive) return -1;
    tcp_info info{};
    socklen_t len = sizeof info;
    if (getsockopt(w.fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0) return -1;
    if (info.tcpi_state != TCP_ESTABLISHED) return -1;
    return std::min(info.tcpi_last_data_sent, info.tcpi_last_data_recv);
}

// Asks the server at host:port, on a new connection, for the one-byte answer to an SSLRequest.
bool serverAnswers(const QByteArray& host, int port, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* res = nullptr;
    if (getaddrinfo(host.constData(), QByteArray::number(port).constData(), &hints, &res) != 0 || !res) return false;
    const int s = ::socket(res->ai_family, res->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, res->ai_protocol);
    if (s < 0) {
        freeaddrinfo(res);
        return false;
    }
    auto waitFor = [&](short events) {
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0) return false;
        pollfd p{s, events, 0};
        return ::poll(&p, 1, int(left)) == 1 && (p.revents & events);
    };
    bool ok = false;
    const int rc = ::connect(s, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    if (rc == 0 || errno == EINPROGRESS) {
        int err = 0;
        socklen_t len = sizeof err;
        if (rc == 0 || (waitFor(POLLOUT) && getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0)) {
            // SSLRequest: length 8, code 80877103. The server answers 'S' or 'N' at once.
            const unsigned char req[8] = {0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f};
            if (::send(s, req, sizeof req, MSG_NOSIGNAL) == ssize_t(sizeof req) && waitFor(POLLIN)) {
                char answer = 0;
                ok = ::recv(s, &answer, 1, 0) == 1 && (answer == 'S' || answer == 'N' || answer == 'E');
            }
        }
    }
    ::close(s);
    return ok;
}

void run() {
    State& st = state();
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        struct Suspect { quint64 token; QByteArray host; int port; int probeMs; };
        std::vector<Suspect> suspects;
        {
            std::lock_guard<std::mutex> lk(st.mu);
            const qint64 now = nowMs();
            for (auto& [token, w] : st.watched) {
                if (now < w.quietUntilMs) continue;
                const qint64 waiting = waitingMs(w);
                if (waiting >= w.settings.replyTimeoutMs) suspects.push_back({token, w.host, w.port, w.settings.probeTimeoutMs});
            }
        }
        for (const Suspect& s : suspects) {
            const bool alive = serverAnswers(s.host, s.port, s.probeMs);
            std::lock_guard<std::mutex> lk(st.mu);
            auto it = st.watched.find(s.token);
            if (it == st.watched.end()) continue;  // closed meanwhile
            if (alive) {
                it->second.quietUntilMs = nowMs() + 3000;  // a long query on a live server: ask again later
                continue;
            }
            if (waitingMs(it->second) < it->second.settings.replyTimeoutMs) continue;  // the answer came after all
            ::shutdown(it->second.fd, SHUT_RDWR);        // the waiting call returns with an error at once
            st.watched.erase(it);
            ++st.shutdowns;
        }
    }
}

}  // namespace

quint64 ReplyWatchdog::watch(Database& db, const ReplyWatch& settings) {
    if (db.dialect() != Dialect::PostgreSQL || !pqTransactionStatus()) return 0;
    const QString host = db.sql().hostName();
    const int port = db.sql().port() > 0 ? db.sql().port() : 5432;
    const int fd = socketOf(db);
    const QVariant h = db.sql().driver()->handle();
    const void* conn = h.isValid() ? *static_cast<void* const*>(h.data()) : nullptr;
    if (fd < 0 || !conn || host.isEmpty() || host.startsWith(QLatin1Char('/'))) return 0;  // not TCP
    State& st = state();
    std::lock_guard<std::mutex> lk(st.mu);
    if (!st.started) {
        std::thread(run).detach();
        st.started = true;
    }
    const quint64 token = ++st.next;
    st.watched[token] = Watched{conn, fd, host.toUtf8(), port, settings, 0};
    return token;
}

void ReplyWatchdog::unwatch(quint64 token) {
    if (!token) return;
    State& st = state();
    std::lock_guard<std::mutex> lk(st.mu);
    st.watched.erase(token);
}

int ReplyWatchdog::shutdowns() { return state().shutdowns.load(); }

}  // namespace archive::db::sync
