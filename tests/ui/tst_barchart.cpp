#include "stats/BarChart.h"

#include <QImage>
#include <QTest>

using namespace quarry;

namespace {

// Pixels that differ from the background: a blank chart has none.
int inkPixels(const QImage& image, const QColor& background)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y) != background ? 1 : 0;
    return count;
}

int pixelsOf(const QImage& image, const QColor& color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y) == color ? 1 : 0;
    return count;
}

BarChartData posts()
{
    BarChartData data;
    data.series = {QStringLiteral("post_count")};
    data.valueTitle = QStringLiteral("post_count");
    data.labels = {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("charlie")};
    data.values = {{2}, {1}, {1}};
    return data;
}

const QColor kFirstSeries(0x4e, 0x79, 0xa7);
const QColor kSecondSeries(0xf2, 0x8e, 0x2b);
const QColor kOthers(0xba, 0xb0, 0xac);

} // namespace

class TestBarChart : public QObject {
    Q_OBJECT

private slots:
    void drawsBarsInProportion();
    void stacksSeries();
    void cutsAnOthersBarLongerThanTheAxis();
    void saysSoWhenThereIsNothingToDraw();
    void grabsLikeItPaints();
};

void TestBarChart::drawsBarsInProportion()
{
    BarChart chart;
    chart.setData(posts());
    const QImage image = chart.toImage(QSize(400, 200));
    const QColor background = chart.palette().color(QPalette::Base);
    QVERIFY(inkPixels(image, background) > 2000);
    // alice's bar is twice bob's: count the bar colour along each bar's middle row.
    QList<int> widths;
    for (int y = 0; y < image.height(); ++y) {
        int run = 0;
        for (int x = 0; x < image.width(); ++x)
            run += image.pixelColor(x, y) == kFirstSeries ? 1 : 0;
        if (run > 0 && (widths.isEmpty() || widths.last() != run))
            widths << run;
    }
    QCOMPARE(widths.size(), 2); // 2 for alice, then the same length for bob and charlie
    QVERIFY2(qAbs(widths.at(0) - 2 * widths.at(1)) <= 2, qPrintable(QStringLiteral("%1 vs %2").arg(widths.at(0)).arg(widths.at(1))));
}

void TestBarChart::stacksSeries()
{
    BarChartData data;
    data.series = {QStringLiteral("posts"), QStringLiteral("comments")};
    data.labels = {QStringLiteral("alice"), QStringLiteral("bob")};
    data.values = {{2, 1}, {1, 2}};
    BarChart chart;
    chart.setData(data);
    const QImage image = chart.toImage(QSize(400, 200));
    const int first = pixelsOf(image, kFirstSeries);
    const int second = pixelsOf(image, kSecondSeries);
    QVERIFY(first > 500);
    // Both series have 3 in total, so their areas match (legend squares included in both).
    QVERIFY2(qAbs(first - second) < first / 10, qPrintable(QStringLiteral("%1 vs %2").arg(first).arg(second)));
}

void TestBarChart::cutsAnOthersBarLongerThanTheAxis()
{
    BarChartData data = posts();
    data.othersLabel = QStringLiteral("997 other users");
    data.others = {5000};
    BarChart chart;
    chart.setData(data);
    const QImage image = chart.toImage(QSize(400, 200));
    // The others bar is grey and no longer than the plot, so alice's bar keeps most of the width.
    QVERIFY(pixelsOf(image, kOthers) > 200);
    int aliceRun = 0;
    for (int y = 0; y < image.height() && aliceRun == 0; ++y)
        for (int x = 0; x < image.width(); ++x)
            aliceRun += image.pixelColor(x, y) == kFirstSeries ? 1 : 0;
    QVERIFY2(aliceRun > 150, qPrintable(QString::number(aliceRun)));
}

void TestBarChart::saysSoWhenThereIsNothingToDraw()
{
    BarChart chart;
    QVERIFY(chart.chartData().isEmpty());
    const QImage image = chart.toImage(QSize(300, 120));
    QVERIFY(inkPixels(image, chart.palette().color(QPalette::Base)) > 0); // the "No rows to chart" text
    QCOMPARE(pixelsOf(image, kFirstSeries), 0);
}

void TestBarChart::grabsLikeItPaints()
{
    BarChart chart;
    chart.resize(420, 220);
    chart.setData(posts());
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QImage grabbed = chart.grab().toImage().convertToFormat(QImage::Format_ARGB32);
    QVERIFY(pixelsOf(grabbed, kFirstSeries) > 500);
}

QTEST_MAIN(TestBarChart)
#include "tst_barchart.moc"
