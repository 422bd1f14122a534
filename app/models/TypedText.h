#pragma once

#include "core/Result.h"

#include <QString>
#include <QVariant>

namespace quarry {

// A value as a person edits it as text, and text (or bytes) back to a value of the storage class they chose.
// Used by the grid's line editor and the value editor alike, so both show and read values the same way.
class TypedText {
public:
    enum class Storage { Text, Integer, Real, Blob };

    // Integers in full, REALs in the shortest text that reads back the same (ValueText::real), TEXT and BLOB as
    // their UTF-8 decoding, NULL as empty.
    static QString of(const QVariant& value);
    // Text as a value of `storage`, or why it is not one ("“abc” is not an integer …"). Line breaks go back to
    // CR LF when `crlf` (the original's lines all ended so; an editor shows only line breaks).
    [[nodiscard]] static Result<QVariant> fromText(QString text, Storage storage, bool crlf = false);
    // Bytes as a BLOB, or as TEXT (TextBytes when they are not UTF-8); numbers are not stored from bytes.
    [[nodiscard]] static Result<QVariant> fromBytes(const QByteArray& bytes, Storage storage);
    // The storage class a value is edited in: NULL is edited as text.
    static Storage storageOf(const QVariant& value);
    // True when every line break in the text is CR LF (and there is at least one).
    static bool usesCrLf(const QString& text);
};

} // namespace quarry
