#pragma once

#include "models/ValueReader.h"
#include "value/ValuePages.h"

#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace quarry {

class Dialogs;
class HexView;
class TableModel;

// The value editor: a dock beside the grid that follows the current cell and shows its whole value, read on a
// thread of its own (ValueReader), in the mode that suits it: text, hex, image or JSON (picked from the content,
// changeable by hand). It shows the value's storage class and size, edits it, sets it NULL, loads it from a file
// and saves it to one; Apply (Ctrl+Return) makes the edit pending like any other, in the chosen storage class.
// A value larger than it edits (kMaxEditBytes) is shown by its first bytes and can still be saved and replaced.
class ValueEditor : public QWidget {
    Q_OBJECT
public:
    static constexpr qint64 kMaxEditBytes = 16 * 1024 * 1024;
    using Mode = ValuePages::Mode;

    ValueEditor(QString path, Dialogs& dialogs, QWidget* parent = nullptr);
    ~ValueEditor() override;

    // Follows this cell (an invalid index or null model shows nothing). An edit not yet applied to the previous
    // cell is applied first: nothing typed here is lost by moving on.
    void setCell(TableModel* model, const QModelIndex& index);
    // True once the current cell's value has been read.
    bool isLoaded() const { return m_loaded; }
    // True when this cell is shown and has an edit not yet applied.
    bool isEditing(const TableModel* model, const QModelIndex& index) const
    {
        return m_model == model && m_index == index && isModified();
    }
    Mode mode() const;
    void setMode(Mode mode);
    // Applies the edit (as pending) when there is one; false when the value cannot be read from the editor.
    bool apply();
    void setNull();
    bool loadFromFile(const QString& file);
    // Writes the whole value to `file` (a value too large to hold is copied from the database in pieces, on a
    // thread: exported() tells when it is done); false when it cannot start.
    bool saveToFile(const QString& file);
    QString infoText() const;
    QString problemText() const;
    QPlainTextEdit* textEditor() const { return m_pages->textEditor(); }
    QPlainTextEdit* jsonEditor() const { return m_pages->jsonEditor(); }
    HexView* hexView() const { return m_pages->hexView(); }
    QLabel* imageLabel() const { return m_pages->imageLabel(); }
    QComboBox* storageBox() const { return m_storage; }

signals:
    void applied();
    // An export finished: `problem` says why it failed, empty when the file was written.
    void exported(const QString& file, const QString& problem);

private:
    void onRead(quint64 generation, const quarry::CellRead& result);
    void showValue(const QVariant& value);
    void showInfo();
    bool isModified() const { return m_pages->isModified(); }
    bool isEditable() const;
    std::optional<QVariant> editedValue();
    void updateButtons();

    QString m_path;
    Dialogs& m_dialogs;
    std::unique_ptr<ValueReader> m_reader;
    quint64 m_generation = 0;
    QPointer<TableModel> m_model;
    QPersistentModelIndex m_index;
    QVariant m_value; // the whole value, or a CutValue when it is larger than the editor takes
    qint64 m_bytes = 0;
    bool m_loaded = false;
    QString m_problem;

    QLabel* m_title;
    QLabel* m_info;
    QComboBox* m_modeBox;
    QComboBox* m_storage;
    ValuePages* m_pages;
    QLabel* m_problemLabel;
    QPushButton* m_import;
    QPushButton* m_export;
    QPushButton* m_null;
    QPushButton* m_apply;
};

} // namespace quarry
