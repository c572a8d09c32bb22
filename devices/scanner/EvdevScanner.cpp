#include "EvdevScanner.h"

#include <QDateTime>
#include <QFile>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace archive::scanner {

quint8 EvdevScanner::usageFromLinuxKey(int code) {
    static const struct { int key; quint8 usage; } table[] = {
        {KEY_A, 0x04}, {KEY_B, 0x05}, {KEY_C, 0x06}, {KEY_D, 0x07}, {KEY_E, 0x08}, {KEY_F, 0x09}, {KEY_G, 0x0A},
        {KEY_H, 0x0B}, {KEY_I, 0x0C}, {KEY_J, 0x0D}, {KEY_K, 0x0E}, {KEY_L, 0x0F}, {KEY_M, 0x10}, {KEY_N, 0x11},
        {KEY_O, 0x12}, {KEY_P, 0x13}, {KEY_Q, 0x14}, {KEY_R, 0x15}, {KEY_S, 0x16}, {KEY_T, 0x17}, {KEY_U, 0x18},
        {KEY_V, 0x19}, {KEY_W, 0x1A}, {KEY_X, 0x1B}, {KEY_Y, 0x1C}, {KEY_Z, 0x1D},
        {KEY_1, 0x1E}, {KEY_2, 0x1F}, {KEY_3, 0x20}, {KEY_4, 0x21}, {KEY_5, 0x22}, {KEY_6, 0x23}, {KEY_7, 0x24},
        {KEY_8, 0x25}, {KEY_9, 0x26}, {KEY_0, 0x27},
        {KEY_ENTER, 0x28}, {KEY_ESC, 0x29}, {KEY_BACKSPACE, 0x2A}, {KEY_TAB, 0x2B}, {KEY_SPACE, 0x2C},
        {KEY_MINUS, 0x2D}, {KEY_EQUAL, 0x2E}, {KEY_LEFTBRACE, 0x2F}, {KEY_RIGHTBRACE, 0x30}, {KEY_BACKSLASH, 0x31},
        {KEY_SEMICOLON, 0x33}, {KEY_APOSTROPHE, 0x34}, {KEY_GRAVE, 0x35}, {KEY_COMMA, 0x36}, {KEY_DOT, 0x37},
        {KEY_SLASH, 0x38}, {KEY_CAPSLOCK, 0x39},
        {KEY_KPSLASH, 0x54}, {KEY_KPASTERISK, 0x55}, {KEY_KPMINUS, 0x56}, {KEY_KPPLUS, 0x57}, {KEY_KPENTER, 0x58},
        {KEY_KP1, 0x59}, {KEY_KP2, 0x5A}, {KEY_KP3, 0x5B}, {KEY_KP4, 0x5C}, {KEY_KP5, 0x5D}, {KEY_KP6, 0x5E},
        {KEY_KP7, 0x5F}, {KEY_KP8, 0x60}, {KEY_KP9, 0x61}, {KEY_KP0, 0x62}, {KEY_KPDOT, 0x63},
        {KEY_LEFTCTRL, 0xE0}, {KEY_LEFTSHIFT, 0xE1}, {KEY_LEFTALT, 0xE2}, {KEY_LEFTMETA, 0xE3},
        {KEY_RIGHTCTRL, 0xE4}, {KEY_RIGHTSHIFT, 0xE5}, {KEY_RIGHTALT, 0xE6}, {KEY_RIGHTMETA, 0xE7},
    };
    for (const auto& e : table)
        if (e.key == code) return e.usage;
    return 0;
}

// Lives in the reader thread: opens and grabs the node, owns the fd, the notifier, the decoder and its hold
// timer. Everything it tells its owner goes through post(), tagged with the owner's generation at open().
class EvdevWorker : public QObject, public WedgeSink {
public:
    EvdevWorker(const WedgeConfig& cfg, EvdevScanner* owner, quint64 generation)
        : m_decoder(cfg, this), m_owner(owner), m_generation(generation) {
        m_decoder.setSource(ScanSource::Evdev);
    }
    ~EvdevWorker() override {  // in the worker thread (deleted when it finishes)
        if (m_fd >= 0) {
            if (m_grabbed) ::ioctl(m_fd, EVIOCGRAB, 0);
            ::close(m_fd);
        }
    }

    // Worker thread: the node's system calls. The result goes back to the owner's thread.
    void openNode(const QString& path, bool requireGrab) {
        QThread* self = QThread::currentThread();
        const Status st = openAndGrab(path, requireGrab);
        if (st) start();
        post([st, self](EvdevScanner* o) { o->finishOpen(st, self); });
    }

private:
    Status openAndGrab(const QString& path, bool requireGrab) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            const int err = errno;
            const bool denied = err == EACCES || err == EPERM;
            return makeError(denied ? QStringLiteral("evdev_access") : QStringLiteral("evdev_open"),
                             denied ? QStringLiteral("没有权限读取扫描枪 %1：请让管理员安装本系统的 udev 规则"
                                                     "（或把本机账户加入 input 组）。").arg(path)
                                    : QStringLiteral("打不开扫描枪 %1：请检查是否已插好。").arg(path),
                             denied ? QStringLiteral("No permission to read scanner %1: ask the administrator to install "
                                                     "the kiosk's udev rule (or add the kiosk user to the group "
                                                     "\"input\").").arg(path)
                                    : QStringLiteral("Cannot open scanner %1: check that it is plugged in.").arg(path),
                             QString::fromLocal8Bit(std::strerror(err)));
        }
        if (::ioctl(fd, EVIOCGRAB, 1) == 0) {
            m_grabbed = true;
        } else if (requireGrab) {
            const int err = errno;
            ::close(fd);
            return makeError(QStringLiteral("evdev_grab"),
                             QStringLiteral("无法独占扫描枪 %1（可能被别的程序占用），扫描内容可能会打进输入框。").arg(path),
                             QStringLiteral("Cannot take scanner %1 for this program alone (another program holds it); "
                                            "its codes could be typed into text fields.").arg(path),
                             QString::fromLocal8Bit(std::strerror(err)));
        }
        m_fd = fd;
        return okStatus();
    }
    void start() {
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { readAll(); });
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, [this] {
            m_decoder.tick(m_lastT + m_sinceLast.elapsed());
            arm();
        });
    }
    // Runs fn on the owner's thread unless the owner has been closed or reopened since this worker started.
    template <class Fn>
    void post(Fn fn) {
        QMetaObject::invokeMethod(m_owner, [o = m_owner, g = m_generation, fn] {
            if (o->m_generation == g) fn(o);
        }, Qt::QueuedConnection);
    }
    void readAll() {
        input_event ev[64];
        for (;;) {
            const ssize_t n = ::read(m_fd, ev, sizeof ev);
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) break;
            if (n <= 0) {  // EOF or ENODEV: the scanner is gone
                gone();
                return;
            }
            for (ssize_t i = 0; i < n / ssize_t(sizeof(input_event)); ++i) handle(ev[i]);
        }
        arm();
    }
    void handle(const input_event& e) {
        if (e.type != EV_KEY) return;
        const qint64 t = qint64(e.input_event_sec) * 1000 + e.input_event_usec / 1000;
        m_lastT = t;
        m_sinceLast.start();
        const quint8 usage = EvdevScanner::usageFromLinuxKey(e.code);
        if (e.code == KEY_LEFTSHIFT || e.code == KEY_RIGHTSHIFT) m_shift = e.value != 0;
        if (e.value == 0) {
            m_decoder.feed(KeyInput::key(t, KeyInput::Type::Release));
        } else if (e.value == 2) {
            m_decoder.feed(KeyInput::key(t, KeyInput::Type::Control));  // auto-repeat: not a scanner
        } else {
            // Unknown keys stay in the burst as an unmapped character (→ "garbled").
            m_decoder.feed(usage ? KeyInput::fromUsage(t, usage, m_shift) : KeyInput::character(t, QChar()));
        }
    }
    void arm() {
        if (m_decoder.holding())
            m_timer->start(int(std::max<qint64>(1, m_decoder.deadlineMs() - (m_lastT + m_sinceLast.elapsed()))));
        else
            m_timer->stop();
    }
    void gone() {
        m_notifier->setEnabled(false);
        m_timer->stop();
        m_decoder.flush();  // a burst cut off by the removal is rejected ("interrupted")
        post([](EvdevScanner* o) { emit o->removed(); });
    }
    void wedgeScan(const Scan& s) override {
        Scan c = s;
        c.atMs = QDateTime::currentMSecsSinceEpoch();
        post([c](EvdevScanner* o) { emit o->scanned(c); });
    }
    void wedgeRejected(const ScanRejection& r) override {
        ScanRejection c = r;
        c.atMs = QDateTime::currentMSecsSinceEpoch();
        post([c](EvdevScanner* o) { emit o->rejected(c); });
    }
    // A dedicated scanner never types: keys the decoder would hand back as typing are a fragment
    // (shorter than minLength, or without its terminator) and are reported, not delivered anywhere.
    void wedgeReplay(const KeyInput* k, qsizetype n) override {
        QString text;
        for (qsizetype i = 0; i < n; ++i)
            if (k[i].type == KeyInput::Type::Char) text.append(k[i].ch.isNull() ? QChar(0xFFFD) : k[i].ch);
        if (text.isEmpty()) return;
        const ScanRejection r{QStringLiteral("too_short"),
                              QStringLiteral("扫描枪只发来很短的一段（%1），请重新扫描。").arg(text),
                              QStringLiteral("The scanner sent only a short fragment (%1). Please scan again.").arg(text),
                              text, ScanSource::Evdev, QDateTime::currentMSecsSinceEpoch()};
        post([r](EvdevScanner* o) { emit o->rejected(r); });
    }

    int m_fd = -1;
    bool m_grabbed = false;
    WedgeDecoder m_decoder;
    EvdevScanner* m_owner;
    const quint64 m_generation;
    QSocketNotifier* m_notifier = nullptr;
    QTimer* m_timer = nullptr;
    QElapsedTimer m_sinceLast;
    qint64 m_lastT = 0;
    bool m_shift = false;
};

EvdevScanner::EvdevScanner(const WedgeConfig& config, QObject* parent) : ScannerSource(parent), m_config(config) {
    qRegisterMetaType<archive::Status>();
    m_thread.setObjectName(QStringLiteral("scanner-evdev"));
    connect(this, &EvdevScanner::removed, this, [this] {
        setStatus(QStringLiteral("专用扫描枪 %1 已拔出").arg(m_path), QStringLiteral("dedicated scanner %1 removed").arg(m_path));
    });
    setStatus(QStringLiteral("专用扫描枪：未打开"), QStringLiteral("dedicated scanner: not open"));
}

EvdevScanner::~EvdevScanner() { close(); }

void EvdevScanner::open(const QString& path, bool requireGrab) {
    close();
    m_path = path;
    m_state = State::Opening;
    auto* worker = new EvdevWorker(m_config, this, m_generation);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    m_thread.start();
    QMetaObject::invokeMethod(worker, [worker, path, requireGrab] { worker->openNode(path, requireGrab); },
                              Qt::QueuedConnection);
    setStatus(QStringLiteral("专用扫描枪：正在打开 %1").arg(path), QStringLiteral("dedicated scanner: opening %1").arg(path));
}

// Owner thread, from the worker's post() (only while this open() is the current one).
void EvdevScanner::finishOpen(const Status& st, QThread* openThread) {
    if (m_state != State::Opening) return;
    m_openThread = openThread;
    if (st) {
        m_state = State::Open;
        setStatus(QStringLiteral("专用扫描枪：%1 就绪").arg(m_path), QStringLiteral("dedicated scanner: %1 ready").arg(m_path));
    } else {
        stopWorker();  // it holds no node; its thread is idle
        m_state = State::Closed;
        setStatus(st.error().messageZh, st.error().messageEn);
    }
    emit opened(st);
}

void EvdevScanner::stopWorker() {
    ++m_generation;  // whatever the old worker has queued for us is dropped
    if (!m_worker) return;
    m_thread.quit();
    m_thread.wait();  // the worker (fd, grab) is deleted in its thread on finish
    m_worker = nullptr;
}

void EvdevScanner::close() {
    const bool wasActive = m_state != State::Closed;
    stopWorker();
    m_state = State::Closed;
    if (wasActive) setStatus(QStringLiteral("专用扫描枪：未打开"), QStringLiteral("dedicated scanner: not open"));
}

}  // namespace archive::scanner
