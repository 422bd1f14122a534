#include "stats/StatsPeriodPicker.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLocale>
#include <QRadioButton>
#include <QSpinBox>

namespace quarry {

namespace {

QDate monthStartUtc()
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    return QDate(today.year(), today.month(), 1);
}

} // namespace

StatsPeriodPicker::StatsPeriodPicker(QWidget* parent) : QWidget(parent)
{
    auto* periodRow = new QHBoxLayout(this);
    periodRow->setContentsMargins(0, 0, 0, 0);
    m_lastDays = new QRadioButton(tr("Posted in the last"), this);
    m_days = new QSpinBox(this);
    m_days->setRange(1, StatsParameters::MaxDays);
    m_days->setValue(StatsParameters::DefaultDays);
    m_days->setSuffix(tr(" days"));
    m_days->setAccessibleName(tr("Days"));
    m_thisMonth = new QRadioButton(
        tr("Posted this month (since %1, UTC)").arg(QLocale().toString(monthStartUtc(), QLocale::ShortFormat)), this);
    auto* group = new QButtonGroup(this);
    group->addButton(m_lastDays);
    group->addButton(m_thisMonth);
    m_lastDays->setChecked(true);
    periodRow->addWidget(m_lastDays);
    periodRow->addWidget(m_days);
    periodRow->addSpacing(12);
    periodRow->addWidget(m_thisMonth);
    periodRow->addStretch();
    connect(m_days, &QSpinBox::valueChanged, this, [this] {
        m_lastDays->setChecked(true);
        emit changed();
    });
    connect(m_lastDays, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            emit changed();
    });
    connect(m_thisMonth, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            emit changed();
    });
}

StatsParameters StatsPeriodPicker::parameters() const
{
    StatsParameters parameters;
    parameters.days = m_days->value();
    parameters.period =
        m_thisMonth->isChecked() ? StatsParameters::Period::ThisMonth : StatsParameters::Period::LastDays;
    return parameters;
}

void StatsPeriodPicker::setParameters(const StatsParameters& parameters)
{
    const QSignalBlocker blockDays(m_days);
    const QSignalBlocker blockLast(m_lastDays);
    const QSignalBlocker blockMonth(m_thisMonth);
    m_days->setValue(parameters.days);
    m_lastDays->setChecked(parameters.period == StatsParameters::Period::LastDays);
    m_thisMonth->setChecked(parameters.period == StatsParameters::Period::ThisMonth);
}

} // namespace quarry
