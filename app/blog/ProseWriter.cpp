#include "blog/ProseWriter.h"

#include "blog/WordCorpus.h"

namespace quarry {

namespace {

using namespace std::string_view_literals;

// The word lists, looked up once: picking a word is the innermost step of text generation.
const std::span<const std::string_view> kNouns = WordCorpus::nouns();
const std::span<const std::string_view> kAdjectives = WordCorpus::adjectives();
const std::span<const WordCorpus::Verb> kVerbs = WordCorpus::verbs();
const std::span<const std::string_view> kPrepositions = WordCorpus::prepositions();
const std::span<const std::string_view> kPronouns = WordCorpus::pronouns();
const std::span<const std::string_view> kSingularDeterminers = WordCorpus::singularDeterminers();
const std::span<const std::string_view> kPluralDeterminers = WordCorpus::pluralDeterminers();
const std::span<const std::string_view> kOpeners = WordCorpus::openers();
const std::span<const std::string_view> kConjunctions = WordCorpus::conjunctions();

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

} // namespace

void ProseWriter::appendPlural(TextBuffer& out, std::string_view noun)
{
    const size_t n = noun.size();
    if (n >= 2 && noun[n - 1] == 'y' && !isVowel(noun[n - 2])) {
        out.append(noun.substr(0, n - 1));
        out.append("ies"sv);
    } else if (noun.ends_with('s') || noun.ends_with('x') || noun.ends_with("ch"sv) || noun.ends_with("sh"sv)) {
        out.append(noun);
        out.append("es"sv);
    } else {
        out.append(noun);
        out.append('s');
    }
}

void ProseWriter::nounPhrase(TextBuffer& out)
{
    const bool plural = m_random.chance(0.3);
    out.append(plural ? pick(kPluralDeterminers) : pick(kSingularDeterminers));
    out.append(' ');
    if (m_random.chance(0.45)) {
        out.append(pick(kAdjectives));
        out.append(' ');
    }
    const std::string_view noun = pick(kNouns);
    if (plural)
        appendPlural(out, noun);
    else
        out.append(noun);
}

void ProseWriter::clause(TextBuffer& out)
{
    if (m_random.chance(0.35))
        out.append(pick(kPronouns));
    else
        nounPhrase(out);
    out.append(' ');
    out.append(pick(kVerbs).past);
    out.append(' ');
    nounPhrase(out);
    if (m_random.chance(0.45)) {
        out.append(' ');
        out.append(pick(kPrepositions));
        out.append(' ');
        nounPhrase(out);
    }
}

void ProseWriter::sentence(TextBuffer& out)
{
    const qsizetype start = out.size();
    if (m_random.chance(0.2)) {
        out.append(pick(kOpeners));
        out.append(", "sv);
    }
    clause(out);
    if (m_random.chance(0.25)) {
        out.append(pick(kConjunctions));
        out.append(' ');
        clause(out);
    }
    out.append(m_random.chance(0.1) ? '!' : '.');
    out.capitaliseAt(start);
}

void ProseWriter::paragraphs(TextBuffer& out, int sentences)
{
    int inParagraph = 0;
    int paragraphLength = 2 + int(m_random.below(4));
    for (int i = 0; i < sentences; ++i) {
        if (inParagraph == paragraphLength) {
            out.append("\n\n"sv);
            inParagraph = 0;
            paragraphLength = 2 + int(m_random.below(4));
        } else if (i > 0) {
            out.append(' ');
        }
        sentence(out);
        ++inParagraph;
    }
}

void ProseWriter::titlePlural(TextBuffer& out, std::string_view noun)
{
    const qsizetype start = out.size();
    appendPlural(out, noun);
    out.capitaliseAt(start);
}

void ProseWriter::title(TextBuffer& out)
{
    const auto noun = [this] { return pick(kNouns); };
    const auto adjective = [this] { return pick(kAdjectives); };
    switch (m_random.below(12)) {
    case 0:
        out.append("How to "sv);
        titleWord(out, pick(kVerbs).base);
        out.append(' ');
        titleWord(out, adjective());
        out.append(' ');
        titlePlural(out, noun());
        break;
    case 1:
        out.appendNumber(3 + m_random.below(13));
        out.append(" Ways to "sv);
        titleWord(out, pick(kVerbs).base);
        out.append(" Your "sv);
        titleWord(out, noun());
        break;
    case 2:
        out.append("Why "sv);
        titleWord(out, adjective());
        out.append(' ');
        titlePlural(out, noun());
        out.append(" Matter"sv);
        break;
    case 3:
        out.append("Notes on "sv);
        titleWord(out, noun());
        out.append(" and "sv);
        titleWord(out, noun());
        break;
    case 4:
        out.append("The "sv);
        titleWord(out, adjective());
        out.append(" Guide to "sv);
        titlePlural(out, noun());
        break;
    case 5:
        out.append("What I Learned from "sv);
        titleWord(out, adjective());
        out.append(' ');
        titlePlural(out, noun());
        break;
    case 6:
        titleWord(out, adjective());
        out.append(' ');
        titlePlural(out, noun());
        out.append(" in "sv);
        out.appendNumber(2015 + m_random.below(12));
        break;
    case 7:
        out.append("On "sv);
        titleWord(out, adjective());
        out.append(' ');
        titlePlural(out, noun());
        break;
    case 8:
        out.append("The "sv);
        titleWord(out, noun());
        out.append(" That "sv);
        titleWord(out, pick(kVerbs).past);
        out.append(" My "sv);
        titleWord(out, noun());
        break;
    case 9:
        out.append("Our "sv);
        titleWord(out, adjective());
        out.append(' ');
        titleWord(out, noun());
        out.append(", Part "sv);
        out.appendNumber(1 + m_random.below(9));
        break;
    case 10:
        titleWord(out, noun());
        out.append(" vs. "sv);
        titleWord(out, noun());
        break;
    default:
        out.append("Understanding "sv);
        titleWord(out, adjective());
        out.append(' ');
        titlePlural(out, noun());
        break;
    }
}

} // namespace quarry
