#include "FindReplaceBar.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace quarry {

FindReplaceBar::FindReplaceBar(QWidget* parent)
    : QWidget(parent)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_replaceRow(new QWidget(this))
    , m_caseSensitive(new QCheckBox(QStringLiteral("Match case"), this))
    , m_wholeWords(new QCheckBox(QStringLiteral("Whole words"), this))
    , m_status(new QLabel(this))
{
    m_find->setPlaceholderText(QStringLiteral("Find"));
    m_find->setAccessibleName(QStringLiteral("Find"));
    m_replace->setPlaceholderText(QStringLiteral("Replace with"));
    m_replace->setAccessibleName(QStringLiteral("Replace with"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    auto* findRow = new QHBoxLayout;
    findRow->addWidget(m_find, 1);
    auto* previous = new QPushButton(QStringLiteral("Previous"), this);
    auto* next = new QPushButton(QStringLiteral("Next"), this);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(m_caseSensitive);
    findRow->addWidget(m_wholeWords);
    findRow->addWidget(m_status);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setToolTip(QStringLiteral("Close (Escape)"));
    close->setAutoRaise(true);
    findRow->addWidget(close);
    layout->addLayout(findRow);

    auto* replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(m_replace, 1);
    auto* replace = new QPushButton(QStringLiteral("Replace"), this);
    auto* replaceAllButton = new QPushButton(QStringLiteral("Replace All"), this);
    replaceRow->addWidget(replace);
    replaceRow->addWidget(replaceAllButton);
    layout->addWidget(m_replaceRow);

    connect(next, &QPushButton::clicked, this, &FindReplaceBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(m_find, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
    connect(replace, &QPushButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(replaceAllButton, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    m_find->installEventFilter(this);
    m_replace->installEventFilter(this);
    hide();
}

void FindReplaceBar::setEditor(QPlainTextEdit* editor)
{
    m_editor = editor;
}

void FindReplaceBar::setCaseSensitive(bool on)
{
    m_caseSensitive->setChecked(on);
}

void FindReplaceBar::showFind(bool replace)
{
    if (m_editor && m_editor->textCursor().hasSelection()) {
        const QString selected = m_editor->textCursor().selectedText();
        if (!selected.contains(QChar::ParagraphSeparator))
            m_find->setText(selected);
    }
    m_replaceRow->setVisible(replace);
    m_status->clear();
    show();
    m_find->setFocus();
    m_find->selectAll();
}

bool FindReplaceBar::eventFilter(QObject* watched, QEvent* event)
{
    // Escape closes the bar before any window-wide Escape shortcut (Stop) sees it.
    if ((event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        event->accept();
        if (event->type() == QEvent::KeyPress) {
            hide();
            if (m_editor)
                m_editor->setFocus();
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool FindReplaceBar::find(bool backward)
{
    if (!m_editor || m_find->text().isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    if (m_wholeWords->isChecked())
        flags |= QTextDocument::FindWholeWords;
    if (m_editor->find(m_find->text(), flags)) {
        m_status->clear();
        return true;
    }
    // Wrap around once.
    QTextCursor cursor = m_editor->textCursor();
    cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    const QTextCursor found = m_editor->document()->find(m_find->text(), cursor, flags);
    if (found.isNull()) {
        m_status->setText(QStringLiteral("Not found"));
        return false;
    }
    m_editor->setTextCursor(found);
    m_status->setText(QStringLiteral("Wrapped around"));
    return true;
}

bool FindReplaceBar::findNext()
{
    return find(false);
}

bool FindReplaceBar::findPrevious()
{
    return find(true);
}

bool FindReplaceBar::selectionMatches() const
{
    const QString selected = m_editor->textCursor().selectedText();
    return !selected.isEmpty() &&
           selected.compare(m_find->text(), m_caseSensitive->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive) ==
               0;
}

bool FindReplaceBar::replaceCurrent()
{
    if (!m_editor || m_find->text().isEmpty() || m_editor->isReadOnly())
        return false;
    if (selectionMatches())
        m_editor->textCursor().insertText(m_replace->text());
    return findNext();
}

int FindReplaceBar::replaceAll()
{
    if (!m_editor || m_find->text().isEmpty() || m_editor->isReadOnly())
        return 0;
    QTextDocument::FindFlags flags;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    if (m_wholeWords->isChecked())
        flags |= QTextDocument::FindWholeWords;
    QTextDocument* document = m_editor->document();
    QTextCursor edit(document);
    edit.beginEditBlock();
    int count = 0;
    QTextCursor found = document->find(m_find->text(), 0, flags);
    while (!found.isNull()) {
        found.insertText(m_replace->text());
        ++count;
        found = document->find(m_find->text(), found.position(), flags);
    }
    edit.endEditBlock();
    m_status->setText(QStringLiteral("%1 replaced").arg(count));
    return count;
}

} // namespace quarry
