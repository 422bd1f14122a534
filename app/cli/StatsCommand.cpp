#include "cli/StatsCommand.h"

#include "cli/CliParser.h"
#include "database/Connection.h"
#include "stats/StatsCsv.h"
#include "stats/StatsExecutor.h"
#include "stats/StatsFormat.h"
#include "stats/StatsQueries.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace quarry {

namespace {

enum class Format { Table, Csv, Json };

// Rows buffered to size the table's columns before the rest is streamed with the same widths.
constexpr qsizetype kTableSample = 1000;

QString jsonText(const QJsonValue& value)
{
    // QJsonDocument cannot hold a bare value: serialize a one-element array and drop the brackets.
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// A JSON object with the keys in column order (QJsonObject would sort them).
QString jsonObject(const QStringList& columns, const QVariantList& row)
{
    QString text = QStringLiteral("{");
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            text += QStringLiteral(", ");
        text += jsonText(columns.at(i)) + QStringLiteral(": ") + jsonText(StatsFormat::json(row.value(i)));
    }
    return text + QLatin1Char('}');
}

class TableWriter {
public:
    explicit TableWriter(QTextStream& out) : m_out(out) {}

    void setColumns(const QStringList& columns) { m_columns = columns; }
    void add(const QVariantList& row)
    {
        if (m_sample.size() < kTableSample) {
            m_sample << row;
            return;
        }
        if (!m_headerWritten)
            writeHeader();
        writeRow(row);
    }
    void finish()
    {
        if (!m_headerWritten)
            writeHeader();
    }

private:
    void writeHeader()
    {
        m_widths.clear();
        m_numeric.fill(true, m_columns.size());
        for (qsizetype c = 0; c < m_columns.size(); ++c)
            m_widths << m_columns.at(c).size();
        for (const QVariantList& row : std::as_const(m_sample)) {
            for (qsizetype c = 0; c < m_columns.size(); ++c) {
                m_widths[c] = std::max(m_widths[c], StatsFormat::text(row.value(c)).size());
                if (row.value(c).isValid() && !StatsFormat::isNumeric(row.value(c)))
                    m_numeric[c] = false;
            }
        }
        QStringList header;
        QStringList rule;
        for (qsizetype c = 0; c < m_columns.size(); ++c) {
            header << pad(m_columns.at(c), c);
            rule << QString(m_widths.at(c), QLatin1Char('-'));
        }
        m_out << header.join(QStringLiteral("  ")).trimmed() << '\n' << rule.join(QStringLiteral("  ")) << '\n';
        m_headerWritten = true;
        for (const QVariantList& row : std::as_const(m_sample))
            writeRow(row);
        m_sample.clear();
    }
    void writeRow(const QVariantList& row)
    {
        QStringList cells;
        for (qsizetype c = 0; c < m_columns.size(); ++c)
            cells << pad(StatsFormat::text(row.value(c)), c);
        m_out << cells.join(QStringLiteral("  ")).trimmed() << '\n';
    }
    QString pad(const QString& text, qsizetype column) const
    {
        const int width = int(m_widths.at(column));
        return m_numeric.at(column) ? text.rightJustified(width) : text.leftJustified(width);
    }

    QTextStream& m_out;
    QStringList m_columns;
    QList<QVariantList> m_sample;
    QList<qsizetype> m_widths;
    QList<bool> m_numeric;
    bool m_headerWritten = false;
};

Status writePanel(const StatsExecutor& executor, const StatsPanel& panel, const StatsParameters& parameters,
                  Format format, bool first, QTextStream& out)
{
    QStringList columns;
    const auto keepColumns = [&columns](const QStringList& names) { columns = names; };
    switch (format) {
    case Format::Csv:
        // The same writer as the panels' CSV export.
        return StatsCsv::write(executor, panel, parameters, out);
    case Format::Json: {
        out << (first ? "" : ",\n") << "  " << jsonText(panel.name) << ": ";
        if (panel.singleRow) {
            bool written = false;
            Status status = executor.stream(panel, parameters, keepColumns, [&](const QVariantList& row) {
                out << jsonObject(columns, row);
                written = true;
                return false;
            });
            if (status && !written)
                out << "null";
            return status;
        }
        out << '[';
        qint64 count = 0;
        Status status = executor.stream(panel, parameters, keepColumns, [&](const QVariantList& row) {
            out << (count++ == 0 ? "\n    " : ",\n    ") << jsonObject(columns, row);
            return true;
        });
        out << (count > 0 ? "\n  ]" : "]");
        return status;
    }
    case Format::Table: {
        if (!first)
            out << '\n';
        out << panel.name << ": " << panel.title << '\n';
        TableWriter table(out);
        Status status = executor.stream(
            panel, parameters, [&table](const QStringList& names) { table.setColumns(names); },
            [&table](const QVariantList& row) {
                table.add(row);
                return true;
            });
        if (status)
            table.finish();
        return status;
    }
    }
    return {};
}

} // namespace

int StatsCommand::run(const CliContext& context)
{
    const QString syntax =
        QStringLiteral("stats FILE [--panel NAME] [--days N | --this-month] [--format table|csv|json]");
    CliParser cli(context, syntax,
                  QStringLiteral("Prints the stats panels: %1. Opens the file read-only. active-users lists users "
                                 "who posted in the last N days (default %2), or since the first of the month "
                                 "with --this-month (UTC).")
                      .arg(StatsQueries::names().join(QStringLiteral(", ")))
                      .arg(StatsParameters::DefaultDays));
    const QCommandLineOption panelOption(QStringLiteral("panel"), QStringLiteral("Only this panel."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption daysOption(
        QStringLiteral("days"),
        QStringLiteral("active-users: posted in the last N days (default %1).").arg(StatsParameters::DefaultDays),
        QStringLiteral("N"), QString::number(StatsParameters::DefaultDays));
    const QCommandLineOption monthOption(QStringLiteral("this-month"),
                                         QStringLiteral("active-users: posted since the first day of this month."));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("table (default), csv or json."),
                                          QStringLiteral("FORMAT"), QStringLiteral("table"));
    cli.parser().addOptions({panelOption, daysOption, monthOption, formatOption});
    cli.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The database file."));
    if (auto status = cli.parse(1, 1))
        return *status;

    const QString formatName = cli.parser().value(formatOption);
    Format format = Format::Table;
    if (formatName == QStringLiteral("csv"))
        format = Format::Csv;
    else if (formatName == QStringLiteral("json"))
        format = Format::Json;
    else if (formatName != QStringLiteral("table"))
        return context.fail(QStringLiteral("unknown format \u201c%1\u201d: use table, csv or json").arg(formatName),
                            CliContext::ExitUsage);

    QList<const StatsPanel*> panels;
    if (cli.parser().isSet(panelOption)) {
        const QString name = cli.parser().value(panelOption);
        const StatsPanel* panel = StatsQueries::find(name);
        if (!panel)
            return context.fail(QStringLiteral("unknown panel \u201c%1\u201d: use one of %2")
                                    .arg(name, StatsQueries::names().join(QStringLiteral(", "))),
                                CliContext::ExitUsage);
        panels << panel;
    } else {
        if (format == Format::Csv)
            return context.fail(QStringLiteral("--format csv writes one table: choose it with --panel NAME"),
                                CliContext::ExitUsage);
        for (const StatsPanel& panel : StatsQueries::all())
            panels << &panel;
    }

    StatsParameters parameters;
    if (cli.parser().isSet(monthOption)) {
        if (cli.parser().isSet(daysOption))
            return context.fail(QStringLiteral("use either --days or --this-month"), CliContext::ExitUsage);
        parameters.period = StatsParameters::Period::ThisMonth;
    } else {
        int status = 0;
        const std::optional<int> days = cli.intValue(QStringLiteral("days"), status);
        if (!days)
            return status;
        if (*days < 1 || *days > StatsParameters::MaxDays)
            return context.fail(QStringLiteral("--days must be between 1 and %1").arg(StatsParameters::MaxDays),
                                CliContext::ExitUsage);
        parameters.days = *days;
    }

    const QString path = cli.parser().positionalArguments().at(0);
    auto connection = Connection::open(path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("stats")});
    if (!connection)
        return context.fail(connection.error().message);
    const StatsExecutor executor(**connection);

    if (format == Format::Json)
        context.out << "{\n";
    bool first = true;
    for (const StatsPanel* panel : std::as_const(panels)) {
        const Status status = writePanel(executor, *panel, parameters, format, first, context.out);
        if (!status) {
            context.out.flush();
            return context.fail(status.error().message);
        }
        first = false;
    }
    if (format == Format::Json)
        context.out << "\n}\n";
    context.out.flush();
    return CliContext::ExitSuccess;
}

} // namespace quarry
