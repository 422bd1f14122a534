#include "query/SqlLexer.h"

#include <QSet>

#include <sqlite3.h>

#include <algorithm>

namespace quarry {

namespace {

bool isIdentifierStart(QChar c)
{
    // SQLite treats every character above 0x7F as part of an identifier.
    return c.isLetter() || c == u'_' || c.unicode() > 0x7F;
}

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

bool isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || c.isDigit() || c == u'$';
}

// The end of a quoted token that started before `i` (its opening quote already consumed), or -1 when the
// text ends first. A doubled closing quote stands for itself, except inside [brackets].
qsizetype quotedEnd(QStringView s, qsizetype i, QChar close, bool doubling)
{
    const qsizetype n = s.size();
    while (i < n) {
        if (s.at(i) == close) {
            if (doubling && i + 1 < n && s.at(i + 1) == close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return -1;
}

QChar closingQuote(SqlLexer::State state)
{
    switch (state) {
    case SqlLexer::State::SingleQuote:
        return u'\'';
    case SqlLexer::State::DoubleQuote:
        return u'"';
    case SqlLexer::State::Bracket:
        return u']';
    case SqlLexer::State::Backtick:
        return u'`';
    default:
        return {};
    }
}

SqlToken::Kind quotedKind(SqlLexer::State state)
{
    return state == SqlLexer::State::SingleQuote ? SqlToken::Kind::String : SqlToken::Kind::QuotedIdentifier;
}

qsizetype numberEnd(QStringView s, qsizetype i)
{
    const qsizetype n = s.size();
    if (s.at(i) == u'0' && i + 2 < n && (s.at(i + 1) == u'x' || s.at(i + 1) == u'X') && isHexDigit(s.at(i + 2))) {
        i += 2;
        while (i < n && isHexDigit(s.at(i)))
            ++i;
        return i;
    }
    while (i < n && s.at(i).isDigit())
        ++i;
    if (i < n && s.at(i) == u'.') {
        ++i;
        while (i < n && s.at(i).isDigit())
            ++i;
    }
    if (i < n && (s.at(i) == u'e' || s.at(i) == u'E')) {
        qsizetype j = i + 1;
        if (j < n && (s.at(j) == u'+' || s.at(j) == u'-'))
            ++j;
        if (j < n && s.at(j).isDigit()) {
            while (j < n && s.at(j).isDigit())
                ++j;
            i = j;
        }
    }
    return i;
}

} // namespace

QList<SqlToken> SqlLexer::tokenize(QStringView s, State* state)
{
    QList<SqlToken> tokens;
    const qsizetype n = s.size();
    qsizetype i = 0;
    State current = state ? *state : State::Normal;

    auto add = [&](SqlToken::Kind kind, qsizetype start, qsizetype end, bool unterminated = false) {
        tokens.append(SqlToken{kind, int(start), int(end - start), unterminated});
        i = end;
    };

    // Finish what the previous line left open.
    if (current == State::BlockComment) {
        const qsizetype end = s.indexOf(u"*/");
        if (end < 0) {
            add(SqlToken::Kind::Comment, 0, n, true);
        } else {
            add(SqlToken::Kind::Comment, 0, end + 2);
            current = State::Normal;
        }
    } else if (current != State::Normal) {
        const QChar close = closingQuote(current);
        const qsizetype end = quotedEnd(s, 0, close, current != State::Bracket);
        if (end < 0) {
            add(quotedKind(current), 0, n, true);
        } else {
            add(quotedKind(current), 0, end);
            current = State::Normal;
        }
    }

    while (i < n) {
        const qsizetype start = i;
        const QChar c = s.at(i);
        const QChar next = i + 1 < n ? s.at(i + 1) : QChar();
        if (c.isSpace()) {
            while (i < n && s.at(i).isSpace())
                ++i;
            add(SqlToken::Kind::Whitespace, start, i);
        } else if (c == u'-' && next == u'-') {
            const qsizetype end = s.indexOf(u'\n', i);
            add(SqlToken::Kind::Comment, start, end < 0 ? n : end);
        } else if (c == u'/' && next == u'*') {
            const qsizetype end = s.indexOf(u"*/", i + 2);
            if (end < 0) {
                add(SqlToken::Kind::Comment, start, n, true);
                current = State::BlockComment;
            } else {
                add(SqlToken::Kind::Comment, start, end + 2);
            }
        } else if ((c == u'x' || c == u'X') && next == u'\'') {
            const qsizetype end = quotedEnd(s, i + 2, u'\'', false);
            if (end < 0) {
                add(SqlToken::Kind::Blob, start, n, true);
                current = State::SingleQuote;
            } else {
                add(SqlToken::Kind::Blob, start, end);
            }
        } else if (c == u'\'' || c == u'"' || c == u'[' || c == u'`') {
            const State quoteState = c == u'\''  ? State::SingleQuote
                                     : c == u'"' ? State::DoubleQuote
                                     : c == u'[' ? State::Bracket
                                                 : State::Backtick;
            const qsizetype end = quotedEnd(s, i + 1, closingQuote(quoteState), quoteState != State::Bracket);
            if (end < 0) {
                add(quotedKind(quoteState), start, n, true);
                current = quoteState;
            } else {
                add(quotedKind(quoteState), start, end);
            }
        } else if (c.isDigit() || (c == u'.' && next.isDigit())) {
            add(SqlToken::Kind::Number, start, numberEnd(s, i));
        } else if (c == u'?') {
            ++i;
            while (i < n && s.at(i).isDigit())
                ++i;
            add(SqlToken::Kind::Parameter, start, i);
        } else if ((c == u':' || c == u'@' || c == u'$') && isIdentifierPart(next)) {
            ++i;
            while (i < n && isIdentifierPart(s.at(i)))
                ++i;
            add(SqlToken::Kind::Parameter, start, i);
        } else if (isIdentifierStart(c)) {
            while (i < n && isIdentifierPart(s.at(i)))
                ++i;
            add(SqlToken::Kind::Word, start, i);
        } else if (c == u'(' || c == u')' || c == u',' || c == u';' || c == u'.') {
            add(SqlToken::Kind::Punctuation, start, i + 1);
        } else {
            // Two-character operators stay one token so the highlighter and classifier see them whole.
            static const char16_t* const pairs[] = {u"||", u"<=", u">=", u"==", u"!=", u"<>", u"<<", u">>", u"->"};
            qsizetype end = i + 1;
            for (const char16_t* pair : pairs) {
                if (c == QChar(pair[0]) && next == QChar(pair[1])) {
                    end = i + 2;
                    if (pair[0] == u'-' && i + 2 < n && s.at(i + 2) == u'>')
                        end = i + 3; // ->>
                    break;
                }
            }
            add(SqlToken::Kind::Operator, start, end);
        }
    }
    if (state)
        *state = current;
    return tokens;
}

QList<SqlToken> SqlLexer::significantTokens(QStringView text)
{
    QList<SqlToken> tokens = tokenize(text);
    tokens.removeIf(
        [](const SqlToken& t) { return t.kind == SqlToken::Kind::Whitespace || t.kind == SqlToken::Kind::Comment; });
    return tokens;
}

const QStringList& SqlLexer::keywords()
{
    static const QStringList list = [] {
        QStringList words;
        const int count = sqlite3_keyword_count();
        for (int k = 0; k < count; ++k) {
            const char* name = nullptr;
            int length = 0;
            if (sqlite3_keyword_name(k, &name, &length) == SQLITE_OK)
                words << QString::fromLatin1(name, length).toUpper();
        }
        std::sort(words.begin(), words.end());
        return words;
    }();
    return list;
}

bool SqlLexer::isKeyword(QStringView word)
{
    static const QSet<QString> set(keywords().cbegin(), keywords().cend());
    return set.contains(word.toString().toUpper());
}

} // namespace quarry
