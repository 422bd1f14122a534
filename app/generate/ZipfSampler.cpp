#include "generate/ZipfSampler.h"

#include <algorithm>
#include <cmath>

namespace quarry {

ZipfSampler::ZipfSampler(quint64 n)
    : m_n(std::max<quint64>(n, 1))
    , m_q(std::max(1.0, double(m_n) / 2000.0))
    , m_low(quarterPowerInverse(m_q))
    , m_range(quarterPowerInverse(double(m_n) + m_q) - m_low)
{
}

double ZipfSampler::quarterPowerInverse(double x)
{
    return 1.0 / std::sqrt(std::sqrt(x));
}

quint64 ZipfSampler::rank(double u) const
{
    // Inverse of the continuous CDF: x = (q^-1/4 + u * range)^-4 - q.
    const double y = m_low + u * m_range;
    const double y2 = y * y;
    const double x = 1.0 / (y2 * y2) - m_q;
    if (!(x > 0.0))
        return 0;
    const auto rank = quint64(x);
    return std::min(rank, m_n - 1);
}

} // namespace quarry
