#pragma once

#include "core/Result.h"

#include <QSqlDatabase>

namespace quarry {

// The lesson's sample data (3 users, 4 posts, 4 comments), loaded in one transaction. Loading it twice
// adds nothing.
class SampleData {
public:
    [[nodiscard]] static Status loadLessonSample(const QSqlDatabase& db);
};

} // namespace quarry
