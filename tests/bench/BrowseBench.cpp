#include "BrowseBench.h"

#include "BrowseSubject.h"
#include "PaintProbe.h"
#include "ProcessMemory.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTableView>
#include <QWindow>

#include <algorithm>

namespace quarry::bench {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;
// More rows than any window shows: bounds the visible-row checks when a view has no geometry yet.
constexpr int kMaxVisibleRows = 400;

QString milliseconds(double ms)
{
    return QString::number(ms, 'f', 1) + QStringLiteral(" ms");
}

} // namespace

BrowseBench::BrowseBench(BrowseSubject& subject, const BenchOptions& options) : m_subject(subject), m_options(options)
{
    m_clock.start();
}

BrowseBench::~BrowseBench() = default;

void BrowseBench::idle(int ms)
{
    const qint64 until = m_clock.nsecsElapsed() + qint64(ms) * kNsPerMs;
    while (m_clock.nsecsElapsed() < until)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

std::optional<double> BrowseBench::timeStep(const QString& step, const Condition& act, const Condition& shown,
                                            const std::function<void()>& nudge, PaintProbe* probe)
{
    idle(m_options.pauseMs);
    m_stalls.resetSection();
    const qint64 start = m_clock.nsecsElapsed();
    const qint64 deadline = start + qint64(m_options.limitMs) * kNsPerMs;
    if (!act())
        return std::nullopt;
    if (!probe)
        probe = m_probe.get();
    probe->arm(shown);
    std::optional<double> result;
    while (true) {
        if (probe->hasPainted()) {
            result = double(probe->paintedAtNs() - start) / kNsPerMs;
            break;
        }
        if (m_clock.nsecsElapsed() > deadline) {
            m_notes << QStringLiteral("%1: not finished within the limit of %2 ms").arg(step).arg(m_options.limitMs);
            break;
        }
        if (ProcessMemory::currentMb() > m_options.rssLimitMb) {
            m_notes << QStringLiteral("%1: stopped when resident memory passed the limit of %2 MB")
                           .arg(step)
                           .arg(m_options.rssLimitMb);
            break;
        }
        if (nudge)
            nudge();
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    probe->arm({});
    // A synchronous action (the baseline's select()) can itself outlast the limit.
    if (result && *result > m_options.limitMs) {
        m_notes << QStringLiteral("%1: took %2, over the limit of %3 ms")
                       .arg(step, milliseconds(*result))
                       .arg(m_options.limitMs);
        result.reset();
    }
    m_stallNotes << QStringLiteral("%1 %2").arg(step, milliseconds(m_stalls.sectionMaxMs()));
    return result;
}

int BrowseBench::lastVisibleRow() const
{
    const QTableView* view = m_subject.view();
    const int rows = view->model() ? view->model()->rowCount() : 0;
    const int top = std::max(0, view->rowAt(0));
    int bottom = view->rowAt(view->viewport()->height() - 1);
    if (bottom < 0)
        bottom = rows - 1;
    return std::min({bottom, rows - 1, top + kMaxVisibleRows});
}

bool BrowseBench::visibleRowsLoaded() const
{
    const QTableView* view = m_subject.view();
    if (!view || !view->model() || view->model()->rowCount() == 0)
        return false;
    const int top = std::max(0, view->rowAt(0));
    const int bottom = lastVisibleRow();
    for (int row = top; row <= bottom; ++row) {
        if (!m_subject.isRowLoaded(row))
            return false;
    }
    return true;
}

QString BrowseBench::title(int row) const
{
    const QAbstractItemModel* model = m_subject.view()->model();
    return model->index(row, m_subject.titleColumn()).data(Qt::DisplayRole).toString();
}

void BrowseBench::pressKey(QWidget* target, int key, Qt::KeyboardModifiers modifiers, const QString& text)
{
    QKeyEvent press(QEvent::KeyPress, key, modifiers, text);
    QCoreApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, key, modifiers, text);
    QCoreApplication::sendEvent(target, &release);
}

void BrowseBench::type(QWidget* target, const QString& text)
{
    for (const QChar c : text)
        pressKey(target,
                 c.isLetter()  ? Qt::Key_A + (c.toUpper().unicode() - 'A')
                 : c.isDigit() ? Qt::Key_0 + (c.unicode() - '0')
                               : Qt::Key_unknown,
                 Qt::NoModifier, QString(c));
}

void BrowseBench::clickHeader(int section)
{
    QHeaderView* header = m_subject.view()->horizontalHeader();
    const QPoint position(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                          header->height() / 2);
    const QPointF global = header->viewport()->mapToGlobal(QPointF(position));
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(position), global, Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(header->viewport(), &press);
    QMouseEvent release(QEvent::MouseButtonRelease, QPointF(position), global, Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(header->viewport(), &release);
}

std::optional<double> BrowseBench::scrollEndToEnd()
{
    QScrollBar* bar = m_subject.scrollBar();
    const qint64 lastRow = m_options.browsedRows() - 1;
    const int steps = m_options.scrollSteps;
    int position = 0;
    int paintsAtMove = 0;
    m_probe->watch([this] { return visibleRowsLoaded(); });
    auto moveTo = [&](int step) {
        position = step;
        bar->setValue(bar->minimum() + int(qint64(bar->maximum() - bar->minimum()) * step / steps));
        paintsAtMove = m_probe->watchedPaints();
    };
    const auto result = timeStep(
        QStringLiteral("scroll end to end"),
        [&] {
            moveTo(0);
            return true;
        },
        [&] { return position >= steps && m_subject.tableRow(lastVisibleRow()) == lastRow && visibleRowsLoaded(); },
        [&] {
            if (position >= steps) {
                // A model that grows as it is scrolled (fetchMore): on to its new end.
                if (m_subject.tableRow(lastVisibleRow()) < lastRow && bar->value() < bar->maximum())
                    bar->setValue(bar->maximum());
                return;
            }
            // Each position waits until its rows have been painted with their data before the bar moves on.
            if (m_probe->watchedPaints() > paintsAtMove)
                moveTo(position + 1);
        });
    m_probe->watch({});
    m_notes << QStringLiteral("scroll: %1 scroll-bar positions, last visible row %2 of %3")
                   .arg(steps + 1)
                   .arg(m_subject.tableRow(lastVisibleRow()) + 1)
                   .arg(lastRow + 1);
    return result;
}

QString BrowseBench::filterWord() const
{
    return m_options.filterWord.isEmpty() ? QStringLiteral("the") : m_options.filterWord;
}

BrowseFigures BrowseBench::run()
{
    BrowseFigures figures;
    if (browse(figures))
        filterAndSort(figures);
    finish(figures);
    return figures;
}

bool BrowseBench::browse(BrowseFigures& figures)
{
    QWidget* window = m_subject.window();
    window->show();
    const qint64 exposedBy = m_clock.nsecsElapsed() + 5000 * kNsPerMs;
    while (!(window->windowHandle() && window->windowHandle()->isExposed()) && m_clock.nsecsElapsed() < exposedBy)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    m_stalls.start();
    const qint64 lastRow = m_options.browsedRows() - 1;

    // First rows: from opening the file to the first rows painted.
    QString openError;
    figures.firstRowsMs = timeStep(
        QStringLiteral("first rows"),
        [&] {
            const qint64 start = m_clock.nsecsElapsed();
            if (!m_subject.open(m_options.database, openError))
                return false;
            m_notes << QStringLiteral("first rows: opening the file and its views took %1 on the GUI thread")
                           .arg(milliseconds(double(m_clock.nsecsElapsed() - start) / kNsPerMs));
            m_probe = std::make_unique<PaintProbe>(m_subject.view()->viewport(), m_clock);
            return true;
        },
        [&] { return visibleRowsLoaded(); });
    if (!m_probe) {
        m_notes << QStringLiteral("cannot open the file: %1").arg(openError);
        return false;
    }
    QTableView* view = m_subject.view();
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0)); // a person has clicked the first cell

    // Jump to the last row.
    int presses = 0;
    figures.jumpToLastMs = timeStep(
        QStringLiteral("jump to last"),
        [&] {
            pressKey(view, Qt::Key_End, Qt::ControlModifier);
            ++presses;
            return true;
        },
        [&] { return m_subject.tableRow(view->currentIndex().row()) == lastRow && visibleRowsLoaded(); },
        [&] {
            const int current = view->currentIndex().row();
            if (m_subject.tableRow(current) == lastRow)
                return;
            if (current < view->model()->rowCount() - 1) {
                // The view's last row is not the table's yet (still counting, or a model that grows by
                // fetchMore()): press again, as a person would.
                pressKey(view, Qt::Key_End, Qt::ControlModifier);
                ++presses;
            } else if (QScrollBar* bar = m_subject.scrollBar(); bar->value() < bar->maximum()) {
                bar->setValue(bar->maximum());
            }
        });
    m_notes << QStringLiteral("jump to last: Ctrl+End pressed %1 time(s)").arg(presses);
    // Where the memory went, when the scroll's peak is larger than expected.
    m_notes << QStringLiteral("resident memory after the first rows and the jump: %1 MB (peak %2 MB)")
                   .arg(ProcessMemory::currentMb(), 0, 'f', 1)
                   .arg(ProcessMemory::peakMb(), 0, 'f', 1);

    // Scroll from top to bottom; the peak resident memory after it.
    const auto scrolled = scrollEndToEnd();
    const double peak = ProcessMemory::peakMb();
    if (scrolled) {
        figures.peakRssMb = peak;
        m_notes << QStringLiteral("scroll end to end took %1").arg(milliseconds(*scrolled));
    } else {
        m_notes << QStringLiteral("peak_rss_mb: the scroll did not finish; %1 MB peak when it stopped")
                       .arg(QString::number(peak, 'f', 1));
    }
    return true;
}

void BrowseBench::filterAndSort(BrowseFigures& figures)
{
    QTableView* view = m_subject.view();

    // Filter titles by a word, then clear the filter again (not timed).
    QLineEdit* field = m_subject.titleFilter();
    const QString word = filterWord();
    figures.filterMs = timeStep(
        QStringLiteral("filter"),
        [&] {
            field->setFocus();
            type(field, word);
            pressKey(field, Qt::Key_Return);
            return true;
        },
        [&] { return visibleRowsLoaded() && title(0).contains(word, Qt::CaseInsensitive); });
    m_notes << QStringLiteral("filter: typed \u201c%1\u201d into the title filter and pressed Return").arg(word);
    (void)timeStep(
        QStringLiteral("clear filter"),
        [&] {
            field->clear();
            pressKey(field, Qt::Key_Return);
            return true;
        },
        [&] { return visibleRowsLoaded(); });

    // Sort by title.
    bool progressShown = false;
    figures.sortTitleMs = timeStep(
        QStringLiteral("sort by title"),
        [&] {
            view->setFocus();
            clickHeader(m_subject.titleColumn());
            progressShown = m_subject.showsProgress();
            return true;
        },
        [&] { return visibleRowsLoaded(); });
    if (figures.sortTitleMs) {
        bool ordered = true;
        for (int row = 1; row <= std::min(lastVisibleRow(), 20); ++row)
            ordered = ordered && title(row - 1) <= title(row);
        if (!ordered)
            m_notes << QStringLiteral("sort by title: the first rows shown are NOT in title order");
    }
    m_notes << QStringLiteral("sort by title: progress shown while waiting: %1")
                   .arg(progressShown ? QStringLiteral("yes") : QStringLiteral("no"));
}

void BrowseBench::finish(BrowseFigures& figures)
{
    idle(m_options.pauseMs);
    m_stalls.stop();
    figures.maxStallMs = m_stalls.maxMs();
    m_notes << QStringLiteral("longest stall per step: ") + m_stallNotes.join(QStringLiteral(", "));
    if (const QTableView* view = m_subject.view()) {
        m_notes << QStringLiteral("view: %1 x %2 px viewport")
                       .arg(view->viewport()->width())
                       .arg(view->viewport()->height());
    }
    figures.notes = m_notes;
}

} // namespace quarry::bench
