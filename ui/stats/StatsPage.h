#pragma once

#include "core/Result.h"
#include "stats/StatsPanel.h"
#include "stats/StatsParameters.h"
#include "stats/StatsResult.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;

namespace quarry {

class BarChart;
class StatsCsvExporter;
class StatsPeriodPicker;
class StatsRunner;
class StatsTableModel;

// One stats panel: a sortable table, a bar chart where one helps, and the SQL it runs. The panel runs on the
// StatsRunner's worker; while it runs the page shows a busy bar and a Cancel button and stays responsive.
class StatsPage : public QWidget {
    Q_OBJECT
public:
    static constexpr qsizetype MaxRows = 10000; // rows held for the table; the rest are counted and summed
    static constexpr int DefaultTopBars = 20;

    StatsPage(const StatsPanel& panel, StatsRunner& runner, QWidget* parent = nullptr);
    ~StatsPage() override;

    const StatsPanel& panel() const { return m_panel; }
    StatsTableModel* model() const { return m_model; }
    BarChart* chart() const { return m_chart; }
    QTableView* tableView() const { return m_table; }
    StatsParameters parameters() const;
    void setParameters(const StatsParameters& parameters);
    void setTopBars(int count);
    bool isRunning() const { return m_requestId != 0; }
    bool isStale() const { return m_stale; }
    // Whether the table holds the rows of a finished run.
    bool hasResult() const { return m_hasResult; }
    QString statusText() const;

    // Runs the panel now (superseding a run in progress).
    void refresh();
    // Forgets the shown rows' freshness: the page runs again when next shown.
    void markStale();
    // Stops the run and the CSV export in progress.
    void cancel();
    // Drops the rows shown (the database was closed or replaced); `reason` says why the page is empty.
    void clear(const QString& reason = {});
    // Starts writing the table as RFC 4180 CSV with a header line, in the bytes `quarry stats --format csv`
    // writes, on a worker thread; csvExported() or csvExportFailed() tell how it ended. A table holding all its
    // rows is written in its current (possibly sorted) order; one holding only its first MaxRows rows is written
    // whole by running the panel's query again into the file, in the panel's order. Fails at once when there is
    // nothing to export or an export is already running.
    Status exportCsv(const QString& path);
    bool isExporting() const;
    // Writes the chart as PNG at its current size.
    Status exportChartPng(const QString& path) const;

signals:
    void openInEditorRequested(const QString& sql);
    void csvExported(const QString& path, qint64 rows);
    void csvExportFailed(const QString& path, const QString& message);
    // The page's run ended: with rows, with an error, or cancelled.
    void runFinished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onFinished(quint64 requestId, const StatsResult& result);
    void onFailed(quint64 requestId, const QString& panel, const Error& error);
    void setRunning(bool running);
    void updateBusy();
    void onExported(const QString& path, qint64 rows);
    void onExportFailed(const QString& path, const Error& error);
    void updateSqlText();
    void updateChart();
    void chooseCsvFile();
    void choosePngFile();
    void showStatus(const QString& text, bool isError = false);

    StatsPanel m_panel;
    StatsRunner& m_runner;
    StatsTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    BarChart* m_chart = nullptr;
    QPlainTextEdit* m_sql = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr; // figures derived from the table that the export leaves out (posts per user)
    StatsCsvExporter* m_exporter = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QToolButton* m_exportButton = nullptr;
    QSpinBox* m_topBars = nullptr;
    StatsPeriodPicker* m_period = nullptr; // for a panel that counts over a period
    QTimer* m_ticker = nullptr;
    QElapsedTimer m_elapsed;
    StatsResult m_result; // in the panel's own order, for the chart's top N
    quint64 m_requestId = 0;
    bool m_stale = true;
    bool m_hasResult = false;
};

} // namespace quarry
