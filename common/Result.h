#pragma once
// Errors are values: every fallible operation of db/, devices/ and labels/ returns a Result.
// An Error carries a stable code (e.g. "R4", "bad_input", "usb_timeout") and a message in
// Chinese and English that tells a non-technical archivist what to do next.

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace archive {

struct Error {
    QString code;       // stable machine code: "R1".."R13" for rules, else a short snake_case word
    QString messageZh;  // what happened and what to do next, in Chinese
    QString messageEn;  // the same in English
    QString detail;     // technical detail for logs (never shown as the main message)

    // Message in the requested language ("zh" or "en"); both joined with " — " when empty.
    QString message(const QString& lang = {}) const {
        if (lang.startsWith(QLatin1String("en"))) return messageEn.isEmpty() ? messageZh : messageEn;
        if (lang.startsWith(QLatin1String("zh"))) return messageZh.isEmpty() ? messageEn : messageZh;
        if (messageZh.isEmpty()) return messageEn;
        if (messageEn.isEmpty()) return messageZh;
        return messageZh + QStringLiteral(" — ") + messageEn;
    }
    bool isRule() const { return code.size() >= 2 && code[0] == QLatin1Char('R') && code[1].isDigit(); }
};

inline Error makeError(QString code, QString zh, QString en, QString detail = {}) {
    return Error{std::move(code), std::move(zh), std::move(en), std::move(detail)};
}

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    bool hasError() const { return !ok(); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

    const Error& error() const { return std::get<1>(m_v); }
    QString errorMessage(const QString& lang = {}) const { return ok() ? QString() : error().message(lang); }

private:
    std::variant<T, Error> m_v;
};

struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Status(Unit{}); }

}  // namespace archive
