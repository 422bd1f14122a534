#pragma once

#include "BenchOptions.h"
#include "BrowseFigures.h"
#include "StallMonitor.h"

#include <QElapsedTimer>

#include <functional>
#include <memory>
#include <optional>

namespace quarry::bench {

class BrowseSubject;
class PaintProbe;

// Drives one side's posts view as a person would, with real key presses, clicks and typing, and times each
// step from the action until its result is painted:
//   first rows   open the file and show posts, until the first rows are painted;
//   jump to last Ctrl+End (pressed again while the view's last row is not the table's), until the table's
//                last row is painted with its data;
//   scroll       the scroll bar stepped from top to bottom, each position waiting for its rows (peak RSS after);
//   filter       a word typed into the title filter and Return, until matching rows are painted;
//   sort         a click on the Title header, until the first rows in title order are painted.
// (The huge-values scenario takes the first three only: browse().)
// A step longer than the limit, or one that takes the process past the memory limit, is left null.
class BrowseBench {
public:
    BrowseBench(BrowseSubject& subject, const BenchOptions& options);
    ~BrowseBench();

    // Every step: browse(), filterAndSort(), finish().
    BrowseFigures run();
    // First rows, jump to last and the scroll; false when the file could not be opened (a note says why).
    bool browse(BrowseFigures& figures);
    void filterAndSort(BrowseFigures& figures);
    // The longest stall and the notes into `figures`.
    void finish(BrowseFigures& figures);

    // For the steps of other scenarios on the same window (ValueEditorBench).
    using Condition = std::function<bool()>;
    // Runs `act`, then the event loop until a paint of `probe` (the grid's when null) that began with `shown`
    // true has finished. `nudge` runs at every turn of the loop (pressing again, scrolling on). Returns the
    // milliseconds, or nothing with a note.
    std::optional<double> timeStep(const QString& step, const Condition& act, const Condition& shown,
                                   const std::function<void()>& nudge = {}, PaintProbe* probe = nullptr);
    const QElapsedTimer& clock() const { return m_clock; }
    bool visibleRowsLoaded() const;
    void pressKey(QWidget* target, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier, const QString& text = {});
    void type(QWidget* target, const QString& text);
    void addNote(const QString& note) { m_notes << note; }

private:
    // Turns the event loop for `ms` (background work goes on; stalls are still measured).
    void idle(int ms);
    int lastVisibleRow() const;
    QString title(int row) const;
    void clickHeader(int section);
    std::optional<double> scrollEndToEnd();
    QString filterWord() const;

    BrowseSubject& m_subject;
    const BenchOptions& m_options;
    QElapsedTimer m_clock;
    StallMonitor m_stalls;
    std::unique_ptr<PaintProbe> m_probe;
    QStringList m_notes;
    QStringList m_stallNotes;
};

} // namespace quarry::bench
