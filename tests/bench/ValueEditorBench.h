#pragma once

#include "BenchOptions.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

class QPlainTextEdit;

namespace quarry::bench {

class BrowseBench;
class QuarrySubject;

// What ValueEditorBench measured on a file; a missing figure is a step that failed or passed the limit.
struct ValueEditorFigures {
    std::optional<double> goToMiddleMs;     // Go to row on the BLOB's row, until the grid shows it
    std::optional<double> blobFirstBytesMs; // View > Value Editor on the BLOB, until its first bytes are painted
    std::optional<double> blobLoadedMs;     // ... until the editor has read what it reads of it (isLoaded)
    std::optional<double> textShownMs;      // the same on the TEXT, until its text page shows the value read

    QJsonObject toJson() const;
    static QStringList keys();
};

// Opens the value editor on a cell (the huge BLOB and TEXT, or small values in the same rows) as a person does, on
// Quarry's window after BrowseBench::browse(): types the row's number into the Go to row field and presses Return,
// clicks the value's cell, then chooses View > Value Editor (the dock's own action, the one Ctrl+Shift+E triggers), and
// times it until the editor's page is painted showing the value's first bytes. The dock is closed again before the next
// cell.
class ValueEditorBench {
public:
    ValueEditorBench(BrowseBench& bench, QuarrySubject& subject, const BenchOptions& options);

    // The cells' values begin with `blobHead` (bytes) and `textFirstLine`: the huge ones, or the plain file's small
    // ones in the same rows, for the same steps on a file without huge values.
    ValueEditorFigures run(qint64 blobRowId, const QByteArray& blobHead, qint64 textRowId,
                           const QString& textFirstLine);

private:
    // Goes to the row and makes its value cell current; the time, or nothing (with a note) when the grid did not get
    // there.
    std::optional<double> selectCell(qint64 rowId);
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
