#pragma once

#include "core/Result.h"

#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <optional>

class QTextStream;

namespace quarry {

class ResultSpool;

// Writes result rows as CSV, TSV or JSON, for files, the clipboard and the command line alike.
//
// CSV follows RFC 4180: CRLF line ends, a header row, fields holding a comma, quote, CR or LF in double
// quotes with quotes doubled. NULL is an empty unquoted field, an empty string is "" so the two stay apart.
// TSV is the same with tabs, as spreadsheets paste it. JSON is an array of objects, one per row, keys in
// column order (a repeated column name gets a suffix: "id", "id_2"); integers and reals are numbers, NULL is
// null, TEXT a string and BLOB a base64 string.
class ResultWriter {
public:
    enum class Format { Csv, Tsv, Json };

    ResultWriter(QTextStream& out, Format format);

    static std::optional<Format> formatNamed(const QString& name);

    void begin(const QStringList& columns);
    void writeRow(const QVariantList& values);
    void end();
    // False once the stream refused a write.
    bool isOk() const { return m_ok; }

    // Writes every row of `spool` with full values. Stops early, returning an error of kind Cancelled, when
    // `cancel` becomes true.
    [[nodiscard]] static Status exportSpool(const ResultSpool& spool, QTextStream& out, Format format,
                                            const std::atomic_bool* cancel = nullptr);

private:
    void write(const QString& text);

    QTextStream& m_out;
    Format m_format;
    QStringList m_keys;
    qint64 m_rows = 0;
    bool m_ok = true;
};

} // namespace quarry
