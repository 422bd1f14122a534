#include "browser/TableBrowser.h"

#include "browser/CellDelegate.h"
#include "browser/FilterRow.h"
#include "browser/GridClipboard.h"
#include "models/ColumnTitles.h"
#include "models/DatabaseSession.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace quarry {

namespace {

const QString kGoToTip = QStringLiteral("Type a row number and press Return (Ctrl+G)");

// Whether `column` holds the row's identity: the rowid alias (a lone INTEGER PRIMARY KEY) or the single-column
// key of a WITHOUT ROWID table.
bool isIdentityColumn(const TableInfo& table, const QString& column)
{
    if (table.primaryKey() != QStringList{column})
        return false;
    if (!table.hasRowid)
        return true;
    const int index = table.columnIndex(column);
    return index >= 0 &&
           table.columns.at(index).declaredType.trimmed().compare(QStringLiteral("INTEGER"), Qt::CaseInsensitive) == 0;
}

} // namespace

TableBrowser::TableBrowser(DatabaseSession& session, std::unique_ptr<TableModel> model, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(std::move(model))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_readOnly(new QLabel(this))
    , m_cancel(new QPushButton(QStringLiteral("Cancel"), this))
    , m_view(new QTableView(this))
    , m_rowBar(new QScrollBar(Qt::Vertical, this))
    , m_goTo(new QLineEdit(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_detailTitle(new QLabel(this))
    , m_detailView(new QTableView(this))
{
    m_search->setPlaceholderText(QStringLiteral("Search all columns\u2026"));
    m_search->setClearButtonEnabled(true);
    m_cancel->setVisible(false);
    m_cancel->setToolTip(QStringLiteral("Stop sorting or filtering and show the rows as they were"));

    m_goTo->setPlaceholderText(QStringLiteral("Go to row\u2026"));
    m_goTo->setToolTip(kGoToTip);
    m_goTo->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ,.'\u00a0]{0,24}")), m_goTo));
    m_goTo->setMaximumWidth(m_goTo->fontMetrics().horizontalAdvance(QStringLiteral("Go to row\u2026")) * 3 / 2);
    connect(m_goTo, &QLineEdit::returnPressed, this, [this] {
        QString digits = m_goTo->text();
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        bool ok = false;
        const qint64 number = digits.toLongLong(&ok);
        const qint64 rows = m_model->storedRowCount();
        const QString range = rows > 0 ? QStringLiteral("Type a row number from 1 to %1.").arg(QLocale().toString(rows))
                                       : QStringLiteral("The table has no rows.");
        if (!ok || number < 1 || rows == 0) {
            m_goToProblem =
                m_goTo->text().trimmed().isEmpty()
                    ? range
                    : QStringLiteral("There is no row \u201c%1\u201d. %2").arg(m_goTo->text().trimmed(), range);
        } else if (number > rows && m_model->isCountExact()) {
            m_goToProblem = QStringLiteral("The table has %1: showing the last.").arg(m_model->rowCountText());
            goToRow(rows);
        } else {
            m_goToProblem.clear();
            goToRow(number);
        }
        m_goTo->setToolTip(m_goToProblem.isEmpty() ? kGoToTip : m_goToProblem);
        if (!m_goToProblem.isEmpty())
            QToolTip::showText(m_goTo->mapToGlobal(QPoint(0, m_goTo->height())), m_goToProblem, m_goTo);
    });

    if (const QString reason = m_model->table().readOnlyReason; !reason.isEmpty()) {
        m_readOnly->setText(QStringLiteral("Read-only"));
        m_readOnly->setToolTip(QStringLiteral("%1 is read-only: %2.").arg(m_model->table().name, reason));
        m_readOnly->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); }"));
    }
    m_readOnly->setVisible(!m_model->table().readOnlyReason.isEmpty());

    auto* top = new QHBoxLayout;
    top->addWidget(m_readOnly);
    top->addWidget(m_search, 1);
    top->addWidget(m_goTo);
    top->addWidget(m_count);
    top->addWidget(m_cancel);

    setupView(m_view);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem); // the scroll value is the top row
    // Keep the grid's pixel arithmetic well inside int; bigger tables move a window (see TableModel).
    m_model->setWindowLimit(int(std::min<qint64>(TableModel::DefaultWindowLimit,
                                                 std::numeric_limits<int>::max() / 2 /
                                                     std::max(1, m_view->verticalHeader()->defaultSectionSize()))));
    m_view->setModel(m_model.get());
    m_view->installEventFilter(this);
    m_rowBar->setVisible(false);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &TableBrowser::onViewScrolled);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &TableBrowser::updateRowBar);
    connect(m_rowBar, &QScrollBar::valueChanged, this, &TableBrowser::onRowBarMoved);
    connect(m_model.get(), &TableModel::rowCountChanged, this, &TableBrowser::updateRowBar);
    connect(m_model.get(), &TableModel::windowMoved, this, &TableBrowser::updateRowBar);
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &TableBrowser::updateRowBar);
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
            fitColumns();
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
    auto* grid = new QHBoxLayout;
    grid->setSpacing(0);
    grid->addWidget(m_view, 1);
    grid->addWidget(m_rowBar);
    upperLayout->addLayout(grid, 1);

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
        m_count->setText(m_model->isLoading() ? QStringLiteral("Loading\u2026") : m_model->rowCountText());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TableBrowser::onCurrentRowChanged);
    updateDetail();
    emit statusChanged();
}

TableBrowser::~TableBrowser()
{
    // The grids are child widgets, so QWidget destroys them after the models (members) are gone, and hiding
    // them on the way still scrolls: detach them first.
    disconnect(m_view->verticalScrollBar(), nullptr, this, nullptr);
    disconnect(m_rowBar, nullptr, this, nullptr);
    m_view->setModel(nullptr);
    m_detailView->setModel(nullptr);
}

void TableBrowser::setupView(QTableView* view)
{
    // A delegate per view: a view takes every editor its delegate commits for its own.
    view->setItemDelegate(new CellDelegate(m_session, view));
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
    auto* copy = new QAction(QStringLiteral("Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this, view] { copySelection(view, GridClipboard::Format::Tsv, false); });
    view->addAction(copy);
    if (view == m_view) {
        auto* paste = new QAction(QStringLiteral("Paste"), view);
        paste->setShortcut(QKeySequence::Paste);
        paste->setShortcutContext(Qt::WidgetShortcut);
        connect(paste, &QAction::triggered, this, &TableBrowser::pasteClipboard);
        view->addAction(paste);
    }
}

QString TableBrowser::copySelection(QTableView* view, GridClipboard::Format format, bool headers)
{
    auto* model = qobject_cast<TableModel*>(view->model());
    if (!model)
        return {};
    const Result<QString> text = GridClipboard::copy(view, model, m_session.path(), format, headers);
    if (!text) {
        emit problemFound(text.error().message);
        return {};
    }
    QApplication::clipboard()->setText(*text);
    return *text;
}

bool TableBrowser::pasteClipboard()
{
    if (!m_model->isEditable()) {
        const QString reason = m_model->table().readOnlyReason;
        emit problemFound(
            reason.isEmpty()
                ? QStringLiteral("%1 cannot be edited here; nothing was pasted.").arg(m_model->table().name)
                : QStringLiteral("%1 is read-only (%2); nothing was pasted.").arg(m_model->table().name, reason));
        return false;
    }
    const Result<int> pasted = GridClipboard::paste(m_view, m_model.get(), QApplication::clipboard()->text());
    if (!pasted) {
        emit problemFound(pasted.error().message);
        return false;
    }
    return true;
}

bool TableBrowser::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        updateRowBar();
    if (watched == m_view) {
        // Ctrl+Home and Ctrl+End reach the table's ends, not the window's: move the window first and let the
        // grid do the rest (Shift still extends the selection).
        if (event->type() == QEvent::KeyPress && m_model->isWindowed()) {
            const auto* key = static_cast<QKeyEvent*>(event);
            if (key->modifiers() & Qt::ControlModifier && (key->key() == Qt::Key_End || key->key() == Qt::Key_Home)) {
                const bool end = key->key() == Qt::Key_End;
                const int column = std::max(0, m_view->currentIndex().column());
                m_model->setWindowStart(end ? m_model->storedRowCount() : 0);
                // The current row may have left the window; from nowhere the grid would go to its first row.
                if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
                    m_view->selectionModel()->setCurrentIndex(m_model->index(end ? 0 : m_model->rowCount() - 1, column),
                                                              QItemSelectionModel::NoUpdate);
            }
        }
        return QWidget::eventFilter(watched, event);
    }
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

void TableBrowser::fitColumns()
{
    // Measured on the first rows' shown text, a few dozen characters each: QTableView's
    // resizeColumnsToContents() lays out every visible cell through the delegate, which costs the GUI thread
    // tens of milliseconds on a table of paragraphs.
    constexpr int SampleRows = 32;
    constexpr int SampleChars = 48;
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 2 * metrics.averageCharWidth() + 4;
    const int rows = std::min(m_model->rowCount(), SampleRows);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        int width = m_view->horizontalHeader()->sectionSizeHint(c);
        for (int r = 0; r < rows; ++r)
            width = std::max(
                width, metrics.horizontalAdvance(m_model->index(r, c).data().toString().left(SampleChars)) + padding);
        m_view->setColumnWidth(c, std::clamp(width, 60, 320));
    }
}

int TableBrowser::visibleRows() const
{
    return std::max(1, m_view->viewport()->height() / std::max(1, m_view->verticalHeader()->defaultSectionSize()));
}

void TableBrowser::updateRowBar()
{
    const bool windowed = m_model->isWindowed();
    m_view->setVerticalScrollBarPolicy(windowed ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    m_rowBar->setVisible(windowed);
    if (!windowed)
        return;
    // The grid's own bar knows how many whole rows fit at the bottom; the bar over the table ends where it does.
    const int gridMaximum = m_view->verticalScrollBar()->maximum();
    const int fit = gridMaximum > 0 ? m_model->windowRows() - gridMaximum : visibleRows();
    const qint64 lastTop = std::max<qint64>(0, m_model->storedRowCount() - fit);
    const qint64 span = std::numeric_limits<int>::max() / 2;
    m_rowBarScale = std::max<qint64>(1, (lastTop + span - 1) / span);
    const QSignalBlocker block(m_rowBar);
    m_rowBar->setRange(0, int(lastTop / m_rowBarScale));
    m_rowBar->setPageStep(std::max(1, int(visibleRows() / m_rowBarScale)));
    m_rowBar->setSingleStep(1);
    m_rowBar->setValue(int((m_model->windowStart() + m_view->verticalScrollBar()->value()) / m_rowBarScale));
}

void TableBrowser::onViewScrolled(int value)
{
    if (m_syncingRowBar || !m_model->isWindowed())
        return;
    // The wheel, the keys or scrollTo moved the grid: follow on the bar, and move the window along when the
    // top row comes near its edge.
    showStoredRowAtTop(m_model->windowStart() + value);
}

void TableBrowser::onRowBarMoved(int value)
{
    if (!m_syncingRowBar)
        showStoredRowAtTop(qint64(value) * m_rowBarScale);
}

void TableBrowser::showStoredRowAtTop(qint64 stored)
{
    m_syncingRowBar = true;
    if (m_model->isWindowed()) {
        const int rows = m_model->windowRows();
        const int margin = std::max(visibleRows() * 2, rows / 8);
        const qint64 offset = stored - m_model->windowStart();
        // The model clamps the window to the table, so at either end this asks for no move.
        if (offset < margin || offset + visibleRows() > rows - margin)
            m_model->setWindowStart(stored - m_model->windowLimit() / 2);
    }
    QScrollBar* grid = m_view->verticalScrollBar();
    grid->setValue(int(std::max<qint64>(0, stored - m_model->windowStart())));
    // The grid stops where its last row is at the bottom; the bar says where it did stop.
    if (m_model->isWindowed())
        m_rowBar->setValue(int((m_model->windowStart() + grid->value()) / m_rowBarScale));
    m_syncingRowBar = false;
}

void TableBrowser::goToRow(qint64 number)
{
    const qint64 stored = std::clamp<qint64>(number - 1, 0, std::max<qint64>(0, m_model->storedRowCount() - 1));
    if (m_model->storedRowCount() == 0)
        return;
    // Put the row in the middle of the grid where the table allows.
    showStoredRowAtTop(std::max<qint64>(0, stored - visibleRows() / 2));
    const int row = m_model->modelRowOf(stored);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, std::max(0, m_view->currentIndex().column()));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus();
}

void TableBrowser::focusGoToField()
{
    m_goTo->setFocus(Qt::ShortcutFocusReason);
    m_goTo->selectAll();
}

void TableBrowser::goToLastRow()
{
    m_model->setWindowStart(m_model->storedRowCount());
    if (m_model->rowCount() == 0)
        return;
    const QModelIndex index = m_model->index(m_model->rowCount() - 1, std::max(0, m_view->currentIndex().column()));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus();
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
    // Anywhere in a big table: when the key is the row's identity, the loader counts the rows before it in the
    // current order and the grid goes there. A row the filters leave out is shown on its own instead.
    disconnect(m_locating);
    if (isIdentityColumn(m_model->table(), column)) {
        m_locating = connect(m_model.get(), &TableModel::located, this,
                             [this, c, value](const QVariant& identity, qint64 stored) {
                                 if (identity != value)
                                     return;
                                 disconnect(m_locating);
                                 if (stored >= 0) {
                                     m_model->expectRows(stored + 1);
                                     goToRow(stored + 1);
                                     if (c >= 0)
                                         m_view->setCurrentIndex(m_view->currentIndex().siblingAtColumn(c));
                                 } else {
                                     filterToKey(c, value);
                                 }
                             });
        m_model->locate(value);
        return;
    }
    filterToKey(c, value);
}

void TableBrowser::filterToKey(int c, const QVariant& value)
{
    // Show just that row, with its filter in view to clear.
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
