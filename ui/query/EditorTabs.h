#pragma once

#include "query/SchemaCatalog.h"

#include <QTabWidget>

namespace quarry {

class Dialogs;
class SqlEditor;

// The query editor's tabs: new queries and .sql files, each with its own undo history. Closing a tab, or
// everything, with unsaved text asks first (Save / Discard / Cancel) through Dialogs.
class EditorTabs : public QTabWidget {
    Q_OBJECT
public:
    EditorTabs(Dialogs& prompts, QWidget* parent = nullptr);

    SqlEditor* currentEditor() const;
    SqlEditor* editorAt(int index) const;
    QList<SqlEditor*> editors() const;

    // A new tab holding `text`, named `title` (or "Query N" when empty).
    SqlEditor* newTab(const QString& text = {}, const QString& title = {});
    // Renames the tab of an editor without a file.
    void setTitle(SqlEditor* editor, const QString& title);
    // Puts `sql` into the current editor (a new one when there is none) at the cursor.
    void insertSql(const QString& sql);
    // Shows `sql` in an editor of its own, named `title` when one is given: a new tab, or the current one when it
    // is empty (so nothing the person wrote is touched). Returns that editor.
    SqlEditor* openSql(const QString& sql, const QString& title = {});
    // Opens `path` in a new tab (or switches to the tab that has it). False with a message when unreadable.
    bool openFile(const QString& path);
    // Asks for a file and opens it.
    bool open();
    // Saves the current tab to its file, asking for a name when it has none.
    bool save();
    bool saveAs();
    bool saveTo(SqlEditor* editor, const QString& path);
    // Closes tab `index`, asking about unsaved text. False when the person cancels.
    bool closeTab(int index);
    // Asks about every tab with unsaved text. False when the person cancels; the tabs stay as they are.
    // Otherwise the tabs whose text was discarded are closed (an empty tab is left when none remains), so
    // their text is really gone and never asked about again.
    bool confirmDiscardAll();
    bool hasUnsavedText() const;

    void setCatalog(const SchemaCatalog& catalog);

signals:
    void currentEditorChanged(quarry::SqlEditor* editor);

private:
    void updateTitle(SqlEditor* editor);
    // Save, discard or cancel for one editor's unsaved text; false on cancel. `discarded` tells a Discard.
    bool resolveUnsaved(SqlEditor* editor, bool* discarded = nullptr);

    Dialogs& m_prompts;
    SchemaCatalog m_catalog;
    int m_untitled = 0;
};

} // namespace quarry
