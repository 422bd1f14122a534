#pragma once

#include <QtGlobal>

namespace quarry {

// When each generated row was created, as seconds since 1970, computed on demand from its id so nothing is
// stored per row. Ids follow time, as AUTOINCREMENT ids do in a real blog, and activity grows over the years
// (the share of rows created by a fraction f of the period is f^2). Users come first, posts from one day
// after the start, comments from two days after, so the first post always has an author and the first
// comment usually has a post:
//   users    [start,       end - 2 days)
//   posts    [start + 1 d, end - 1 day)
//   comments [start + 2 d, end)
class BlogTimeline {
public:
    static constexpr qint64 kDay = 86400;
    // The shortest period the three ranges above fit in.
    static constexpr qint64 kMinimumPeriod = 3 * kDay;

    BlogTimeline(qint64 start, qint64 end, quint64 users, quint64 posts, quint64 comments, quint64 key);

    // Ids are 1-based. The first row of each table is created at its range's start.
    qint64 userTime(quint64 id) const { return at(m_users, id); }
    qint64 postTime(quint64 id) const { return at(m_posts, id); }
    // Where comment `id` falls on the timeline; the generator may move a comment later to follow its post.
    qint64 commentTime(quint64 id) const { return at(m_comments, id); }

    // The number of users (posts) created strictly before `time`, counted from `known`, the answer for a nearby
    // time: for times that mostly increase this costs O(1) per call on average. Exact whatever `known` is.
    quint64 usersBefore(qint64 time, quint64 known) const { return countBefore(m_users, time, known); }
    quint64 postsBefore(qint64 time, quint64 known) const { return countBefore(m_posts, time, known); }

private:
    struct Range {
        qint64 start = 0;
        qint64 length = 0;
        quint64 count = 0;
        quint64 key = 0;
    };
    static qint64 at(const Range& range, quint64 id);
    static quint64 countBefore(const Range& range, qint64 time, quint64 known);

    Range m_users;
    Range m_posts;
    Range m_comments;
};

} // namespace quarry
