#pragma once

#include <QString>

namespace quarry {

// What a file holds, as far as Quarry's blog schema is concerned.
struct SchemaInfo {
    enum class Kind {
        Empty,  // no tables at all: a new file
        Blog,   // Quarry's blog schema at `version` (PRAGMA user_version)
        Lesson, // made by the lesson's own Python code: the blog tables with user_version 0; treated as v1
        Newer,  // a blog schema from a newer Quarry (user_version above the latest known): never migrated
        Other,  // any other SQLite file
    };

    Kind kind = Kind::Other;
    int version = 0;     // the blog schema version: 0 for Empty, 1 for Lesson, user_version otherwise
    int userVersion = 0; // PRAGMA user_version as read

    bool isBlog() const { return kind == Kind::Blog || kind == Kind::Lesson || kind == Kind::Newer; }
    QString describe() const;
};

} // namespace quarry
