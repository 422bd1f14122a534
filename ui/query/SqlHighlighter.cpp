#include "SqlHighlighter.h"

#include "query/SqlLexer.h"

namespace quarry {

SqlHighlighter::SqlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    m_keyword.setForeground(QColor(0x1f, 0x4e, 0xa8));
    m_keyword.setFontWeight(QFont::DemiBold);
    m_string.setForeground(QColor(0xa3, 0x15, 0x15));
    m_quoted.setForeground(QColor(0x6f, 0x42, 0xc1));
    m_number.setForeground(QColor(0x09, 0x86, 0x58));
    m_comment.setForeground(QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
    m_parameter.setForeground(QColor(0xb3, 0x5c, 0x00));
    m_parameter.setFontWeight(QFont::DemiBold);
}

void SqlHighlighter::highlightBlock(const QString& text)
{
    const int previous = previousBlockState();
    SqlLexer::State state = previous < 0 ? SqlLexer::State::Normal : SqlLexer::State(previous);
    for (const SqlToken& token : SqlLexer::tokenize(text, &state)) {
        switch (token.kind) {
        case SqlToken::Kind::Word:
            if (SqlLexer::isKeyword(token.text(text)))
                setFormat(token.start, token.length, m_keyword);
            break;
        case SqlToken::Kind::String:
        case SqlToken::Kind::Blob:
            setFormat(token.start, token.length, m_string);
            break;
        case SqlToken::Kind::QuotedIdentifier:
            setFormat(token.start, token.length, m_quoted);
            break;
        case SqlToken::Kind::Number:
            setFormat(token.start, token.length, m_number);
            break;
        case SqlToken::Kind::Comment:
            setFormat(token.start, token.length, m_comment);
            break;
        case SqlToken::Kind::Parameter:
            setFormat(token.start, token.length, m_parameter);
            break;
        default:
            break;
        }
    }
    // A line comment never continues; everything else that is open at the end of the line does.
    setCurrentBlockState(int(state));
}

} // namespace quarry
