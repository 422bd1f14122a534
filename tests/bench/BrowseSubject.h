#pragma once

#include <QScrollBar>
#include <QString>
#include <QTableView>

class QLineEdit;
class QWidget;

namespace quarry::bench {

// One side of the comparison: a window showing the posts table in a QTableView, driven by BrowseBench with
// the same key presses, clicks and typing on either side.
class BrowseSubject {
public:
    virtual ~BrowseSubject() = default;

    // The window, shown before the clock starts (a person has the application open, then opens the file).
    virtual QWidget* window() const = 0;
    // Opens `path` and shows its posts table; the clock runs from the call until the first rows are painted.
    virtual bool open(const QString& path, QString& error) = 0;
    virtual QTableView* view() const = 0;
    // The scroll bar a person drags to move through the whole table (the view's own, unless the side shows
    // tables too big for the view through a window of rows with a bar of its own).
    virtual QScrollBar* scrollBar() const { return view()->verticalScrollBar(); }
    // The table row (0 for the first) that the view's row `viewRow` shows.
    virtual qint64 tableRow(int viewRow) const { return viewRow; }
    // The row's data is in the model (not a placeholder waiting for its page).
    virtual bool isRowLoaded(int row) const = 0;
    virtual int titleColumn() const = 0;
    // The field a person types a title filter into (Return applies it).
    virtual QLineEdit* titleFilter() const = 0;
    // Shows busy feedback a person can see (a "Loading" label, a Cancel button), for the notes.
    virtual bool showsProgress() const = 0;
};

} // namespace quarry::bench
