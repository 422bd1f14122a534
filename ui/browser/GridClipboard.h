#pragma once

#include "core/Result.h"

#include <QString>

class QTableView;

namespace quarry {

class TableModel;

// The grid's selection to and from the clipboard's text.
//
// Copy writes whole values: a cell cut for the grid is read from the file first. TSV (what spreadsheets paste),
// CSV and JSON come from ResultWriter, as the query editor's do; SQL INSERT statements use SqlLiteral, so NULL
// stays NULL and BLOBs are x'…'. Paste reads TSV at the current cell into pending edits, each value taken as if
// typed into its cell: a cell whose text is unchanged is left alone, nothing is written before Write Changes, and
// a range that does not fit, or a cell that cannot be edited, refuses the whole paste with the row and column.
class GridClipboard {
public:
    enum class Format { Tsv, Csv, Json, SqlInsert };
    static constexpr qint64 MaxCopyCells = 1'000'000;
    static constexpr qint64 MaxCopyBytes = 256LL * 1024 * 1024;

    [[nodiscard]] static Result<QString> copy(const QTableView* view, const TableModel* model, const QString& path,
                                              Format format, bool headers);
    // Returns the number of cells changed.
    [[nodiscard]] static Result<int> paste(const QTableView* view, TableModel* model, const QString& text);
};

} // namespace quarry
