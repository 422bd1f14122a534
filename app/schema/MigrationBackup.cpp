#include "schema/MigrationBackup.h"

#include "database/PartialFile.h"
#include "database/SqlError.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

Result<QString> MigrationBackup::write(const QSqlDatabase& db, const QString& databasePath, int fromVersion)
{
    const QFileInfo info(databasePath);
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString suffix = info.suffix().isEmpty() ? QStringLiteral("db") : info.suffix();
    QString path;
    for (int n = 1;; ++n) {
        const QString extra = n == 1 ? QString() : QStringLiteral("-%1").arg(n);
        path = info.absoluteDir().filePath(QStringLiteral("%1.backup-v%2-%3%4.%5")
                                               .arg(info.completeBaseName())
                                               .arg(fromVersion)
                                               .arg(stamp, extra, suffix));
        if (!QFileInfo::exists(path))
            break;
    }
    // Written under a name of its own and renamed when complete, so that a backup cut short (a full disk, an
    // interrupt, a crash) is never found under a backup's name; a failed one is removed.
    const auto reserved = PartialFile::reserveBeside(path);
    if (!reserved)
        return Error::make(Error::Kind::Io,
                           QStringLiteral("Cannot write the backup %1 before migrating: %2; nothing was changed")
                               .arg(path, reserved.error().message));
    const QString partial = *reserved; // VACUUM INTO creates the file
    QSqlQuery query(db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(partial);
    const bool written = query.exec();
    query.finish();
    if (!written) {
        QFile::remove(partial);
        return sqlError(query.lastError(),
                        QStringLiteral("Cannot write the backup %1 before migrating; nothing was changed").arg(path));
    }
    if (!PartialFile::moveIntoPlace(partial, path)) // a backup made meanwhile under that name is left alone
        return Error::make(Error::Kind::Io,
                           QStringLiteral("Cannot write the backup %1 before migrating: the name is taken; nothing "
                                          "was changed")
                               .arg(path));
    return path;
}

} // namespace quarry
