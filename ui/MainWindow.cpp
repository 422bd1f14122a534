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
} // namespace

// While the editor's own transaction holds the file's write lock, a write from the window's connection would wait
// out its busy timeout on the GUI thread and then fail: such writes are refused at once with this reason.
QString MainWindow::editorTransactionReason()
{
    return QStringLiteral("The query editor has an open transaction: commit or roll back it first");
}

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
        const QString table = item->data(0, SchemaTableRole).toString();
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
    m_upgradeButton->setToolTip(editorHoldsTransaction() ? editorTransactionReason() : QString());
    m_upgradeBar->show();
}

void MainWindow::upgradeSchema()
{
    if (!m_session)
        return;
    if (editorHoldsTransaction()) {
        m_activityLabel->setText(QStringLiteral("Not upgraded. ") + editorTransactionReason() + QLatin1Char('.'));
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
