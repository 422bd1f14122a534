// The main window's tables: the schema tree, a tab per table, and going from one table to another (following a
// foreign key, Back and Forward).
#include "MainWindow.h"

#include "browser/TableBrowser.h"
#include "browser/TableTabs.h"
#include "models/DatabaseSession.h"
#include "models/TableModel.h"
#include "value/ValueDock.h"

#include <QLabel>
#include <QTreeWidget>

namespace quarry {

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
        item->setData(0, SchemaTableRole, object.name);
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

} // namespace quarry
