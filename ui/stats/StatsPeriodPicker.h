#pragma once

#include "stats/StatsParameters.h"

#include <QWidget>

class QRadioButton;
class QSpinBox;

namespace quarry {

// The period a panel that takes one counts over: the last N days, or this month (UTC).
class StatsPeriodPicker : public QWidget {
    Q_OBJECT
public:
    explicit StatsPeriodPicker(QWidget* parent = nullptr);

    StatsParameters parameters() const;
    // Shows `parameters` without emitting changed().
    void setParameters(const StatsParameters& parameters);

signals:
    // The person chose another period.
    void changed();

private:
    QRadioButton* m_lastDays = nullptr;
    QRadioButton* m_thisMonth = nullptr;
    QSpinBox* m_days = nullptr;
};

} // namespace quarry
