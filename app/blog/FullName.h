#pragma once

#include <QString>
#include <QStringView>

namespace quarry {

// A user's full name, computed the same way in C++ and in SQL (never stored).
//
// First and last name are trimmed of ASCII white space (space, tab, line feed, vertical tab, form feed,
// carriage return); a name that is NULL or then empty counts as absent. The full name is
//   - "First Last" when both are present,
//   - the one that is present when only one is (a person known by one name is shown by it, not by a login),
//   - else the username (the lesson's fallback; NULL if that is NULL too).
// The lesson's SQL expression used func.concat, which SQLite 3.40 does not have; this uses || instead, relying on
// NULL || x being NULL so the first term exists only when both names do.
class FullName {
public:
    static QString of(const QString& firstName, const QString& lastName, const QString& username);

    // The same rule over the columns first_name, last_name and username of the row in scope.
    static constexpr QStringView kSql = u"coalesce(nullif(trim(first_name, char(32, 9, 10, 11, 12, 13)), '') || ' ' || "
                                        u"nullif(trim(last_name, char(32, 9, 10, 11, 12, 13)), ''), "
                                        u"nullif(trim(first_name, char(32, 9, 10, 11, 12, 13)), ''), "
                                        u"nullif(trim(last_name, char(32, 9, 10, 11, 12, 13)), ''), username)";

    // kSql with each column qualified by `tableAlias` (quoted here), for queries that join users to other tables.
    static QString sqlFor(const QString& tableAlias);
};

} // namespace quarry
