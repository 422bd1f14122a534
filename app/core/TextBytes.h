#pragma once

#include <QByteArray>
#include <QMetaType>

namespace quarry {

// A TEXT value whose bytes are not valid UTF-8. A QString cannot hold them (decoding replaces them with
// U+FFFD), so they are kept as stored and written back byte for byte. Text formats (CSV, JSON, the text
// table) can only show them decoded, with U+FFFD where a byte is not UTF-8 (ValueText::plain).
struct TextBytes {
    QByteArray bytes;
    bool operator==(const TextBytes& other) const { return bytes == other.bytes; }
};

} // namespace quarry

Q_DECLARE_METATYPE(quarry::TextBytes)
