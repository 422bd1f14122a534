// What a TableBrowser shows about its current row: what refers to it, the detail pane of its child rows, and
// the context menu of a cell.
#include "browser/TableBrowser.h"

#include "browser/GridClipboard.h"
#include "models/ColumnTitles.h"
#include "models/DatabaseSession.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QTableView>

namespace quarry {

void TableBrowser::followCell(const QModelIndex& index)
{
    const auto* model = qobject_cast<const TableModel*>(index.model());
    if (!model || model->isComputedColumn(index.column()))
        return;
    const ForeignKeyInfo* key = model->table().foreignKey(model->table().columns.at(index.column()).name);
    const QVariant value = index.data(Qt::EditRole);
    if (key && !value.isNull())
        emit followRequested(key->parentTable, key->parentColumn, value);
}

void TableBrowser::onCurrentRowChanged()
{
    const QVariant identity = currentIdentity();
    if (identity.isValid() && !PendingChanges::isInserted(identity)) {
        auto summary = m_session.referencesSummary(m_model->table().name, identity);
        m_references = summary ? *summary : QString();
    } else {
        m_references.clear();
    }
    updateDetail();
    emit statusChanged();
}

QString TableBrowser::referencesText() const
{
    return m_references;
}

void TableBrowser::updateDetail()
{
    if (m_detailTable.isEmpty())
        return;
    const QModelIndex current = m_view->currentIndex();
    const ForeignKeyInfo* key = nullptr;
    auto childInfo = m_session.table(m_detailTable);
    if (childInfo)
        key = childInfo->foreignKey(m_detailColumn);
    const QString words = ColumnTitles::forColumn(m_detailTable, false);
    if (!current.isValid() || !key) {
        m_detailTitle->setText(QStringLiteral("Select a row to see its %1.").arg(words.toLower()));
        m_detailView->setModel(nullptr);
        m_detailModel.reset();
        return;
    }
    const int parentColumn = m_model->modelColumn(key->parentColumn);
    const QVariant value = parentColumn >= 0 ? m_model->index(current.row(), parentColumn).data(Qt::EditRole)
                                             : current.data(TableModel::IdentityRole);
    if (!m_detailModel) {
        auto model = m_session.createModel(m_detailTable);
        if (!model)
            return;
        m_detailModel = std::move(*model);
        m_detailView->setModel(m_detailModel.get());
    }
    BrowseRequest request;
    request.fixedColumn = m_detailColumn;
    request.fixedValue = value;
    m_detailModel->setRequest(request);
    const QString name = m_model->index(current.row(), 1).data().toString();
    m_detailTitle->setText(QStringLiteral("%1 of %2 %3%4")
                               .arg(words, ColumnTitles::forColumn(m_model->table().name, false).toLower(), name,
                                    m_references.isEmpty() ? QString() : QStringLiteral("  \u2014  ") + m_references));
}

void TableBrowser::showContextMenu(const QPoint& position)
{
    auto* view = qobject_cast<QTableView*>(sender());
    if (!view)
        return;
    const QModelIndex index = view->indexAt(position);
    QMenu menu(this);
    if (index.isValid() && (index.data(TableModel::StateRole).toInt() & TableModel::ForeignKey) &&
        !index.data(Qt::EditRole).isNull()) {
        menu.addAction(QStringLiteral("Go to Referenced Row"), this, [this, index] { followCell(index); });
        menu.addSeparator();
    }
    if (index.isValid()) {
        using Format = GridClipboard::Format;
        menu.addAction(QStringLiteral("Copy"), this, [this, view] { copySelection(view, Format::Tsv, false); });
        menu.addAction(QStringLiteral("Copy with Headers"), this,
                       [this, view] { copySelection(view, Format::Tsv, true); });
        QMenu* copyAs = menu.addMenu(QStringLiteral("Copy As"));
        copyAs->addAction(QStringLiteral("CSV"), this, [this, view] { copySelection(view, Format::Csv, true); });
        copyAs->addAction(QStringLiteral("JSON"), this, [this, view] { copySelection(view, Format::Json, true); });
        copyAs->addAction(QStringLiteral("SQL INSERT Statements"), this,
                          [this, view] { copySelection(view, Format::SqlInsert, true); });
        if (view == m_view && m_model->isEditable())
            menu.addAction(QStringLiteral("Paste"), this, &TableBrowser::pasteClipboard);
        menu.addSeparator();
    }
    if (view == m_view && m_model->table().isEditable() && !m_session.isReadOnly()) {
        menu.addAction(QStringLiteral("Set to NULL"), this, &TableBrowser::setNullAtCurrent)
            ->setEnabled(index.isValid() && (m_model->flags(index) & Qt::ItemIsEditable));
        menu.addAction(QStringLiteral("Insert Row"), this, &TableBrowser::insertRow);
        if (QAction* remove = window()->findChild<QAction*>(QStringLiteral("deleteRows")))
            menu.addAction(remove);
    }
    if (!menu.isEmpty())
        menu.exec(view->viewport()->mapToGlobal(position));
}

} // namespace quarry
