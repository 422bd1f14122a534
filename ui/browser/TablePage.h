#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace quarry {

class TableBrowser;

// One tab of the main window: the page for a table, whose TableBrowser is built when the tab is first shown.
// Opening a blog file puts users, posts and comments in tabs at once, but only the shown one needs a grid, a
// model and a loader thread; building the other two as well cost the GUI thread tens of milliseconds and had
// three loaders share the machine's cores with it while the first rows were read.
class TablePage : public QWidget {
    Q_OBJECT
public:
    explicit TablePage(const QString& table, QWidget* parent = nullptr);

    QString tableName() const { return m_table; }
    // The browser, or null while the tab has not been shown (or could not be: see showProblem).
    TableBrowser* browser() const { return m_browser; }
    // Takes `browser` as the page's content; the page owns it.
    void setBrowser(TableBrowser* browser);
    // Says on the page why the table cannot be shown, in place of a browser.
    void showProblem(const QString& message);
    QString problem() const;

private:
    QString m_table;
    QVBoxLayout* m_layout;
    TableBrowser* m_browser = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace quarry
