#include "cli/SqlCommand.h"

#include "cli/CancelOnSignal.h"
#include "cli/CliParser.h"
#include "database/CancelCheck.h"
#include "database/Connection.h"
#include "database/SqlValue.h"
#include "query/QueryExecutor.h"
#include "query/ResultSpool.h"
#include "query/ResultWriter.h"
#include "query/RowSink.h"
#include "query/TextTable.h"

#include <QFile>

#include <sqlite3.h>

namespace quarry {

namespace {

const QString kSyntax = QStringLiteral("sql FILE [STATEMENTS | -f SCRIPT.sql] [--format table|csv|json] [--read-only]");

// CSV and JSON stream straight to stdout, so a million rows never sit in memory.
class WriterSink : public RowSink {
public:
    WriterSink(QTextStream& out, ResultWriter::Format format) : m_writer(out, format) {}
    Status begin(const QStringList& columns) override
    {
        m_columns = int(columns.size());
        m_writer.begin(columns);
        return {};
    }
    Status addRow(sqlite3_stmt* statement) override
    {
        QVariantList values;
        values.reserve(m_columns);
        for (int i = 0; i < m_columns; ++i)
            values << SqlValue::fromColumn(statement, i);
        m_writer.writeRow(values);
        if (!m_writer.isOk())
            return Error::make(Error::Kind::Io, QStringLiteral("cannot write the output"));
        return {};
    }
    Status end() override
    {
        m_writer.end();
        return {};
    }

private:
    ResultWriter m_writer;
    int m_columns = 0;
};

// The text table needs every row before it knows its column widths; the rows wait on disk, not in memory.
// It is printed once the statement's outcome is known (print), since its footer says whether it is complete.
class TableSink : public RowSink {
public:
    explicit TableSink(QTextStream& out) : m_out(out) {}
    Status begin(const QStringList& columns) override
    {
        auto spool = ResultSpool::create(columns);
        if (!spool)
            return spool.error();
        m_spool = *spool;
        return {};
    }
    Status addRow(sqlite3_stmt* statement) override { return m_spool->appendRow(statement); }
    Status end() override
    {
        if (auto published = m_spool->publish(); !published)
            return published.error();
        m_published = true;
        return {};
    }
    // Prints the rows read, if the statement returned any columns; `ending`: whether it ran to the end.
    Status print(TextTable::Ending ending)
    {
        if (!m_published)
            return {};
        return TextTable::print(*m_spool, m_out, ending);
    }

private:
    QTextStream& m_out;
    std::shared_ptr<ResultSpool> m_spool;
    bool m_published = false;
};

QString describe(const QueryError& error)
{
    return QStringLiteral("error at line %1, column %2: %3").arg(error.line).arg(error.column).arg(error.message);
}

// Where Ctrl+C stopped the script and what was kept. A statement SQLite interrupts is undone, and an interrupted
// write takes the transaction it was part of with it; a transaction still open is rolled back here, so the file
// is closed with nothing pending and no journal left for the next reader to roll back. `inTransaction`: whether
// a transaction was open when the statement began.
QString cancelled(sqlite3* db, const QueryError& where, bool inTransaction)
{
    if (sqlite3_get_autocommit(db) == 0)
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return QStringLiteral("cancelled at line %1, column %2: %3")
        .arg(where.line)
        .arg(where.column)
        .arg(inTransaction ? QStringLiteral("the open transaction was rolled back")
                           : QStringLiteral("the statement there was stopped and undone; those before it are kept"));
}

} // namespace

int SqlCommand::run(const CliContext& context)
{
    CliParser cli(context, kSyntax,
                  QStringLiteral("Runs SQL statements against FILE and prints each statement's result. Statements "
                                 "come from the STATEMENTS argument, from -f SCRIPT.sql (- for standard input), or "
                                 "from standard input. The first failing statement stops the script."));
    const QCommandLineOption file({QStringLiteral("f"), QStringLiteral("file")},
                                  QStringLiteral("Read the statements from SCRIPT.sql (- for standard input)."),
                                  QStringLiteral("SCRIPT.sql"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("table (default), csv or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption readOnly(QStringLiteral("read-only"), QStringLiteral("Open FILE read-only."));
    cli.parser().addOption(file);
    cli.parser().addOption(format);
    cli.parser().addOption(readOnly);
    cli.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The database file."));
    cli.parser().addPositionalArgument(QStringLiteral("STATEMENTS"), QStringLiteral("SQL to run."),
                                       QStringLiteral("[STATEMENTS]"));
    if (auto status = cli.parse(1, 2))
        return *status;

    const QString formatName = cli.parser().value(format).toLower();
    const std::optional<ResultWriter::Format> writerFormat = ResultWriter::formatNamed(formatName);
    if (formatName != QStringLiteral("table") && (!writerFormat || *writerFormat == ResultWriter::Format::Tsv))
        return context.fail(
            QStringLiteral("unknown format \u201c%1\u201d: use table, csv or json").arg(cli.parser().value(format)),
            CliContext::ExitUsage);

    const QStringList positional = cli.parser().positionalArguments();
    QString script;
    if (cli.parser().isSet(file)) {
        if (positional.size() > 1)
            return context.fail(
                QStringLiteral("give the statements as an argument or with -f, not both (usage: quarry %1)")
                    .arg(kSyntax),
                CliContext::ExitUsage);
        const QString scriptPath = cli.parser().value(file);
        QFile input;
        const bool opened = scriptPath == QStringLiteral("-")
                                ? input.open(stdin, QIODevice::ReadOnly)
                                : (input.setFileName(scriptPath), input.open(QIODevice::ReadOnly));
        if (!opened)
            return context.fail(QStringLiteral("cannot read \u201c%1\u201d: %2").arg(scriptPath, input.errorString()));
        script = QString::fromUtf8(input.readAll());
    } else if (positional.size() > 1) {
        script = positional.at(1);
    } else {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return context.fail(QStringLiteral("cannot read standard input"));
        script = QString::fromUtf8(input.readAll());
    }

    const bool asked = cli.parser().isSet(readOnly);
    auto connection =
        Connection::open(positional.at(0), {asked ? Connection::Mode::ReadOnly : Connection::Mode::ReadWrite, 5000,
                                            QStringLiteral("sql")});
    if (!connection)
        return context.fail(connection.error().message);
    sqlite3* db = (*connection)->handle();
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);

    // Ctrl+C, `kill` or a closed terminal stops the statement under way (SQLite undoes it) and then the script.
    const CancelOnSignal cancel;
    const CancelCheck cancelCheck(db, &cancel.cancelled());
    const QueryExecutor executor(db, script);
    bool printedResult = false;
    for (int i = 0; i < executor.statements().size(); ++i) {
        if (cancel.cancelled().load()) {
            context.out.flush();
            return context.fail(cancelled(db, executor.errorAt(i, QString()), sqlite3_get_autocommit(db) == 0));
        }
        Statement statement;
        if (auto error = executor.prepare(i, statement)) {
            context.out.flush();
            return context.fail(describe(*error));
        }
        if (statement.isNull())
            continue;
        const QList<QueryParameter> parameters = statement.parameters();
        if (!parameters.isEmpty()) {
            context.out.flush();
            return context.fail(describe(executor.errorAt(
                i, QStringLiteral("the statement has a parameter (%1) and the command line has no values to bind")
                       .arg(parameters.front().name))));
        }
        const bool returnsRows = sqlite3_column_count(statement.handle()) > 0;
        // Result sets are separated by an empty line (CSV, table) or each is its own JSON array.
        if (returnsRows && printedResult && formatName != QStringLiteral("json"))
            context.out << (formatName == QStringLiteral("csv") ? "\r\n" : "\n");
        std::unique_ptr<RowSink> sink;
        TableSink* table = nullptr;
        if (writerFormat) {
            sink = std::make_unique<WriterSink>(context.out, *writerFormat);
        } else {
            auto tableSink = std::make_unique<TableSink>(context.out);
            table = tableSink.get();
            sink = std::move(tableSink);
        }
        const bool inTransaction = sqlite3_get_autocommit(db) == 0;
        StatementOutcome outcome = executor.execute(i, statement, sink.get());
        if (table) {
            if (auto printed = table->print(outcome.error ? TextTable::Ending::Stopped : TextTable::Ending::Complete);
                !printed && !outcome.error)
                outcome.error = executor.errorAt(i, printed.error().message);
        }
        if (outcome.error) {
            context.out.flush();
            statement = Statement(); // finalized, so that a transaction it read in can be rolled back
            return context.fail(cancel.cancelled().load() ? cancelled(db, *outcome.error, inTransaction)
                                                          : describe(*outcome.error));
        }
        if (returnsRows) {
            printedResult = true;
        } else if (!writerFormat) {
            if (printedResult)
                context.out << '\n';
            context.out << outcome.summary() << ".\n";
            printedResult = true;
        }
        context.out.flush();
    }
    return CliContext::ExitSuccess;
}

} // namespace quarry
