#include "generate/TimestampText.h"

namespace quarry {

namespace {

void twoDigits(int value, char* out)
{
    out[0] = char('0' + value / 10);
    out[1] = char('0' + value % 10);
}

} // namespace

void TimestampText::write(qint64 secondsSinceEpoch, char* out)
{
    qint64 days = secondsSinceEpoch / 86400;
    qint64 seconds = secondsSinceEpoch % 86400;
    if (seconds < 0) {
        seconds += 86400;
        --days;
    }
    // Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day count, in integers only.
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    const int month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    twoDigits(year / 100, out);
    twoDigits(year % 100, out + 2);
    out[4] = '-';
    twoDigits(month, out + 5);
    out[7] = '-';
    twoDigits(day, out + 8);
    out[10] = ' ';
    twoDigits(int(seconds / 3600), out + 11);
    out[13] = ':';
    twoDigits(int(seconds / 60 % 60), out + 14);
    out[16] = ':';
    twoDigits(int(seconds % 60), out + 17);
}

} // namespace quarry
