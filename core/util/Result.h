#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Continuo {

/// A human-readable failure carried by Result<T>.
class Error
{
public:
    explicit Error(QString message) : m_message(std::move(message)) {}
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

/// Expected-style return value: either a T or an Error with a message for people.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    T valueOr(T fallback) const { return hasValue() ? value() : std::move(fallback); }

    /// The error message; empty when the result holds a value.
    QString error() const { return hasValue() ? QString() : std::get<1>(m_data).message(); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool hasValue() const { return !m_error.has_value(); }
    explicit operator bool() const { return hasValue(); }
    QString error() const { return m_error ? m_error->message() : QString(); }

private:
    std::optional<Error> m_error;
};

/// Shorthand for `return Error(...)` in functions returning Result<T>.
inline Error makeError(const QString &message)
{
    return Error(message);
}

} // namespace Continuo
