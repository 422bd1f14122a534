#include "write/CascadeCounts.h"

#include <QTest>

using namespace quarry;

class TestCascadeCounts : public QObject {
    Q_OBJECT

private slots:
    void summarisesWhatElseGoes_data();
    void summarisesWhatElseGoes();
};

void TestCascadeCounts::summarisesWhatElseGoes_data()
{
    QTest::addColumn<qint64>("posts");
    QTest::addColumn<qint64>("comments");
    QTest::addColumn<qint64>("profiles");
    QTest::addColumn<QString>("summary");
    QTest::newRow("nothing") << qint64(0) << qint64(0) << qint64(0) << QString();
    QTest::newRow("the issue's example") << qint64(2) << qint64(3) << qint64(0)
                                         << QStringLiteral("2 posts and 3 comments");
    QTest::newRow("one of each") << qint64(1) << qint64(1) << qint64(1)
                                 << QStringLiteral("1 post, 1 comment and 1 profile");
    QTest::newRow("comments only") << qint64(0) << qint64(4) << qint64(0) << QStringLiteral("4 comments");
}

void TestCascadeCounts::summarisesWhatElseGoes()
{
    QFETCH(qint64, posts);
    QFETCH(qint64, comments);
    QFETCH(qint64, profiles);
    QFETCH(QString, summary);
    const CascadeCounts counts{posts, comments, profiles};
    QCOMPARE(counts.summary(), summary);
    QCOMPARE(counts.isEmpty(), summary.isEmpty());
}

QTEST_GUILESS_MAIN(TestCascadeCounts)
#include "tst_cascadecounts.moc"
