#pragma once

#include <QStringList>
#include <QTabWidget>

namespace quarry {

class DatabaseSession;
class TableBrowser;
class TablePage;

// The open file's tables, one tab each (a TablePage). A tab's TableBrowser is built the first time the tab
// is shown, so opening a file reads the rows of one table only; a tab that is closed deletes its browser.
class TableTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit TableTabs(QWidget* parent = nullptr);
    ~TableTabs() override;

    // The session new browsers read from. Close the tabs before the session goes (closeAll).
    void setSession(DatabaseSession* session) { m_session = session; }

    // Shows `table` in its tab (adding the tab if needed) and returns its browser; null when the table cannot
    // be shown, having said why (tableUnavailable, or on the page itself).
    TableBrowser* showTable(const QString& table);
    // Adds a tab for each of `tables` and shows `shown` (adding its tab if it is not among them); when `shown`
    // cannot be shown, the first tab is shown instead.
    void addTables(const QStringList& tables, const QString& shown);
    // Closes every tab, deleting the browsers, without building any on the way.
    void closeAll();

    // The browser in tab `index`, or null when that tab has not been shown yet.
    TableBrowser* browserAt(int index) const;
    TableBrowser* currentBrowser() const { return browserAt(currentIndex()); }
    QStringList tableNames() const;
    QString currentTable() const;

signals:
    // A tab's browser has just been built (the window connects to it).
    void browserBuilt(TableBrowser* browser);
    // `table` is not in the file (a link followed to a table dropped since): it gets no tab.
    void tableUnavailable(const QString& table, const QString& message);
    // The table of a tab being shown cannot be read; the page says so in place of a grid.
    void browserFailed(const QString& table, const QString& message);
    // Another tab is shown, its browser built if it had none.
    void currentTableChanged();

private:
    TablePage* pageAt(int index) const;
    TablePage* addPage(const QString& table);
    TableBrowser* build(TablePage* page);

    DatabaseSession* m_session = nullptr;
};

} // namespace quarry
