#pragma once

#include <QtGlobal>

namespace quarry {

// A pseudo-random bijection of [0, n) chosen by a key, computed on demand in O(1) memory: it maps a
// popularity rank to the row that holds it, so the busiest authors and posts are scattered over the ids
// without a table of n entries. A mixing bijection on the enclosing power of two, walked until it lands
// inside [0, n) (fewer than two steps on average).
class KeyedPermutation {
public:
    KeyedPermutation(quint64 n, quint64 key);

    quint64 map(quint64 index) const;

private:
    quint64 mix(quint64 x) const;

    quint64 m_n;
    quint64 m_mask;
    int m_shift;
    quint64 m_multiplier[2];
    quint64 m_offset[2];
};

} // namespace quarry
