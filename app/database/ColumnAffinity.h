#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace quarry {

// What SQLite stores when a value goes into a column: the column's type affinity, found from its declared
// type by SQLite's rules, applied by SQLite itself, so what a cell shows before Write Changes is what the file
// will hold ('00601' typed into an INTEGER column is stored as 601, into a TEXT column it stays '00601').
class ColumnAffinity {
public:
    enum class Kind { Integer, Real, Numeric, Text, Blob };

    // SQLite's rules for a declared type ("Determination Of Column Affinity"): INT, then CHAR/CLOB/TEXT, then
    // BLOB or no type, then REAL/FLOA/DOUB, else NUMERIC.
    static Kind of(const QString& declaredType);
    static QString name(Kind kind);

    // The value SQLite stores when `value` is written into a column of this affinity (a non-STRICT table).
    // Text that reads as a number becomes that number where the affinity is numeric; a number read as REAL is
    // the correctly rounded double of the text typed (SQLite 3.40's own conversion can be one unit off in the
    // last place on 17-digit input).
    static QVariant stored(const QVariant& value, Kind kind);

    // The correctly rounded double of decimal text as SQLite reads a number (spaces around, a leading sign);
    // nothing when the text is not one number.
    static std::optional<double> realFromText(const QString& text);
};

} // namespace quarry
