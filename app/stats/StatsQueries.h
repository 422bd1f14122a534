#pragma once

#include "stats/StatsPanel.h"
#include "stats/StatsParameters.h"

#include <QList>
#include <QStringList>

namespace quarry {

// The catalogue of stats panels, in the order the dock and `quarry stats` show them. The SQL lives in
// resources/sql/stats/<name>.sql; the table here says how each panel is titled and charted.
class StatsQueries {
public:
    static const QList<StatsPanel>& all();
    static QStringList names();
    // The panel called `name`, or nullptr.
    static const StatsPanel* find(const QString& name);
    // The panel's SQL with its parameters written in as literals, to run as it stands in the query editor.
    static QString sqlWithValues(const StatsPanel& panel, const StatsParameters& parameters);
};

} // namespace quarry
