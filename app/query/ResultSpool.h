#pragma once

#include "core/Result.h"
#include "core/ResultCell.h"

#include <QMutex>
#include <QStringList>
#include <QTemporaryFile>

#include <memory>
#include <vector>

struct sqlite3_stmt;

namespace quarry {

// The rows of one statement's result, kept in temporary files rather than in memory, so a result of
// millions of rows or of huge cells costs disk, not RAM, and every row can be read again in any order.
//
// Thread contract: one writer thread appends rows and publishes them; any thread may read published rows
// at the same time. Every file access holds the spool's mutex, which a writer holds only while it copies a
// batch, so a reader waits at most for one batch.
class ResultSpool {
public:
    // Rows are indexed in pages of this many rows: reading row r seeks to its page and decodes forward.
    static constexpr int kPageRows = 256;
    // TEXT longer than this many UTF-8 bytes, and BLOBs longer than kBlobPreviewBytes, are kept as a preview.
    static constexpr int kTextPreviewBytes = 1024;
    static constexpr int kBlobPreviewBytes = 64;

    [[nodiscard]] static Result<std::shared_ptr<ResultSpool>> create(const QStringList& columns);
    ~ResultSpool();
    ResultSpool(const ResultSpool&) = delete;
    ResultSpool& operator=(const ResultSpool&) = delete;

    QStringList columns() const { return m_columns; }

    // Writer side. Copies the current row of `statement` (whose columns match columns()).
    [[nodiscard]] Status appendRow(sqlite3_stmt* statement);
    // Appends a row of values (null QVariant, qlonglong, double, QString or QByteArray).
    [[nodiscard]] Status appendValues(const QVariantList& values);
    // Makes every appended row visible to readers. Returns the published row count.
    [[nodiscard]] Result<qint64> publish();
    qint64 appendedRows() const { return m_appended; }

    // Reader side: rows [first, first + count) of the published rows (fewer at the end).
    [[nodiscard]] Result<QList<ResultRow>> rows(qint64 first, int count) const;
    qint64 rowCount() const;
    // The complete value of a cell (reads the overflow file for a truncated one).
    [[nodiscard]] Result<QVariant> fullValue(const ResultCell& cell) const;

private:
    explicit ResultSpool(QStringList columns);
    void encodeBytes(QByteArray& out, ResultCell::Type type, const char* data, qint64 size, int preview);
    Status flushOverflow();

    QStringList m_columns;
    mutable QMutex m_mutex;
    QTemporaryFile m_rowsFile;     // written by the writer
    QTemporaryFile m_overflowFile; // full values of truncated cells
    mutable QFile m_rowsReader;    // a second handle so reading never moves the writer's position
    mutable QFile m_overflowReader;

    // Writer-only state.
    QByteArray m_buffer;         // encoded rows not yet written
    QByteArray m_overflowBuffer; // full values not yet written
    qint64 m_written = 0;        // bytes of m_rowsFile already written
    qint64 m_overflowSize = 0;   // bytes of the overflow file, written or buffered
    qint64 m_appended = 0;

    // Shared state (guarded by m_mutex).
    std::vector<qint64> m_pageOffsets; // file offset of rows 0, 256, 512, ...
    qint64 m_published = 0;
    qint64 m_publishedBytes = 0;
};

} // namespace quarry
