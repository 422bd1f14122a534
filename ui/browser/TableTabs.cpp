#include "browser/TableTabs.h"

#include "browser/TableBrowser.h"
#include "browser/TablePage.h"
#include "models/DatabaseSession.h"
#include "models/TableModel.h"

#include <QPointer>
#include <QSignalBlocker>

namespace quarry {

TableTabs::TableTabs(QWidget* parent) : QTabWidget(parent)
{
    setTabsClosable(true);
    setDocumentMode(true);
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget* page = widget(index);
        removeTab(index);
        delete page;
    });
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        // A page that could not be built says why instead of trying again.
        if (TablePage* page = pageAt(index); page && !page->browser() && page->problem().isEmpty())
            build(page);
        emit currentTableChanged();
    });
}

TableTabs::~TableTabs()
{
    closeAll();
}

TableBrowser* TableTabs::showTable(const QString& table)
{
    if (!m_session)
        return nullptr;
    TablePage* page = nullptr;
    for (int i = 0; i < count() && !page; ++i) {
        if (TablePage* candidate = pageAt(i); candidate && candidate->tableName() == table)
            page = candidate;
    }
    if (!page && !(page = addPage(table)))
        return nullptr;
    const QPointer<TablePage> shown(page);
    setCurrentWidget(page); // builds the browser, if this is the tab's first showing
    if (!shown)             // whoever heard currentTableChanged closed it
        return nullptr;
    if (!page->browser() && page->problem().isEmpty())
        build(page);
    return page->browser();
}

void TableTabs::addTables(const QStringList& tables, const QString& shown)
{
    {
        const QSignalBlocker quiet(this);
        for (const QString& table : tables)
            addPage(table);
    }
    if (!shown.isEmpty() && !showTable(shown) && count() > 0 && !currentBrowser())
        showTable(pageAt(0)->tableName());
}

void TableTabs::closeAll()
{
    // Taking out the current tab makes the next one current, which would build its browser only to delete it.
    const QSignalBlocker quiet(this);
    while (count() > 0)
        delete widget(0);
}

TableBrowser* TableTabs::browserAt(int index) const
{
    const TablePage* page = pageAt(index);
    return page ? page->browser() : nullptr;
}

QStringList TableTabs::tableNames() const
{
    QStringList names;
    for (int i = 0; i < count(); ++i) {
        if (const TablePage* page = pageAt(i))
            names << page->tableName();
    }
    return names;
}

QString TableTabs::currentTable() const
{
    const TablePage* page = pageAt(currentIndex());
    return page ? page->tableName() : QString();
}

TablePage* TableTabs::pageAt(int index) const
{
    return qobject_cast<TablePage*>(widget(index));
}

TablePage* TableTabs::addPage(const QString& table)
{
    auto info = m_session->table(table);
    if (!info) {
        emit tableUnavailable(table, info.error().message);
        return nullptr;
    }
    auto* page = new TablePage(table, this);
    const int index = addTab(page, table);
    if (!info->isEditable())
        setTabToolTip(index, QStringLiteral("%1 is read-only: %2").arg(table, info->readOnlyReason));
    return page;
}

TableBrowser* TableTabs::build(TablePage* page)
{
    const QString table = page->tableName();
    auto model = m_session->createModel(table);
    if (!model) {
        // Said on the page itself, not in a dialog: this runs while the tab is being switched to.
        page->showProblem(QStringLiteral("Cannot show %1: %2").arg(table, model.error().message));
        emit browserFailed(table, model.error().message);
        return nullptr;
    }
    auto* browser = new TableBrowser(*m_session, std::move(*model), page);
    page->setBrowser(browser);
    emit browserBuilt(browser);
    return browser;
}

} // namespace quarry
