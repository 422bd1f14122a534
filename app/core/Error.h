#pragma once

#include <QString>

namespace quarry {

// An error as a value: what went wrong in words, and where it came from. app/ never shows or prints
// errors; the GUI and the CLI decide how to present them.
struct Error {
    enum class Kind {
        NotFound,     // a path or object that does not exist
        NotADatabase, // not an SQLite file, encrypted, or corrupt
        ReadOnly,     // a write was asked of a read-only connection
        Constraint,   // UNIQUE, NOT NULL, CHECK or FOREIGN KEY
        Validation,   // a value refused by the domain rules before it reached SQLite
        Sql,          // any other SQLite error
        Io,           // file system trouble outside SQLite
        Usage,        // a request that makes no sense (bad version number, bad option)
        Cancelled,    // interrupted on request
    };

    Kind kind = Kind::Sql;
    QString message;    // a full sentence naming what is wrong
    int sqliteCode = 0; // SQLite's extended result code when SQLite reported it, else 0
    QString sqliteText; // SQLite's own message, verbatim

    static Error make(Kind kind, QString message, int code = 0, QString sqliteText = {})
    {
        return Error{kind, std::move(message), code, std::move(sqliteText)};
    }
};

} // namespace quarry
