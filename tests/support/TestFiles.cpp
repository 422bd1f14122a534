#include "TestFiles.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <csignal>
#include <sys/resource.h>

namespace quarry::test {

QString TestFiles::currentTestPath(const QTemporaryDir& dir)
{
    const char* tag = QTest::currentDataTag();
    QString name = QStringLiteral("%1-%2.db")
                       .arg(QLatin1String(QTest::currentTestFunction()), QLatin1String(tag ? tag : "x"))
                       .replace(QLatin1Char(' '), QLatin1Char('_'));
    const QString path = dir.filePath(name);
    QFile::remove(path);
    return path;
}

QByteArray TestFiles::read(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool TestFiles::write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray TestFiles::pngBytes()
{
    // A 1x1 transparent PNG.
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}

bool TestFiles::execSql(const QString& path, const QString& sql, QString* error)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK && error)
        *error = QString::fromUtf8(message);
    sqlite3_free(message);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

QString TestFiles::querySql(const QString& path, const QString& sql)
{
    sqlite3* db = nullptr;
    QString result;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            result = text ? QString::fromUtf8(text) : QString();
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return result;
}

QStringList TestFiles::dumpRows(const QString& path, const QString& sql)
{
    static const char* const kTypes[] = {"?", "integer", "real", "text", "blob", "null"};
    QStringList rows;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) == SQLITE_OK) {
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                QStringList cells;
                for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                    const int type = sqlite3_column_type(stmt, i);
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                    cells << QString::fromLatin1(kTypes[type]) + QLatin1Char(':') + QString::fromUtf8(text ? text : "");
                }
                rows << cells.join(QLatin1Char('|'));
            }
        } else {
            rows << QStringLiteral("error: ") + QString::fromUtf8(sqlite3_errmsg(db));
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return rows;
}

TestFiles::ProcessResult TestFiles::runQuarry(const QStringList& arguments, int timeoutMs)
{
    ProcessResult result;
    QProcess process;
    process.start(QProcessEnvironment::systemEnvironment().value(QStringLiteral("QUARRY_BINARY")), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out or failed to start: ") + process.errorString();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

TestFiles::FileSizeLimit::FileSizeLimit(qint64 bytes)
{
    struct rlimit limit {};
    if (getrlimit(RLIMIT_FSIZE, &limit) != 0)
        return;
    m_savedLimit = qint64(limit.rlim_cur);
    m_savedHandler = std::signal(SIGXFSZ, SIG_IGN);
    limit.rlim_cur = rlim_t(bytes);
    m_set = setrlimit(RLIMIT_FSIZE, &limit) == 0;
}

TestFiles::FileSizeLimit::~FileSizeLimit()
{
    if (!m_set)
        return;
    struct rlimit limit {};
    getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = rlim_t(m_savedLimit);
    setrlimit(RLIMIT_FSIZE, &limit);
    std::signal(SIGXFSZ, m_savedHandler);
}

} // namespace quarry::test
