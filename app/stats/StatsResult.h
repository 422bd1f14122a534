#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace quarry {

// The rows of one panel. A result may keep only the first rows (a panel over ten million posts is not held in
// memory); the rest were still read, counted, and their numeric columns summed, so a chart can draw "others".
struct StatsResult {
    QString panel;
    QStringList columns;
    QList<QVariantList> rows; // the first rows in the panel's order; NULL is an invalid QVariant
    qint64 totalRows = 0;     // every row the statement returned
    QList<double> remainder;  // per column: the sum of the numeric values of rows not kept (0 when all are)
    qint64 elapsedMs = 0;     // prepare to last step, on the worker

    bool isComplete() const { return totalRows == rows.size(); }
    int columnIndex(const QString& name) const { return int(columns.indexOf(name)); }
};

} // namespace quarry
