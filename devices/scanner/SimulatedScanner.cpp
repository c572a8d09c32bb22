#include "SimulatedScanner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QKeyEvent>

namespace archive::scanner {

SimulatedScanner::SimulatedScanner(QObject* parent) : ScannerSource(parent), m_decoder({}, this) {
    m_decoder.setSource(ScanSource::Simulated);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedScanner::next);
    setStatus(QStringLiteral("模拟扫描枪：就绪"), QStringLiteral("simulated scanner: ready"));
}

QStringList SimulatedScanner::setScript(const QString& script) {
    QStringList bad;
    m_steps.clear();
    for (const QString& raw : script.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
        const QString word = line.section(QLatin1Char(' '), 0, 0);
        const QString rest = line.section(QLatin1Char(' '), 1).trimmed();
        if (word == QLatin1String("wait")) {
            bool ok = false;
            const int ms = rest.toInt(&ok);
            if (ok && ms >= 0) m_steps.append({Step::Wait, {}, ms});
            else bad << line;
        } else if (word == QLatin1String("interrupt") && !rest.isEmpty()) {
            m_steps.append({Step::Interrupt, rest, 0});
        } else if (word == QLatin1String("type") && !rest.isEmpty()) {
            m_steps.append({Step::Type, rest, 0});
        } else if (!line.contains(QLatin1Char(' '))) {
            m_steps.append({Step::Code, line, 0});
        } else {
            bad << line;
        }
    }
    return bad;
}

void SimulatedScanner::setCodes(const QStringList& codes, int pauseMs) {
    m_steps.clear();
    for (const QString& c : codes) {
        m_steps.append({Step::Code, c, 0});
        m_steps.append({Step::Wait, {}, pauseMs});
    }
}

void SimulatedScanner::build() {
    KeyTrace trace(m_seed);
    m_keys.clear();
    qint64 t = 0;
    for (const Step& s : m_steps) {
        switch (s.kind) {
        case Step::Wait: t += s.ms; break;
        case Step::Code: t = trace.type(m_keys, s.text, t, m_timing) + 100; break;
        case Step::Interrupt: t = trace.type(m_keys, s.text, t, m_timing, KeyInput::Type::Char) + 500; break;
        case Step::Type:
            if (m_target) t = trace.type(m_keys, s.text, t, KeyTrace::person(), KeyInput::Type::Char) + 300;
            break;
        }
    }
}

void SimulatedScanner::play() {
    stop();
    // Times keep increasing across replays (the decoder compares them with earlier bursts).
    if (!m_keys.empty()) m_t0 += m_keys.back().tMs + 10'000;
    build();
    m_pos = 0;
    m_clock.start();
    setStatus(QStringLiteral("模拟扫描枪：正在回放"), QStringLiteral("simulated scanner: playing"));
    next();
}

void SimulatedScanner::stop() {
    m_timer.stop();
    m_decoder.flush();
}

void SimulatedScanner::next() {
    const qint64 now = m_clock.elapsed();
    while (m_pos < m_keys.size() && m_keys[m_pos].tMs <= now) deliver(m_keys[m_pos++]);
    if (!m_target) m_decoder.tick(m_t0 + (m_pos < m_keys.size() ? std::min(now, m_keys[m_pos].tMs) : now + 10'000));
    if (m_pos < m_keys.size()) {
        m_timer.start(int(std::max<qint64>(0, m_keys[m_pos].tMs - now)));
        return;
    }
    setStatus(QStringLiteral("模拟扫描枪：回放结束"), QStringLiteral("simulated scanner: done"));
    emit finished();
    if (m_loop && !m_keys.empty()) QTimer::singleShot(1000, this, &SimulatedScanner::play);
}

void SimulatedScanner::deliver(const KeyInput& k) {
    if (!m_target) {
        KeyInput copy = k;
        copy.tMs += m_t0;
        m_decoder.feed(copy);
        return;
    }
    QEvent::Type type = QEvent::KeyPress;
    int key = 0;
    QString text;
    Qt::KeyboardModifiers mods;
    switch (k.type) {
    case KeyInput::Type::Enter: key = Qt::Key_Return; text = QStringLiteral("\r"); break;
    case KeyInput::Type::Tab: key = Qt::Key_Tab; text = QStringLiteral("\t"); break;
    case KeyInput::Type::Modifier: key = Qt::Key_Shift; mods = Qt::ShiftModifier; break;
    case KeyInput::Type::Release: type = QEvent::KeyRelease; key = Qt::Key_unknown; break;
    case KeyInput::Type::Control: key = Qt::Key_unknown; break;
    case KeyInput::Type::Char:
        text = k.ch.isNull() ? QString() : QString(k.ch);
        key = k.ch.isLetter() && k.ch.unicode() < 0x80 ? Qt::Key_A + (k.ch.toUpper().unicode() - 'A')
                                                        : int(k.ch.unicode());
        if (k.ch.isUpper()) mods = Qt::ShiftModifier;
        break;
    }
    QKeyEvent ev(type, key, mods, text);
    ev.setTimestamp(ulong(m_t0 + k.tMs + 1));
    QCoreApplication::sendEvent(m_target.data(), &ev);
}

void SimulatedScanner::wedgeScan(const Scan& scan) {
    Scan s = scan;
    s.atMs = QDateTime::currentMSecsSinceEpoch();
    emit scanned(s);
}

void SimulatedScanner::wedgeRejected(const ScanRejection& r) {
    ScanRejection c = r;
    c.atMs = QDateTime::currentMSecsSinceEpoch();
    emit rejected(c);
}

}  // namespace archive::scanner
