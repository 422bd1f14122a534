#pragma once

#include <span>
#include <string_view>

namespace quarry {

// English words for generated titles and paragraphs, grouped by the part they play in a sentence. Verbs come
// with their past tense, so sentences told in the past need no agreement with their subject; nouns form
// their plural by the regular rules (the list holds no irregular nouns).
class WordCorpus {
public:
    struct Verb {
        std::string_view base;
        std::string_view past;
    };

    static std::span<const std::string_view> nouns();
    static std::span<const std::string_view> adjectives();
    static std::span<const Verb> verbs();
    static std::span<const std::string_view> prepositions();
    // Subjects that stand alone: "we", "my neighbour's cat" is left to the noun phrases.
    static std::span<const std::string_view> pronouns();
    static std::span<const std::string_view> singularDeterminers();
    static std::span<const std::string_view> pluralDeterminers();
    // "Yesterday", "In the end": what may open a sentence, before a comma.
    static std::span<const std::string_view> openers();
    // ", but", " because": what joins two clauses.
    static std::span<const std::string_view> conjunctions();
};

} // namespace quarry
