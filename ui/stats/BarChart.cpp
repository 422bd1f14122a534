#include "stats/BarChart.h"

#include <QImage>
#include <QLocale>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace quarry {

namespace {

constexpr int kMargin = 8;
constexpr int kGap = 6;
constexpr int kMaxRowHeightLines = 2; // a bar row is at most two text lines tall, however few bars

const QColor kSeriesColors[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f),
                                QColor(0xe1, 0x57, 0x59)};
const QColor kOthersColor(0xba, 0xb0, 0xac);

QColor seriesColor(qsizetype index)
{
    return kSeriesColors[index % std::size(kSeriesColors)];
}

double sum(const QList<double>& values)
{
    return std::accumulate(values.cbegin(), values.cend(), 0.0);
}

QString valueText(double value)
{
    const QLocale locale;
    if (std::abs(value - std::round(value)) < 1e-9 && std::abs(value) < 1e15)
        return locale.toString(qlonglong(std::llround(value)));
    return locale.toString(value, 'f', 2);
}

// A round tick step (1, 2 or 5 times a power of ten) giving about `ticks` intervals up to `max`.
double niceStep(double max, int ticks)
{
    const double raw = max / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return std::max(1.0, nice * magnitude); // counts are whole numbers: no step below one
}

} // namespace

BarChart::BarChart(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void BarChart::setData(const BarChartData& chartData)
{
    m_data = chartData;
    updateGeometry();
    update();
}

QSize BarChart::sizeHint() const
{
    const qsizetype bars = m_data.labels.size() + (m_data.othersLabel.isEmpty() ? 0 : 1);
    const int line = fontMetrics().height();
    return {480, int(std::clamp<qsizetype>(bars, 3, 25)) * (line + 6) + 4 * line};
}

QSize BarChart::minimumSizeHint() const
{
    return {240, 6 * fontMetrics().height()};
}

QImage BarChart::toImage(QSize size) const
{
    if (size.isEmpty())
        size = this->size().isEmpty() ? sizeHint() : this->size();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setFont(font());
    paint(painter, image.rect());
    return image;
}

void BarChart::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    paint(painter, rect());
}

void BarChart::paint(QPainter& painter, const QRect& area) const
{
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics metrics(painter.font());
    const QColor text = palette().color(QPalette::Text);
    const QColor grid = palette().color(QPalette::Mid);
    const int line = metrics.height();
    QRect frame = area.adjusted(kMargin, kMargin, -kMargin, -kMargin);

    if (m_data.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(frame, Qt::AlignCenter, tr("No rows to chart"));
        return;
    }

    // Legend for stacked series.
    if (m_data.series.size() > 1) {
        int x = frame.left();
        for (qsizetype s = 0; s < m_data.series.size(); ++s) {
            painter.fillRect(QRect(x, frame.top() + line / 4, line / 2 + 2, line / 2 + 2), seriesColor(s));
            x += line / 2 + 2 + kGap / 2;
            painter.setPen(text);
            painter.drawText(QRect(x, frame.top(), frame.right() - x, line), Qt::AlignLeft | Qt::AlignVCenter,
                             m_data.series.at(s));
            x += metrics.horizontalAdvance(m_data.series.at(s)) + 2 * kGap;
        }
        frame.setTop(frame.top() + line + kGap);
    }

    // The bars and their totals.
    QStringList labels = m_data.labels;
    QList<double> totals;
    for (const QList<double>& bar : m_data.values)
        totals << sum(bar);
    const bool hasOthers = !m_data.othersLabel.isEmpty();
    const double othersTotal = hasOthers ? sum(m_data.others) : 0.0;
    if (hasOthers)
        labels << m_data.othersLabel;

    double max = totals.isEmpty() ? 0.0 : *std::max_element(totals.cbegin(), totals.cend());
    if (totals.isEmpty() || max <= 0.0)
        max = std::max(max, othersTotal); // only "others" (or only zeros): scale to what there is
    max = std::max(max, 1.0);
    const double step = niceStep(max, std::max(2, frame.width() / 120));
    const double axisMax = std::ceil(max / step) * step;

    int labelWidth = 0;
    for (const QString& label : std::as_const(labels))
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(label));
    // A pixel or two to spare: elidedText() measures in fractions and would cut a label exactly this wide.
    labelWidth = std::min(labelWidth + 2, frame.width() * 2 / 5);
    int valueWidth = metrics.horizontalAdvance(valueText(axisMax));
    if (hasOthers)
        valueWidth = std::max(valueWidth, metrics.horizontalAdvance(valueText(othersTotal)));

    const int axisHeight = 2 * line + kGap; // tick labels, then the axis title
    const QRect plot(frame.left() + labelWidth + kGap, frame.top(),
                     std::max(10, frame.width() - labelWidth - kGap - valueWidth - kGap),
                     std::max(line, frame.height() - axisHeight));
    const auto xFor = [&](double value) {
        return plot.left() + int(std::lround(std::min(value, axisMax) / axisMax * plot.width()));
    };

    // Grid and ticks.
    painter.setPen(grid);
    for (double tick = 0; tick <= axisMax + step / 2; tick += step) {
        const int x = xFor(tick);
        painter.setPen(QPen(grid, 0, tick == 0 ? Qt::SolidLine : Qt::DotLine));
        painter.drawLine(x, plot.top(), x, plot.bottom());
        painter.setPen(text);
        const QString tickText = valueText(tick);
        const int w = metrics.horizontalAdvance(tickText);
        painter.drawText(QRect(x - w / 2 - 2, plot.bottom() + 2, w + 4, line), Qt::AlignCenter, tickText);
    }
    painter.setPen(grid);
    painter.drawLine(plot.left(), plot.bottom(), plot.right(), plot.bottom());
    if (!m_data.valueTitle.isEmpty()) {
        painter.setPen(text);
        painter.drawText(QRect(plot.left(), plot.bottom() + line + kGap / 2, plot.width(), line), Qt::AlignCenter,
                         m_data.valueTitle);
    }

    const int rows = int(labels.size());
    const double rowHeight = std::min(double(plot.height()) / rows, double(kMaxRowHeightLines * line));
    const int barHeight = std::max(2, int(rowHeight * 0.7));
    for (int r = 0; r < rows; ++r) {
        const bool isOthers = hasOthers && r == rows - 1;
        const int top = plot.top() + int(r * rowHeight);
        const int barTop = top + int((rowHeight - barHeight) / 2);
        // Labels only where there is room for their text; bars are drawn regardless.
        if (rowHeight >= line * 0.9 || r % std::max(1, int(line / rowHeight) + 1) == 0) {
            QFont labelFont = painter.font();
            labelFont.setItalic(isOthers);
            painter.setFont(labelFont);
            painter.setPen(text);
            painter.drawText(QRect(frame.left(), int(top + rowHeight / 2 - line / 2), labelWidth, line),
                             Qt::AlignRight | Qt::AlignVCenter,
                             QFontMetrics(labelFont).elidedText(labels.at(r), Qt::ElideRight, labelWidth));
            labelFont.setItalic(false);
            painter.setFont(labelFont);
        }
        const QList<double> segments = isOthers ? m_data.others : m_data.values.at(r);
        double start = 0;
        for (qsizetype s = 0; s < segments.size(); ++s) {
            const double end = start + segments.at(s);
            const int x0 = xFor(start);
            const int x1 = xFor(end);
            if (x1 > x0)
                painter.fillRect(QRect(x0, barTop, x1 - x0, barHeight), isOthers ? kOthersColor : seriesColor(s));
            start = end;
        }
        const double total = isOthers ? othersTotal : totals.at(r);
        int valueX = xFor(total) + kGap / 2;
        if (total > axisMax) {
            // Cut: two slanted strokes across the bar's end say "longer than drawn".
            const int x = plot.right() - 6;
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setPen(QPen(palette().color(QPalette::Base), 3));
            painter.drawLine(x - 3, barTop + barHeight + 2, x + 1, barTop - 2);
            painter.drawLine(x + 2, barTop + barHeight + 2, x + 6, barTop - 2);
            painter.setRenderHint(QPainter::Antialiasing, false);
            valueX = plot.right() + kGap / 2;
        }
        if (rowHeight >= line * 0.9) {
            painter.setPen(text);
            painter.drawText(QRect(valueX, int(top + rowHeight / 2 - line / 2), valueWidth + kGap, line),
                             Qt::AlignLeft | Qt::AlignVCenter, valueText(total));
        }
    }
}

} // namespace quarry
