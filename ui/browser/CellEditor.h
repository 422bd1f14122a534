#pragma once

#include <QLineEdit>
#include <QVariant>

namespace quarry {

// The grid's inline editor for a value that fits on one line: an integer (the whole int64 range), a REAL (in
// the shortest text that reads back as the same double), NULL, or one line of UTF-8 text of any length.
// Anything else (a BLOB, text with line breaks or NUL characters, text that is not UTF-8, a value cut for the
// grid) is edited in the value editor, never here, so no value is pushed through a line of text.
//
// It remembers the text it started with: an edit that leaves the text as it was writes nothing.
class CellEditor : public QLineEdit {
    Q_OBJECT
public:
    explicit CellEditor(QWidget* parent = nullptr);

    // Whether a value can be edited in a line without losing anything.
    static bool editsInline(const QVariant& value);
    // The text a value is edited as.
    static QString editText(const QVariant& value);
    // The value the typed text stands for. Text that reads as a number of the cell's own storage class keeps that
    // class (a REAL edited to 2.5 stays a REAL even in a column without affinity); otherwise it is text, and the
    // column's affinity decides what SQLite stores.
    static QVariant typedValue(const QString& text, const QVariant& original);

    void start(const QVariant& value);
    bool isChanged() const { return text() != m_startText; }
    QVariant value() const { return typedValue(text(), m_start); }

private:
    QVariant m_start;
    QString m_startText;
};

} // namespace quarry
