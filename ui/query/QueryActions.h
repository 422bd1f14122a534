#pragma once

class QAction;
class QToolBar;
class QWidget;

namespace quarry {

// The query panel's commands, one QAction each, and the toolbar that shows them. Every action belongs to the
// panel and its shortcut works wherever the focus is inside the panel, and nowhere else in the window.
struct QueryActions {
    explicit QueryActions(QWidget* panel);
    QToolBar* toolBar(QWidget* parent) const;
    // Enables what can be done with the database open (or not) and a run going on (or not).
    void update(bool databaseOpen, bool running);

    QAction* run = nullptr;
    QAction* runStatement = nullptr;
    QAction* stop = nullptr;
    QAction* explain = nullptr;
    QAction* readOnly = nullptr;
    QAction* newTab = nullptr;
    QAction* open = nullptr;
    QAction* save = nullptr;
    QAction* saveAs = nullptr;
    QAction* find = nullptr;
    QAction* replace = nullptr;
    QAction* comment = nullptr;
    QAction* exportResult = nullptr;
    QAction* snippet = nullptr;
};

} // namespace quarry
