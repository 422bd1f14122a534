#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace quarry {

// What a BarChart draws: one horizontal bar per label, split into one segment per series (stacked), and
// optionally an "others" bar that sums the rows not shown.
struct BarChartData {
    QStringList labels;
    QStringList series;          // segment names; one series draws plain bars
    QList<QList<double>> values; // values[bar][series]
    QString othersLabel;         // empty: no "others" bar
    QList<double> others;        // per series
    QString valueTitle;          // the value axis' title, "posts"

    bool isEmpty() const { return labels.isEmpty() && othersLabel.isEmpty(); }
};

// A horizontal bar chart painted with QPainter: labels on the left (elided), a value axis with round ticks
// and grid lines, each bar's value at its end, a legend for stacked series. Horizontal bars keep long
// usernames and titles readable; the caller shows the top N rows and folds the rest into "others". An
// "others" bar longer than the axis is cut at the axis end with a break mark and its value, so it cannot
// flatten the bars that matter.
class BarChart : public QWidget {
    Q_OBJECT
public:
    explicit BarChart(QWidget* parent = nullptr);

    void setData(const BarChartData& chartData);
    const BarChartData& chartData() const { return m_data; }
    // The chart drawn on an opaque image of `size` (the widget's size when empty), for PNG export.
    QImage toImage(QSize size = {}) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void paint(QPainter& painter, const QRect& area) const;

    BarChartData m_data;
};

} // namespace quarry
