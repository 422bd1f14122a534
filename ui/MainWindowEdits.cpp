// The main window's pending edits: writing and reverting them, deleting rows, keeping them from being lost when
// a file closes or the query editor changes the file, and keeping the query editor's transaction apart.
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

bool MainWindow::resolvePendingBeforeQuery()
{
    if (!m_session || m_session->pending().isEmpty())
        return true;
    const int rows = m_session->pending().rowCount();
    const QString changed = plainCountText(rows, QStringLiteral("changed row"), QStringLiteral("changed rows"));
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
    m_upgradeButton->setToolTip(open ? editorTransactionReason() : QString());
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
                     plainCountText(rows, QStringLiteral("changed row"), QStringLiteral("changed rows"))),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        return answer == QMessageBox::Discard;
    }
    const auto answer =
        m_dialogs->ask(this, QStringLiteral("Pending changes"),
                       QStringLiteral("%1 has %2 pending. Write them to the file before closing it?")
                           .arg(QFileInfo(m_session->path()).fileName(),
                                plainCountText(rows, QStringLiteral("changed row"), QStringLiteral("changed rows"))),
                       QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return writeChanges();
    return true;
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
        m_activityLabel->setText(QStringLiteral("Nothing was written. ") + editorTransactionReason() +
                                 QLatin1Char('.'));
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
    // The rows are named by identity before the question: while it is asked, the rows read in the background
    // may move the grid's window, and the same positions would then be other rows.
    QVariantList identities;
    QVariantList stored;
    for (const QModelIndex& row : rows) {
        const QVariant identity = row.data(TableModel::IdentityRole);
        if (!identity.isValid())
            continue;
        identities << identity;
        if (!PendingChanges::isInserted(identity))
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
    browser->model()->deleteRowsOf(identities); // one Undo brings them all back
}

} // namespace quarry
