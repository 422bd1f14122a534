#pragma once

#include <QString>

namespace quarry {

// What else goes when a user or a post is deleted (the schema's ON DELETE CASCADE): for a user, their posts,
// every comment they wrote or that was written on their posts (each counted once), and their profile; for a
// post, its comments.
struct CascadeCounts {
    qint64 posts = 0;
    qint64 comments = 0;
    qint64 profiles = 0;

    bool isEmpty() const { return posts == 0 && comments == 0 && profiles == 0; }
    // "2 posts, 3 comments and 1 profile"; empty when nothing else goes. For "This also deletes %1."
    QString summary() const;
};

} // namespace quarry
