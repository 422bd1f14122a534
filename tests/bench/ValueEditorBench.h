#pragma once

#include "BenchOptions.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

class QPlainTextEdit;

namespace quarry::bench {

class BrowseBench;
class QuarrySubject;

// What ValueEditorBench measured on the huge file; a missing figure is a step that failed or passed the limit.
struct ValueEditorFigures {
    std::optional<double> blobFirstBytesMs; // View > Value Editor on the huge BLOB, until its first bytes are painted
    std::optional<double> blobLoadedMs;     // ... until the editor has read what it reads of it (isLoaded)
    std::optional<double> textShownMs;      // the same on the huge TEXT, until its text page shows the value read

    QJsonObject toJson() const;
    static QStringList keys();
};

// Opens the value editor on a huge cell as a person does, on Quarry's window after BrowseBench::browse(): types
// the row's number into the Go to row field and presses Return, clicks the value's cell, then chooses
// View > Value Editor (the dock's own action, the one Ctrl+Shift+E triggers), and times it until the editor's
// page is painted showing the value's first bytes. The dock is closed again before the next cell.
class ValueEditorBench {
public:
    ValueEditorBench(BrowseBench& bench, QuarrySubject& subject, const BenchOptions& options);

    ValueEditorFigures run(qint64 blobRowId, qint64 textRowId);

private:
    // Goes to the row and makes its value cell current; false (with a note) when the grid did not get there.
    bool selectCell(qint64 rowId);
    // View > Value Editor, timed until `page` is painted with `firstLine` as its first line; `loadedMs` is set to
    // the time until the editor had read the value, when it was read within the limit.
    std::optional<double> openEditor(const QString& step, QPlainTextEdit* page, const QString& firstLine,
                                     std::optional<double>* loadedMs = nullptr);
    void closeEditor();

    BrowseBench& m_bench;
    QuarrySubject& m_subject;
    const BenchOptions& m_options;
};

} // namespace quarry::bench
