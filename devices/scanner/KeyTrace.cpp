#include "KeyTrace.h"

namespace archive::scanner {

qint64 KeyTrace::type(std::vector<KeyInput>& out, QStringView text, qint64 t, const KeyTiming& timing,
                      KeyInput::Type terminator) {
    bool shiftDown = false;
    auto press = [&](KeyInput k) {
        out.push_back(k);
        if (timing.releases) out.push_back(KeyInput::key(k.tMs + timing.holdMs, KeyInput::Type::Release));
    };
    bool first = true;
    for (QChar c : text) {
        if (!first) t += gap(timing);
        first = false;
        bool shift = false;
        const quint8 usage = usUsageForChar(c, &shift);
        if (shift != shiftDown) {
            out.push_back(KeyInput::key(t, shift ? KeyInput::Type::Modifier : KeyInput::Type::Release));
            shiftDown = shift;
        }
        press(usage ? KeyInput::fromUsage(t, usage, shift) : KeyInput::character(t, QChar()));
    }
    if (shiftDown) out.push_back(KeyInput::key(t, KeyInput::Type::Release));
    if (terminator == KeyInput::Type::Enter || terminator == KeyInput::Type::Tab) {
        t += gap(timing);
        press(KeyInput::key(t, terminator));
    }
    return t + timing.holdMs;
}

}  // namespace archive::scanner
