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
        m_readOnly->setText(QStringLiteral("<b>Read-only</b>"));
        m_readOnly->setToolTip(QStringLiteral("%1 is read-only: %2.").arg(m_model->table().name, reason));
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

} // namespace quarry
