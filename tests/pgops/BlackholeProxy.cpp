#include "BlackholeProxy.h"

#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

BlackholeProxy::BlackholeProxy(int serverPort) : m_serverPort(serverPort) {}

BlackholeProxy::~BlackholeProxy() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    if (m_listen >= 0) ::close(m_listen);
}

bool BlackholeProxy::start() {
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listen < 0) return false;
    int on = 1;
    setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(m_listen, 16) != 0) return false;
    socklen_t len = sizeof a;
    if (getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len) != 0) return false;
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { run(); });
    return true;
}

QString BlackholeProxy::through(const QString& url) const {
    QUrl u(url);
    u.setPort(m_port);
    return u.toString();
}

void BlackholeProxy::run() {
    struct Pair { int client, server; };
    std::vector<Pair> pairs;
    auto closePair = [](Pair& p) {
        ::close(p.client);
        ::close(p.server);
        p.client = p.server = -1;
    };
    char buf[16384];
    while (!m_stop) {
        const bool forwarding = m_forwarding;
        std::vector<pollfd> fds;
        // While black-holed nothing is read or accepted: data waits in the kernel's buffers, unanswered.
        if (forwarding) {
            fds.push_back({m_listen, POLLIN, 0});
            for (const Pair& p : pairs) {
                fds.push_back({p.client, POLLIN, 0});
                fds.push_back({p.server, POLLIN, 0});
            }
        }
        if (fds.empty()) {
            ::usleep(20000);
            continue;
        }
        if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
        if (fds[0].revents & POLLIN) {
            const int c = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (c >= 0) {
                const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                sockaddr_in a{};
                a.sin_family = AF_INET;
                a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                a.sin_port = htons(quint16(m_serverPort));
                if (s >= 0 && ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
                    pairs.push_back({c, s});
                } else {
                    ::close(c);
                    if (s >= 0) ::close(s);
                }
            }
        }
        for (size_t i = 0; i < pairs.size() && 1 + 2 * i + 1 < fds.size(); ++i) {
            Pair& p = pairs[i];
            const pollfd& fc = fds[1 + 2 * i];
            const pollfd& fs = fds[2 + 2 * i];
            auto pump = [&](int from, int to) {
                const ssize_t n = ::recv(from, buf, sizeof buf, 0);
                if (n <= 0) return false;
                for (ssize_t off = 0; off < n;) {
                    const ssize_t w = ::send(to, buf + off, size_t(n - off), MSG_NOSIGNAL);
                    if (w <= 0) return false;
                    off += w;
                }
                return true;
            };
            bool alive = true;
            if (fc.revents & (POLLIN | POLLHUP | POLLERR)) alive = pump(p.client, p.server);
            if (alive && (fs.revents & (POLLIN | POLLHUP | POLLERR))) alive = pump(p.server, p.client);
            if (!alive) closePair(p);
        }
        std::erase_if(pairs, [](const Pair& p) { return p.client < 0; });
    }
    for (Pair& p : pairs) closePair(p);
}
