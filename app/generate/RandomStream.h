#pragma once

#include <QtGlobal>

namespace quarry {

// xoshiro256** seeded through splitmix64: fast, and the same numbers for the same seed on every platform and
// library version (std::mt19937_64 is portable but the std distributions built on it are not). Every value
// derived from it uses integer arithmetic or IEEE operations that are exactly rounded (+ - * / sqrt), never
// libm's pow or log, so generated data stays byte-identical everywhere.
class RandomStream {
public:
    explicit RandomStream(quint64 seed)
    {
        quint64 state = seed;
        for (quint64& word : m_state)
            word = splitMix64(state);
    }

    quint64 next()
    {
        const quint64 result = rotateLeft(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotateLeft(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return unit(next()); }
    // Uniform in [0, n); n must be below 2^53.
    quint64 below(quint64 n) { return quint64(uniform() * double(n)); }
    // Uniform in [low, high].
    qint64 between(qint64 low, qint64 high) { return low + qint64(below(quint64(high - low) + 1)); }
    bool chance(double probability) { return uniform() < probability; }

    // splitmix64: advances `state` and returns a well-mixed word. Also seeds independent streams.
    static quint64 splitMix64(quint64& state)
    {
        quint64 z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // A stateless random word for (key, index): what a value needs when it must be recomputed at will, in any
    // order, without storing it.
    static quint64 hash(quint64 key, quint64 index)
    {
        quint64 state = key ^ (index * 0xd1b54a32d192ed03ULL);
        return splitMix64(state);
    }
    static double unit(quint64 word) { return double(word >> 11) * 0x1.0p-53; }

private:
    static quint64 rotateLeft(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }

    quint64 m_state[4];
};

} // namespace quarry
