#pragma once
// A small TCP forwarder between the tests' clients and the real PostgreSQL: a stand-in for the network path.
// blackHole() makes it stop forwarding in both directions without closing anything — like a pulled cable
// behind a switch, or a hung router: the client's connection stays open and its kernel still gets TCP
// acknowledgements from this process's socket, but no answer ever comes back; new connections are accepted by
// the kernel and then get no answer either. forward() lets everything through again.

#include <QString>

#include <atomic>
#include <thread>

class BlackholeProxy {
public:
    explicit BlackholeProxy(int serverPort);
    ~BlackholeProxy();  // stops and closes everything
    BlackholeProxy(const BlackholeProxy&) = delete;
    BlackholeProxy& operator=(const BlackholeProxy&) = delete;

    bool start();  // listens on 127.0.0.1, a free port
    int port() const { return m_port; }
    // url with its port replaced by the proxy's
    QString through(const QString& url) const;

    void blackHole() { m_forwarding = false; }
    void forward() { m_forwarding = true; }

private:
    void run();
    int m_serverPort;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_forwarding{true};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};
