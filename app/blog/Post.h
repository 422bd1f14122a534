#pragma once

#include <QString>
#include <QVariant>

namespace quarry {

// A row of posts.
struct Post {
    qint64 id = 0; // 0 for a post not yet written
    QString title;
    QString content;
    qint64 authorId = 0;
    QVariant createdAt; // as the database holds it; set by the database on insert
};

} // namespace quarry
