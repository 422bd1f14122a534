#include "generate/RandomStream.h"
#include "generate/TimestampText.h"

#include <QDateTime>
#include <QTest>

using namespace quarry;

// TimestampText writes what CURRENT_TIMESTAMP writes, checked against QDateTime.
class TestTimestampText : public QObject {
    Q_OBJECT

private slots:
    void writesUtcTextLikeCurrentTimestamp_data();
    void writesUtcTextLikeCurrentTimestamp();
    void agreesWithQDateTimeOverCenturies();
};

namespace {

QString written(qint64 seconds)
{
    char text[TimestampText::kLength];
    TimestampText::write(seconds, text);
    return QString::fromLatin1(text, TimestampText::kLength);
}

QString expected(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

void TestTimestampText::writesUtcTextLikeCurrentTimestamp_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01 00:00:00");
    QTest::newRow("generator start") << qint64(1483228800) << QStringLiteral("2017-01-01 00:00:00");
    QTest::newRow("leap day") << qint64(1582934400 + 3723) << QStringLiteral("2020-02-29 01:02:03");
    QTest::newRow("last second of a year") << qint64(1672531199) << QStringLiteral("2022-12-31 23:59:59");
    QTest::newRow("before 1970") << qint64(-1) << QStringLiteral("1969-12-31 23:59:59");
    QTest::newRow("year 2000 (leap)") << qint64(951782400) << QStringLiteral("2000-02-29 00:00:00");
}

void TestTimestampText::writesUtcTextLikeCurrentTimestamp()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(written(seconds), text);
}

void TestTimestampText::agreesWithQDateTimeOverCenturies()
{
    RandomStream random(20240229);
    const qint64 from = -2208988800; // 1900-01-01
    const qint64 to = 7258118400;    // 2200-01-01
    for (int i = 0; i < 20000; ++i) {
        const qint64 seconds = random.between(from, to);
        QCOMPARE(written(seconds), expected(seconds));
    }
}

QTEST_GUILESS_MAIN(TestTimestampText)
#include "tst_timestamptext.moc"
