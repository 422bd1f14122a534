#pragma once

#include "Dialogs.h"
#include "NavigationHistory.h"
#include "RecentFiles.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QPushButton;
class QTreeWidget;

namespace quarry {

class DatabaseSession;
class HistoryStore;
class QueryPanel;
class StatsDock;
class ValueDock;
class TableBrowser;
class TableTabs;

// The main window: the tables of the open file in tabs, a schema tree beside them, docks for the query
// editor and the stats panels, and the file and edit commands. Edits stay pending across every table until
// Write Changes (Ctrl+S) writes them all in one transaction, or Revert Changes drops them. While a transaction
// begun in the query editor is open it holds the file's write lock: Write Changes and Upgrade are off (saying
// why) and the questions about pending edits offer only to discard them, so the GUI thread never waits on it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<Dialogs> dialogs = std::make_unique<MessageBoxDialogs>(),
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens `path`, after asking about pending edits in the file open now, showing `table` (or, without one, the
    // file's first table). Reports failure in the window.
    bool openFile(const QString& path, bool readOnly, const QString& table = {});
    // Closes the file, after asking about pending edits; false when the person cancelled.
    bool closeFile();
    // Shows `table` in its tab (opening the tab if needed) and returns its browser.
    TableBrowser* showTable(const QString& table);
    TableBrowser* currentBrowser() const;
    DatabaseSession* session() const { return m_session.get(); }
    QueryPanel* queryPanel() const { return m_queryPanel; }
    QDockWidget* queryDock() const { return m_queryDock; }
    StatsDock* statsDock() const { return m_statsDock; }
    ValueDock* valueDock() const { return m_valueDock; }

    // Writes every pending edit in one transaction; on failure keeps them and shows which row and why.
    bool writeChanges();
    void revertChanges();
    // Asks (saying what else a cascade deletes), then marks the selected rows deleted.
    void deleteSelectedRows();
    void goBack();
    void goForward();

    // Renders the window to `path` once the current table's first rows are shown, then quits with status 0
    // (1 when the file could not be opened or the image not written).
    void screenshotWhenReady(const QString& path);
    QString lastError() const { return m_lastError; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void newDatabase(bool demo);
    void openDialog(bool readOnly);
    bool maybeKeepChanges();
    void fillSchemaTree();
    void updateTitle();
    void updateStatus();
    void updateActions();
    void updateUpgradeBar();
    void upgradeSchema();
    void fillRecentMenu();
    // Connects a browser just built in its tab to the window's status, navigation and activity line.
    void connectBrowser(TableBrowser* browser);
    void follow(const QString& table, const QString& column, const QVariant& key);
    void goTo(const NavigationHistory::Place& place);
    NavigationHistory::Place currentPlace() const;
    void showError(const QString& title, const QString& message);
    void onWritten(const QStringList& tables);
    void createDocks();
    // The query editor asks before it runs a writing statement while edits are pending.
    bool resolvePendingBeforeQuery();
    // The editor's own BEGIN holds the file's write lock: the window's writes are refused until it ends.
    bool editorHoldsTransaction() const;
    // Why a write is refused while editorHoldsTransaction().
    static QString editorTransactionReason();
    // The schema tree item's role that holds its table's name.
    static constexpr int SchemaTableRole = Qt::UserRole + 1;
    void onEditorTransactionChanged(bool open);
    void onQueryChangedDatabase(bool schemaChanged);
    void reloadBrowsers();

    std::unique_ptr<Dialogs> m_dialogs;
    std::unique_ptr<DatabaseSession> m_session;
    NavigationHistory m_history;
    QString m_lastError;

    QTreeWidget* m_schemaTree;
    TableTabs* m_tabs;
    QWidget* m_upgradeBar;
    QLabel* m_upgradeText;
    QPushButton* m_upgradeButton;
    QLabel* m_versionLabel;
    QLabel* m_rowsLabel;
    QLabel* m_activityLabel;
    QMenu* m_recentMenu = nullptr;
    RecentFiles m_recentFiles;
    std::unique_ptr<HistoryStore> m_historyStore;
    QueryPanel* m_queryPanel = nullptr;
    QDockWidget* m_queryDock = nullptr;
    StatsDock* m_statsDock = nullptr;
    ValueDock* m_valueDock = nullptr;

    QAction* m_newDemo = nullptr;
    QAction* m_newEmpty = nullptr;
    QAction* m_open = nullptr;
    QAction* m_openReadOnly = nullptr;
    QAction* m_close = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_write = nullptr;
    QAction* m_revert = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_insertRow = nullptr;
    QAction* m_deleteRows = nullptr;
    QAction* m_setNull = nullptr;
    QAction* m_back = nullptr;
    QAction* m_forward = nullptr;
    QAction* m_goToRow = nullptr;
    QAction* m_about = nullptr;
};

} // namespace quarry
