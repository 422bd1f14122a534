#include "database/PartialFile.h"

#include <QFile>
#include <QTemporaryFile>

namespace quarry {

Result<QString> PartialFile::reserveBeside(const QString& target)
{
    QTemporaryFile reserve(target + QStringLiteral(".XXXXXX.partial"));
    if (!reserve.open())
        return Error::make(Error::Kind::Io, reserve.errorString());
    return reserve.fileName(); // and the file is removed as `reserve` goes
}

bool PartialFile::moveIntoPlace(const QString& partial, const QString& target)
{
    if (QFile::rename(partial, target))
        return true;
    QFile::remove(partial);
    return false;
}

} // namespace quarry
