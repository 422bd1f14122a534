#include "generate/BlogRowWriter.h"

#include "generate/ProseWriter.h"
#include "generate/RandomStream.h"
#include "generate/TimestampText.h"
#include "generate/UserIdentity.h"

#include <algorithm>

namespace quarry {

namespace {

using namespace std::string_view_literals;

constexpr qint64 kRecentWindow = 14 * BlogTimeline::kDay;
constexpr double kRecentShare = 0.4;
constexpr int kAuthorTries = 8;
constexpr int kPostTries = 4;

// Each table's key and each permutation's key, derived from the seed in a fixed order.
struct Keys {
    explicit Keys(quint64 seed)
    {
        quint64 state = seed;
        for (quint64& key : all)
            key = RandomStream::splitMix64(state);
    }
    quint64 all[8];
};

void timestamp(RowBatch& batch, qint64 time)
{
    TextBuffer text = batch.text(TimestampText::kLength);
    char formatted[TimestampText::kLength];
    TimestampText::write(time, formatted);
    text.append(std::string_view(formatted, TimestampText::kLength));
    batch.commitText(text);
}

} // namespace

BlogRowWriter::BlogRowWriter(const GeneratorOptions& options)
    : m_options(options)
    , m_userKey(Keys(options.seed).all[0])
    , m_postKey(Keys(options.seed).all[1])
    , m_commentKey(Keys(options.seed).all[2])
    , m_profileKey(Keys(options.seed).all[3])
    , m_timeline(options.startTime, options.endTime, quint64(options.users), quint64(options.posts),
                 quint64(options.comments), Keys(options.seed).all[4])
    , m_userNumbers(UserIdentity::numberRange(quint64(options.users)), Keys(options.seed).all[5])
    , m_authorRanks(quint64(std::max<qint64>(options.users, 1)), Keys(options.seed).all[6])
    , m_postRanks(quint64(std::max<qint64>(options.posts, 1)), Keys(options.seed).all[7])
    , m_authorLaw(quint64(options.users))
    , m_postLaw(quint64(options.posts))
{
}

void BlogRowWriter::user(quint64 id, RowBatch& batch) const
{
    const UserIdentity identity(id, m_userKey, m_userNumbers);
    TextBuffer username = batch.text(50);
    identity.writeUsername(username);
    batch.commitText(username);
    TextBuffer email = batch.text(120);
    identity.writeEmail(email);
    batch.commitText(email);
    timestamp(batch, m_timeline.userTime(id));
    TextBuffer first = batch.text(30);
    first.append(identity.firstName());
    batch.commitText(first);
    TextBuffer last = batch.text(30);
    last.append(identity.lastName());
    batch.commitText(last);
    batch.endRow();
}

quint64 BlogRowWriter::author(quint64 postId, qint64 time)
{
    // The first user signs up at the very start and posts begin a day later, so someone is always there.
    m_usersBefore = m_timeline.usersBefore(time, m_usersBefore);
    RandomStream random(RandomStream::hash(m_postKey ^ 0x5a5a5a5a5a5a5a5aULL, postId));
    for (int i = 0; i < kAuthorTries; ++i) {
        const quint64 candidate = m_authorRanks.map(m_authorLaw.rank(random.uniform())) + 1;
        if (candidate <= m_usersBefore)
            return candidate;
    }
    // Early in the blog's life most popular authors have not signed up yet: anyone who has will do.
    return 1 + random.below(m_usersBefore);
}

void BlogRowWriter::post(quint64 id, RowBatch& batch)
{
    RandomStream random(RandomStream::hash(m_postKey, id));
    ProseWriter prose(random);
    TextBuffer title = batch.text(200);
    prose.title(title);
    batch.commitText(title);
    // Mostly two to seven sentences, now and then a long read.
    const int sentences = 1 + int(random.below(4) + random.below(4)) + (random.chance(0.1) ? int(random.below(20)) : 0);
    TextBuffer content = batch.text(kPostRowBytes - 200 - TimestampText::kLength);
    prose.paragraphs(content, sentences);
    batch.commitText(content);
    const qint64 time = m_timeline.postTime(id);
    batch.number(qint64(author(id, time)));
    timestamp(batch, time);
    batch.endRow();
}

void BlogRowWriter::comment(quint64 id, RowBatch& batch)
{
    RandomStream random(RandomStream::hash(m_commentKey, id));
    qint64 time = m_timeline.commentTime(id);
    m_postsBefore = m_timeline.postsBefore(time, m_postsBefore);
    if (m_postsBefore == 0) {
        // Only when there are very few posts: comment on the first one shortly after it appeared.
        time = m_timeline.postTime(1) + 60 + qint64(random.below(3600));
        m_postsBefore = m_timeline.postsBefore(time, m_postsBefore);
    }
    m_recentBefore = m_timeline.postsBefore(time - kRecentWindow, m_recentBefore);

    quint64 post = 0;
    if (m_postsBefore > m_recentBefore && random.chance(kRecentShare)) {
        post = m_recentBefore + 1 + random.below(m_postsBefore - m_recentBefore);
    } else {
        for (int i = 0; i < kPostTries && post == 0; ++i) {
            const quint64 candidate = m_postRanks.map(m_postLaw.rank(random.uniform())) + 1;
            if (candidate <= m_postsBefore)
                post = candidate;
        }
        if (post == 0)
            post = 1 + random.below(m_postsBefore);
    }
    m_usersBefore = m_timeline.usersBefore(time, m_usersBefore);
    const quint64 author = 1 + random.below(m_usersBefore);

    ProseWriter prose(random);
    TextBuffer content = batch.text(kCommentRowBytes - TimestampText::kLength);
    prose.paragraphs(content, 1 + int(random.below(3)) + (random.chance(0.08) ? int(random.below(8)) : 0));
    batch.commitText(content);
    batch.number(qint64(post));
    batch.number(qint64(author));
    timestamp(batch, time);
    batch.endRow();
}

bool BlogRowWriter::hasProfile(quint64 userId) const
{
    return RandomStream::unit(RandomStream::hash(m_profileKey ^ 0xa5a5a5a5a5a5a5a5ULL, userId)) <
           m_options.profileShare;
}

void BlogRowWriter::profile(quint64 userId, RowBatch& batch) const
{
    RandomStream random(RandomStream::hash(m_profileKey, userId));
    batch.number(qint64(userId));
    if (random.chance(0.15)) {
        batch.null();
    } else {
        ProseWriter prose(random);
        TextBuffer bio = batch.text(600);
        prose.paragraphs(bio, 1 + int(random.below(2)));
        batch.commitText(bio);
    }
    TextBuffer avatar = batch.text(255);
    avatar.append("https://avatars.example.com/"sv);
    UserIdentity(userId, m_userKey, m_userNumbers).writeUsername(avatar);
    avatar.append(".png"sv);
    batch.commitText(avatar);
    // Users fill in their profile within two days of signing up; users sign up at least two days before the end.
    timestamp(batch, m_timeline.userTime(userId) + qint64(random.below(2 * BlogTimeline::kDay)));
    batch.endRow();
}

} // namespace quarry
