#pragma once

#include <QList>
#include <QString>

namespace quarry {

// One stats panel: what it is called, the SQL it runs, and how its rows are charted. The SQL text is the whole
// truth: the GUI, `quarry stats` and the benchmark run exactly this text with StatsParameters::bindings().
struct StatsPanel {
    enum class Chart {
        None,        // a table only
        Bars,        // one bar per row: valueColumns.first()
        StackedBars, // one bar per row, one segment per value column
    };

    QString name;        // "post-counts": the --panel value and the JSON key
    QString title;       // "Posts per user", for the page's tab
    QString description; // one sentence saying what the rows are
    QString sql;         // one statement, from :/sql/stats/<name>.sql
    Chart chart = Chart::None;
    QList<int> labelColumns; // joined to label a bar ("title (author)")
    QList<int> valueColumns; // the measures drawn, in stacking order
    bool usesPeriod = false; // takes StatsParameters' days / this-month choice (bound as :since)
    bool singleRow = false;  // one row of figures (totals): a JSON object rather than an array
    QString rowNoun;         // what a row is, plural ("users"), for "1,234 other users" in a chart
};

} // namespace quarry
