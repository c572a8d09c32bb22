#pragma once
// Realistic key timing for the keyboard wedge: what a scanner or a person sends, as KeyInput events.
// Used by the simulated scanner, the tests and the benchmark (deterministic for a given seed).

#include "devices/scanner/WedgeDecoder.h"

#include <QRandomGenerator>
#include <vector>

namespace archive::scanner {

struct KeyTiming {
    int minGapMs = 1;    // between two key presses
    int maxGapMs = 20;
    int holdMs = 0;      // press → release (0: release at the same time as the press, as many scanners do)
    bool releases = true;
};

class KeyTrace {
public:
    explicit KeyTrace(quint32 seed = 1) : m_rng(seed) {}
    // Appends the key presses (with Shift for upper case and symbols) and releases a device with this timing
    // sends for `text`, then the terminator (Enter, Tab or none), starting at startMs. Returns the time of
    // the last event. Characters the US layout cannot type are sent as unmapped usage 0x00 (garbled).
    qint64 type(std::vector<KeyInput>& out, QStringView text, qint64 startMs, const KeyTiming& timing,
                KeyInput::Type terminator = KeyInput::Type::Enter);
    int gap(const KeyTiming& t) { return t.minGapMs + int(m_rng.bounded(quint32(t.maxGapMs - t.minGapMs + 1))); }
    QRandomGenerator& rng() { return m_rng; }

    static KeyTiming scanner(int minGap = 1, int maxGap = 20) { return {minGap, maxGap, 0, true}; }
    static KeyTiming person(int minGap = 80, int maxGap = 300) { return {minGap, maxGap, 60, true}; }

private:
    QRandomGenerator m_rng;
};

}  // namespace archive::scanner
