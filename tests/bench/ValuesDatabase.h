#pragma once

#include "BenchOptions.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace quarry::bench {

// The two files of the huge-values scenario, written with the SQLite C API: "plain" holds
// items(id INTEGER PRIMARY KEY, title TEXT, payload) with `rows` rows of small values, and "huge" the same rows
// but for two in the middle, whose payloads are a huge BLOB (a non-zero pattern written in pieces through
// incremental blob I/O, so the file really holds it) and a huge TEXT of lines.
class ValuesDatabase {
public:
    static constexpr char kTable[] = "items";
    static constexpr char kValueColumn[] = "payload";

    // The scale asked for (--value-rows, --huge-blob-mb, --huge-text-mb, in MiB). Sizes past what SQLite stores
    // in one value (SQLITE_LIMIT_LENGTH, 10^9 bytes by default) are cut to it.
    explicit ValuesDatabase(const BenchOptions& options);

    static qint64 maxValueBytes();
    qint64 blobBytes() const { return m_blobBytes; }
    qint64 textBytes() const { return m_textBytes; }
    // The rowids of the huge cells, in the middle (the same in both files; "plain" holds a small BLOB and a small
    // TEXT there: see smallValue()).
    qint64 blobRowId() const { return m_rows / 2 / 2 * 2; }
    qint64 textRowId() const { return blobRowId() + 1; }
    // The first bytes of the huge BLOB and of the huge TEXT, as the value editor should show them.
    static QByteArray blobHead(int bytes);
    static QByteArray textHead(int bytes);
    // Row `id`'s small payload: a BLOB for even ids, TEXT for odd ones (the plain file's value at blobRowId() and
    // textRowId()).
    static QByteArray smallValue(qint64 id);

    // True when `path` holds these rows (and, for `huge`, these huge values): then it is reused.
    bool matches(const QString& path, bool huge) const;
    // Writes the file (removing what was there); false with `error` set when it cannot. A note says how long.
    bool write(const QString& path, bool huge, QString& error, QStringList& notes) const;

private:
    qint64 m_rows;
    qint64 m_blobBytes;
    qint64 m_textBytes;
};

} // namespace quarry::bench
