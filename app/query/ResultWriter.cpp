#include "query/ResultWriter.h"

#include "core/CsvField.h"
#include "core/JsonField.h"
#include "query/ResultSpool.h"

#include <QIODevice>
#include <QSet>
#include <QTextStream>

namespace quarry {

namespace {

constexpr int kExportBatchRows = 1024;

} // namespace

ResultWriter::ResultWriter(QTextStream& out, Format format) : m_out(out), m_format(format) {}

std::optional<ResultWriter::Format> ResultWriter::formatNamed(const QString& name)
{
    const QString lower = name.toLower();
    if (lower == QStringLiteral("csv"))
        return Format::Csv;
    if (lower == QStringLiteral("tsv"))
        return Format::Tsv;
    if (lower == QStringLiteral("json"))
        return Format::Json;
    return std::nullopt;
}

void ResultWriter::write(const QString& text)
{
    m_out << text;
    m_ok = m_ok && m_out.status() == QTextStream::Ok;
}

void ResultWriter::begin(const QStringList& columns)
{
    m_rows = 0;
    if (m_format == Format::Json) {
        m_keys.clear();
        QSet<QString> used;
        for (const QString& column : columns) {
            QString key = column;
            for (int n = 2; used.contains(key); ++n)
                key = column + QStringLiteral("_%1").arg(n);
            used.insert(key);
            m_keys << JsonField::string(key);
        }
        write(QStringLiteral("["));
        return;
    }
    QVariantList header;
    for (const QString& column : columns)
        header << column;
    writeRow(header);
    m_rows = 0;
}

void ResultWriter::writeRow(const QVariantList& values)
{
    QString line;
    if (m_format == Format::Json) {
        line = m_rows == 0 ? QStringLiteral("\n  {") : QStringLiteral(",\n  {");
        for (qsizetype i = 0; i < m_keys.size(); ++i) {
            if (i > 0)
                line += QStringLiteral(", ");
            line += m_keys.at(i) + QStringLiteral(": ") + JsonField::value(values.value(i));
        }
        line += u'}';
    } else {
        const QChar separator = m_format == Format::Csv ? u',' : u'\t';
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i > 0)
                line += separator;
            line += CsvField::value(values.at(i), separator);
        }
        line += QStringLiteral("\r\n");
    }
    ++m_rows;
    write(line);
}

void ResultWriter::end()
{
    if (m_format == Format::Json)
        write(m_rows == 0 ? QStringLiteral("]\n") : QStringLiteral("\n]\n"));
}

Status ResultWriter::exportSpool(const ResultSpool& spool, QTextStream& out, Format format,
                                 const std::atomic_bool* cancel)
{
    ResultWriter writer(out, format);
    writer.begin(spool.columns());
    const qint64 total = spool.rowCount();
    for (qint64 first = 0; first < total; first += kExportBatchRows) {
        if (cancel && cancel->load())
            return Error::make(Error::Kind::Cancelled, QStringLiteral("The export was stopped."));
        auto rows = spool.rows(first, kExportBatchRows);
        if (!rows)
            return rows.error();
        for (const ResultRow& row : *rows) {
            QVariantList values;
            values.reserve(row.size());
            for (const ResultCell& cell : row) {
                auto full = spool.fullValue(cell);
                if (!full)
                    return full.error();
                values << *full;
            }
            writer.writeRow(values);
        }
        if (!writer.isOk())
            break;
    }
    writer.end();
    out.flush();
    if (!writer.isOk() || out.status() != QTextStream::Ok)
        return Error::make(Error::Kind::Io,
                           QStringLiteral("Cannot write the export%1")
                               .arg(out.device() ? QStringLiteral(": ") + out.device()->errorString() : QString()));
    return {};
}

} // namespace quarry
