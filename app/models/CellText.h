#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace quarry {

// How a grid cell shows a value that is not plain text: a REAL in the shortest text that reads back as the same
// double ("3.0", "0.1", "-0.0"), a BLOB by its size and first bytes (or its image format and size), a value cut
// for the grid with an ellipsis and its whole size, TEXT that is not UTF-8 marked as such. Never the whole of a
// long value: a grid cell shows one line.
class CellText {
public:
    // The text for such a value; nothing for integers and UTF-8 text, which show themselves.
    static std::optional<QString> summary(const QVariant& value);
    // "PNG image, 640×480" from a BLOB's first bytes, or nothing when they are not an image Quarry knows.
    static QString imageKind(const QByteArray& head);
    // A grid cell shows one line: text is cut at its first line break or at 240 characters, with an ellipsis
    // (`more` adds one anyway: the text is itself only the start of a value). Laying out kilobytes per cell would
    // cost the GUI thread more than anything else in a paint; the editors get the whole value.
    static QString oneLine(const QString& text, bool more = false);
    // The first bytes of a BLOB in hex: "00 ff 10".
    static QString hexHead(const QByteArray& bytes, int count);
};

} // namespace quarry
