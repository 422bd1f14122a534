#include "blog/DemoDatabase.h"

#include "blog/SampleData.h"
#include "database/Connection.h"
#include "schema/Migrator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace quarry {

QString DemoDatabase::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo.db"));
}

Status DemoDatabase::create(const QString& path, bool withSample)
{
    Status ok;
    {
        auto connection = Connection::open(path, {Connection::Mode::Create, 5000, QStringLiteral("create")});
        if (!connection)
            return connection.error();
        Migrator migrator(**connection);
        ok = migrator.createLatest();
        if (ok && withSample)
            ok = SampleData::loadLessonSample((*connection)->database());
    }
    if (!ok)
        QFile::remove(path); // we created it; leave nothing half-made behind
    return ok;
}

Result<QString> DemoDatabase::ensure(const QString& path)
{
    if (QFileInfo::exists(path))
        return path;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::make(Error::Kind::Io,
                           QStringLiteral("Cannot create the folder for the demo database %1.").arg(path));
    if (auto ok = create(path, true); !ok)
        return ok.error();
    return path;
}

} // namespace quarry
