#include "stats/StatsQueries.h"

#include <QFile>
#include <QRegularExpression>

namespace quarry {

namespace {

QString panelSql(const QString& name)
{
    QFile file(QStringLiteral(":/sql/stats/%1.sql").arg(name));
    // The files are compiled into the binary, so a missing one is a build mistake that every test catches.
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

QList<StatsPanel> makePanels()
{
    using Chart = StatsPanel::Chart;
    QList<StatsPanel> panels{
        {QStringLiteral("post-counts"),
         QStringLiteral("Posts per user"),
         QStringLiteral("Every user with the number of posts they wrote, users without posts included."),
         {},
         Chart::Bars,
         {0},
         {1},
         false,
         false,
         QStringLiteral("users")},
        {QStringLiteral("comment-counts"),
         QStringLiteral("Comments per post"),
         QStringLiteral("Every post with its author and the number of comments it received."),
         {},
         Chart::Bars,
         {0, 1},
         {2},
         false,
         false,
         QStringLiteral("posts")},
        {QStringLiteral("activity"),
         QStringLiteral("Activity"),
         QStringLiteral("Per user: posts written, comments written, and their total, each counted on its own."),
         {},
         Chart::StackedBars,
         {0},
         {1, 2},
         false,
         false,
         QStringLiteral("users")},
        {QStringLiteral("post-numbering"),
         QStringLiteral("Post numbering"),
         QStringLiteral("Every post numbered among its author's posts, oldest first (equal times by id)."),
         {},
         Chart::None,
         {},
         {},
         false,
         false,
         QStringLiteral("posts")},
        {QStringLiteral("active-users"),
         QStringLiteral("Active users"),
         QStringLiteral("Users who posted in the chosen period (times are UTC)."),
         {},
         Chart::None,
         {},
         {},
         true,
         false,
         QStringLiteral("users")},
        {QStringLiteral("totals"),
         QStringLiteral("Totals"),
         QStringLiteral("Users, posts and comments, and the average number of posts per user."),
         {},
         Chart::None,
         {},
         {},
         false,
         true,
         {}},
    };
    for (StatsPanel& panel : panels)
        panel.sql = panelSql(panel.name);
    return panels;
}

} // namespace

const QList<StatsPanel>& StatsQueries::all()
{
    // Constant data read once from the embedded resources.
    static const QList<StatsPanel> panels = makePanels();
    return panels;
}

QStringList StatsQueries::names()
{
    QStringList result;
    for (const StatsPanel& panel : all())
        result << panel.name;
    return result;
}

QString StatsQueries::sqlWithValues(const StatsPanel& panel, const StatsParameters& parameters)
{
    QString sql = panel.sql;
    const QVariantMap bindings = parameters.bindings();
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it) {
        QString literal = it.value().toString();
        if (it.value().typeId() == QMetaType::QString)
            literal = QLatin1Char('\'') + literal.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
        // Parameter names are ours and never occur in the panels' SQL other than as parameters.
        sql.replace(QRegularExpression(QRegularExpression::escape(it.key()) + QStringLiteral("\\b")), literal);
    }
    return sql;
}

const StatsPanel* StatsQueries::find(const QString& name)
{
    for (const StatsPanel& panel : all()) {
        if (panel.name == name)
            return &panel;
    }
    return nullptr;
}

} // namespace quarry
