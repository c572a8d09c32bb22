#pragma once
// Keyboard-wedge decoder: pure logic, fed key events with timestamps, no Qt Gui.
//
// A barcode scanner in keyboard mode "types" a code in a burst (typically 1–20 ms per key, ≤ 30–50 ms) and
// ends it with Enter or Tab; a person types at 80–300 ms per key. The decoder holds keys while it decides:
//  - a run of keys whose every gap is ≤ maxGapMs, at least minLength characters long (or starting with the
//    configured prefix), ended by the terminator → a Scan (its keys are consumed, never typed);
//  - anything else is typing → the held keys are handed back in order (WedgeSink::wedgeReplay);
//  - a fast run of ≥ minLength characters that stops without its terminator → rejected "interrupted"
//    (dropped); a fast run that starts within resumeWindowMs after such a rejection → rejected "partial";
//  - unknown key usages or control characters inside a burst → rejected "garbled"; longer than maxLength →
//    "too_long"; wrong prefix/suffix → "bad_prefix"/"bad_suffix"; prefix+terminator only → "empty".
// Keys never wait longer than maxGapMs: call tick(now) when deadlineMs() has passed.

#include "devices/scanner/Scan.h"

#include <QString>
#include <vector>

namespace archive::scanner {

struct WedgeConfig {
    enum class Terminator { Enter, Tab, EnterOrTab, None };
    int maxGapMs = 40;            // longest pause between two keys of one scan
    int minLength = 6;            // shortest code without prefix (own identifiers are ≥ 6)
    int maxLength = 1024;         // longer bursts are rejected "too_long"
    int resumeWindowMs = 300;     // a burst starting this soon after an interrupted one is "partial"
    QString prefix;               // optional, printable ASCII; stripped from the code
    QString suffix;               // optional, printable ASCII; stripped from the code
    Terminator terminator = Terminator::EnterOrTab;
    bool aimIdentifier = false;   // scanner transmits the AIM symbology id ("]C0") before the data
};

struct KeyInput {
    enum class Type : quint8 {
        Char,      // a printable character (ch); ch null = a key the layout cannot map (garbled)
        Enter,
        Tab,
        Modifier,  // Shift/Ctrl/Alt/Caps press: held with the burst, ignored for timing
        Release,   // any key release: held with the burst, ignored for timing
        Control    // Backspace, arrows, Ctrl+…, auto-repeat: a person is typing; ends any burst as typing
    };
    Type type = Type::Char;
    QChar ch;
    qint64 tMs = 0;
    quint64 tag = 0;  // caller's handle (e.g. the held QKeyEvent), returned by wedgeReplay

    // HID keyboard usage (page 0x07) with the US layout; shift = either Shift held.
    static KeyInput fromUsage(qint64 tMs, quint8 usage, bool shift, quint64 tag = 0);
    static KeyInput character(qint64 tMs, QChar c, quint64 tag = 0) { return {Type::Char, c, tMs, tag}; }
    static KeyInput key(qint64 tMs, Type t, quint64 tag = 0) { return {t, QChar(), tMs, tag}; }
};

// US-layout character of a HID keyboard usage (null QChar when none). Enter/Tab/modifiers have none.
QChar usUsageToChar(quint8 usage, bool shift);
// HID usage of a US-layout character, and whether Shift is needed (for the simulated scanner); 0 if none.
quint8 usUsageForChar(QChar c, bool* shift);

class WedgeSink {
public:
    virtual ~WedgeSink() = default;
    virtual void wedgeScan(const Scan& scan) = 0;
    virtual void wedgeRejected(const ScanRejection& rejection) = 0;
    // Keys that turned out to be typing, oldest first: deliver them to the focused field.
    virtual void wedgeReplay(const KeyInput* keys, qsizetype count) = 0;
};

class WedgeDecoder {
public:
    explicit WedgeDecoder(WedgeConfig config = {}, WedgeSink* sink = nullptr);
    void setSink(WedgeSink* sink) { m_sink = sink; }
    const WedgeConfig& config() const { return m_cfg; }
    void setConfig(const WedgeConfig& c);
    void setSource(ScanSource s) { m_source = s; }

    void feed(const KeyInput& key);
    // Decides a pending burst whose last key is older than maxGapMs (call when nowMs ≥ deadlineMs()).
    void tick(qint64 nowMs);
    // Time at which tick() must be called, or −1 when nothing is held.
    qint64 deadlineMs() const { return holding() ? m_lastCharT + m_cfg.maxGapMs + 1 : -1; }
    // A burst is being decided (keys held, or an over-long burst still running).
    bool holding() const { return m_chars > 0 || m_overflow || !m_held.empty(); }
    // Decides whatever is pending now (e.g. focus left the window).
    void flush();

private:
    void finishAsTyping(const KeyInput* extra = nullptr);
    void finishTimeout();
    void finishTerminated(const KeyInput& term);
    void reject(const char* code, const QString& zh, const QString& en, qint64 t);
    void clearBurst();
    bool terminates(KeyInput::Type t) const;

    WedgeConfig m_cfg;
    WedgeSink* m_sink = nullptr;
    ScanSource m_source = ScanSource::KeyboardWedge;
    std::vector<KeyInput> m_held;  // keys held for the current burst (chars, modifiers, releases)
    QString m_text;                // characters of the burst (up to maxLength + 1)
    qsizetype m_chars = 0;         // characters seen (may exceed what m_text keeps)
    bool m_garbled = false;
    bool m_overflow = false;       // longer than maxLength: certainly a scanner, keys no longer held
    qint64 m_firstT = 0;
    qint64 m_lastCharT = 0;
    qint64 m_interruptedAt = -1;   // time of the last "interrupted" rejection
    bool m_partial = false;        // current burst started right after an interrupted one
};

}  // namespace archive::scanner
