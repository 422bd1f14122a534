#include "write/CascadeCounts.h"

#include "write/Vocabulary.h"

#include <QStringList>

namespace quarry {

QString CascadeCounts::summary() const
{
    QStringList parts;
    if (posts > 0)
        parts << Vocabulary::rowCount(posts, QStringLiteral("posts"));
    if (comments > 0)
        parts << Vocabulary::rowCount(comments, QStringLiteral("comments"));
    if (profiles > 0)
        parts << Vocabulary::rowCount(profiles, QStringLiteral("user_profiles"));
    if (parts.size() <= 1)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return parts.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

} // namespace quarry
