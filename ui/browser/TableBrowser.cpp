#include "browser/TableBrowser.h"

#include "browser/CellDelegate.h"
#include "browser/FilterRow.h"
#include "models/ColumnTitles.h"
#include "models/DatabaseSession.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace quarry {

TableBrowser::TableBrowser(DatabaseSession& session, std::unique_ptr<TableModel> model, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(std::move(model))
    , m_delegate(new CellDelegate(session, this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_cancel(new QPushButton(QStringLiteral("Cancel"), this))
    , m_view(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_detailTitle(new QLabel(this))
    , m_detailView(new QTableView(this))
{
    m_search->setPlaceholderText(QStringLiteral("Search all columns\u2026"));
    m_search->setClearButtonEnabled(true);
    m_cancel->setVisible(false);
    m_cancel->setToolTip(QStringLiteral("Stop sorting or filtering and show the rows as they were"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    top->addWidget(m_cancel);

    setupView(m_view);
    m_view->setModel(m_model.get());
    m_view->setSortingEnabled(false); // sorting is the model's SQL, started from the header below
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSectionsClickable(true);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        BrowseRequest request = m_model->request();
        const bool same = request.sortColumn == section;
        request.sortOrder = same && request.sortOrder == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
        request.sortColumn = section;
        m_view->horizontalHeader()->setSortIndicator(section, request.sortOrder);
        setRequest(request);
    });

    m_filters = new FilterRow(m_view, this);
    m_filters->setColumnCount(m_model->columnCount());
    connect(m_filters, &FilterRow::filtersChanged, this, &TableBrowser::applyFilters);
    // Columns fit their first rows once, then keep the widths a person gives them.
    connect(
        m_model.get(), &TableModel::loadingChanged, this,
        [this](bool loading) {
            if (loading)
                return;
            m_view->resizeColumnsToContents();
            for (int c = 0; c < m_model->columnCount(); ++c)
                m_view->setColumnWidth(c, std::clamp(m_view->columnWidth(c), 60, 320));
            m_filters->realign();
        },
        Qt::SingleShotConnection);
    connect(m_search, &QLineEdit::textChanged, this, &TableBrowser::applyFilters);

    auto* upper = new QWidget(this);
    auto* upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->setSpacing(2);
    upperLayout->addLayout(top);
    upperLayout->addWidget(m_filters);
    upperLayout->addWidget(m_view, 1);

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 4, 0, 0);
    lowerLayout->addWidget(m_detailTitle);
    lowerLayout->addWidget(m_detailView, 1);
    setupView(m_detailView);
    m_splitter->addWidget(upper);
    m_splitter->addWidget(lower);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);

    // The child table shown under the grid: the first table whose foreign key points here.
    const auto children = session.children(m_model->table().name);
    if (!children.isEmpty()) {
        m_detailTable = children.first().first;
        m_detailColumn = children.first().second;
    } else {
        lower->hide();
    }

    connect(m_model.get(), &TableModel::rowCountChanged, this, &TableBrowser::statusChanged);
    connect(m_model.get(), &TableModel::loadingChanged, this, [this](bool loading) {
        m_cancel->setVisible(loading && m_model->request() != BrowseRequest{});
        emit statusChanged();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_filters->clear();
        const QSignalBlocker block(m_search);
        m_search->clear();
        setRequest(BrowseRequest{});
    });
    connect(this, &TableBrowser::statusChanged, this, [this] {
        const QLocale locale;
        const qint64 rows = m_model->storedRowCount();
        m_count->setText(m_model->isLoading() ? QStringLiteral("Loading\u2026")
                         : m_model->isCountExact()
                             ? QStringLiteral("%1 rows").arg(locale.toString(rows))
                             : QStringLiteral("at least %1 rows (counting\u2026)").arg(locale.toString(rows)));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TableBrowser::onCurrentRowChanged);
    updateDetail();
    emit statusChanged();
}

TableBrowser::~TableBrowser() = default;

void TableBrowser::setupView(QTableView* view)
{
    view->setItemDelegate(m_delegate);
    view->setSelectionBehavior(QAbstractItemView::SelectItems);
    view->setAlternatingRowColors(true);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setDefaultSectionSize(140);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::AnyKeyPressed);
    view->viewport()->installEventFilter(this);
    connect(view, &QTableView::customContextMenuRequested, this, &TableBrowser::showContextMenu);
}

bool TableBrowser::eventFilter(QObject* watched, QEvent* event)
{
    // Ctrl+click on a foreign-key cell follows it.
    if (event->type() == QEvent::MouseButtonPress &&
        (watched == m_view->viewport() || watched == m_detailView->viewport())) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->modifiers() & Qt::ControlModifier && mouse->button() == Qt::LeftButton) {
            QTableView* view = watched == m_view->viewport() ? m_view : m_detailView;
            const QModelIndex index = view->indexAt(mouse->position().toPoint());
            if (index.isValid() && (index.data(TableModel::StateRole).toInt() & TableModel::ForeignKey)) {
                view->setCurrentIndex(index); // Back returns to the row followed from
                followCell(index);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

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

void TableBrowser::applyFilters()
{
    BrowseRequest request = m_model->request();
    request.columnFilters = m_filters->filters();
    request.quickSearch = m_search->text();
    setRequest(request);
}

void TableBrowser::setRequest(const BrowseRequest& request)
{
    if (request == m_model->request())
        return;
    m_model->setRequest(request);
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_filters->setFilterText(c, request.columnFilters.value(c));
    emit statusChanged();
}

void TableBrowser::reload()
{
    m_model->reload();
    if (m_detailModel)
        m_detailModel->reload();
    onCurrentRowChanged();
}

QVariant TableBrowser::currentIdentity() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(TableModel::IdentityRole) : QVariant();
}

void TableBrowser::selectIdentity(const QVariant& identity)
{
    const int row = m_model->rowOfIdentity(identity);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, std::max(0, m_view->currentIndex().column()));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->setFocus(); // so Undo and the keyboard act on the grid, not on a search field
}

void TableBrowser::goToKey(const QString& column, const QVariant& value)
{
    const int c = m_model->modelColumn(column);
    // The key is in the rows read so far (small tables): select it where it is.
    for (int row = 0; row < std::min(m_model->rowCount(), TableModel::PageSize) && c >= 0; ++row) {
        const QModelIndex index = m_model->index(row, c);
        if (index.data(Qt::EditRole) == value) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
            return;
        }
    }
    // Anywhere in a big table: show just that row, with its filter in view to clear.
    BrowseRequest request;
    request.columnFilters.insert(c >= 0 ? c : 0, QStringLiteral("=") + value.toString());
    setRequest(request);
    connect(
        m_model.get(), &TableModel::loadingChanged, this,
        [this](bool loading) {
            if (!loading && m_model->rowCount() > 0)
                m_view->setCurrentIndex(m_model->index(0, 0));
        },
        Qt::SingleShotConnection);
}

QModelIndexList TableBrowser::selectedRows() const
{
    QModelIndexList rows;
    QList<int> seen;
    for (const QModelIndex& index : m_view->selectionModel()->selectedIndexes()) {
        if (!seen.contains(index.row())) {
            seen << index.row();
            rows << index.siblingAtColumn(0);
        }
    }
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows << m_view->currentIndex().siblingAtColumn(0);
    return rows;
}

void TableBrowser::insertRow()
{
    if (!m_model->insertRows(m_model->rowCount(), 1))
        return;
    const QModelIndex first = m_model->index(m_model->rowCount() - 1, m_model->table().hasRowid ? 1 : 0);
    m_view->setCurrentIndex(first);
    m_view->scrollTo(first);
    m_view->edit(first);
}

void TableBrowser::setNullAtCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid() && (m_model->flags(index) & Qt::ItemIsEditable))
        m_model->setData(index, QVariant());
}

void TableBrowser::onCurrentRowChanged()
{
    const QVariant identity = currentIdentity();
    if (identity.isValid() && identity.toLongLong() > 0) {
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
        menu.addAction(QStringLiteral("Copy"), this,
                       [index] { QApplication::clipboard()->setText(index.data(Qt::EditRole).toString()); });
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
