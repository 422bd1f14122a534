#include "generate/KeyedPermutation.h"

#include <QTest>

#include <vector>

using namespace quarry;

// KeyedPermutation is what keeps generated usernames unique and scatters popular authors over the ids: it
// must be a bijection of [0, n) for every n, and differ with the key.
class TestKeyedPermutation : public QObject {
    Q_OBJECT

private slots:
    void mapsEveryIndexToADistinctIndexInRange_data();
    void mapsEveryIndexToADistinctIndexInRange();
    void differentKeysGiveDifferentOrders();
};

void TestKeyedPermutation::mapsEveryIndexToADistinctIndexInRange_data()
{
    QTest::addColumn<quint64>("n");
    for (const quint64 n : {1, 2, 3, 7, 8, 9, 1000, 1024, 1025, 65537, 200000})
        QTest::addRow("%llu", static_cast<unsigned long long>(n)) << n;
}

void TestKeyedPermutation::mapsEveryIndexToADistinctIndexInRange()
{
    QFETCH(quint64, n);
    for (const quint64 key : {0ULL, 1ULL, 0xdeadbeefULL}) {
        const KeyedPermutation permutation(n, key);
        std::vector<bool> seen(n, false);
        for (quint64 i = 0; i < n; ++i) {
            const quint64 image = permutation.map(i);
            QVERIFY2(image < n, qPrintable(QStringLiteral("%1 maps to %2").arg(i).arg(image)));
            QVERIFY2(!seen[image], qPrintable(QStringLiteral("%1 is reached twice").arg(image)));
            seen[image] = true;
        }
    }
}

void TestKeyedPermutation::differentKeysGiveDifferentOrders()
{
    const quint64 n = 10000;
    const KeyedPermutation a(n, 1);
    const KeyedPermutation b(n, 2);
    int same = 0;
    int fixed = 0;
    for (quint64 i = 0; i < n; ++i) {
        same += a.map(i) == b.map(i) ? 1 : 0;
        fixed += a.map(i) == i ? 1 : 0;
    }
    // Two random permutations agree on about one place; allow a generous margin, not a near-identity.
    QVERIFY2(same < 20, qPrintable(QString::number(same)));
    QVERIFY2(fixed < 20, qPrintable(QString::number(fixed)));
}

QTEST_GUILESS_MAIN(TestKeyedPermutation)
#include "tst_keyedpermutation.moc"
