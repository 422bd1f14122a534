#pragma once

#include <QString>
#include <QVariantMap>

namespace quarry {

// The values a panel's SQL binds. Only active-users takes any: the start of its period, as a datetime()
// modifier relative to now, so one statement serves "the last N days" and "this month".
struct StatsParameters {
    enum class Period {
        LastDays,  // posted at or after now minus `days` days
        ThisMonth, // posted at or after 00:00 UTC on the first day of the current month
    };

    static constexpr int DefaultDays = 30;
    static constexpr int MaxDays = 36500;

    Period period = Period::LastDays;
    int days = DefaultDays;

    // The modifier bound to :since: "-30 days" or "start of month".
    QString sinceModifier() const
    {
        return period == Period::ThisMonth ? QStringLiteral("start of month") : QStringLiteral("-%1 days").arg(days);
    }

    // Parameter name (with its ':') to value, for every parameter any panel uses. Binding by name lets one map
    // serve every panel, and lets a benchmark bind exactly what Quarry binds.
    QVariantMap bindings() const { return {{QStringLiteral(":since"), sinceModifier()}}; }

    bool operator==(const StatsParameters&) const = default;
};

} // namespace quarry
