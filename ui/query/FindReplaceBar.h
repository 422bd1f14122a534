#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace quarry {

// Find and replace in the current editor: a bar under the editor tabs (Ctrl+F, Ctrl+H), closed with Escape.
class FindReplaceBar : public QWidget {
    Q_OBJECT
public:
    explicit FindReplaceBar(QWidget* parent = nullptr);

    void setEditor(QPlainTextEdit* editor);
    // Shows the bar with the editor's selection as the text to find; `replace` also shows the replace row.
    void showFind(bool replace);

    QLineEdit* findField() const { return m_find; }
    QLineEdit* replaceField() const { return m_replace; }
    void setCaseSensitive(bool on);

    bool findNext();
    bool findPrevious();
    // Replaces the current match (if the selection is one) and moves to the next.
    bool replaceCurrent();
    // Replaces every match in one undo step; returns how many.
    int replaceAll();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool find(bool backward);
    bool selectionMatches() const;

    QPointer<QPlainTextEdit> m_editor;
    QLineEdit* m_find = nullptr;
    QLineEdit* m_replace = nullptr;
    QWidget* m_replaceRow = nullptr;
    QCheckBox* m_caseSensitive = nullptr;
    QCheckBox* m_wholeWords = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace quarry
