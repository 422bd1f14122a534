#pragma once

#include <QtGlobal>

namespace quarry {

// Ranks in [0, n) drawn with weight (rank + q)^-1.25 (a Zipf-Mandelbrot law): a few ranks take a large share,
// most take little or nothing. q grows with n (n / 2000) so the head stays comparable at every scale: at
// 1M users and 10M posts the busiest authors write thousands of posts, the median author one or two, a third
// none. The exponent 5/4 is fixed so inverting the distribution needs only sqrt and products, which IEEE
// rounds exactly on every platform (pow does not).
class ZipfSampler {
public:
    explicit ZipfSampler(quint64 n);

    // The rank for a uniform number u in [0, 1).
    quint64 rank(double u) const;

private:
    static double quarterPowerInverse(double x); // x^-1/4

    quint64 m_n;
    double m_q;
    double m_low;   // q^-1/4
    double m_range; // (n + q)^-1/4 - q^-1/4
};

} // namespace quarry
