#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace quarry {

// Writes text into memory it does not own, up to a fixed capacity; whatever does not fit is cut off, so a
// generated row can never overrun its buffer. The generator's hot loop builds every value in one of these
// instead of allocating strings.
class TextBuffer {
public:
    TextBuffer(char* data, qsizetype capacity) : m_data(data), m_capacity(capacity) {}

    const char* data() const { return m_data; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    std::string_view view() const { return {m_data, size_t(m_size)}; }

    void append(std::string_view text)
    {
        const qsizetype n = std::min<qsizetype>(qsizetype(text.size()), m_capacity - m_size);
        std::memcpy(m_data + m_size, text.data(), size_t(n));
        m_size += n;
    }
    // The first `size` bytes of `text`, which must be readable for kPadded bytes: one fixed-size copy, which
    // the compiler makes two register moves, instead of a call to memcpy for a word of a few letters.
    static constexpr qsizetype kPadded = 16;
    void appendPadded(const char* text, qsizetype size)
    {
        if (m_capacity - m_size >= kPadded) {
            std::memcpy(m_data + m_size, text, kPadded); // the bytes past `size` are overwritten next
            m_size += size;
        } else {
            append(std::string_view(text, size_t(size)));
        }
    }
    void append(char c)
    {
        if (m_size < m_capacity)
            m_data[m_size++] = c;
    }
    void appendLower(std::string_view text)
    {
        const qsizetype start = m_size;
        append(text);
        for (qsizetype i = start; i < m_size; ++i)
            m_data[i] = lower(m_data[i]);
    }
    // `text` with its first letter in upper case.
    void appendCapitalised(std::string_view text)
    {
        const qsizetype start = m_size;
        append(text);
        capitaliseAt(start);
    }
    void appendNumber(quint64 value)
    {
        char digits[20];
        int n = 0;
        do {
            digits[n++] = char('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n > 0)
            append(digits[--n]);
    }
    void capitaliseAt(qsizetype position)
    {
        if (position < m_size && m_data[position] >= 'a' && m_data[position] <= 'z')
            m_data[position] = char(m_data[position] - 'a' + 'A');
    }

private:
    static char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

    char* m_data;
    qsizetype m_capacity;
    qsizetype m_size = 0;
};

} // namespace quarry
