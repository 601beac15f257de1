#include "core/data/period.h"

#include <cstdio>

namespace chartmix {

// [SECTION] Civil calendar (Howard Hinnant's days_from_civil, exact for all int32 days)

DayNumber DaysFromCivil(int year, int month, int day)
{
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = (unsigned)(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int)doe - 719468;
}

void CivilFromDays(DayNumber z, int* year, int* month, int* day)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = (int)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    *year = y + (m <= 2);
    *month = (int)m;
    *day = (int)d;
}

int Weekday(DayNumber day)
{
    // 1970-01-01 was a Thursday (3).
    int w = (day + 3) % 7;
    return w < 0 ? w + 7 : w;
}

int DaysInMonth(int year, int month)
{
    static const int kDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string FormatDay(DayNumber day)
{
    int y, m, d;
    CivilFromDays(day, &y, &m, &d);
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string FormatMonth(int year, int month)
{
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%04d-%02d", year, month);
    return buf;
}

int ParseWeekday(std::string_view name)
{
    static const char* const kNames[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
    if (name.size() < 3) return -1;
    for (int i = 0; i < 7; i++) {
        std::string_view full = kNames[i];
        if (name.size() <= full.size() && full.substr(0, name.size()) == name) return i;
    }
    return -1;
}

// [SECTION] Parsing

static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads between min and max digits at text[*pos]; returns -1 when there are fewer than min.
static int ReadNumber(std::string_view text, size_t* pos, int min_digits, int max_digits)
{
    int value = 0, n = 0;
    while (*pos < text.size() && n < max_digits && IsDigit(text[*pos])) {
        value = value * 10 + (text[*pos] - '0');
        (*pos)++;
        n++;
    }
    if (n < min_digits || (*pos < text.size() && IsDigit(text[*pos]))) return -1;
    return value;
}

static bool Finish(int y, int m, int d, DatePrecision precision, ParsedDate* out, std::string* why)
{
    if (y < 1900 || y > 2200) { *why = "year " + std::to_string(y) + " is outside 1900..2200"; return false; }
    if (m < 1 || m > 12) { *why = "month " + std::to_string(m) + " does not exist"; return false; }
    if (d < 1 || d > DaysInMonth(y, m)) {
        *why = "day " + std::to_string(d) + " does not exist in " + FormatMonth(y, m);
        return false;
    }
    out->Day = DaysFromCivil(y, m, d);
    out->Precision = precision;
    return true;
}

// The rest of a date may be a time of day ("T00:00:00", " 23:59"), which says nothing about the period.
static bool IsTimeTail(std::string_view rest)
{
    if (rest.empty()) return true;
    if (rest[0] != 'T' && rest[0] != ' ') return false;
    for (size_t i = 1; i < rest.size(); i++) {
        char c = rest[i];
        if (!IsDigit(c) && c != ':' && c != '.' && c != 'Z' && c != '+' && c != '-') return false;
    }
    return true;
}

static bool ParseAuto(std::string_view text, int year, ParsedDate* out, std::string* why)
{
    size_t pos = 0;
    if (text.size() <= 2 && IsDigit(text[0]) && IsDigit(text.back())) {
        // A month column without a year (1..12): the manifest says the year.
        int m = ReadNumber(text, &pos, 1, 2);
        if (year > 0) return Finish(year, m, 1, DatePrecision::Month, out, why);
        *why = "a month without a year; say the year with the file's \"year\" field or a \"year\" column in the manifest";
        return false;
    }
    int y = ReadNumber(text, &pos, 4, 4);
    if (y < 0) { *why = "expected a date starting with a four-digit year"; return false; }
    if (pos == text.size()) return Finish(y, 1, 1, DatePrecision::Year, out, why);
    char sep = text[pos];
    if (sep != '-' && sep != '/' && sep != '.') { *why = "expected '-', '/' or '.' after the year"; return false; }
    pos++;
    size_t month_at = pos;
    int m = ReadNumber(text, &pos, 1, 2);
    if (m < 0) { *why = "expected a month after the year"; return false; }
    if (pos - month_at != 2) {
        *why = "the month is written with one digit where the file writes two elsewhere; it may be damaged (\"2022.1.30\" "
               "stands for October 2022 in one Circle file): fix it with a date_fixes entry in the manifest";
        return false;
    }
    if (pos == text.size()) return Finish(y, m, 1, DatePrecision::Month, out, why);
    if (text[pos] != sep) { *why = "the day is not separated like the month"; return false; }
    pos++;
    size_t day_at = pos;
    int d = ReadNumber(text, &pos, 1, 2);
    if (d < 0 || pos - day_at != 2) { *why = "expected a two-digit day"; return false; }
    if (!IsTimeTail(text.substr(pos))) { *why = "unexpected text after the date"; return false; }
    return Finish(y, m, d, DatePrecision::Day, out, why);
}

static bool ParsePattern(std::string_view text, std::string_view pattern, int year, ParsedDate* out, std::string* why)
{
    int y = -1, m = -1, d = -1;
    size_t pos = 0;
    for (size_t i = 0; i < pattern.size();) {
        std::string_view rest = pattern.substr(i);
        int* target = nullptr;
        int min_digits = 0, max_digits = 0;
        if (rest.substr(0, 4) == "YYYY") { target = &y; min_digits = max_digits = 4; i += 4; }
        else if (rest.substr(0, 2) == "MM") { target = &m; min_digits = max_digits = 2; i += 2; }
        else if (rest.substr(0, 2) == "DD") { target = &d; min_digits = max_digits = 2; i += 2; }
        else if (rest[0] == 'M') { target = &m; min_digits = 1; max_digits = 2; i += 1; }
        else if (rest[0] == 'D') { target = &d; min_digits = 1; max_digits = 2; i += 1; }
        if (target) {
            *target = ReadNumber(text, &pos, min_digits, max_digits);
            if (*target < 0) { *why = "does not match the date format " + std::string(pattern); return false; }
        } else {
            if (pos >= text.size() || text[pos] != pattern[i]) { *why = "does not match the date format " + std::string(pattern); return false; }
            pos++;
            i++;
        }
    }
    if (!IsTimeTail(text.substr(pos))) { *why = "unexpected text after the date"; return false; }
    if (y < 0) y = year;
    if (y <= 0) { *why = "the date format has no YYYY; say the year with the file's \"year\" field or a \"year\" column in the manifest"; return false; }
    DatePrecision precision = d >= 0 ? DatePrecision::Day : m >= 0 ? DatePrecision::Month : DatePrecision::Year;
    return Finish(y, m < 0 ? 1 : m, d < 0 ? 1 : d, precision, out, why);
}

bool ParseDate(std::string_view text, const DateFormat& format, ParsedDate* out, std::string* why, int year)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    if (text.empty()) { *why = "the date is empty"; return false; }
    if (format.Pattern.empty() || format.Pattern == "auto") return ParseAuto(text, year, out, why);
    return ParsePattern(text, format.Pattern, year, out, why);
}

bool ParseDateRange(std::string_view text, const DateFormat& format, std::string_view separator, DayNumber* first, DayNumber* last,
                    std::string* why, int year)
{
    size_t at = separator.empty() ? std::string_view::npos : text.find(separator);
    if (at == std::string_view::npos) {
        *why = "expected a range of two dates joined by \"" + std::string(separator) + "\" (the file's date_range)";
        return false;
    }
    ParsedDate a, b;
    if (!ParseDate(text.substr(0, at), format, &a, why, year)) { *why = "the first date: " + *why; return false; }
    if (!ParseDate(text.substr(at + separator.size()), format, &b, why, year)) { *why = "the last date: " + *why; return false; }
    if (a.Precision != DatePrecision::Day || b.Precision != DatePrecision::Day) { *why = "both ends of a range must be days"; return false; }
    if (b.Day < a.Day) { *why = "the range ends before it starts"; return false; }
    *first = a.Day;
    *last = b.Day;
    return true;
}

// [SECTION] Alignment

static void MonthSlot(DayNumber day, PeriodSlot* out)
{
    int y, m, d;
    CivilFromDays(day, &y, &m, &d);
    out->Start = DaysFromCivil(y, m, 1);
    out->End = DaysFromCivil(y, m, DaysInMonth(y, m));
    out->Month = true;
}

static void WeekSlot(DayNumber day, int week_ends_on, PeriodSlot* out)
{
    int ahead = (week_ends_on - Weekday(day) + 7) % 7;
    out->End = day + ahead;
    out->Start = out->End - 6;
    out->Month = false;
}

std::string PeriodSlotLabel(const PeriodSlot& slot)
{
    if (!slot.Month) return FormatDay(slot.End);
    int y, m, d;
    CivilFromDays(slot.Start, &y, &m, &d);
    return FormatMonth(y, m);
}

static const char* WeekdayName(int weekday)
{
    static const char* const kNames[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
    return kNames[weekday];
}

bool AssignRange(DayNumber first, DayNumber last, Granularity granularity, const PeriodRules& rules, PeriodSlot* out, std::string* why)
{
    const std::string range = FormatDay(first) + ".." + FormatDay(last);
    const int days = last - first + 1;
    PeriodSlot month;
    MonthSlot(first, &month);
    const bool fits = granularity == Granularity::Daily ? days == 1
                      : granularity == Granularity::Weekly ? days == 7
                                                          : first == month.Start && last == month.End;
    if (!fits) {
        const char* length = granularity == Granularity::Daily ? "one day" : granularity == Granularity::Weekly ? "seven days" : "one calendar month";
        *why = "the range " + range + " spans " + std::to_string(days) + (days == 1 ? " day" : " days") + ", but the chart's " +
               GranularityName(granularity) + " periods span " + length;
        return false;
    }
    if ((int)granularity > (int)rules.Target) {
        *why = std::string("a ") + GranularityName(granularity) + " range does not fit this dataset's " + GranularityName(rules.Target) + " periods";
        return false;
    }
    if (granularity == Granularity::Weekly && rules.Target == Granularity::Weekly && Weekday(last) != rules.WeekEndsOn) {
        *why = "the range " + range + " runs " + WeekdayName(Weekday(first)) + " to " + WeekdayName(Weekday(last)) + ", but this dataset's weeks run " +
               WeekdayName((rules.WeekEndsOn + 1) % 7) + " to " + WeekdayName(rules.WeekEndsOn) + " (period.week_ends_on in the manifest)";
        return false;
    }
    // A range as long as the grid's periods is one of them; a shorter one goes where its middle day is.
    const DayNumber middle = first + (last - first) / 2;
    if (rules.Target == Granularity::Monthly) MonthSlot(middle, out);
    else if (rules.Target == Granularity::Weekly) WeekSlot(middle, rules.WeekEndsOn, out);
    else { out->Start = out->End = middle; out->Month = false; }
    return true;
}

bool AssignPeriod(const ParsedDate& chart_date, Granularity granularity, int offset_days, const PeriodRules& rules,
                  PeriodSlot* out)
{
    if ((int)granularity > (int)rules.Target) return false;
    if (chart_date.Precision == DatePrecision::Year) return false;
    if (chart_date.Precision == DatePrecision::Month) {
        // A month written as "2023-03" is its own tracking period: there is no day to offset.
        if (granularity != Granularity::Monthly || rules.Target != Granularity::Monthly) return false;
        MonthSlot(chart_date.Day, out);
        return true;
    }
    const DayNumber last_day = chart_date.Day - offset_days;
    DayNumber anchor = last_day;
    if (granularity == Granularity::Weekly) anchor = last_day - 3;  // the middle day of the tracking week
    if (granularity == Granularity::Monthly) {
        MonthSlot(last_day, out);
        return true;
    }
    switch (rules.Target) {
    case Granularity::Daily:
        out->Start = out->End = anchor;
        out->Month = false;
        return true;
    case Granularity::Weekly: WeekSlot(anchor, rules.WeekEndsOn, out); return true;
    case Granularity::Monthly: MonthSlot(anchor, out); return true;
    }
    return false;
}

} // namespace chartmix
