#include "generate/GeneratorProgress.h"

namespace quarry {

QString GeneratorProgress::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Users:
        return QStringLiteral("users");
    case Phase::Posts:
        return QStringLiteral("posts");
    case Phase::Comments:
        return QStringLiteral("comments");
    case Phase::Indexes:
        return QStringLiteral("indexes");
    case Phase::Profiles:
        return QStringLiteral("profiles");
    }
    return {};
}

} // namespace quarry
