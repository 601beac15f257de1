#pragma once
// Dates and tracking periods. Charts publish on different days for the same tracking week (Spotify
// dates a week by its last day, the UK chart one day later, Billboard nine days later); these
// helpers turn each chart's own date into the one tracking period all sources share.
#include <string>
#include <string_view>

#include "core/data/dataset.h"

namespace chartmix {

// Days since 1970-01-01 for a proleptic Gregorian date; the month and day must be valid.
DayNumber DaysFromCivil(int year, int month, int day);
// The inverse of DaysFromCivil.
void CivilFromDays(DayNumber days, int* year, int* month, int* day);
// 0 = Monday .. 6 = Sunday.
int Weekday(DayNumber day);
// Number of days in a month of a year.
int DaysInMonth(int year, int month);
// "2023-03-23".
std::string FormatDay(DayNumber day);
// "2023-03".
std::string FormatMonth(int year, int month);
// Parses a weekday name ("thursday", "thu"); returns -1 when unknown.
int ParseWeekday(std::string_view name);

// How a chart writes its dates.
//   "auto"        YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (two-digit month and day), YYYY-MM, YYYY, each optionally
//                 followed by a time ("2023-03-31T00:00:00", "2018-01-31 23:59") that is ignored
//   a pattern     made of YYYY, MM, M, DD, D and literal separators ("DD/MM/YYYY", "YYYY.M.D");
//                 MM and DD demand two digits, M and D accept one or two
struct DateFormat {
    std::string Pattern = "auto";
};

// What a date string holds: a day, a whole month or a whole year.
enum class DatePrecision : uint8_t { Day, Month, Year };

struct ParsedDate {
    DayNumber Day = 0;  // the day; for a month or year, its first day
    DatePrecision Precision = DatePrecision::Day;
};

// Parses a date. On failure, *why says what is wrong in words a user understands (for example that
// "2022.1.30" writes its month with one digit where the format asks for two). year (0 = none) is the
// year of a date that writes none: a bare month "3" under "auto", or a pattern without YYYY ("MM").
bool ParseDate(std::string_view text, const DateFormat& format, ParsedDate* out, std::string* why, int year = 0);

// Parses a date range such as "2025-01-02_to_2025-01-08": two dates of `format` joined by
// `separator`. Both must be days and the first must not come after the last.
bool ParseDateRange(std::string_view text, const DateFormat& format, std::string_view separator, DayNumber* first, DayNumber* last,
                    std::string* why, int year = 0);

// The shared period grid of one dataset.
struct PeriodRules {
    Granularity Target = Granularity::Weekly;  // the dataset's period length
    int WeekEndsOn = 3;                        // 0 = Monday .. 6 = Sunday; default Thursday (Fri..Thu weeks)
};

struct PeriodSlot {
    DayNumber Start = 0;
    DayNumber End = 0;
    bool Month = false;  // a calendar month (labelled "2023-03"); otherwise labelled by its last day
};

// The label users see (week: its last day "2023-03-23"; month: "2023-03"; day: "2023-03-23").
// Made only when a period is new, not per row: formatting it per row dominated CSV ingest.
std::string PeriodSlotLabel(const PeriodSlot& slot);

// The dataset period that holds a chart's tracking period.
//   chart_date        the date printed on the chart
//   granularity       how long the chart's tracking period is
//   offset_days       chart date minus the last day of its tracking period (Billboard: 9)
// A weekly tracking period goes to the dataset week that holds its middle day, so a Sun..Sat week
// lands in the Fri..Thu week it shares five days with. Daily charts go to the week or month that
// holds the day; weekly charts to the month holding their middle day. Returns false when the chart is
// coarser than the dataset (a monthly chart cannot be split into weeks).
bool AssignPeriod(const ParsedDate& chart_date, Granularity granularity, int offset_days, const PeriodRules& rules,
                  PeriodSlot* out);

// The dataset period of a chart whose rows state their tracking period as a range (first..last day).
// The range must be as long as the chart's periods (one day, seven days, a calendar month) and, for
// a chart as long as the grid's periods, be one of them: a Thursday-to-Wednesday week in a dataset of
// Friday-to-Thursday weeks is refused, with *why saying so, never moved to a neighbouring week.
bool AssignRange(DayNumber first, DayNumber last, Granularity granularity, const PeriodRules& rules, PeriodSlot* out, std::string* why);

} // namespace chartmix
