#include "generate/ProseWriter.h"

#include "generate/WordCorpus.h"

#include <vector>

namespace quarry {

namespace {

using namespace std::string_view_literals;

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// A word padded to TextBuffer::kPadded bytes, so appending it is one fixed-size copy.
struct PaddedWord {
    char text[TextBuffer::kPadded] = {};
    qsizetype size = 0;
};

// A word list as padded words, made once at start-up; `plural` makes each entry the noun's plural.
class WordTable {
public:
    explicit WordTable(std::span<const std::string_view> words, bool plural = false) : m_words(words.size())
    {
        for (size_t i = 0; i < words.size(); ++i) {
            TextBuffer text(m_words[i].text, TextBuffer::kPadded);
            if (plural)
                ProseWriter::appendPlural(text, words[i]);
            else
                text.append(words[i]);
            m_words[i].size = text.size();
        }
    }
    quint32 size() const { return quint32(m_words.size()); }
    const PaddedWord& at(quint32 i) const { return m_words[i]; }

private:
    std::vector<PaddedWord> m_words;
};

void appendWord(TextBuffer& out, const PaddedWord& word)
{
    out.appendPadded(word.text, word.size);
}

std::vector<std::string_view> pastTenses()
{
    std::vector<std::string_view> past;
    for (const WordCorpus::Verb& verb : WordCorpus::verbs())
        past.push_back(verb.past);
    return past;
}

// The word lists, looked up once: picking a word is the innermost step of text generation.
const std::span<const std::string_view> kNouns = WordCorpus::nouns();
const std::span<const std::string_view> kAdjectives = WordCorpus::adjectives();
const std::span<const WordCorpus::Verb> kVerbs = WordCorpus::verbs();
const WordTable kNounWords(WordCorpus::nouns());
const WordTable kPluralWords(WordCorpus::nouns(), true);
const WordTable kAdjectiveWords(WordCorpus::adjectives());
const WordTable kPastWords(pastTenses());
const WordTable kPrepositionWords(WordCorpus::prepositions());
const WordTable kPronounWords(WordCorpus::pronouns());
const WordTable kSingularDeterminerWords(WordCorpus::singularDeterminers());
const WordTable kPluralDeterminerWords(WordCorpus::pluralDeterminers());
const WordTable kOpenerWords(WordCorpus::openers());
const WordTable kConjunctionWords(WordCorpus::conjunctions());

// Probabilities in 65536ths, for ProseWriter::chance.
constexpr quint32 per65536(double p)
{
    return quint32(p * 65536.0);
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
    const bool plural = chance(per65536(0.3));
    appendWord(out, pickWord(plural ? kPluralDeterminerWords : kSingularDeterminerWords));
    out.append(' ');
    if (chance(per65536(0.45))) {
        appendWord(out, pickWord(kAdjectiveWords));
        out.append(' ');
    }
    appendWord(out, pickWord(plural ? kPluralWords : kNounWords));
}

void ProseWriter::clause(TextBuffer& out)
{
    if (chance(per65536(0.35)))
        appendWord(out, pickWord(kPronounWords));
    else
        nounPhrase(out);
    out.append(' ');
    appendWord(out, pickWord(kPastWords));
    out.append(' ');
    nounPhrase(out);
    if (chance(per65536(0.45))) {
        out.append(' ');
        appendWord(out, pickWord(kPrepositionWords));
        out.append(' ');
        nounPhrase(out);
    }
}

void ProseWriter::sentence(TextBuffer& out)
{
    const qsizetype start = out.size();
    if (chance(per65536(0.2))) {
        appendWord(out, pickWord(kOpenerWords));
        out.append(", "sv);
    }
    clause(out);
    if (chance(per65536(0.25))) {
        appendWord(out, pickWord(kConjunctionWords));
        out.append(' ');
        clause(out);
    }
    out.append(chance(per65536(0.1)) ? '!' : '.');
    out.capitaliseAt(start);
}

void ProseWriter::paragraphs(TextBuffer& out, int sentences)
{
    int inParagraph = 0;
    int paragraphLength = 2 + int(below(4));
    for (int i = 0; i < sentences; ++i) {
        if (inParagraph == paragraphLength) {
            out.append("\n\n"sv);
            inParagraph = 0;
            paragraphLength = 2 + int(below(4));
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
    switch (below(12)) {
    case 0:
        out.append("How to "sv);
        titleWord(out, pick(kVerbs).base);
        out.append(' ');
        titleWord(out, adjective());
        out.append(' ');
        titlePlural(out, noun());
        break;
    case 1:
        out.appendNumber(3 + below(13));
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
        out.appendNumber(2015 + below(12));
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
        out.appendNumber(1 + below(9));
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
