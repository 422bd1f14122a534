#include "browser/CellDelegate.h"

#include "browser/CellEditor.h"
#include "browser/ForeignKeyEditor.h"
#include "models/DatabaseSession.h"
#include "models/TableModel.h"

#include <QApplication>
#include <QPainter>
#include <QScopedValueRollback>
#include <QTextBoundaryFinder>

namespace quarry {

namespace {
const QColor kEdited(255, 244, 196);
const QColor kInserted(214, 245, 214);
const QColor kDeleted(236, 236, 236);
const QColor kInvalid(200, 30, 30);
} // namespace

CellDelegate::CellDelegate(DatabaseSession& session, QObject* parent) : QStyledItemDelegate(parent), m_session(session)
{
}

void CellDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int state = index.data(TableModel::StateRole).toInt();
    if (state & TableModel::Loading) {
        option->text = QStringLiteral("\u2026");
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        return;
    }
    if (state & TableModel::Deleted) {
        option->font.setStrikeOut(true);
        option->backgroundBrush = kDeleted;
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    } else if (state & TableModel::Inserted) {
        option->backgroundBrush = kInserted;
    }
    if (state & TableModel::Edited)
        option->backgroundBrush = kEdited;
    if ((state & TableModel::Null) && !(state & TableModel::Inserted)) {
        option->text = QStringLiteral("NULL");
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
    if (state & TableModel::Dangling) {
        option->text = QStringLiteral("%1 (missing)").arg(option->text);
        option->palette.setColor(QPalette::Text, QColor(176, 96, 0));
    }
    if (state & TableModel::Computed)
        option->font.setItalic(true);
    if (!m_sizing)
        clipToCell(option);
}

void CellDelegate::clipToCell(QStyleOptionViewItem* option)
{
    // Eliding lays out the whole text before it cuts: a 240-character paragraph in a 300-pixel cell was most of
    // a paint's cost. No more characters fit on a line than the cell's width over the narrowest glyph's; keep
    // that many per line the cell has room for (and say the text goes on, in case narrower characters would have
    // let the cut text fit). Marks and format characters take no width, so they are not counted, and the cut
    // falls between whole characters as a person sees them.
    if (option->rect.width() <= 0 || option->text.size() < 16)
        return;
    const QFontMetrics metrics(option->font);
    const int narrowest =
        std::max(1, std::min({metrics.horizontalAdvance(QLatin1Char('i')), metrics.horizontalAdvance(QLatin1Char('.')),
                              metrics.horizontalAdvance(QLatin1Char(' '))}));
    const int lines = (option->features & QStyleOptionViewItem::WrapText)
                          ? std::max(1, option->rect.height() / std::max(1, metrics.lineSpacing()))
                          : 1;
    const qsizetype fits = qsizetype(option->rect.width() / narrowest + 1) * lines;
    const QString& text = option->text;
    qsizetype counted = 0;
    qsizetype cut = 0;
    while (cut < text.size() && counted < fits) {
        const QChar::Category category = text.at(cut).category();
        if (category != QChar::Mark_NonSpacing && category != QChar::Mark_Enclosing &&
            category != QChar::Other_Format && !text.at(cut).isLowSurrogate())
            ++counted;
        ++cut;
    }
    if (cut >= text.size())
        return;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    graphemes.setPosition(cut);
    if (!graphemes.isAtBoundary())
        cut = std::max<qsizetype>(0, graphemes.toPreviousBoundary());
    option->text = text.left(cut) + QStringLiteral("\u2026");
}

QSize CellDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // Sizing a row or column to its contents measures the whole text, not what fits the cell as it is.
    const QScopedValueRollback sizing(m_sizing, true);
    return QStyledItemDelegate::sizeHint(option, index);
}

void CellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const int state = index.data(TableModel::StateRole).toInt();
    if (state & TableModel::Invalid) {
        painter->save();
        painter->setPen(QPen(kInvalid, 2));
        painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
        painter->restore();
    }
}

QWidget* CellDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const auto* model = qobject_cast<const TableModel*>(index.model());
    if (model && !model->isComputedColumn(index.column())) {
        const QString column = model->table().columns.at(index.column()).name;
        if (const ForeignKeyInfo* key = model->table().foreignKey(column)) {
            auto* picker = new ForeignKeyEditor(m_session.path(), *key, parent);
            // Picking from the list is the answer, as picking in a combo box is: the cell takes it and the
            // editor closes, with no second Enter. (The signals are the delegate's own, hence the const_cast.)
            auto* self = const_cast<CellDelegate*>(this);
            connect(picker, &ForeignKeyEditor::chosen, self, [self, picker] {
                emit self->commitData(picker);
                emit self->closeEditor(picker, QAbstractItemDelegate::NoHint);
            });
            return picker;
        }
    }
    if (!CellEditor::editsInline(index.data(Qt::EditRole))) {
        // A BLOB, a long or multi-line text: the value editor edits it whole, not a line edit.
        emit const_cast<CellDelegate*>(this)->valueEditorRequested(index);
        return nullptr;
    }
    auto* editor = new CellEditor(parent);
    editor->setFont(option.font);
    return editor;
}

void CellDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* picker = qobject_cast<ForeignKeyEditor*>(editor)) {
        picker->setCurrent(index.data(Qt::EditRole), index.data(Qt::DisplayRole).toString());
        return;
    }
    if (auto* line = qobject_cast<CellEditor*>(editor)) {
        // The view calls this again when the row is read again while the editor is open: what the person typed
        // is kept, and so is the value they started from.
        if (!line->property("started").toBool()) {
            line->start(index.data(Qt::EditRole));
            line->setProperty("started", true);
        }
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void CellDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* picker = qobject_cast<ForeignKeyEditor*>(editor)) {
        auto* tableModel = qobject_cast<TableModel*>(model);
        if (tableModel && picker->key().isValid())
            tableModel->setForeignKey(index, picker->key(), picker->display());
        return;
    }
    if (auto* line = qobject_cast<CellEditor*>(editor)) {
        if (line->isChanged()) // an edit that changes nothing writes nothing
            model->setData(index, line->value(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace quarry
