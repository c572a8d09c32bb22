#include "KeyboardWedgeFilter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QWindow>

namespace archive::scanner {

KeyboardWedgeFilter::KeyboardWedgeFilter(const WedgeConfig& config, QObject* parent)
    : ScannerSource(parent), m_decoder(config, this) {
    m_elapsed.start();
    m_clock = [this] { return m_elapsed.elapsed(); };
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &KeyboardWedgeFilter::checkTimeout);
    setStatus(QStringLiteral("键盘式扫描枪：就绪"), QStringLiteral("keyboard-wedge scanner: ready"));
}

KeyboardWedgeFilter::~KeyboardWedgeFilter() = default;

void KeyboardWedgeFilter::setConfig(const WedgeConfig& config) {
    m_decoder.setConfig(config);  // decides what is held with the old settings first
    afterDecoder();
}

void KeyboardWedgeFilter::setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

KeyInput KeyboardWedgeFilter::toKeyInput(const QKeyEvent& e, qint64 t, quint64 tag) {
    using T = KeyInput::Type;
    if (e.type() == QEvent::KeyRelease) return KeyInput::key(t, T::Release, tag);
    if (e.isAutoRepeat()) return KeyInput::key(t, T::Control, tag);
    switch (e.key()) {
    case Qt::Key_Shift: case Qt::Key_Control: case Qt::Key_Alt: case Qt::Key_Meta: case Qt::Key_AltGr:
    case Qt::Key_CapsLock: case Qt::Key_NumLock:
        return KeyInput::key(t, T::Modifier, tag);
    default: break;
    }
    const Qt::KeyboardModifiers strong = e.modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    if (strong) return KeyInput::key(t, T::Control, tag);
    if (e.key() == Qt::Key_Return || e.key() == Qt::Key_Enter) return KeyInput::key(t, T::Enter, tag);
    if (e.key() == Qt::Key_Tab) return KeyInput::key(t, T::Tab, tag);
    const QString text = e.text();
    if (text.size() == 1 && text[0].unicode() >= 0x20 && text[0].unicode() != 0x7F)
        return KeyInput::character(t, text[0], tag);
    return KeyInput::key(t, T::Control, tag);  // Backspace, arrows, F-keys, input-method text
}

bool KeyboardWedgeFilter::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (m_replaying || (type != QEvent::KeyPress && type != QEvent::KeyRelease)) return false;
    // Intercept at the window (the first receiver); the window then routes to its focus item.
    if (!watched->isWindowType()) return false;
    auto* ke = static_cast<QKeyEvent*>(event);
    const qint64 now = m_clock();
    const qint64 t = ke->timestamp() ? qint64(ke->timestamp()) : now;
    const quint64 tag = ++m_nextTag;
    m_held.emplace(tag, Held{QPointer<QObject>(watched), std::unique_ptr<QKeyEvent>(static_cast<QKeyEvent*>(ke->clone()))});
    // A burst older than maxGap is decided first (in case the hold timer has not fired yet).
    if (m_decoder.holding() && t >= m_decoder.deadlineMs()) m_decoder.tick(t);
    m_lastKeyT = t;
    m_lastArrival = now;
    m_decoder.feed(toKeyInput(*ke, t, tag));
    afterDecoder();
    return true;  // held, replayed or consumed: never delivered twice
}

void KeyboardWedgeFilter::checkTimeout() {
    if (!m_decoder.holding()) return;
    // Map elapsed wall time onto the key-timestamp domain.
    const qint64 now = m_lastKeyT + (m_clock() - m_lastArrival);
    m_decoder.tick(now);
    afterDecoder();
}

void KeyboardWedgeFilter::flush() {
    m_decoder.flush();
    afterDecoder();
}

void KeyboardWedgeFilter::afterDecoder() {
    if (!m_decoder.holding()) {
        m_held.clear();  // everything was replayed or consumed
        m_timer.stop();
        return;
    }
    const qint64 now = m_lastKeyT + (m_clock() - m_lastArrival);
    m_timer.start(int(std::max<qint64>(1, m_decoder.deadlineMs() - now)));
}

void KeyboardWedgeFilter::wedgeScan(const Scan& scan) {
    Scan s = scan;
    s.atMs = QDateTime::currentMSecsSinceEpoch();
    emit scanned(s);
}

void KeyboardWedgeFilter::wedgeRejected(const ScanRejection& rejection) {
    ScanRejection r = rejection;
    r.atMs = QDateTime::currentMSecsSinceEpoch();
    emit rejected(r);
}

void KeyboardWedgeFilter::wedgeReplay(const KeyInput* keys, qsizetype count) {
    for (qsizetype i = 0; i < count; ++i) {
        auto it = m_held.find(keys[i].tag);
        if (it == m_held.end()) continue;
        Held h = std::move(it->second);
        m_held.erase(it);
        QObject* target = h.receiver.data();
        if (!target) target = QGuiApplication::focusWindow();
        if (!target) continue;
        m_replaying = true;
        QCoreApplication::sendEvent(target, h.event.get());
        m_replaying = false;
    }
}

}  // namespace archive::scanner
