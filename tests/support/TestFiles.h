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
};

} // namespace quarry::test
