#pragma once

#include <QHash>
#include <QString>
#include <QVariant>

namespace quarry {

// What a person asked to see of a table: filters, quick search, order, and for detail views a fixed
// "column = value" condition (a user's posts, a post's comments).
struct BrowseRequest {
    QHash<int, QString> columnFilters; // model column -> filter text (see BrowseSql for the syntax)
    QString quickSearch;
    int sortColumn = -1; // -1: the table's natural order (rowid)
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
    QString fixedColumn;
    QVariant fixedValue;

    friend bool operator==(const BrowseRequest&, const BrowseRequest&) = default;
};

} // namespace quarry
