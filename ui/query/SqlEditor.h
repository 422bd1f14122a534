#pragma once

#include "database/StatementSplitter.h"
#include "query/SchemaCatalog.h"
#include "query/SqlLexer.h"

#include <QPlainTextEdit>

class QCompleter;

namespace quarry {

class LineNumberArea;
class SqlCompletionModel;
class SqlHighlighter;

// The SQL text editor: highlighting, line numbers, bracket matching, completion of keywords and of the
// open file's table and column names, comment toggling (Ctrl+/), and a mark where an error points.
class SqlEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit SqlEditor(QWidget* parent = nullptr);
    ~SqlEditor() override;

    // The file this editor's text belongs to; empty for a new query.
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path) { m_filePath = path; }

    // The names offered while typing, besides SQLite's keywords.
    void setCatalog(const SchemaCatalog& catalog);
    QCompleter* completer() const { return m_completer; }

    // Comments out the selected lines (or the current one) with "-- ", or removes the comment when every
    // non-blank line has one.
    void toggleComment();
    // Offers completions for the word before the cursor now (Ctrl+Space).
    void complete();
    // Puts the cursor at character `position`, marks the token there as the error, and shows it.
    void markError(int position);
    void clearErrorMark();
    // The editor's text with the selection's line ends as '\n' (QTextCursor gives U+2029).
    QString selectedSql() const;
    // The selection, or the whole text when nothing is selected.
    QString selectedOrAllSql() const;
    // The statement under the cursor, with its offset in the text.
    std::optional<ScriptStatement> statementAtCursor() const;
    // The 1-based line and column of character `position`.
    void lineAndColumn(int position, int* line, int* column) const;

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent* event);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect& rect, int dy);
    void updateExtraSelections();
    void insertCompletion(const QModelIndex& index);
    // While the completion list is open it is the active popup and the panel's shortcuts do not reach
    // their actions; a shortcut typed then (Ctrl+Return) closes the list and runs its action here.
    bool triggerShortcut(QKeyEvent* event);
    // Start of the word (identifier) ending at the cursor, and the table name before a '.', if any.
    QString wordBeforeCursor(QString* qualifier) const;
    // True when the cursor is inside a comment or a string, where completions only get in the way.
    bool cursorInCommentOrString() const;
    // The matching bracket's position for the bracket at `position`, or -1.
    int matchingBracket(int position);

    QString m_filePath;
    LineNumberArea* m_lineNumbers = nullptr;
    SqlHighlighter* m_highlighter = nullptr;
    QCompleter* m_completer = nullptr;
    SqlCompletionModel* m_completions = nullptr;
    int m_errorPosition = -1;
    int m_errorLength = 0;
    int m_errorLine = -1;
    // Tokens of the whole text for bracket matching, recomputed only when the text changes.
    QList<SqlToken> m_tokens;
    bool m_tokensStale = true;
};

} // namespace quarry
