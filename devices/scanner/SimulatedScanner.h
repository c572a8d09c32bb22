#pragma once
// A simulated keyboard-wedge scanner for the demo and tests: replays a script of codes with realistic key
// timing (KeyTrace: 1–20 ms per key with jitter, Shift for capitals, Enter at the end) through the real
// WedgeDecoder — or, with setKeyTarget(window), as real QKeyEvents sent to a window so the application's
// KeyboardWedgeFilter sees exactly what a USB scanner would produce.
//
// Script, one step per line:
//   B2024000123X        a code, scanned
//   wait 1500           a pause in ms
//   interrupt B2024000  the scanner stops in the middle of this code (no Enter): rejected "interrupted"
//   type 张三           a person typing at 80–300 ms per key (key-target mode only; ignored otherwise)
//   # comment

#include "devices/scanner/KeyTrace.h"
#include "devices/scanner/ScannerSource.h"
#include "devices/scanner/WedgeDecoder.h"

#include <QPointer>
#include <QStringList>
#include <QElapsedTimer>
#include <QTimer>
#include <vector>

namespace archive::scanner {

class SimulatedScanner : public ScannerSource, private WedgeSink {
    Q_OBJECT
public:
    explicit SimulatedScanner(QObject* parent = nullptr);

    // Parses the script; returns the lines it could not understand (they are skipped).
    QStringList setScript(const QString& script);
    void setCodes(const QStringList& codes, int pauseMs = 1500);
    void setTiming(const KeyTiming& t) { m_timing = t; }
    void setSeed(quint32 seed) { m_seed = seed; }
    void setKeyTarget(QObject* target) { m_target = target; }
    void setLoop(bool loop) { m_loop = loop; }

    void play();
    void stop();
    bool isPlaying() const { return m_timer.isActive(); }

signals:
    void finished();

private:
    struct Step { enum Kind { Code, Wait, Interrupt, Type } kind; QString text; int ms = 0; };
    void build();
    void next();
    void deliver(const KeyInput& k);
    void wedgeScan(const Scan& scan) override;
    void wedgeRejected(const ScanRejection& r) override;
    void wedgeReplay(const KeyInput*, qsizetype) override {}

    QList<Step> m_steps;
    KeyTiming m_timing = KeyTrace::scanner();
    quint32 m_seed = 1;
    bool m_loop = false;
    QPointer<QObject> m_target;
    WedgeDecoder m_decoder;
    std::vector<KeyInput> m_keys;
    size_t m_pos = 0;
    qint64 m_t0 = 0;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

}  // namespace archive::scanner
