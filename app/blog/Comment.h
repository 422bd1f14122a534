#pragma once

#include <QString>
#include <QVariant>

namespace quarry {

// A row of comments.
struct Comment {
    qint64 id = 0; // 0 for a comment not yet written
    QString content;
    qint64 postId = 0;
    qint64 authorId = 0;
    QVariant createdAt; // as the database holds it; set by the database on insert
};

} // namespace quarry
