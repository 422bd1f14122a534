#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace quarry {

// Colours SQL with the same lexer that classifies and splits statements, so what looks like a string or a
// comment in the editor is exactly what SQLite will take for one. Open comments and strings carry over to
// the next line through the block state.
class SqlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_quoted;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
    QTextCharFormat m_parameter;
};

} // namespace quarry
