#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace quarry::bench {

// What BrowseBench measured on one side; a missing figure is a step that failed or passed the limit (a note
// says which and why). Printed under "quarry" and "baseline".
struct BrowseFigures {
    std::optional<double> firstRowsMs;
    std::optional<double> jumpToLastMs;
    std::optional<double> sortTitleMs;
    std::optional<double> filterMs;
    std::optional<double> peakRssMb;
    std::optional<double> maxStallMs;
    QStringList notes;

    // The six figures under the key names, null when missing.
    QJsonObject toJson() const;
    static QStringList keys();
    // A figure as JSON: one decimal, null when missing.
    static QJsonValue figure(const std::optional<double>& value);
};

} // namespace quarry::bench
