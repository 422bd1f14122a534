#include "generate/BlogTimeline.h"

#include "generate/RandomStream.h"

#include <algorithm>
#include <cmath>

namespace quarry {

BlogTimeline::BlogTimeline(qint64 start, qint64 end, quint64 users, quint64 posts, quint64 comments, quint64 key)
{
    const qint64 length = end - start - 2 * kDay;
    quint64 state = key;
    m_users = {start, length, users, RandomStream::splitMix64(state)};
    m_posts = {start + kDay, length, posts, RandomStream::splitMix64(state)};
    m_comments = {start + 2 * kDay, length, comments, RandomStream::splitMix64(state)};
}

qint64 BlogTimeline::at(const Range& range, quint64 id)
{
    if (id <= 1 || range.count == 0)
        return range.start;
    // Row id takes a random point of its slot [id - 1, id) out of count slots; sqrt makes later years busier.
    // Every step is monotonic, so times never decrease as ids increase.
    const double jitter = RandomStream::unit(RandomStream::hash(range.key, id));
    const double share = (double(id - 1) + jitter) / double(range.count);
    return range.start + qint64(double(range.length) * std::sqrt(share));
}

quint64 BlogTimeline::countBefore(const Range& range, qint64 time, quint64 known)
{
    quint64 count = std::min(known, range.count);
    while (count > 0 && at(range, count) >= time)
        --count;
    while (count < range.count && at(range, count + 1) < time)
        ++count;
    return count;
}

} // namespace quarry
