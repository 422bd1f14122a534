#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

class QTemporaryDir;

namespace quarry::test {

// Small helpers for tests that work on real files and real processes.
class TestFiles {
public:
    // A file in `dir` named after the running test function and data row ("function-row.db", spaces as
    // underscores), with nothing left there by an earlier run: every row of a data-driven test starts afresh.
    static QString currentTestPath(const QTemporaryDir& dir);
    static QByteArray read(const QString& path);
    static bool write(const QString& path, const QByteArray& bytes);
    // A real (tiny) PNG image's bytes.
    static QByteArray pngBytes();
    // Runs SQL with the SQLite C API directly, bypassing Quarry, to build fixtures the way other tools do.
    static bool execSql(const QString& path, const QString& sql, QString* error = nullptr);
    // One column of one row, read with the C API.
    static QString querySql(const QString& path, const QString& sql);
    // Every row of a query as "type:value|type:value", read with the C API: compares data exactly, storage
    // classes included.
    static QStringList dumpRows(const QString& path, const QString& sql);

    struct ProcessResult {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Runs the quarry binary built with the tests (QUARRY_BINARY) with `arguments`.
    static ProcessResult runQuarry(const QStringList& arguments, int timeoutMs = 60000);

    // While one exists, the kernel refuses to make any file of this process longer than `bytes`
    // (RLIMIT_FSIZE): a write past that fails as a full disk would, instead of raising SIGXFSZ. For tests of
    // what a failed write leaves behind.
    class FileSizeLimit {
    public:
        explicit FileSizeLimit(qint64 bytes);
        ~FileSizeLimit();
        FileSizeLimit(const FileSizeLimit&) = delete;
        FileSizeLimit& operator=(const FileSizeLimit&) = delete;
        bool isSet() const { return m_set; }

    private:
        qint64 m_savedLimit = 0;
        void (*m_savedHandler)(int) = nullptr;
        bool m_set = false;
    };
};

} // namespace quarry::test
