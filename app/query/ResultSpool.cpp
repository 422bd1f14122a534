#include "query/ResultSpool.h"

#include <QDir>
#include <QMutexLocker>

#include <sqlite3.h>

#include <cstring>

namespace quarry {

namespace {

// Record tags. A truncated TEXT or BLOB also records its full size and where the full value is.
enum Tag : quint8 { TagNull, TagInteger, TagReal, TagText, TagBlob, TagTextPreview, TagBlobPreview };

constexpr qint64 kBufferBytes = 1 << 20;
constexpr qint64 kDirectOverflowBytes = 1 << 20; // bigger values skip the buffer

template <typename T> void put(QByteArray& out, T value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T> T take(const char*& p)
{
    T value;
    std::memcpy(&value, p, sizeof value);
    p += sizeof value;
    return value;
}

// The longest prefix of at most `limit` bytes that does not cut a UTF-8 sequence in half.
qint64 utf8Prefix(const char* data, qint64 size, qint64 limit)
{
    if (size <= limit)
        return size;
    qint64 end = limit;
    while (end > 0 && (static_cast<unsigned char>(data[end]) & 0xC0) == 0x80)
        --end;
    return end;
}

Error ioError(const QString& what, const QFile& file)
{
    return Error::make(Error::Kind::Io,
                       QStringLiteral("Cannot %1 the temporary result file: %2").arg(what, file.errorString()));
}

QString spoolTemplate()
{
    return QDir(QDir::tempPath()).filePath(QStringLiteral("quarry-result-XXXXXX"));
}

} // namespace

ResultSpool::ResultSpool(QStringList columns)
    : m_columns(std::move(columns)), m_rowsFile(spoolTemplate()), m_overflowFile(spoolTemplate())
{
}

ResultSpool::~ResultSpool() = default;

Result<std::shared_ptr<ResultSpool>> ResultSpool::create(const QStringList& columns)
{
    std::shared_ptr<ResultSpool> spool(new ResultSpool(columns));
    if (!spool->m_rowsFile.open())
        return ioError(QStringLiteral("create"), spool->m_rowsFile);
    if (!spool->m_overflowFile.open())
        return ioError(QStringLiteral("create"), spool->m_overflowFile);
    spool->m_rowsReader.setFileName(spool->m_rowsFile.fileName());
    spool->m_overflowReader.setFileName(spool->m_overflowFile.fileName());
    if (!spool->m_rowsReader.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return ioError(QStringLiteral("read"), spool->m_rowsReader);
    if (!spool->m_overflowReader.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return ioError(QStringLiteral("read"), spool->m_overflowReader);
    return spool;
}

void ResultSpool::encodeBytes(QByteArray& out, ResultCell::Type type, const char* data, qint64 size, int preview)
{
    const bool text = type == ResultCell::Type::Text;
    if (size <= preview) {
        put<quint8>(out, text ? TagText : TagBlob);
        put<quint32>(out, quint32(size));
        out.append(data, size);
        return;
    }
    const qint64 kept = text ? utf8Prefix(data, size, preview) : preview;
    put<quint8>(out, text ? TagTextPreview : TagBlobPreview);
    put<quint32>(out, quint32(kept));
    out.append(data, kept);
    put<qint64>(out, size);
    put<qint64>(out, m_overflowSize);
    if (size >= kDirectOverflowBytes) {
        // Written at once so a huge cell never sits in memory twice.
        m_overflowFile.write(m_overflowBuffer);
        m_overflowBuffer.clear();
        m_overflowFile.write(data, size);
    } else {
        m_overflowBuffer.append(data, size);
    }
    m_overflowSize += size;
}

Status ResultSpool::appendRow(sqlite3_stmt* statement)
{
    if (m_appended % kPageRows == 0) {
        QMutexLocker lock(&m_mutex);
        m_pageOffsets.push_back(m_written + m_buffer.size());
    }
    const int count = int(m_columns.size());
    for (int i = 0; i < count; ++i) {
        switch (sqlite3_column_type(statement, i)) {
        case SQLITE_INTEGER:
            put<quint8>(m_buffer, TagInteger);
            put<qint64>(m_buffer, sqlite3_column_int64(statement, i));
            break;
        case SQLITE_FLOAT:
            put<quint8>(m_buffer, TagReal);
            put<double>(m_buffer, sqlite3_column_double(statement, i));
            break;
        case SQLITE_TEXT: {
            const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
            encodeBytes(m_buffer, ResultCell::Type::Text, data, sqlite3_column_bytes(statement, i), kTextPreviewBytes);
            break;
        }
        case SQLITE_BLOB: {
            const auto* data = static_cast<const char*>(sqlite3_column_blob(statement, i));
            encodeBytes(m_buffer, ResultCell::Type::Blob, data, sqlite3_column_bytes(statement, i), kBlobPreviewBytes);
            break;
        }
        default:
            put<quint8>(m_buffer, TagNull);
            break;
        }
    }
    ++m_appended;
    if (m_buffer.size() >= kBufferBytes) {
        if (m_rowsFile.write(m_buffer) != m_buffer.size())
            return ioError(QStringLiteral("write"), m_rowsFile);
        m_written += m_buffer.size();
        m_buffer.clear();
    }
    return {};
}

Status ResultSpool::appendValues(const QVariantList& values)
{
    if (m_appended % kPageRows == 0) {
        QMutexLocker lock(&m_mutex);
        m_pageOffsets.push_back(m_written + m_buffer.size());
    }
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const QVariant value = values.value(i);
        if (value.isNull()) {
            put<quint8>(m_buffer, TagNull);
        } else if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int) {
            put<quint8>(m_buffer, TagInteger);
            put<qint64>(m_buffer, value.toLongLong());
        } else if (value.typeId() == QMetaType::Double) {
            put<quint8>(m_buffer, TagReal);
            put<double>(m_buffer, value.toDouble());
        } else if (value.typeId() == QMetaType::QByteArray) {
            const QByteArray bytes = value.toByteArray();
            encodeBytes(m_buffer, ResultCell::Type::Blob, bytes.constData(), bytes.size(), kBlobPreviewBytes);
        } else {
            const QByteArray utf8 = value.toString().toUtf8();
            encodeBytes(m_buffer, ResultCell::Type::Text, utf8.constData(), utf8.size(), kTextPreviewBytes);
        }
    }
    ++m_appended;
    return {};
}

Status ResultSpool::flushOverflow()
{
    if (!m_overflowBuffer.isEmpty()) {
        if (m_overflowFile.write(m_overflowBuffer) != m_overflowBuffer.size())
            return ioError(QStringLiteral("write"), m_overflowFile);
        m_overflowBuffer.clear();
    }
    if (!m_overflowFile.flush())
        return ioError(QStringLiteral("write"), m_overflowFile);
    return {};
}

Result<qint64> ResultSpool::publish()
{
    // The overflow goes first: a published row may point into it at once.
    if (Status status = flushOverflow(); !status)
        return status.error();
    if (!m_buffer.isEmpty()) {
        if (m_rowsFile.write(m_buffer) != m_buffer.size())
            return ioError(QStringLiteral("write"), m_rowsFile);
        m_written += m_buffer.size();
        m_buffer.clear();
    }
    if (!m_rowsFile.flush())
        return ioError(QStringLiteral("write"), m_rowsFile);
    QMutexLocker lock(&m_mutex);
    m_published = m_appended;
    m_publishedBytes = m_written;
    return m_published;
}

qint64 ResultSpool::rowCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_published;
}

Result<QList<ResultRow>> ResultSpool::rows(qint64 first, int count) const
{
    QList<ResultRow> out;
    QByteArray bytes;
    qint64 skip = 0;
    qint64 available = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (first < 0 || first >= m_published || count <= 0)
            return out;
        available = qMin<qint64>(count, m_published - first);
        const qint64 firstPage = first / kPageRows;
        const qint64 lastPage = (first + available - 1) / kPageRows;
        const qint64 begin = m_pageOffsets.at(size_t(firstPage));
        const qint64 end = size_t(lastPage + 1) < m_pageOffsets.size()
                               ? qMin(m_pageOffsets.at(size_t(lastPage + 1)), m_publishedBytes)
                               : m_publishedBytes;
        if (!m_rowsReader.seek(begin))
            return ioError(QStringLiteral("read"), m_rowsReader);
        bytes = m_rowsReader.read(end - begin);
        if (bytes.size() != end - begin)
            return ioError(QStringLiteral("read"), m_rowsReader);
        skip = first - firstPage * kPageRows;
    }

    const char* p = bytes.constData();
    const qsizetype columns = m_columns.size();
    out.reserve(available);
    for (qint64 r = 0; r < skip + available; ++r) {
        ResultRow row;
        const bool keep = r >= skip;
        if (keep)
            row.reserve(columns);
        for (qsizetype c = 0; c < columns; ++c) {
            ResultCell cell;
            switch (take<quint8>(p)) {
            case TagInteger:
                cell.type = ResultCell::Type::Integer;
                cell.value = qlonglong(take<qint64>(p));
                break;
            case TagReal:
                cell.type = ResultCell::Type::Real;
                cell.value = take<double>(p);
                break;
            case TagText:
            case TagTextPreview:
            case TagBlob:
            case TagBlobPreview: {
                const quint8 tag = quint8(p[-1]);
                const bool text = tag == TagText || tag == TagTextPreview;
                const quint32 length = take<quint32>(p);
                cell.type = text ? ResultCell::Type::Text : ResultCell::Type::Blob;
                if (keep)
                    cell.value = text ? QVariant(QString::fromUtf8(p, length)) : QVariant(QByteArray(p, length));
                p += length;
                cell.size = length;
                if (tag == TagTextPreview || tag == TagBlobPreview) {
                    cell.size = take<qint64>(p);
                    cell.overflow = take<qint64>(p);
                }
                break;
            }
            default:
                break;
            }
            if (keep)
                row.append(std::move(cell));
        }
        if (keep)
            out.append(std::move(row));
    }
    return out;
}

Result<QVariant> ResultSpool::fullValue(const ResultCell& cell) const
{
    if (!cell.isTruncated())
        return cell.value;
    QByteArray bytes;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_overflowReader.seek(cell.overflow))
            return ioError(QStringLiteral("read"), m_overflowReader);
        bytes = m_overflowReader.read(cell.size);
    }
    if (bytes.size() != cell.size)
        return ioError(QStringLiteral("read"), m_overflowReader);
    if (cell.type == ResultCell::Type::Text)
        return QVariant(QString::fromUtf8(bytes));
    return QVariant(bytes);
}

} // namespace quarry
