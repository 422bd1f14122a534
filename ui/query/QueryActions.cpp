#include "QueryActions.h"

#include <QAction>
#include <QMenu>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QWidget>

namespace quarry {

namespace {

QAction* makeAction(QWidget* owner, const QString& text, const QList<QKeySequence>& keys, const QString& tip)
{
    auto* action = new QAction(text, owner);
    action->setShortcuts(keys);
    // Shortcuts work wherever the focus is inside the panel, and nowhere else in the window.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QString toolTip = tip;
    if (!keys.isEmpty())
        toolTip += QStringLiteral(" (%1)").arg(keys.front().toString(QKeySequence::NativeText));
    action->setToolTip(toolTip);
    owner->addAction(action);
    return action;
}

} // namespace

QueryActions::QueryActions(QWidget* panel)
{
    run = makeAction(panel, QStringLiteral("Run"),
                     {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                     QStringLiteral("Run the selection, or everything"));
    run->setIcon(panel->style()->standardIcon(QStyle::SP_MediaPlay));
    runStatement = makeAction(panel, QStringLiteral("Run Statement"), {QKeySequence(Qt::SHIFT | Qt::Key_F5)},
                              QStringLiteral("Run the statement under the cursor"));
    runStatement->setIcon(panel->style()->standardIcon(QStyle::SP_MediaSeekForward));
    stop = makeAction(panel, QStringLiteral("Stop"), {QKeySequence(Qt::Key_Escape)},
                      QStringLiteral("Stop the running statement"));
    stop->setIcon(panel->style()->standardIcon(QStyle::SP_MediaStop));
    explain = makeAction(panel, QStringLiteral("Explain"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
                         QStringLiteral("Show the query plan of the statement under the cursor"));
    readOnly = makeAction(panel, QStringLiteral("Read-only"), {},
                          QStringLiteral("Run statements without writing to the file"));
    readOnly->setCheckable(true);
    newTab = makeAction(panel, QStringLiteral("New Tab"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
                        QStringLiteral("A new query tab"));
    newTab->setIcon(panel->style()->standardIcon(QStyle::SP_FileIcon));
    // Open and Save have no shortcuts: the main window's Ctrl+O and Ctrl+S belong to the database. Save As has
    // Ctrl+Shift+S, which the window leaves free.
    open = makeAction(panel, QStringLiteral("Open SQL\u2026"), {}, QStringLiteral("Open a .sql file in a new tab"));
    open->setIcon(panel->style()->standardIcon(QStyle::SP_DialogOpenButton));
    save = makeAction(panel, QStringLiteral("Save SQL"), {}, QStringLiteral("Save this tab's SQL"));
    save->setIcon(panel->style()->standardIcon(QStyle::SP_DialogSaveButton));
    saveAs = makeAction(panel, QStringLiteral("Save SQL As\u2026"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                        QStringLiteral("Save this tab's SQL under a new name"));
    find = makeAction(panel, QStringLiteral("Find"), {QKeySequence(Qt::CTRL | Qt::Key_F)},
                      QStringLiteral("Find in the SQL"));
    replace = makeAction(panel, QStringLiteral("Replace"), {QKeySequence(Qt::CTRL | Qt::Key_H)},
                         QStringLiteral("Find and replace"));
    comment = makeAction(panel, QStringLiteral("Toggle Comment"), {QKeySequence(Qt::CTRL | Qt::Key_Slash)},
                         QStringLiteral("Comment or uncomment the selected lines"));
    exportResult = makeAction(panel, QStringLiteral("Export Result\u2026"), {},
                              QStringLiteral("Export the shown result to CSV or JSON"));
    snippet = makeAction(panel, QStringLiteral("Save as Snippet\u2026"), {},
                         QStringLiteral("Save the selection or the whole text under a name"));
}

void QueryActions::update(bool databaseOpen, bool running)
{
    run->setEnabled(databaseOpen && !running);
    runStatement->setEnabled(databaseOpen && !running);
    explain->setEnabled(databaseOpen && !running);
    stop->setEnabled(running);
}

QToolBar* QueryActions::toolBar(QWidget* parent) const
{
    auto* bar = new QToolBar(parent);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    bar->addAction(run);
    bar->addAction(runStatement);
    bar->addAction(stop);
    bar->addAction(explain);
    bar->addSeparator();
    bar->addAction(newTab);
    bar->addAction(open);
    bar->addAction(save);
    // Save As hangs off Save's arrow, where people look for it; the menu shows its shortcut.
    if (auto* saveButton = qobject_cast<QToolButton*>(bar->widgetForAction(save))) {
        saveButton->setObjectName(QStringLiteral("saveButton"));
        auto* saveMenu = new QMenu(saveButton);
        saveMenu->addAction(save);
        saveMenu->addAction(saveAs);
        saveButton->setMenu(saveMenu);
        saveButton->setPopupMode(QToolButton::MenuButtonPopup);
    }
    // The editing commands work by shortcut anywhere in the panel; this menu lists them with their keys.
    auto* editButton = new QToolButton(bar);
    editButton->setObjectName(QStringLiteral("editMenuButton"));
    editButton->setText(QStringLiteral("Edit"));
    editButton->setToolTip(QStringLiteral("Find, replace and comment"));
    editButton->setIcon(parent->style()->standardIcon(QStyle::SP_FileDialogContentsView));
    editButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    editButton->setPopupMode(QToolButton::InstantPopup);
    auto* editMenu = new QMenu(editButton);
    editMenu->addAction(find);
    editMenu->addAction(replace);
    editMenu->addSeparator();
    editMenu->addAction(comment);
    editButton->setMenu(editMenu);
    bar->addWidget(editButton);
    bar->addSeparator();
    bar->addAction(exportResult);
    bar->addAction(snippet);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(readOnly);
    return bar;
}

} // namespace quarry
