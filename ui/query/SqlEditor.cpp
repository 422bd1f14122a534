#include "SqlEditor.h"

#include "LineComments.h"
#include "LineNumberArea.h"
#include "SqlCompletionModel.h"
#include "SqlHighlighter.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace quarry {

namespace {

// Bracket matching tokenizes the whole text; past this size it would cost more than it helps.
constexpr int kBracketMatchingLimit = 200000;
constexpr int kCompletionMinimum = 2;

} // namespace

SqlEditor::SqlEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new LineNumberArea(this))
    , m_highlighter(new SqlHighlighter(document()))
    , m_completer(new QCompleter(this))
    , m_completions(new SqlCompletionModel(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setAccessibleName(QStringLiteral("SQL editor"));

    m_completer->setModel(m_completions);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this, &SqlEditor::insertCompletion);
    setCatalog({});

    connect(this, &QPlainTextEdit::blockCountChanged, this, &SqlEditor::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &SqlEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &SqlEditor::updateExtraSelections);
    connect(document(), &QTextDocument::contentsChange, this, [this](int, int removed, int added) {
        m_tokensStale = true;
        if ((removed > 0 || added > 0) && m_errorPosition >= 0)
            clearErrorMark();
    });
    updateLineNumberAreaWidth();
    updateExtraSelections();
}

SqlEditor::~SqlEditor() = default;

void SqlEditor::setCatalog(const SchemaCatalog& catalog)
{
    m_completions->setCatalog(catalog);
}

QString SqlEditor::selectedSql() const
{
    QString text = textCursor().selectedText();
    text.replace(QChar::ParagraphSeparator, u'\n');
    text.replace(QChar::LineSeparator, u'\n');
    return text;
}

QString SqlEditor::selectedOrAllSql() const
{
    return textCursor().hasSelection() ? selectedSql() : toPlainText();
}

std::optional<ScriptStatement> SqlEditor::statementAtCursor() const
{
    return StatementSplitter::statementAt(toPlainText(), textCursor().position());
}

void SqlEditor::lineAndColumn(int position, int* line, int* column) const
{
    const QTextBlock block = document()->findBlock(position);
    *line = block.blockNumber() + 1;
    *column = position - block.position() + 1;
}

// --- line numbers -----------------------------------------------------------------------------------------

int SqlEditor::lineNumberAreaWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void SqlEditor::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void SqlEditor::updateLineNumberArea(const QRect& rect, int dy)
{
    if (dy != 0)
        m_lineNumbers->scroll(0, dy);
    else
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void SqlEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_lineNumbers->setGeometry(QRect(area.left(), area.top(), lineNumberAreaWidth(), area.height()));
}

void SqlEditor::paintLineNumbers(QPaintEvent* event)
{
    QPainter painter(m_lineNumbers);
    const QPalette colours = palette();
    painter.fillRect(event->rect(), colours.color(QPalette::Window));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            QFont font = this->font();
            font.setBold(number == current);
            painter.setFont(font);
            painter.setPen(number == m_errorLine ? QColor(0xb0, 0x00, 0x20) : colours.color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_lineNumbers->width() - 6, fontMetrics().height(), Qt::AlignRight,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

// --- highlights -------------------------------------------------------------------------------------------

int SqlEditor::matchingBracket(int position)
{
    if (document()->characterCount() > kBracketMatchingLimit)
        return -1;
    if (m_tokensStale) {
        m_tokens = SqlLexer::tokenize(toPlainText());
        m_tokensStale = false;
    }
    const auto at = std::find_if(m_tokens.cbegin(), m_tokens.cend(), [&](const SqlToken& t) {
        return t.kind == SqlToken::Kind::Punctuation && t.start == position && t.length == 1;
    });
    if (at == m_tokens.cend())
        return -1;
    const QChar c = document()->characterAt(position);
    if (c != u'(' && c != u')')
        return -1;
    const bool forward = c == u'(';
    int depth = 0;
    for (auto it = at;; forward ? ++it : --it) {
        if (it->kind == SqlToken::Kind::Punctuation) {
            const QChar t = document()->characterAt(it->start);
            if (t == u'(')
                depth += forward ? 1 : -1;
            else if (t == u')')
                depth += forward ? -1 : 1;
            if (depth == 0)
                return it->start;
        }
        if ((forward && it + 1 == m_tokens.cend()) || (!forward && it == m_tokens.cbegin()))
            break;
    }
    return -1;
}

void SqlEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(QColor(0xf5, 0xf7, 0xfa));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = textCursor();
        line.cursor.clearSelection();
        selections.append(line);
    }
    if (m_errorPosition >= 0) {
        QTextEdit::ExtraSelection errorLine;
        errorLine.format.setBackground(QColor(0xfd, 0xec, 0xee));
        errorLine.format.setProperty(QTextFormat::FullWidthSelection, true);
        errorLine.cursor = QTextCursor(document());
        errorLine.cursor.setPosition(m_errorPosition);
        selections.append(errorLine);
        QTextEdit::ExtraSelection token;
        token.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        token.format.setUnderlineColor(QColor(0xb0, 0x00, 0x20));
        token.cursor = QTextCursor(document());
        token.cursor.setPosition(m_errorPosition);
        token.cursor.setPosition(qMin(m_errorPosition + qMax(1, m_errorLength), document()->characterCount() - 1),
                                 QTextCursor::KeepAnchor);
        selections.append(token);
    }
    const int position = textCursor().position();
    for (int candidate : {position, position - 1}) {
        const int match = candidate >= 0 ? matchingBracket(candidate) : -1;
        if (match < 0)
            continue;
        for (int at : {candidate, match}) {
            QTextEdit::ExtraSelection bracket;
            bracket.format.setBackground(QColor(0xc8, 0xe6, 0xc9));
            bracket.cursor = QTextCursor(document());
            bracket.cursor.setPosition(at);
            bracket.cursor.setPosition(at + 1, QTextCursor::KeepAnchor);
            selections.append(bracket);
        }
        break;
    }
    setExtraSelections(selections);
}

void SqlEditor::markError(int position)
{
    position = qBound(0, position, qMax(0, document()->characterCount() - 1));
    const QTextBlock block = document()->findBlock(position);
    const QString text = block.text();
    const int column = position - block.position();
    m_errorLength = 1;
    for (const SqlToken& token : SqlLexer::tokenize(text)) {
        if (token.start == column) {
            m_errorLength = token.length;
            break;
        }
    }
    m_errorPosition = position;
    m_errorLine = block.blockNumber();
    QTextCursor cursor(document());
    cursor.setPosition(position);
    setTextCursor(cursor);
    ensureCursorVisible();
    updateExtraSelections();
    m_lineNumbers->update();
}

void SqlEditor::clearErrorMark()
{
    m_errorPosition = -1;
    m_errorLine = -1;
    updateExtraSelections();
    m_lineNumbers->update();
}

// --- comments ---------------------------------------------------------------------------------------------

void SqlEditor::toggleComment()
{
    LineComments::toggle(*document(), textCursor());
}

// --- completion -------------------------------------------------------------------------------------------

QString SqlEditor::wordBeforeCursor(QString* qualifier) const
{
    const QTextCursor cursor = textCursor();
    return SqlCompletionModel::wordBefore(cursor.block().text(), cursor.positionInBlock(), qualifier);
}

bool SqlEditor::cursorInCommentOrString() const
{
    const QTextCursor cursor = textCursor();
    const QTextBlock block = cursor.block();
    // The highlighter keeps each line's closing lexer state as the block's user state.
    const int previous = block.previous().isValid() ? block.previous().userState() : -1;
    return SqlCompletionModel::isInCommentOrString(block.text().left(cursor.positionInBlock()), previous);
}

void SqlEditor::complete()
{
    QString qualifier;
    const QString prefix = wordBeforeCursor(&qualifier);
    m_completions->showWordsFor(qualifier);
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 &&
         m_completer->currentCompletion().compare(prefix, Qt::CaseInsensitive) == 0)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(rect);
}

void SqlEditor::insertCompletion(const QModelIndex& index)
{
    const QString completion = index.data(Qt::UserRole).toString();
    const QString prefix = wordBeforeCursor(nullptr);
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(prefix.size()));
    cursor.insertText(completion);
    setTextCursor(cursor);
}

bool SqlEditor::triggerShortcut(QKeyEvent* event)
{
    const QKeySequence pressed(event->keyCombination());
    for (QWidget* widget = this; widget; widget = widget->parentWidget()) {
        for (QAction* action : widget->actions()) {
            if (action->isEnabled() && action->shortcuts().contains(pressed)) {
                m_completer->popup()->hide();
                action->trigger();
                return true;
            }
        }
    }
    return false;
}

void SqlEditor::keyPressEvent(QKeyEvent* event)
{
    if (m_completer->popup()->isVisible() && (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) &&
        event->key() != Qt::Key_Space && triggerShortcut(event))
        return;
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer acts on these
            return;
        default:
            break;
        }
    }
    const bool control = event->modifiers().testFlag(Qt::ControlModifier);
    if (control && event->key() == Qt::Key_Space) {
        complete();
        return;
    }
    if (control && (event->key() == Qt::Key_Slash || event->key() == Qt::Key_Question)) {
        toggleComment();
        return;
    }
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier && !textCursor().hasSelection()) {
        insertPlainText(QStringLiteral("    "));
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier) {
        // Keep the indentation of the line above.
        const QString line = textCursor().block().text();
        int leading = 0;
        while (leading < line.size() && (line.at(leading) == u' ' || line.at(leading) == u'\t'))
            ++leading;
        QPlainTextEdit::keyPressEvent(event);
        insertPlainText(line.left(leading));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);

    const QString typed = event->text();
    if (typed.isEmpty() || control) {
        if (event->key() != Qt::Key_Backspace)
            return;
    }
    if (cursorInCommentOrString()) {
        m_completer->popup()->hide();
        return;
    }
    QString qualifier;
    const QString prefix = wordBeforeCursor(&qualifier);
    const bool afterDot = !typed.isEmpty() && typed.back() == u'.';
    if (afterDot || (!qualifier.isEmpty() && !prefix.isEmpty()) || prefix.size() >= kCompletionMinimum)
        complete();
    else
        m_completer->popup()->hide();
}

} // namespace quarry
