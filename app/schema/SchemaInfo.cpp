#include "schema/SchemaInfo.h"

namespace quarry {

QString SchemaInfo::describe() const
{
    switch (kind) {
    case Kind::Empty:
        return QStringLiteral("empty database");
    case Kind::Blog:
        return QStringLiteral("blog schema v%1").arg(version);
    case Kind::Lesson:
        return QStringLiteral("blog tables made by the lesson's code (treated as v1, not yet upgraded)");
    case Kind::Newer:
        return QStringLiteral("blog schema v%1, newer than this Quarry knows").arg(version);
    case Kind::Other:
        break;
    }
    return QStringLiteral("not a blog database");
}

} // namespace quarry
