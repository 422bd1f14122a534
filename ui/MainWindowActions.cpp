// The main window's actions, menus, docks and status bar, and which actions are enabled when.
#include "MainWindow.h"

#include "blog/DemoDatabase.h"
#include "browser/TableBrowser.h"
#include "browser/TableTabs.h"
#include "core/Counting.h"
#include "models/DatabaseSession.h"
#include "models/TableModel.h"
#include "query/HistoryStore.h"
#include "query/QueryPanel.h"
#include "stats/StatsDock.h"
#include "stats/StatsPage.h"
#include "value/ValueDock.h"
#include "value/ValueEditor.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTreeWidget>

namespace quarry {

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
    const QString writeTip = editorTransaction ? editorTransactionReason() : QStringLiteral("Write every pending edit");
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

} // namespace quarry
