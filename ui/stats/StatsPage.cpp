#include "stats/StatsPage.h"
#include "core/Counting.h"

#include "stats/BarChart.h"
#include "stats/StatsChartData.h"
#include "stats/StatsCsvExporter.h"
#include "stats/StatsFormat.h"
#include "stats/StatsPeriodPicker.h"
#include "stats/StatsQueries.h"
#include "stats/StatsRunner.h"
#include "stats/StatsSummary.h"
#include "stats/StatsTableModel.h"

#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace quarry {

namespace {

QString durationText(qint64 ms)
{
    return ms < 1000 ? StatsPage::tr("%1 ms").arg(ms)
                     : StatsPage::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

} // namespace

StatsPage::StatsPage(const StatsPanel& panel, StatsRunner& runner, QWidget* parent)
    : QWidget(parent)
    , m_panel(panel)
    , m_runner(runner)
    , m_model(new StatsTableModel(this))
    , m_exporter(new StatsCsvExporter(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* description = new QLabel(m_panel.description, this);
    description->setWordWrap(true);
    layout->addWidget(description);

    if (m_panel.usesPeriod) {
        m_period = new StatsPeriodPicker(this);
        layout->addWidget(m_period);
        connect(m_period, &StatsPeriodPicker::changed, this, &StatsPage::refresh);
    }

    auto* actions = new QHBoxLayout;
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setEnabled(false);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy: SQLite cannot say how far a statement has got
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    actions->addWidget(m_refreshButton);
    actions->addWidget(m_cancelButton);
    actions->addWidget(m_busy);
    actions->addStretch(1);
    // The status has a line of its own, with the chart's bar count: "the first 10,000 of 2,000,000 rows ..."
    // beside the buttons would squeeze them in a narrow dock.
    auto* statusRow = new QHBoxLayout;
    m_status->setWordWrap(true);
    statusRow->addWidget(m_status, 1);
    if (m_panel.chart != StatsPanel::Chart::None) {
        auto* barsLabel = new QLabel(tr("Bars:"), this);
        m_topBars = new QSpinBox(this);
        m_topBars->setRange(1, 200);
        m_topBars->setValue(DefaultTopBars);
        m_topBars->setToolTip(tr("How many rows the chart draws; the rest are summed in one \u201cothers\u201d bar."));
        barsLabel->setBuddy(m_topBars);
        statusRow->addWidget(barsLabel);
        statusRow->addWidget(m_topBars);
        connect(m_topBars, &QSpinBox::valueChanged, this, &StatsPage::updateChart);
    }
    auto* openButton = new QPushButton(tr("Open in Query Editor"), this);
    m_exportButton = new QToolButton(this);
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Table as CSV\u2026"), this, &StatsPage::chooseCsvFile);
    if (m_panel.chart != StatsPanel::Chart::None)
        exportMenu->addAction(tr("Chart as PNG\u2026"), this, &StatsPage::choosePngFile);
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setEnabled(false);
    actions->addWidget(openButton);
    actions->addWidget(m_exportButton);
    layout->addLayout(actions);
    layout->addLayout(statusRow);
    m_summary = new QLabel(this);
    m_summary->setAccessibleName(tr("Summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setVisible(false);
    layout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    if (m_panel.chart != StatsPanel::Chart::None) {
        m_chart = new BarChart(splitter);
        m_chart->setAccessibleName(tr("%1 chart").arg(m_panel.title));
        splitter->addWidget(m_chart);
    }
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("%1 table").arg(m_panel.title));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // No sort until asked: the rows arrive in the panel's own order.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    splitter->addWidget(m_table);
    m_sql = new QPlainTextEdit(splitter);
    m_sql->setReadOnly(true);
    m_sql->setAccessibleName(tr("%1 SQL").arg(m_panel.title));
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    splitter->addWidget(m_sql);
    if (m_chart) {
        splitter->setStretchFactor(0, 3);
        splitter->setStretchFactor(1, 3);
        splitter->setStretchFactor(2, 1);
    } else {
        splitter->setStretchFactor(0, 4);
        splitter->setStretchFactor(1, 1);
    }
    layout->addWidget(splitter, 1);

    m_ticker = new QTimer(this);
    m_ticker->setInterval(200);
    connect(m_ticker, &QTimer::timeout, this,
            [this] { showStatus(tr("Running\u2026 %1").arg(durationText(m_elapsed.elapsed()))); });
    connect(m_refreshButton, &QPushButton::clicked, this, &StatsPage::refresh);
    connect(m_cancelButton, &QPushButton::clicked, this, &StatsPage::cancel);
    connect(openButton, &QPushButton::clicked, this,
            [this] { emit openInEditorRequested(StatsQueries::sqlWithValues(m_panel, parameters())); });
    connect(&m_runner, &StatsRunner::finished, this, &StatsPage::onFinished);
    connect(&m_runner, &StatsRunner::failed, this, &StatsPage::onFailed);
    connect(m_exporter, &StatsCsvExporter::finished, this, &StatsPage::onExported);
    connect(m_exporter, &StatsCsvExporter::failed, this, &StatsPage::onExportFailed);
    connect(m_exporter, &StatsCsvExporter::progressed, this,
            [this](qint64 rows) { showStatus(tr("Exporting\u2026 %1 written").arg(rowsText(rows))); });

    setParameters(StatsParameters{});
    showStatus(tr("Not run yet."));
}

StatsPage::~StatsPage() = default;

StatsParameters StatsPage::parameters() const
{
    return m_period ? m_period->parameters() : StatsParameters{};
}

void StatsPage::setParameters(const StatsParameters& parameters)
{
    if (m_period)
        m_period->setParameters(parameters);
    updateSqlText();
    if (m_hasResult || isRunning())
        refresh();
}

void StatsPage::updateSqlText()
{
    QString sql = m_panel.sql;
    if (m_panel.usesPeriod)
        sql += QStringLiteral("\n-- bound: :since = '%1'").arg(parameters().sinceModifier());
    if (m_sql->toPlainText() != sql)
        m_sql->setPlainText(sql);
}

void StatsPage::setTopBars(int count)
{
    if (m_topBars)
        m_topBars->setValue(count);
}

QString StatsPage::statusText() const
{
    return m_status->text();
}

void StatsPage::refresh()
{
    updateSqlText();
    m_stale = false;
    m_requestId = m_runner.run(m_panel.name, parameters(), MaxRows);
    setRunning(true);
}

void StatsPage::markStale()
{
    m_stale = true;
}

void StatsPage::clear(const QString& reason)
{
    cancel();
    m_model->clear();
    m_result = StatsResult{};
    m_hasResult = false;
    m_stale = true;
    updateChart();
    m_summary->clear();
    m_summary->setVisible(false);
    m_exportButton->setEnabled(false);
    showStatus(reason.isEmpty() ? tr("No database is open.") : reason);
}

void StatsPage::cancel()
{
    // The exporter reports its own end (onExportFailed, cancelled) from the event loop.
    m_exporter->cancel();
    if (!isRunning())
        return;
    m_runner.cancel(m_panel.name);
    m_requestId = 0;
    setRunning(false);
    showStatus(tr("Cancelled."));
    emit runFinished();
}

void StatsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale && !isRunning() && !m_runner.database().isEmpty())
        refresh();
}

void StatsPage::onFinished(quint64 requestId, const StatsResult& result)
{
    if (requestId != m_requestId)
        return;
    m_requestId = 0;
    setRunning(false);
    m_result = result;
    m_hasResult = true;
    m_model->setResult(result);
    // Keep the person's sort across refreshes.
    const QHeaderView* header = m_table->horizontalHeader();
    if (header->sortIndicatorSection() >= 0 && header->sortIndicatorSection() < m_model->columnCount())
        m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    updateChart();
    const QString summary = StatsSummary::text(result);
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty());
    m_exportButton->setEnabled(!m_exporter->isRunning());
    const QLocale locale;
    QString text;
    if (result.isComplete())
        text = rowsText(result.totalRows);
    else
        text = tr("the first %1 of %2 rows (sorting uses these rows; export writes all)")
                   .arg(locale.toString(result.rows.size()), locale.toString(result.totalRows));
    showStatus(tr("%1 \u00b7 %2").arg(text, durationText(result.elapsedMs)));
    emit runFinished();
}

void StatsPage::onFailed(quint64 requestId, const QString& panel, const Error& error)
{
    if (requestId != m_requestId || panel != m_panel.name)
        return;
    m_requestId = 0;
    setRunning(false);
    showStatus(error.message, error.kind != Error::Kind::Cancelled);
    emit runFinished();
}

void StatsPage::setRunning(bool running)
{
    if (running) {
        m_elapsed.start();
        m_ticker->start();
        showStatus(tr("Running\u2026"));
    } else {
        m_ticker->stop();
    }
    updateBusy();
}

void StatsPage::updateBusy()
{
    const bool busy = isRunning() || m_exporter->isRunning();
    m_busy->setVisible(busy);
    m_cancelButton->setEnabled(busy);
}

void StatsPage::updateChart()
{
    if (!m_chart)
        return;
    m_chart->setData(m_hasResult ? StatsChartData::fromResult(m_panel, m_result, m_topBars->value()) : BarChartData{});
}

void StatsPage::showStatus(const QString& text, bool isError)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
                     isError ? QColor(0xb0, 0x1c, 0x1c) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

Status StatsPage::exportCsv(const QString& path)
{
    if (!m_hasResult)
        return Error::make(Error::Kind::Usage, tr("Run the panel before exporting it."));
    if (m_exporter->isRunning())
        return Error::make(Error::Kind::Usage, tr("An export of this panel is already running."));
    // A table with every row is written as shown, sort included. One that holds only its first rows is run again
    // into the file, so the file has every row, as `quarry stats` writes them.
    const bool started = m_model->isComplete() ? m_exporter->start(m_model->result().columns, m_model->rows(), path)
                                               : m_exporter->start(m_runner.database(), m_panel, parameters(), path);
    if (!started)
        return Error::make(Error::Kind::Usage, tr("An export of this panel is already running."));
    m_exportButton->setEnabled(false);
    updateBusy();
    showStatus(tr("Exporting\u2026"));
    return {};
}

bool StatsPage::isExporting() const
{
    return m_exporter->isRunning();
}

void StatsPage::onExported(const QString& path, qint64 rows)
{
    m_exportButton->setEnabled(m_hasResult);
    updateBusy();
    showStatus(tr("Exported %1 to %2.").arg(rowsText(rows), QDir::toNativeSeparators(path)));
    emit csvExported(path, rows);
}

void StatsPage::onExportFailed(const QString& path, const Error& error)
{
    m_exportButton->setEnabled(m_hasResult);
    updateBusy();
    const bool cancelled = error.kind == Error::Kind::Cancelled;
    const QString message =
        cancelled ? tr("Export cancelled: %1 was not written.").arg(QDir::toNativeSeparators(path)) : error.message;
    // A page cleared meanwhile (database closed) keeps saying why it is empty.
    if (m_hasResult || !cancelled)
        showStatus(message, !cancelled);
    emit csvExportFailed(path, message);
}

Status StatsPage::exportChartPng(const QString& path) const
{
    if (!m_chart)
        return Error::make(Error::Kind::Usage, tr("The \u201c%1\u201d panel has no chart.").arg(m_panel.title));
    if (!m_chart->toImage().save(path, "PNG"))
        return Error::make(Error::Kind::Io, tr("Cannot write the chart to \u201c%1\u201d.").arg(path));
    return {};
}

void StatsPage::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Table as CSV"),
                                                      m_panel.name + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (Status status = exportCsv(path); !status)
        showStatus(status.error().message, true);
}

void StatsPage::choosePngFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart as PNG"),
                                                      m_panel.name + QStringLiteral(".png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (Status status = exportChartPng(path); !status)
        showStatus(status.error().message, true);
    else
        showStatus(tr("Exported the chart to %1.").arg(path));
}

} // namespace quarry
