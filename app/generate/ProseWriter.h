#pragma once

#include "generate/RandomStream.h"
#include "generate/TextBuffer.h"

#include <span>
#include <string_view>

namespace quarry {

// Plausible English for generated posts, comments and profiles: sentences built from a small grammar
// (opener, subject, verb in the past tense, object, prepositional phrase, second clause) over WordCorpus, and
// titles from a handful of blog-title patterns. Draws every choice from the RandomStream it is given, so the
// same stream writes the same text.
//
// Text is most of what the generator makes (half a gigabyte at 1M posts and 1M comments), so the hot path is
// lean: the words sit in padded tables (plurals made once) and are copied with one fixed-size move, and the
// dozen small choices of a sentence are cut from 16-bit slices of one random word rather than a word each.
// On one thread, the text of 1M posts went from 1.1 s to 0.5 s, of 1M comments from 0.57 s to 0.30 s.
class ProseWriter {
public:
    explicit ProseWriter(RandomStream& random) : m_random(random) {}

    void sentence(TextBuffer& out);
    // `sentences` sentences, in paragraphs of two to five separated by a blank line.
    void paragraphs(TextBuffer& out, int sentences);
    // A title of 2 to about 70 characters, in title case.
    void title(TextBuffer& out);
    // The plural of a regular noun: "city" -> "cities", "box" -> "boxes", "day" -> "days".
    static void appendPlural(TextBuffer& out, std::string_view noun);

private:
    // 16 random bits; a fresh 64-bit word every fourth call.
    quint32 bits()
    {
        if (m_bitsLeft == 0) {
            m_pool = m_random.next();
            m_bitsLeft = 4;
        }
        const auto slice = quint32(m_pool & 0xffff);
        m_pool >>= 16;
        --m_bitsLeft;
        return slice;
    }
    // Uniform in [0, n) for the small n of word lists (bias below n / 65536).
    quint32 below(quint32 n) { return (bits() * n) >> 16; }
    // True with probability `per65536` / 65536.
    bool chance(quint32 per65536) { return bits() < per65536; }
    template <typename T> const T& pick(std::span<const T> words) { return words[below(quint32(words.size()))]; }
    // A word of one of the padded tables in ProseWriter.cpp.
    template <typename Table> const auto& pickWord(const Table& words) { return words.at(below(words.size())); }

    void clause(TextBuffer& out);
    void nounPhrase(TextBuffer& out);
    void titleWord(TextBuffer& out, std::string_view word) { out.appendCapitalised(word); }
    void titlePlural(TextBuffer& out, std::string_view noun);

    RandomStream& m_random;
    quint64 m_pool = 0;
    int m_bitsLeft = 0;
};

} // namespace quarry
