#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace quarry {

// One token of SQL text: where it is (in characters of the text given to the lexer) and what it is.
struct SqlToken {
    enum class Kind {
        Whitespace,
        Comment,          // -- to end of line, or /* ... */
        Word,             // a bare word: a keyword or an identifier
        QuotedIdentifier, // "name", [name] or `name`
        String,           // 'text'
        Blob,             // x'0A1B'
        Number,           // 12, 1.5e3, 0x1F
        Parameter,        // ?, ?NNN, :name, @name, $name
        Punctuation,      // ( ) , ; .
        Operator,         // everything else
    };

    Kind kind = Kind::Operator;
    int start = 0;
    int length = 0;
    bool unterminated = false; // a string, quoted name or comment that runs to the end of the text

    QStringView text(QStringView source) const { return source.mid(start, length); }
};

// A small SQL tokenizer following SQLite's own lexical rules, shared by the editor's highlighter, the
// statement classifier and the splitter's helpers. It never fails: unknown characters become operators.
class SqlLexer {
public:
    // Where a line ended, for highlighting line by line: inside a block comment or a quoted token.
    enum class State { Normal, BlockComment, SingleQuote, DoubleQuote, Bracket, Backtick };

    // Tokenizes `text`. `state` says what the text continues (Normal for a fresh start); on return it holds
    // the state at the end of the text.
    static QList<SqlToken> tokenize(QStringView text, State* state = nullptr);
    // The same, skipping whitespace and comments.
    static QList<SqlToken> significantTokens(QStringView text);

    // SQLite's keywords (sqlite3_keyword_name), upper case, sorted.
    static const QStringList& keywords();
    static bool isKeyword(QStringView word);
};

} // namespace quarry
