#pragma once

#include "blog/RandomStream.h"
#include "blog/TextBuffer.h"

#include <span>
#include <string_view>

namespace quarry {

// Plausible English for generated posts, comments and profiles: sentences built from a small grammar
// (opener, subject, verb in the past tense, object, prepositional phrase, second clause) over WordCorpus, and
// titles from a handful of blog-title patterns. Draws every choice from the RandomStream it is given, so the
// same stream writes the same text.
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
    template <typename T> const T& pick(std::span<const T> words)
    {
        return words[size_t(m_random.below(words.size()))];
    }
    void clause(TextBuffer& out);
    void nounPhrase(TextBuffer& out);
    void titleWord(TextBuffer& out, std::string_view word) { out.appendCapitalised(word); }
    void titlePlural(TextBuffer& out, std::string_view noun);

    RandomStream& m_random;
};

} // namespace quarry
