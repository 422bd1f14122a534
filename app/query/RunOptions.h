#pragma once

namespace quarry {

// How a run treats statements that need the person's say.
struct RunOptions {
    // Hold back the first statement that writes (sqlite3_stmt_readonly() == 0) until the GUI has asked its
    // write guard (the browser's pending edits).
    bool guardWrites = false;
    // Hold back every destructive statement (see StatementClassifier) for confirmation.
    bool confirmDestructive = true;
};

} // namespace quarry
