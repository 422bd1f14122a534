#include "ResultPane.h"

#include "core/Counting.h"

#include "Dialogs.h"
#include "ResultModel.h"
#include "core/ValueText.h"
#include "query/ResultSpool.h"
#include "query/SqlLexer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <QVBoxLayout>

#include <set>

namespace quarry {

namespace {

QString withoutLeadingComments(const QString& sql)
{
    const QList<SqlToken> tokens = SqlLexer::significantTokens(sql);
    return (tokens.isEmpty() ? sql : sql.mid(tokens.front().start)).simplified();
}

} // namespace

ResultPane::ResultPane(const QString& sql, Dialogs& prompts, QWidget* parent)
    : QWidget(parent)
    , m_sql(sql)
    , m_prompts(prompts)
    , m_statement(new QLabel(this))
    , m_status(new QLabel(this))
    , m_message(new QLabel(this))
    , m_goToError(new QPushButton(QStringLiteral("Go to Error"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    // What happened first, then which statement (elided: the tab's tooltip has it whole).
    m_status->setTextFormat(Qt::PlainText);
    top->addWidget(m_status);
    m_statement->setTextFormat(Qt::PlainText);
    m_statement->setText(withoutLeadingComments(sql));
    m_statement->setToolTip(sql);
    m_statement->setStyleSheet(QStringLiteral("color: #6a737d;"));
    m_statement->setMinimumWidth(50);
    m_statement->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    top->addSpacing(12);
    top->addWidget(m_statement, 1);
    layout->addLayout(top);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_message);
    layout->addWidget(m_goToError, 0, Qt::AlignLeft);
    m_goToError->hide();
    layout->addStretch(1);
    connect(m_goToError, &QPushButton::clicked, this, [this] { emit errorActivated(m_errorPosition); });
    m_status->setText(QStringLiteral("Running\u2026"));
}

ResultPane::~ResultPane() = default;

void ResultPane::showRows(std::shared_ptr<ResultSpool> rows)
{
    m_model = new ResultModel(std::move(rows), this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setAccessibleName(QStringLiteral("Result grid"));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->horizontalHeader()->setMaximumSectionSize(480);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ResultPane::showContextMenu);
    auto* copy = new QAction(QStringLiteral("Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(ResultWriter::Format::Tsv); });
    m_view->addAction(copy);
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    // The grid takes the place of the stretch at the bottom.
    delete layout->takeAt(layout->count() - 1);
    layout->addWidget(m_view, 1);
    m_view->show(); // created after the pane was shown, so it is not shown with it
    m_message->hide();
    m_reading = true;
    m_status->setText(QStringLiteral("Reading\u2026"));
}

void ResultPane::rowsGrew(qint64 rows)
{
    if (!m_model)
        return;
    const bool first = m_model->availableRows() == 0;
    m_model->setAvailableRows(rows);
    if (first && rows > 0)
        m_view->resizeColumnsToContents();
    if (m_reading)
        m_status->setText(QStringLiteral("%1 so far, reading\u2026").arg(rowsText(rows)));
}

void ResultPane::finish(const StatementOutcome& outcome)
{
    m_reading = false;
    if (m_model) {
        m_model->setAvailableRows(outcome.rows ? outcome.rows->rowCount() : outcome.rowCount);
        if (outcome.rowCount > 0 && outcome.rowCount <= 64)
            m_view->resizeColumnsToContents();
    }
    const QString elapsed = QStringLiteral("%1 ms").arg(QLocale().toString(outcome.elapsedMs));
    if (outcome.error && outcome.error->cancelled) {
        m_status->setText(m_model
                              ? QStringLiteral("Stopped after %1 \u00b7 %2").arg(rowsText(outcome.rowCount), elapsed)
                              : QStringLiteral("Stopped \u00b7 %1").arg(elapsed));
        if (!m_model) {
            m_message->setText(QStringLiteral("The statement was stopped."));
            m_message->show();
        }
        return;
    }
    if (outcome.error)
        return; // showError() tells the rest
    if (m_model) {
        QString text = QStringLiteral("%1 \u00b7 %2").arg(rowsText(outcome.rowCount), elapsed);
        if (m_model->isCapped())
            text += QStringLiteral(" \u00b7 the grid shows the first %1; Export has them all")
                        .arg(QLocale().toString(ResultModel::kMaxRows));
        m_status->setText(text);
        return;
    }
    m_status->setText(elapsed);
    m_message->setText(outcome.summary() + u'.');
    QFont font = m_message->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_message->setFont(font);
    m_message->show();
}

void ResultPane::showError(const QueryError& error, int position)
{
    m_reading = false;
    m_errorPosition = position;
    m_status->setText(error.cancelled ? QStringLiteral("Stopped") : QStringLiteral("Failed"));
    m_message->setText(
        QStringLiteral("Error at line %1, column %2:\n%3").arg(error.line).arg(error.column).arg(error.message));
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->show();
    m_goToError->setVisible(!error.cancelled);
}

QString ResultPane::statusText() const
{
    return m_status->text();
}

QString ResultPane::copySelection(ResultWriter::Format format)
{
    if (!m_view || !m_view->selectionModel())
        return {};
    std::set<int> rows;
    std::set<int> columns;
    qint64 rowTotal = 0;
    const QItemSelection selection = m_view->selectionModel()->selection();
    for (const QItemSelectionRange& range : selection)
        rowTotal += range.height();
    if (rowTotal == 0)
        return {};
    if (rowTotal > kMaxCopyRows) {
        m_prompts.inform(this, QStringLiteral("Selection Too Large"),
                         QStringLiteral("%1 rows are selected. Export the result to a file instead.")
                             .arg(QLocale().toString(rowTotal)));
        return {};
    }
    QSet<quint64> selected;
    for (const QItemSelectionRange& range : selection) {
        for (int r = range.top(); r <= range.bottom(); ++r) {
            rows.insert(r);
            for (int c = range.left(); c <= range.right(); ++c) {
                columns.insert(c);
                selected.insert(quint64(r) << 32 | quint32(c));
            }
        }
    }
    QString text;
    QTextStream out(&text);
    ResultWriter writer(out, format);
    if (format == ResultWriter::Format::Csv) {
        QStringList header;
        for (int c : columns)
            header << m_model->headerData(c, Qt::Horizontal).toString();
        writer.begin(header);
    }
    for (int r : rows) {
        QVariantList values;
        for (int c : columns)
            values << (selected.contains(quint64(r) << 32 | quint32(c)) ? m_model->fullValue(m_model->index(r, c))
                                                                        : QVariant());
        writer.writeRow(values);
    }
    out.flush();
    // A single cell is copied as its bare value, as a person expects when pasting it elsewhere.
    if (format == ResultWriter::Format::Tsv && rows.size() == 1 && columns.size() == 1)
        text = ValueText::plain(m_model->fullValue(m_model->index(*rows.begin(), *columns.begin())));
    QApplication::clipboard()->setText(text);
    return text;
}

void ResultPane::exportTo(const QString& path, ResultWriter::Format format)
{
    if (!m_model)
        return;
    m_status->setText(QStringLiteral("Exporting\u2026"));
    const std::shared_ptr<ResultSpool> spool = m_model->spool();
    QPointer<ResultPane> self(this);
    // Runs on its own thread: a million rows take seconds to write.
    QThread* thread = QThread::create([spool, path, format, self] {
        QSaveFile file(path);
        Status status;
        if (!file.open(QIODevice::WriteOnly)) {
            status = Error::make(Error::Kind::Io,
                                 QStringLiteral("Cannot write \u201c%1\u201d: %2").arg(path, file.errorString()));
        } else {
            QTextStream out(&file);
            status = ResultWriter::exportSpool(*spool, out, format);
            if (status && !file.commit())
                status = Error::make(Error::Kind::Io,
                                     QStringLiteral("Cannot write \u201c%1\u201d: %2").arg(path, file.errorString()));
        }
        const bool ok = status.hasValue();
        const QString message =
            ok ? QStringLiteral("Exported %1 to %2").arg(rowsText(spool->rowCount()), QFileInfo(path).fileName())
               : status.error().message;
        QMetaObject::invokeMethod(
            qApp,
            [self, ok, message] {
                if (!self)
                    return;
                self->m_status->setText(message);
                emit self->exportFinished(ok, message);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void ResultPane::exportResult()
{
    if (!m_model)
        return;
    const QString path = m_prompts.chooseFile(this, Dialogs::FileAction::Export, QStringLiteral("result.csv"),
                                              QStringLiteral("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    exportTo(path, path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? ResultWriter::Format::Json
                                                                               : ResultWriter::Format::Csv);
}

void ResultPane::showContextMenu(const QPoint& at)
{
    QMenu menu(this);
    menu.addAction(QStringLiteral("Copy"), this, [this] { copySelection(ResultWriter::Format::Tsv); });
    menu.addAction(QStringLiteral("Copy as CSV"), this, [this] { copySelection(ResultWriter::Format::Csv); });
    menu.addSeparator();
    menu.addAction(QStringLiteral("Export to CSV or JSON\u2026"), this, &ResultPane::exportResult);
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

} // namespace quarry
