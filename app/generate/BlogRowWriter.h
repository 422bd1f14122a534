#pragma once

#include "generate/BlogTimeline.h"
#include "generate/GeneratorOptions.h"
#include "generate/KeyedPermutation.h"
#include "generate/RowBatch.h"
#include "generate/ZipfSampler.h"

namespace quarry {

// Writes generated blog rows into RowBatches, one row per call, in the column order of the Generator's
// INSERT statements. Every row is a function of the options and its id alone: its random choices come from a
// stream seeded by (table key, id), its time from BlogTimeline. So rows can be produced in any order or
// split between threads and still come out the same.
//
// - users: names, a unique username and email (UserIdentity), created_at growing with the id.
// - posts: a title, paragraphs, and an author drawn by a Zipf law over a keyed permutation of the users,
//   among those who had signed up by then; a few authors write thousands of posts, most a handful or none.
// - comments: on a post from the last two weeks (40%) or on a popular post (Zipf over the posts), always
//   one written before the comment; by any user signed up by then.
// - user_profiles: for `profileShare` of the users, a bio (sometimes NULL) and an avatar URL.
class BlogRowWriter {
public:
    static constexpr int kUserColumns = 5;    // username, email, created_at, first_name, last_name
    static constexpr int kPostColumns = 4;    // title, content, author_id, created_at
    static constexpr int kCommentColumns = 4; // content, post_id, author_id, created_at
    static constexpr int kProfileColumns = 4; // user_id, bio, avatar_url, created_at
    // The most text one row of each table can hold.
    static constexpr qsizetype kUserRowBytes = 256;
    static constexpr qsizetype kPostRowBytes = 8448;
    static constexpr qsizetype kCommentRowBytes = 2304;
    static constexpr qsizetype kProfileRowBytes = 1024;

    explicit BlogRowWriter(const GeneratorOptions& options);

    void user(quint64 id, RowBatch& batch) const;
    void post(quint64 id, RowBatch& batch);
    void comment(quint64 id, RowBatch& batch);
    bool hasProfile(quint64 userId) const;
    void profile(quint64 userId, RowBatch& batch) const;

private:
    quint64 author(quint64 postId, qint64 time);

    GeneratorOptions m_options;
    quint64 m_userKey;
    quint64 m_postKey;
    quint64 m_commentKey;
    quint64 m_profileKey;
    BlogTimeline m_timeline;
    KeyedPermutation m_userNumbers;
    KeyedPermutation m_authorRanks;
    KeyedPermutation m_postRanks;
    ZipfSampler m_authorLaw;
    ZipfSampler m_postLaw;
    // Hints for BlogTimeline's counts; they only speed the next count up.
    quint64 m_usersBefore = 0;
    quint64 m_postsBefore = 0;
    quint64 m_recentBefore = 0;
};

} // namespace quarry
