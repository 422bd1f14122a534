#pragma once

#include <QTabWidget>

#include <functional>

class QLineEdit;
class QListWidget;
class QTableView;

namespace quarry {

class HistoryModel;
class HistoryStore;
class Dialogs;

// The query history of the open file (searchable) and the named snippets; either can be put back into the
// editor. Works without a store too (then it says history is off).
class HistoryPanel : public QTabWidget {
    Q_OBJECT
public:
    // `currentSql` gives the text "Save as Snippet" saves (the editor's selection or its whole text).
    HistoryPanel(HistoryStore* store, Dialogs& prompts, std::function<QString()> currentSql, QWidget* parent = nullptr);

    void setDatabase(const QString& path);
    // Reads the history again (after a run).
    void refresh();
    void refreshSnippets();
    // Saves `sql` as a snippet, asking for its name. False when cancelled or refused.
    bool saveSnippet(const QString& sql);

    HistoryModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* searchField() const { return m_search; }
    QListWidget* snippetList() const { return m_snippets; }

signals:
    // The person wants this SQL in the editor.
    void insertRequested(const QString& sql);

private:
    void insertSelectedEntry();
    void insertSelectedSnippet();

    HistoryStore* m_store;
    Dialogs& m_prompts;
    std::function<QString()> m_currentSql;
    QString m_database;
    HistoryModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_search = nullptr;
    QListWidget* m_snippets = nullptr;
};

} // namespace quarry
