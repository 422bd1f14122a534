#pragma once

#include <QDockWidget>
#include <QMetaObject>
#include <QPointer>

#include <memory>

namespace quarry {

class Dialogs;
class TableBrowser;
class ValueEditor;

// The value editor's dock: follows the current cell of the table shown, while it is visible (a hidden dock reads
// nothing), and comes forward when a cell too long or too binary for the grid's line editor is edited (F2,
// double-click, typing).
class ValueDock : public QDockWidget {
    Q_OBJECT
public:
    ValueDock(Dialogs& dialogs, QWidget* parent = nullptr);
    ~ValueDock() override;

    // The open file, or an empty path when none is.
    void setDatabase(const QString& path);
    // The browser whose current cell the editor follows (null for none).
    void follow(TableBrowser* browser);
    // Brings the dock forward when `browser`'s grid asks for the value editor.
    void watch(TableBrowser* browser);
    ValueEditor* editor() const { return m_editor.get(); }
    // Makes an edit typed in the editor but not applied pending (before Write Changes); false when it cannot be.
    bool applyPending();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void sync();

    Dialogs& m_dialogs;
    std::unique_ptr<ValueEditor> m_editor;
    QPointer<TableBrowser> m_browser;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace quarry
