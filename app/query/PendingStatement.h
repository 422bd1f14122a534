#pragma once

#include "database/QueryParameter.h"

#include <QString>

namespace quarry {

// A prepared statement the runner holds back until the person answers: it has parameters without values,
// it writes and the write guard has not been asked yet in this run, or it is destructive.
struct PendingStatement {
    int runId = 0;
    int index = 0; // in the script
    QString sql;
    int position = 0;                 // character offset of the statement in the script
    QList<QueryParameter> parameters; // the ones still needing values, in the order values are expected
    bool writes = false;              // sqlite3_stmt_readonly() said no
    bool needsWriteGuard = false;
    QString destructiveReason; // non-empty when the statement asks for confirmation
};

} // namespace quarry
