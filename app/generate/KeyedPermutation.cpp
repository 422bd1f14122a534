#include "generate/KeyedPermutation.h"

#include "generate/RandomStream.h"

namespace quarry {

KeyedPermutation::KeyedPermutation(quint64 n, quint64 key) : m_n(n)
{
    int bits = 1;
    while (bits < 63 && (quint64(1) << bits) < n)
        ++bits;
    m_mask = (quint64(1) << bits) - 1;
    m_shift = bits / 2 + 1;
    quint64 state = key;
    for (int i = 0; i < 2; ++i) {
        m_multiplier[i] = RandomStream::splitMix64(state) | 1; // odd, so invertible modulo a power of two
        m_offset[i] = RandomStream::splitMix64(state);
    }
}

quint64 KeyedPermutation::mix(quint64 x) const
{
    // Each step is invertible on [0, 2^bits): multiply by an odd number, add, xor with a right shift.
    for (int i = 0; i < 2; ++i) {
        x = (x * m_multiplier[i] + m_offset[i]) & m_mask;
        x ^= x >> m_shift;
    }
    return x;
}

quint64 KeyedPermutation::map(quint64 index) const
{
    quint64 x = mix(index);
    while (x >= m_n)
        x = mix(x); // cycle walking: stays a bijection of [0, n)
    return x;
}

} // namespace quarry
