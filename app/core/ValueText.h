#pragma once

#include "core/ResultCell.h"

#include <QString>

namespace quarry {

// How result values become text, the same in the grid, the exporters and the command line.
class ValueText {
public:
    // The shortest text that reads back as the same double, always looking like a real: 1.0, 0.1, 1e+300.
    static QString real(double value);
    // A value as plain text for CSV, TSV and the clipboard: integers and reals as numbers, TEXT as is,
    // BLOB as base64, NULL as an empty string.
    static QString plain(const QVariant& value);
    // A cell as the grid and the text table show it: NULL as "NULL", a BLOB by its size, a truncated TEXT
    // with an ellipsis, line breaks shown as spaces so a row stays one line high.
    static QString display(const ResultCell& cell);
    // The type of a full value as a ResultCell sees it.
    static ResultCell::Type typeOf(const QVariant& value);
    // Human-readable byte size: "640 bytes", "12.5 KiB", "3.2 MiB".
    static QString byteSize(qint64 bytes);
};

} // namespace quarry
