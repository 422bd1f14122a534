#pragma once

#include <QDockWidget>
#include <QList>

#include <memory>

class QTabWidget;

namespace quarry {

class StatsPage;
class StatsRunner;

// The stats panels in a dock, one tab per panel (StatsQueries order). Panels run on a worker thread with its own
// read-only connection; only the page being looked at runs, the others when they are next shown.
//
// The main window calls setDatabase() when a file is opened or closed (setUnavailable() for a file that is not a
// blog database) and refresh() after Write Changes or after the query editor changed data, and connects
// openInEditorRequested() to its query editor.
class StatsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit StatsDock(QWidget* parent = nullptr);
    ~StatsDock() override;

    // The file to read (opened read-only by the worker); an empty path clears the panels.
    void setDatabase(const QString& path);
    // A file is open but the panels cannot read it: clears them and shows `reason` on every page instead of
    // "No database is open." (for a file without the blog tables, notABlogDatabaseText()).
    void setUnavailable(const QString& reason);
    static QString notABlogDatabaseText();
    QString database() const;
    // The data changed: every panel is out of date; the one on show runs again now.
    void refresh();

    QStringList panelNames() const;
    StatsPage* page(const QString& panel) const;
    StatsPage* currentPage() const;
    void showPanel(const QString& panel);

signals:
    // "Open in Query Editor": the panel's SQL with its parameters written in, ready to run.
    void openInEditorRequested(const QString& sql);

private:
    std::unique_ptr<StatsRunner> m_runner;
    QTabWidget* m_tabs = nullptr;
    QList<StatsPage*> m_pages;
};

} // namespace quarry
