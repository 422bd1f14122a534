#pragma once

#include <QStyledItemDelegate>

namespace quarry {

class DatabaseSession;

// Paints a cell's state (pending edit, new row, deleted row, refused value, NULL, dangling key) and edits
// foreign keys with a searchable picker instead of a combo box holding the whole related table.
class CellDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    CellDelegate(DatabaseSession& session, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

    // Cuts the option's text to what its cell can show at most, on as many lines as the cell has room for when
    // the text wraps (ending it with an ellipsis), so that eliding it lays out no more than that.
    static void clipToCell(QStyleOptionViewItem* option);

signals:
    // A value that a line cannot hold was asked to be edited: the value editor takes it.
    void valueEditorRequested(const QModelIndex& index) const;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    DatabaseSession& m_session;
    mutable bool m_sizing = false; // within sizeHint(): the text is measured whole
};

} // namespace quarry
