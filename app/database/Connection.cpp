#include "database/Connection.h"

#include "database/SqlError.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QtEndian>

#include <sqlite3.h>
#include <unistd.h>

namespace quarry {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

const char kSqliteMagic[] = "SQLite format 3";

// SQLite only notices a truncated file when it reads a missing page, which may be long after opening.
// The header records the database size in pages (valid when the change counter matches the
// "version-valid-for" field), so a file shorter than that is known to be cut short at once.
QString truncationProblem(const QString& path)
{
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        return {}; // pages may legitimately live in the WAL
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArray(kSqliteMagic)))
        return {};
    const auto* bytes = reinterpret_cast<const uchar*>(header.constData());
    quint32 pageSize = qFromBigEndian<quint16>(bytes + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    if (pageCount == 0 || changeCounter != validFor)
        return {};
    const qint64 expected = qint64(pageSize) * pageCount;
    if (file.size() < expected)
        return QStringLiteral("database disk image is malformed (the file is %1 bytes but its header says %2)")
            .arg(file.size())
            .arg(expected);
    return {};
}

// Why the current user cannot write the file (or the journal beside it), or an empty string when they can.
QString unwritableReason(const QFileInfo& info)
{
    if (!info.isWritable())
        return QStringLiteral("You do not have permission to write \u201c%1\u201d.").arg(info.fileName());
    // Root may write anything; respect a file the user marked read-only all the same.
    if (::geteuid() == 0 && !(info.permissions() & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther)))
        return QStringLiteral("\u201c%1\u201d is marked read-only.").arg(info.fileName());
    const QFileInfo dir(info.absolutePath());
    if (!dir.isWritable())
        return QStringLiteral("The folder holding \u201c%1\u201d is not writable, so SQLite cannot create its journal.")
            .arg(info.fileName());
    return {};
}

QString sqliteUri(const QString& absolutePath, const char* mode, const char* vfs)
{
    QUrl url = QUrl::fromLocalFile(absolutePath);
    QString query = QStringLiteral("mode=") + QLatin1String(mode);
    if (vfs)
        query += QStringLiteral("&vfs=") + QLatin1String(vfs);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

Connection::Connection(QString name, QString path, bool readOnly, QString readOnlyReason)
    : m_name(std::move(name))
    , m_path(std::move(path))
    , m_readOnly(readOnly)
    , m_readOnlyReason(std::move(readOnlyReason))
{
}

Connection::~Connection()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Connection>> Connection::open(const QString& path, const Options& options)
{
    if (path.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("No database file was given."));
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    const QString shown = QDir::toNativeSeparators(absolute);

    if (options.mode == Mode::Create) {
        if (info.exists())
            return Error::make(Error::Kind::Usage,
                               QStringLiteral("Cannot create \u201c%1\u201d: the file already exists.").arg(shown));
        if (!QFileInfo(info.absolutePath()).isDir())
            return Error::make(Error::Kind::NotFound,
                               QStringLiteral("Cannot create \u201c%1\u201d: the folder does not exist.").arg(shown));
    } else {
        if (!info.exists())
            return Error::make(Error::Kind::NotFound,
                               QStringLiteral("Cannot open \u201c%1\u201d: no such file.").arg(shown));
        if (info.isDir())
            return Error::make(
                Error::Kind::NotADatabase,
                QStringLiteral("Cannot open \u201c%1\u201d: it is a folder, not a database file.").arg(shown));
        if (!info.isReadable())
            return Error::make(
                Error::Kind::Io,
                QStringLiteral("Cannot open \u201c%1\u201d: you do not have permission to read it.").arg(shown));
    }

    bool readOnly = options.mode == Mode::ReadOnly;
    QString readOnlyReason;
    if (options.mode == Mode::ReadWrite) {
        readOnlyReason = unwritableReason(info);
        readOnly = !readOnlyReason.isEmpty();
    }

    const char* uriMode = readOnly ? "ro" : (options.mode == Mode::Create ? "rwc" : "rw");
    const QString name = QStringLiteral("quarry-%1-%2-%3")
                             .arg(options.purpose)
                             .arg(s_connectionCounter.fetchAndAddOrdered(1))
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
    std::unique_ptr<Connection> connection(new Connection(name, absolute, readOnly, readOnlyReason));

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    // A URI with mode=rw or mode=ro makes SQLite itself refuse to create a missing file, closing the race
    // between the exists() check above and the open.
    QString connectOptions = QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    if (readOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(connectOptions);
    db.setDatabaseName(sqliteUri(absolute, uriMode, options.vfs));
    connection->m_db = db;

    const QString verb = options.mode == Mode::Create ? QStringLiteral("create") : QStringLiteral("open");
    const QString context = QStringLiteral("Cannot %1 \u201c%2\u201d").arg(verb, shown);
    if (!db.open())
        return sqlError(db.lastError(), context);
    connection->m_handle = handleOf(db);

    if (options.mode != Mode::Create) {
        const QString truncated = truncationProblem(absolute);
        if (!truncated.isEmpty())
            return Error::make(Error::Kind::NotADatabase, QStringLiteral("%1: %2").arg(context, truncated),
                               sqlite_code::Corrupt, truncated);
    }

    // Reading the schema is what makes SQLite look at the file: "file is not a database" for a PNG or an
    // encrypted file, "database disk image is malformed" for a damaged one. Nothing here writes.
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")))
        return sqlError(probe.lastError(), context);
    probe.finish();

    const QString pragmas[] = {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA trusted_schema = OFF"),
    };
    for (const QString& pragma : pragmas) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return sqlError(query.lastError(), context);
    }
    return connection;
}

sqlite3* Connection::handleOf(const QSqlDatabase& db)
{
    if (!db.isOpen())
        return nullptr;
    if (const QVariant h = db.driver()->handle(); h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3* const*>(h.constData());
    return nullptr;
}

void Connection::interrupt() const
{
    if (m_handle)
        sqlite3_interrupt(m_handle);
}

} // namespace quarry
