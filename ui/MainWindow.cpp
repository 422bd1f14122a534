#include "MainWindow.h"

#include "blog/DemoDatabase.h"
#include "browser/TableBrowser.h"
#include "browser/TableTabs.h"
#include "models/DatabaseSession.h"
#include "models/TableModel.h"
#include "query/HistoryStore.h"
#include "query/QueryPanel.h"
#include "stats/StatsDock.h"
#include "stats/StatsPage.h"
#include "value/ValueDock.h"
#include "value/ValueEditor.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace quarry {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
constexpr int kTableRole = Qt::UserRole + 1;
// While the editor's own transaction holds the file's write lock, a write from the window's connection would wait
// out its busy timeout on the GUI thread and then fail: such writes are refused at once with this reason.
const QString kEditorTransaction =
    QStringLiteral("The query editor has an open transaction: commit or roll back it first");
} // namespace

MainWindow::MainWindow(std::unique_ptr<Dialogs> dialogs, QWidget* parent)
    : QMainWindow(parent)
    , m_dialogs(std::move(dialogs))
    , m_schemaTree(new QTreeWidget(this))
    , m_tabs(new TableTabs(this))
    , m_upgradeBar(new QWidget(this))
    , m_upgradeText(new QLabel(this))
    , m_upgradeButton(new QPushButton(QStringLiteral("Upgrade\u2026"), this))
    , m_versionLabel(new QLabel(this))
    , m_rowsLabel(new QLabel(this))
    , m_activityLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    m_schemaTree->setHeaderLabels({QStringLiteral("Schema")});
    m_schemaTree->setMinimumWidth(160);
    connect(m_schemaTree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString table = item->data(0, kTableRole).toString();
        if (!table.isEmpty())
            showTable(table);
    });

    connect(m_tabs, &TableTabs::currentTableChanged, this, [this] {
        updateStatus();
        updateActions();
        m_valueDock->follow(currentBrowser());
    });
    connect(m_tabs, &TableTabs::browserBuilt, this, &MainWindow::connectBrowser);
    connect(m_tabs, &TableTabs::tableUnavailable, this, [this](const QString& table, const QString& message) {
        showError(QStringLiteral("Cannot show %1").arg(table), message);
    });
    connect(m_tabs, &TableTabs::browserFailed, this,
            [this](const QString&, const QString& message) { m_lastError = message; });

    // The bar above the tables that offers a schema upgrade: a question that waits, not a modal one.
    m_upgradeBar->setObjectName(QStringLiteral("upgradeBar"));
    m_upgradeBar->setAutoFillBackground(true);
    QPalette palette = m_upgradeBar->palette();
    palette.setColor(QPalette::Window, QColor(255, 248, 220));
    m_upgradeBar->setPalette(palette);
    auto* barLayout = new QHBoxLayout(m_upgradeBar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    m_upgradeText->setWordWrap(true);
    barLayout->addWidget(m_upgradeText, 1);
    barLayout->addWidget(m_upgradeButton);
    auto* dismiss = new QPushButton(QStringLiteral("Not Now"), m_upgradeBar);
    barLayout->addWidget(dismiss);
    connect(dismiss, &QPushButton::clicked, m_upgradeBar, &QWidget::hide);
    connect(m_upgradeButton, &QPushButton::clicked, this, &MainWindow::upgradeSchema);
    m_upgradeBar->hide();

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_upgradeBar);
    rightLayout->addWidget(m_tabs, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_schemaTree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 1000});
    setCentralWidget(splitter);

    createActions();
    createDocks();
    createMenus();
    createStatusBar();
    resize(1200, 760);
    QSettings settings;
    restoreGeometry(settings.value(kGeometry).toByteArray());
    restoreState(settings.value(kState).toByteArray());
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Browsers hold models reading the session's file; they go first.
    m_tabs->closeAll();
}

void MainWindow::createActions()
{
    auto make = [this](const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(text, this);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_newDemo = make(QStringLiteral("New &Demo Database\u2026"), {}, [this] { newDatabase(true); });
    m_newEmpty = make(QStringLiteral("&New Database\u2026"), QKeySequence::New, [this] { newDatabase(false); });
    m_open = make(QStringLiteral("&Open\u2026"), QKeySequence::Open, [this] { openDialog(false); });
    m_openReadOnly = make(QStringLiteral("Open &Read-Only\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                          [this] { openDialog(true); });
    m_close = make(QStringLiteral("&Close"), QKeySequence::Close, [this] { closeFile(); });
    m_quit = make(QStringLiteral("&Quit"), QKeySequence::Quit, [this] { close(); });
    m_write = make(QStringLiteral("&Write Changes"), QKeySequence::Save, [this] { writeChanges(); });
    m_revert = make(QStringLiteral("Re&vert Changes"), {}, [this] { revertChanges(); });
    m_undo = make(QStringLiteral("&Undo"), QKeySequence::Undo, [this] {
        if (m_session)
            m_session->pending().undo();
    });
    m_redo = make(QStringLiteral("&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [this] {
        if (m_session)
            m_session->pending().redo();
    });
    m_insertRow = make(QStringLiteral("&Insert Row"), QKeySequence(Qt::CTRL | Qt::Key_Plus), [this] {
        if (TableBrowser* browser = currentBrowser())
            browser->insertRow();
    });
    m_deleteRows = make(QStringLiteral("&Delete Rows\u2026"), QKeySequence(Qt::CTRL | Qt::Key_Minus),
                        [this] { deleteSelectedRows(); });
    m_deleteRows->setObjectName(QStringLiteral("deleteRows"));
    m_setNull = make(QStringLiteral("Set to &NULL"), {}, [this] {
        if (TableBrowser* browser = currentBrowser())
            browser->setNullAtCurrent();
    });
    m_back = make(QStringLiteral("&Back"), QKeySequence(Qt::ALT | Qt::Key_Left), [this] { goBack(); });
    m_forward = make(QStringLiteral("&Forward"), QKeySequence(Qt::ALT | Qt::Key_Right), [this] { goForward(); });
    m_goToRow = make(QStringLiteral("Go to &Row\u2026"), QKeySequence(Qt::CTRL | Qt::Key_G), [this] {
        if (TableBrowser* browser = currentBrowser())
            browser->focusGoToField();
    });
    m_about = make(QStringLiteral("&About Quarry"), {}, [this] {
        QMessageBox::about(this, QStringLiteral("About Quarry"),
                           QStringLiteral("<h3>Quarry %1</h3><p>A fast, safe desktop browser for SQLite databases.</p>"
                                          "<p>Built with Qt %2 and SQLite.</p>")
                               .arg(QStringLiteral(QUARRY_VERSION), QString::fromLatin1(qVersion())));
    });
}

void MainWindow::createDocks()
{
    // History is a convenience: without its file the editor still works, it just does not remember.
    if (auto store = HistoryStore::open(HistoryStore::defaultPath()))
        m_historyStore = std::move(*store);
    m_queryPanel = new QueryPanel(QString(), false, m_historyStore.get(), this);
    m_queryPanel->setWriteGuard([this] { return resolvePendingBeforeQuery(); });
    connect(m_queryPanel, &QueryPanel::databaseChanged, this, &MainWindow::onQueryChangedDatabase);
    connect(m_queryPanel, &QueryPanel::transactionStateChanged, this, &MainWindow::onEditorTransactionChanged);
    m_queryDock = new QDockWidget(QStringLiteral("Query Editor"), this);
    m_queryDock->setObjectName(QStringLiteral("queryDock"));
    m_queryDock->setWidget(m_queryPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_queryDock);
    m_queryDock->hide();

    m_statsDock = new StatsDock(this);
    m_statsDock->setObjectName(QStringLiteral("statsDock"));
    addDockWidget(Qt::RightDockWidgetArea, m_statsDock);
    m_statsDock->hide();

    m_valueDock = new ValueDock(*m_dialogs, this);
    addDockWidget(Qt::RightDockWidgetArea, m_valueDock);
    m_valueDock->hide();
    connect(m_statsDock, &StatsDock::openInEditorRequested, this, [this](const QString& sql) {
        m_queryDock->show();
        m_queryDock->raise();
        // A tab of its own, named after the panel, so nothing written in the editor is touched.
        const StatsPage* page = m_statsDock->currentPage();
        m_queryPanel->openSql(sql, page ? page->panel().title : QString());
    });
}

bool MainWindow::resolvePendingBeforeQuery()
{
    if (!m_session || m_session->pending().isEmpty())
        return true;
    const int rows = m_session->pending().rowCount();
    const QString changed = rows == 1 ? QStringLiteral("1 changed row") : QStringLiteral("%1 changed rows").arg(rows);
    // Inside the editor's own transaction the window cannot write (the editor holds the lock): only discarding
    // the edits, or not running the statement, works.
    if (editorHoldsTransaction()) {
        const auto answer = m_dialogs->ask(
            this, QStringLiteral("Pending changes"),
            QStringLiteral("This statement writes to the file, and you have %1 pending. They cannot be written while "
                           "the query editor has an open transaction. Discard them and run the statement?")
                .arg(changed),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return false;
        revertChanges();
        return true;
    }
    const auto answer = m_dialogs->ask(
        this, QStringLiteral("Pending changes"),
        QStringLiteral("This statement writes to the file, and you have %1 pending. Write them first, or discard "
                       "them?")
            .arg(changed),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return writeChanges();
    revertChanges();
    return true;
}

bool MainWindow::editorHoldsTransaction() const
{
    return m_queryPanel && m_queryPanel->hasOpenTransaction();
}

void MainWindow::onEditorTransactionChanged(bool open)
{
    m_activityLabel->setText(open ? QStringLiteral("The query editor has an open transaction: Write Changes and "
                                                   "Upgrade wait until it is committed or rolled back.")
                                  : QStringLiteral("The query editor's transaction ended."));
    updateActions();
    // The bar keeps its place (a dismissed bar stays dismissed); only its button follows the transaction.
    m_upgradeButton->setEnabled(!open);
    m_upgradeButton->setToolTip(open ? kEditorTransaction : QString());
}

void MainWindow::onQueryChangedDatabase(bool schemaChanged)
{
    if (!m_session)
        return;
    if (schemaChanged) {
        // Tables may have come or gone: read the schema again and reopen the tabs that still exist, showing the
        // one that was shown (the others are built again when shown).
        const QStringList open = m_tabs->tableNames();
        const QString shown = m_tabs->currentTable();
        m_tabs->closeAll();
        (void)m_session->reloadSchema();
        fillSchemaTree();
        QStringList names;
        if (auto objects = m_session->objects()) {
            for (const SchemaObject& object : *objects)
                names << object.name;
        }
        QStringList kept;
        for (const QString& table : std::as_const(open)) {
            if (names.contains(table))
                kept << table;
        }
        m_tabs->addTables(kept, kept.contains(shown) ? shown : kept.value(0));
        updateUpgradeBar();
    } else {
        reloadBrowsers();
    }
    m_statsDock->refresh();
    updateStatus();
    updateActions();
}

void MainWindow::reloadBrowsers()
{
    // Tabs not shown yet read their rows when they are.
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (TableBrowser* browser = m_tabs->browserAt(i))
            browser->reload();
    }
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addActions({m_newEmpty, m_newDemo, m_open, m_openReadOnly});
    m_recentMenu = file->addMenu(QStringLiteral("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addActions({m_write, m_revert});
    file->addSeparator();
    file->addActions({m_close, m_quit});

    QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    edit->addActions({m_undo, m_redo});
    edit->addSeparator();
    edit->addActions({m_insertRow, m_deleteRows, m_setNull});

    QMenu* view = menuBar()->addMenu(QStringLiteral("&View"));
    QAction* query = m_queryDock->toggleViewAction();
    query->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    view->addAction(query);
    QAction* stats = m_statsDock->toggleViewAction();
    stats->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    view->addAction(stats);
    QAction* value = m_valueDock->toggleViewAction();
    value->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    view->addAction(value);

    QMenu* go = menuBar()->addMenu(QStringLiteral("&Go"));
    go->addActions({m_back, m_forward});
    go->addSeparator();
    go->addAction(m_goToRow);

    QMenu* help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(m_about);
}

void MainWindow::createStatusBar()
{
    statusBar()->addWidget(m_activityLabel, 1);
    statusBar()->addPermanentWidget(m_rowsLabel);
    statusBar()->addPermanentWidget(m_versionLabel);
}

bool MainWindow::maybeKeepChanges()
{
    if (!m_session || m_session->pending().isEmpty())
        return true;
    const int rows = m_session->pending().rowCount();
    if (editorHoldsTransaction()) {
        // The editor holds the write lock: writing would wait and fail, so only discarding is offered.
        const auto answer = m_dialogs->ask(
            this, QStringLiteral("Pending changes"),
            QStringLiteral("%1 has %2 pending. They cannot be written while the query editor has an open "
                           "transaction. Discard them?")
                .arg(QFileInfo(m_session->path()).fileName(),
                     rows == 1 ? QStringLiteral("1 changed row") : QStringLiteral("%1 changed rows").arg(rows)),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        return answer == QMessageBox::Discard;
    }
    const auto answer = m_dialogs->ask(
        this, QStringLiteral("Pending changes"),
        QStringLiteral("%1 has %2 pending. Write them to the file before closing it?")
            .arg(QFileInfo(m_session->path()).fileName(),
                 rows == 1 ? QStringLiteral("1 changed row") : QStringLiteral("%1 changed rows").arg(rows)),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return writeChanges();
    return true;
}

bool MainWindow::closeFile()
{
    if (!maybeKeepChanges())
        return false;
    if (m_session && !m_queryPanel->confirmClose())
        return false;
    m_queryPanel->setDatabase(QString(), false);
    m_statsDock->setDatabase(QString());
    m_valueDock->setDatabase(QString());
    m_tabs->closeAll();
    m_tabs->setSession(nullptr);
    m_schemaTree->clear();
    m_session.reset();
    m_history.clear();
    m_upgradeBar->hide();
    updateTitle();
    updateStatus();
    updateActions();
    return true;
}

bool MainWindow::openFile(const QString& path, bool readOnly, const QString& table)
{
    if (!closeFile())
        return false;
    auto session = DatabaseSession::open(path, readOnly);
    if (!session) {
        showError(QStringLiteral("Cannot open file"), session.error().message);
        return false;
    }
    m_session = std::move(*session);
    m_tabs->setSession(m_session.get());
    connect(&m_session->pending(), &PendingChanges::changed, this, [this] {
        updateTitle();
        updateActions();
    });
    connect(m_session.get(), &DatabaseSession::written, this, &MainWindow::onWritten);
    m_recentFiles.add(QFileInfo(path).absoluteFilePath());
    m_queryPanel->setDatabase(m_session->path(), m_session->isReadOnly());
    m_valueDock->setDatabase(m_session->path());
    if (m_session->schema().isBlog())
        m_statsDock->setDatabase(m_session->path());
    else
        m_statsDock->setUnavailable(StatsDock::notABlogDatabaseText());
    fillSchemaTree();
    // A blog database opens on its three tables; any other file on its first table.
    auto objects = m_session->objects();
    QStringList first;
    if (m_session->schema().isBlog())
        first = {QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments")};
    else if (objects && !objects->isEmpty())
        first = {objects->constFirst().name};
    m_tabs->addTables(first, table.isEmpty() ? first.value(0) : table);
    if (!m_session->readOnlyReason().isEmpty())
        m_activityLabel->setText(QStringLiteral("Opened read-only: ") + m_session->readOnlyReason());
    updateUpgradeBar();
    updateTitle();
    updateStatus();
    updateActions();
    return true;
}

void MainWindow::fillSchemaTree()
{
    m_schemaTree->clear();
    if (!m_session)
        return;
    auto objects = m_session->objects();
    if (!objects)
        return;
    auto* tables = new QTreeWidgetItem(m_schemaTree, {QStringLiteral("Tables")});
    auto* views = new QTreeWidgetItem(m_schemaTree, {QStringLiteral("Views")});
    for (const SchemaObject& object : *objects) {
        auto* item = new QTreeWidgetItem(object.type == QStringLiteral("view") ? views : tables, {object.name});
        item->setData(0, kTableRole, object.name);
        auto info = m_session->table(object.name);
        if (info) {
            QStringList tip;
            for (const ColumnInfo& column : info->columns)
                tip << QStringLiteral("%1 %2").arg(column.name, column.declaredType);
            item->setToolTip(0, tip.join(QLatin1Char('\n')));
            for (const ColumnInfo& column : info->columns)
                new QTreeWidgetItem(item, {QStringLiteral("%1  %2").arg(column.name, column.declaredType.toLower())});
        }
    }
    tables->setExpanded(true);
    views->setExpanded(true);
    views->setHidden(views->childCount() == 0);
}

TableBrowser* MainWindow::showTable(const QString& table)
{
    return m_tabs->showTable(table);
}

TableBrowser* MainWindow::currentBrowser() const
{
    return m_tabs->currentBrowser();
}

void MainWindow::connectBrowser(TableBrowser* browser)
{
    connect(browser, &TableBrowser::statusChanged, this, &MainWindow::updateStatus);
    connect(browser, &TableBrowser::followRequested, this, &MainWindow::follow);
    m_valueDock->watch(browser);
    connect(browser, &TableBrowser::problemFound, m_activityLabel, &QLabel::setText);
    if (browser == currentBrowser())
        m_valueDock->follow(browser);
    const QString table = browser->model()->table().name;
    connect(browser->model(), &TableModel::failed, this, [this, table](const QString& message) {
        m_activityLabel->setText(QStringLiteral("%1: %2").arg(table, message));
    });
}

bool MainWindow::writeChanges()
{
    if (m_session && !m_valueDock->applyPending()) {
        m_activityLabel->setText(QStringLiteral("Nothing was written: the value editor's edit cannot be applied: ") +
                                 m_valueDock->editor()->problemText());
        return false;
    }
    if (!m_session || m_session->pending().isEmpty())
        return true;
    if (editorHoldsTransaction()) {
        m_activityLabel->setText(QStringLiteral("Nothing was written. ") + kEditorTransaction + QLatin1Char('.'));
        return false;
    }
    m_activityLabel->setText(QStringLiteral("Writing changes\u2026"));
    DatabaseSession::WriteFailure failure;
    auto written = m_session->write(&failure);
    if (written) {
        m_activityLabel->setText(QStringLiteral("Changes written."));
        return true;
    }
    // Nothing was written and every edit is still pending: show where and why.
    m_activityLabel->setText(QStringLiteral("Nothing was written: ") + written.error().message);
    if (!failure.table.isEmpty()) {
        if (TableBrowser* browser = showTable(failure.table)) {
            browser->model()->setWriteProblem(failure.identity, failure.column, failure.message);
            browser->selectIdentity(failure.identity);
        }
    }
    showError(QStringLiteral("Changes not written"),
              written.error().message + QStringLiteral("\n\nNothing was written; your changes are still pending."));
    return false;
}

void MainWindow::revertChanges()
{
    if (m_session)
        m_session->pending().clear();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (TableBrowser* browser = m_tabs->browserAt(i))
            browser->model()->reload();
    }
    m_activityLabel->setText(QStringLiteral("Changes reverted."));
}

void MainWindow::onWritten(const QStringList& tables)
{
    Q_UNUSED(tables)
    // Cascades reach other tables; every open view reads again, and the stats count anew.
    reloadBrowsers();
    m_statsDock->refresh();
    updateTitle();
    updateActions();
}

void MainWindow::deleteSelectedRows()
{
    TableBrowser* browser = currentBrowser();
    if (!browser || !m_session || m_session->isReadOnly() || !browser->model()->table().isEditable())
        return;
    const QModelIndexList rows = browser->selectedRows();
    if (rows.isEmpty())
        return;
    QVariantList stored;
    for (const QModelIndex& row : rows) {
        const QVariant identity = row.data(TableModel::IdentityRole);
        if (identity.isValid() && !PendingChanges::isInserted(identity))
            stored << identity;
    }
    const QString table = browser->tableName();
    QString what = rows.size() == 1
                       ? QStringLiteral("%1 %2").arg(table.endsWith(QLatin1Char('s')) ? table.chopped(1) : table,
                                                     rows.first().siblingAtColumn(1).data().toString())
                       : QStringLiteral("%1 rows of %2").arg(rows.size()).arg(table);
    QString text = QStringLiteral("Delete %1?").arg(what);
    if (!stored.isEmpty()) {
        auto cascade = m_session->cascadeSummary(table, stored);
        if (cascade && !cascade->isEmpty())
            text += QStringLiteral(" This also deletes %1.").arg(*cascade);
    }
    text += QStringLiteral("\n\nThe rows are marked and go when you write changes.");
    if (m_dialogs->ask(this, QStringLiteral("Delete rows"), text, QMessageBox::Yes | QMessageBox::Cancel,
                       QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    // Rows go from the bottom up so earlier rows keep their positions.
    QList<int> positions;
    for (const QModelIndex& row : rows)
        positions << row.row();
    std::sort(positions.begin(), positions.end(), std::greater<int>());
    const PendingChanges::Group group = browser->model()->editGroup(); // one Undo brings them all back
    for (int row : positions)
        browser->model()->removeRows(row, 1);
}

void MainWindow::follow(const QString& table, const QString& column, const QVariant& key)
{
    m_history.leave(currentPlace());
    if (TableBrowser* browser = showTable(table))
        browser->goToKey(column, key);
    updateActions();
}

NavigationHistory::Place MainWindow::currentPlace() const
{
    TableBrowser* browser = currentBrowser();
    return browser ? NavigationHistory::Place{browser->tableName(), browser->currentIdentity()}
                   : NavigationHistory::Place{};
}

void MainWindow::goTo(const NavigationHistory::Place& place)
{
    if (place.table.isEmpty())
        return;
    if (TableBrowser* browser = showTable(place.table)) {
        browser->setRequest(BrowseRequest{});
        if (place.identity.isValid()) {
            // After the rows are read again, select the row that was current.
            auto select = [browser, identity = place.identity] { browser->selectIdentity(identity); };
            if (browser->model()->isLoading())
                connect(browser->model(), &TableModel::loadingChanged, browser, select, Qt::SingleShotConnection);
            else
                select();
        }
    }
}

void MainWindow::goBack()
{
    if (auto place = m_history.back(currentPlace()))
        goTo(*place);
    updateActions();
}

void MainWindow::goForward()
{
    if (auto place = m_history.forward(currentPlace()))
        goTo(*place);
    updateActions();
}

void MainWindow::newDatabase(bool demo)
{
    const QString path =
        m_dialogs->saveFileName(this, demo ? QStringLiteral("New Demo Database") : QStringLiteral("New Database"),
                                QDir::home().filePath(demo ? QStringLiteral("demo.db") : QStringLiteral("blog.db")));
    if (path.isEmpty() || !maybeKeepChanges())
        return;
    if (QFileInfo::exists(path)) {
        showError(QStringLiteral("Cannot create database"),
                  QStringLiteral("\u201c%1\u201d already exists; Quarry does not overwrite files. Choose another name.")
                      .arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (auto ok = DemoDatabase::create(path, demo); !ok) {
        showError(QStringLiteral("Cannot create database"), ok.error().message);
        return;
    }
    openFile(path, false);
}

void MainWindow::openDialog(bool readOnly)
{
    const QString path = m_dialogs->openFileName(this, readOnly ? QStringLiteral("Open Database Read-Only")
                                                                : QStringLiteral("Open Database"));
    if (!path.isEmpty())
        openFile(path, readOnly);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles.files();
    for (const QString& file : files) {
        QAction* action =
            m_recentMenu->addAction(QDir::toNativeSeparators(file), this, [this, file] { openFile(file, false); });
        action->setEnabled(QFileInfo::exists(file));
    }
    if (files.isEmpty())
        m_recentMenu->addAction(QStringLiteral("No recent files"))->setEnabled(false);
}

void MainWindow::updateTitle()
{
    if (!m_session) {
        setWindowTitle(QStringLiteral("Quarry"));
        setWindowModified(false);
        return;
    }
    QString title = QFileInfo(m_session->path()).fileName() + QStringLiteral("[*]");
    if (m_session->isReadOnly())
        title += QStringLiteral(" (read-only)");
    setWindowTitle(title + QStringLiteral(" \u2014 Quarry"));
    setWindowModified(!m_session->pending().isEmpty());
}

void MainWindow::updateStatus()
{
    if (!m_session) {
        m_versionLabel->clear();
        m_rowsLabel->clear();
        return;
    }
    const SchemaInfo& schema = m_session->schema();
    m_versionLabel->setText(schema.isBlog() ? QStringLiteral("Schema v%1").arg(schema.version)
                                            : QStringLiteral("Schema: %1").arg(schema.describe()));
    if (TableBrowser* browser = currentBrowser()) {
        const TableModel* model = browser->model();
        QString text = model->isLoading() ? QStringLiteral("%1: reading\u2026").arg(browser->tableName())
                                          : QStringLiteral("%1: %2").arg(browser->tableName(), model->rowCountText());
        if (!browser->referencesText().isEmpty())
            text += QStringLiteral("  |  selected row: ") + browser->referencesText();
        m_rowsLabel->setText(text);
    }
}

void MainWindow::updateActions()
{
    const bool open = m_session != nullptr;
    const bool writable = open && !m_session->isReadOnly();
    const bool pending = open && !m_session->pending().isEmpty();
    TableBrowser* browser = currentBrowser();
    const bool editable = writable && browser && browser->model()->table().isEditable();
    const bool editorTransaction = editorHoldsTransaction();
    m_close->setEnabled(open);
    m_write->setEnabled(pending && writable && !editorTransaction);
    const QString writeTip = editorTransaction ? kEditorTransaction : QStringLiteral("Write every pending edit");
    m_write->setToolTip(writeTip);
    m_write->setStatusTip(writeTip);
    m_revert->setEnabled(pending);
    m_undo->setEnabled(open && m_session->pending().canUndo());
    m_redo->setEnabled(open && m_session->pending().canRedo());
    m_insertRow->setEnabled(editable);
    m_deleteRows->setEnabled(editable);
    m_setNull->setEnabled(editable);
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
    m_goToRow->setEnabled(currentBrowser() != nullptr);
}

void MainWindow::updateUpgradeBar()
{
    m_upgradeBar->hide();
    if (!m_session)
        return;
    const SchemaInfo& schema = m_session->schema();
    if (schema.kind == SchemaInfo::Kind::Newer) {
        m_upgradeText->setText(
            QStringLiteral("This file is at blog schema v%1, made by a newer Quarry (this one knows up to "
                           "v%2). Its data is shown as it is; it will never be migrated.")
                .arg(schema.version)
                .arg(Migrator::LatestVersion));
        m_upgradeButton->hide();
        m_upgradeBar->show();
        return;
    }
    const bool old = schema.kind == SchemaInfo::Kind::Lesson ||
                     (schema.kind == SchemaInfo::Kind::Blog && schema.version < Migrator::LatestVersion);
    if (!old || m_session->isReadOnly())
        return;
    m_upgradeText->setText(
        schema.kind == SchemaInfo::Kind::Lesson
            ? QStringLiteral("These blog tables were made by the lesson's code. Upgrade them to schema "
                             "v%1 (NOT NULL keys that cascade, indexes, names, profiles)? A backup is "
                             "written first; no row is lost.")
                  .arg(Migrator::LatestVersion)
            : QStringLiteral("This blog database is at schema v%1. Upgrade it to v%2? A backup is "
                             "written first.")
                  .arg(schema.version)
                  .arg(Migrator::LatestVersion));
    m_upgradeButton->show();
    m_upgradeButton->setEnabled(!editorHoldsTransaction());
    m_upgradeButton->setToolTip(editorHoldsTransaction() ? kEditorTransaction : QString());
    m_upgradeBar->show();
}

void MainWindow::upgradeSchema()
{
    if (!m_session)
        return;
    if (editorHoldsTransaction()) {
        m_activityLabel->setText(QStringLiteral("Not upgraded. ") + kEditorTransaction + QLatin1Char('.'));
        return;
    }
    // Every question comes before anything is closed, so Cancel leaves the window as it was. The file is
    // reopened afterwards: the editor's unsaved text is saved or dropped here and not asked about again.
    if (!maybeKeepChanges() || !m_queryPanel->confirmClose())
        return;
    const QString path = m_session->path();
    // Readers of the old schema stop before the tables are rebuilt.
    m_tabs->closeAll();
    auto report = m_session->upgrade();
    if (!report) {
        showError(QStringLiteral("Upgrade failed"),
                  report.error().message + QStringLiteral("\n\nThe file is unchanged."));
    } else {
        QString message =
            QStringLiteral("Upgraded to schema v%1. Backup: %2").arg(report->toVersion).arg(report->backupPath);
        if (!report->orphans.isEmpty())
            message += QStringLiteral(". %1 rows refer to missing rows (kept; see Check).").arg(report->orphans.size());
        m_activityLabel->setText(message);
    }
    openFile(path, false);
    if (report)
        m_activityLabel->setText(QStringLiteral("Upgraded to schema v%1; backup written to %2")
                                     .arg(report->toVersion)
                                     .arg(QDir::toNativeSeparators(report->backupPath)));
}

void MainWindow::showError(const QString& title, const QString& message)
{
    m_lastError = message;
    m_dialogs->warn(this, title, message);
}

void MainWindow::screenshotWhenReady(const QString& path)
{
    auto shoot = [this, path] {
        // One more turn of the event loop so the rows just read are painted.
        QTimer::singleShot(100, this, [this, path] {
            const bool saved = grab().save(path, "PNG");
            QApplication::exit(saved ? 0 : 1);
        });
    };
    TableBrowser* browser = currentBrowser();
    if (!m_session || !browser) {
        QTimer::singleShot(0, this, [] { QApplication::exit(1); });
        return;
    }
    if (!browser->model()->isLoading())
        shoot();
    else
        connect(browser->model(), &TableModel::loadingChanged, this, shoot, Qt::SingleShotConnection);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeKeepChanges() || !m_queryPanel->confirmClose()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(kGeometry, saveGeometry());
    settings.setValue(kState, saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        openFile(urls.first().toLocalFile(), false);
    }
}

} // namespace quarry
