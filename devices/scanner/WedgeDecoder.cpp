#include "WedgeDecoder.h"

#include <utility>

namespace archive::scanner {

namespace {
// US layout, HID keyboard page usages 0x1E–0x38 (digits and punctuation): unshifted / shifted.
constexpr char kDigitRow[] = "1234567890";
constexpr char kDigitRowShift[] = "!@#$%^&*()";
// 0x2C space, 0x2D - _, 0x2E = +, 0x2F [ {, 0x30 ] }, 0x31 \ |, 0x32 (non-US #), 0x33 ; :, 0x34 ' ",
// 0x35 ` ~, 0x36 , <, 0x37 . >, 0x38 / ?
constexpr char kPunct[] = " -=[]\\#;'`,./";
constexpr char kPunctShift[] = " _+{}|~:\"~<>?";
// Keypad 0x54–0x63: / * - + Enter 1 2 3 4 5 6 7 8 9 0 .
constexpr char kKeypad[] = "/*-+\n1234567890.";
}  // namespace

QChar usUsageToChar(quint8 u, bool shift) {
    if (u >= 0x04 && u <= 0x1D) return QLatin1Char(char((shift ? 'A' : 'a') + (u - 0x04)));
    if (u >= 0x1E && u <= 0x27) return QLatin1Char(shift ? kDigitRowShift[u - 0x1E] : kDigitRow[u - 0x1E]);
    if (u >= 0x2C && u <= 0x38) return QLatin1Char(shift ? kPunctShift[u - 0x2C] : kPunct[u - 0x2C]);
    if (u >= 0x54 && u <= 0x63 && u != 0x58) return QLatin1Char(kKeypad[u - 0x54]);
    return QChar();
}

quint8 usUsageForChar(QChar qc, bool* shift) {
    *shift = false;
    const char16_t c = qc.unicode();
    if (c >= 'a' && c <= 'z') return quint8(0x04 + (c - 'a'));
    if (c >= 'A' && c <= 'Z') { *shift = true; return quint8(0x04 + (c - 'A')); }
    for (int i = 0; i < 10; ++i) {
        if (c == char16_t(kDigitRow[i])) return quint8(0x1E + i);
        if (c == char16_t(kDigitRowShift[i])) { *shift = true; return quint8(0x1E + i); }
    }
    for (int i = 0; i <= 0x38 - 0x2C; ++i) {
        if (i == 0x32 - 0x2C) continue;  // non-US key
        if (c == char16_t(kPunct[i])) return quint8(0x2C + i);
        if (c == char16_t(kPunctShift[i])) { *shift = true; return quint8(0x2C + i); }
    }
    return 0;
}

KeyInput KeyInput::fromUsage(qint64 tMs, quint8 usage, bool shift, quint64 tag) {
    if (usage == 0x28 || usage == 0x58) return key(tMs, Type::Enter, tag);
    if (usage == 0x2B) return key(tMs, shift ? Type::Control : Type::Tab, tag);
    if (usage >= 0xE0 && usage <= 0xE7) return key(tMs, Type::Modifier, tag);
    if (usage == 0x39) return key(tMs, Type::Modifier, tag);  // Caps Lock
    if (usage == 0x2A || usage == 0x29 || usage == 0x4C || (usage >= 0x3A && usage <= 0x53))
        return key(tMs, Type::Control, tag);  // Backspace, Esc, Delete, F-keys, navigation
    return character(tMs, usUsageToChar(usage, shift), tag);  // null char for unmapped usages → garbled
}

WedgeDecoder::WedgeDecoder(WedgeConfig config, WedgeSink* sink) : m_cfg(std::move(config)), m_sink(sink) {
    m_held.reserve(64);
    m_text.reserve(64);
}

void WedgeDecoder::setConfig(const WedgeConfig& c) {
    flush();
    m_cfg = c;
}

bool WedgeDecoder::terminates(KeyInput::Type t) const {
    switch (m_cfg.terminator) {
    case WedgeConfig::Terminator::Enter: return t == KeyInput::Type::Enter;
    case WedgeConfig::Terminator::Tab: return t == KeyInput::Type::Tab;
    case WedgeConfig::Terminator::EnterOrTab: return t == KeyInput::Type::Enter || t == KeyInput::Type::Tab;
    case WedgeConfig::Terminator::None: return false;
    }
    return false;
}

void WedgeDecoder::clearBurst() {
    m_held.clear();
    m_text.clear();
    m_chars = 0;
    m_garbled = false;
    m_overflow = false;
    m_partial = false;
}

void WedgeDecoder::finishAsTyping(const KeyInput* extra) {
    std::vector<KeyInput> keys;
    keys.swap(m_held);
    if (extra) keys.push_back(*extra);
    clearBurst();
    m_held.reserve(64);
    if (m_sink && !keys.empty()) m_sink->wedgeReplay(keys.data(), qsizetype(keys.size()));
}

void WedgeDecoder::reject(const char* code, const QString& zh, const QString& en, qint64 t) {
    ScanRejection r;
    r.code = QLatin1String(code);
    r.messageZh = zh;
    r.messageEn = en;
    r.partial = m_text.left(m_cfg.maxLength);
    r.source = m_source;
    r.atMs = t;
    clearBurst();
    if (m_sink) m_sink->wedgeRejected(r);
}

void WedgeDecoder::finishTimeout() {
    const bool prefixed = !m_cfg.prefix.isEmpty() && m_text.startsWith(m_cfg.prefix);
    const bool scannerLike = m_overflow || m_partial || m_chars >= m_cfg.minLength || prefixed;
    if (!scannerLike) {
        finishAsTyping();
        return;
    }
    if (m_cfg.terminator == WedgeConfig::Terminator::None) {
        finishTerminated(KeyInput::key(m_lastCharT, KeyInput::Type::Enter));
        return;
    }
    const qint64 t = m_lastCharT;
    if (m_partial) {
        reject("partial", QStringLiteral("只读到条码的一部分，请重新扫描。"),
               QStringLiteral("Only part of a code was read. Please scan again."), t);
        m_interruptedAt = t;
        return;
    }
    reject("interrupted", QStringLiteral("扫描中断，条码没有读完整，请重新扫描。"),
           QStringLiteral("The scan was interrupted and the code is incomplete. Please scan again."), t);
    m_interruptedAt = t;
}

void WedgeDecoder::finishTerminated(const KeyInput& term) {
    const bool prefixed = !m_cfg.prefix.isEmpty() && m_text.startsWith(m_cfg.prefix);
    const bool scannerLike = m_overflow || m_partial || m_chars >= m_cfg.minLength || prefixed;
    const qint64 t = term.tMs;
    if (!scannerLike) {
        finishAsTyping(m_cfg.terminator == WedgeConfig::Terminator::None ? nullptr : &term);
        return;
    }
    if (m_partial) {
        reject("partial", QStringLiteral("只读到条码的后半部分，请重新扫描。"),
               QStringLiteral("Only the end of a code was read. Please scan again."), t);
        return;
    }
    if (m_overflow) {
        reject("too_long",
               QStringLiteral("条码太长（超过 %1 个字符），不是本档案室能用的条码。").arg(m_cfg.maxLength),
               QStringLiteral("The code is too long (over %1 characters); this archive cannot use it.")
                   .arg(m_cfg.maxLength), t);
        return;
    }
    if (m_garbled) {
        reject("garbled",
               QStringLiteral("条码中有无法识别的字符（扫描枪键盘布局设置不对？），请重新扫描；反复出现请联系管理员。"),
               QStringLiteral("The code has characters that cannot be read (scanner keyboard layout?). Scan "
                              "again; if it keeps happening, ask the administrator to check the scanner."), t);
        return;
    }
    QStringView body(m_text);
    if (!m_cfg.prefix.isEmpty()) {
        if (!prefixed) {
            reject("bad_prefix", QStringLiteral("扫描枪发送的前缀不对，请联系管理员检查扫描枪设置。"),
                   QStringLiteral("The scanner sent the wrong prefix. Ask the administrator to check its settings."), t);
            return;
        }
        body = body.mid(m_cfg.prefix.size());
    }
    if (!m_cfg.suffix.isEmpty()) {
        if (!body.endsWith(m_cfg.suffix)) {
            reject("bad_suffix", QStringLiteral("扫描枪发送的后缀不对，请联系管理员检查扫描枪设置。"),
                   QStringLiteral("The scanner sent the wrong suffix. Ask the administrator to check its settings."), t);
            return;
        }
        body.chop(m_cfg.suffix.size());
    }
    Scan s;
    s.symbology = Symbology::Unknown;
    if (m_cfg.aimIdentifier && body.size() >= 3 && body[0] == QLatin1Char(']')) {
        s.symbology = symbologyFromAim(body.first(3));
        body = body.mid(3);
    }
    if (body.isEmpty()) {
        reject("empty", QStringLiteral("扫描到的条码是空的，请重新扫描。"),
               QStringLiteral("The scanner sent an empty code. Please scan again."), t);
        return;
    }
    s.text = body.toString();
    s.source = m_source;
    s.atMs = t;
    clearBurst();
    m_interruptedAt = -1;
    if (m_sink) m_sink->wedgeScan(s);
}

void WedgeDecoder::tick(qint64 nowMs) {
    if ((m_chars > 0 || m_overflow || !m_held.empty()) && nowMs - m_lastCharT > m_cfg.maxGapMs) {
        if (m_chars == 0 && !m_overflow) finishAsTyping();
        else finishTimeout();
    }
}

void WedgeDecoder::flush() {
    if (m_chars > 0 || m_overflow) finishTimeout();
    else if (!m_held.empty()) finishAsTyping();
}

void WedgeDecoder::feed(const KeyInput& k) {
    const bool pending = m_chars > 0 || m_overflow;
    if (pending && (k.type == KeyInput::Type::Char || k.type == KeyInput::Type::Enter ||
                    k.type == KeyInput::Type::Tab || k.type == KeyInput::Type::Control) &&
        k.tMs - m_lastCharT > m_cfg.maxGapMs) {
        finishTimeout();  // the previous burst ended by a pause
    }
    const bool active = m_chars > 0 || m_overflow;
    switch (k.type) {
    case KeyInput::Type::Modifier:
        // Held even before the first character: a scanner presses Shift before a capital, and that
        // Shift belongs to the scan (consumed with it) or to the typing (replayed before its key).
        if (!m_overflow) {
            if (!active && m_held.empty()) m_lastCharT = k.tMs;
            m_held.push_back(k);
        }
        return;
    case KeyInput::Type::Release:
        if (!active && m_held.empty()) {
            if (m_sink) m_sink->wedgeReplay(&k, 1);
        } else if (!m_overflow) {
            m_held.push_back(k);
        }
        return;
    case KeyInput::Type::Control:
        if (active) finishTimeout();  // scanner-like runs are rejected, short ones typed
        else if (!m_held.empty()) finishAsTyping();
        if (m_sink) m_sink->wedgeReplay(&k, 1);
        return;
    case KeyInput::Type::Enter:
    case KeyInput::Type::Tab:
        if (!active) {
            finishAsTyping(&k);  // any held Shift first, then the key
        } else if (terminates(k.type)) {
            finishTerminated(k);
        } else {
            finishTimeout();
            if (m_sink) m_sink->wedgeReplay(&k, 1);
        }
        return;
    case KeyInput::Type::Char:
        break;
    }
    if (!active) {
        if (!m_held.empty() && k.tMs - m_lastCharT > m_cfg.maxGapMs) finishAsTyping();  // a Shift held by a person
        m_firstT = k.tMs;
        m_partial = m_interruptedAt >= 0 && k.tMs - m_interruptedAt <= m_cfg.resumeWindowMs;
    }
    m_lastCharT = k.tMs;
    ++m_chars;
    const char16_t u = k.ch.unicode();
    const bool bad = k.ch.isNull() || u < 0x20 || u == 0x7F || (u >= 0x80 && u < 0xA0) || k.ch.isSurrogate();
    if (bad) m_garbled = true;
    if (m_chars <= m_cfg.maxLength) {
        m_text.append(bad ? QChar(0xFFFD) : k.ch);
        m_held.push_back(k);
    } else if (!m_overflow) {
        m_overflow = true;  // certainly a scanner: stop holding keys, keep counting
        m_held.clear();
    }
}

}  // namespace archive::scanner
