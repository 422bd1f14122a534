#pragma once

#include <QString>

#include <optional>

namespace quarry {

// Lays out JSON text again without parsing it into values: strings, numbers and the order of keys stay exactly as
// written (QJsonDocument would sort an object's keys and round numbers through double).
class JsonLayout {
public:
    // One value per line, nested values indented by `indent` spaces.
    static QString pretty(const QString& json, int indent = 2);
    // No whitespace outside strings.
    static QString compact(const QString& json);
    // Why the text is not valid JSON, with its line and column ("line 3, column 7: unterminated string"), or
    // nothing when it is.
    static std::optional<QString> problem(const QString& json);
};

} // namespace quarry
