// The top bar's notice: a long one takes two lines, ends in "…", and shows the rest behind
// "details"; a short one is shown whole with no button. ClampLines, which cuts it, breaks lines
// at blanks, so a file name in a notice stays whole.
#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/ui_common.h"
#include "ui_harness.h"

using namespace ui_test;

namespace {

// A load's notice as the BLACKPINK weekly dataset gives it: six lines on a phone before.
const char* kLongNotice =
    "2 rows could not be read (first: blackpink_chart_history_daily_weekly_monthly.csv:3885:7: \"Shut Down\" appears twice on "
    "vibe-daily for 2023-07-29 (first at blackpink_chart_history_daily_weekly_monthly.csv:3884)).";

// A notice whose file name Dear ImGui's wrapping would split after its dot at some widths.
const char* kFileNotice = "Loaded 52 weeks from charts/blackpink-monthly.csv and skipped 3 rows of vibe-daily.";

std::string WithoutBlanks(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\n') out.push_back(c);
    return out;
}

std::vector<std::string> Lines(const std::string& text)
{
    std::vector<std::string> lines(1);
    for (char c : text) {
        if (c == '\n') lines.emplace_back();
        else lines.back().push_back(c);
    }
    return lines;
}

} // namespace

TEST_CASE("ClampLines keeps a text to its lines, each inside the width, and cuts the last with an ellipsis")
{
    Harness h(360.0f, 740.0f);
    h.Frames(1);
    ImGui::NewFrame();
    bool cut = true;
    CHECK(ClampLines("A short notice.", 300.0f, 2, &cut) == "A short notice.");
    CHECK_FALSE(cut);

    for (float width : { 40.0f, 150.0f, 290.0f }) {
        CAPTURE(width);
        const std::string clamped = ClampLines(kLongNotice, width, 2, &cut);
        CHECK(cut);
        const std::vector<std::string> lines = Lines(clamped);
        CHECK(lines.size() == 2);
        for (const std::string& line : lines) CHECK(ImGui::CalcTextSize(line.c_str()).x <= width + 0.5f);
        CHECK(clamped.size() >= 3);
        CHECK(clamped.compare(clamped.size() - 3, 3, "\xE2\x80\xA6") == 0);
    }
    // Every break falls at a blank, even where Dear ImGui would break after the file name's dot.
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* text_end = kFileNotice + std::strlen(kFileNotice);
    bool imgui_splits_a_word = false;
    for (float width = ImGui::CalcTextSize("charts/blackpink-monthly.csv").x + 1.0f; width < 600.0f; width += 3.0f) {
        CAPTURE(width);
        const char* eol = font->CalcWordWrapPositionA(scale, kFileNotice, text_end, width);
        imgui_splits_a_word |= eol < text_end && *eol != ' ' && eol[-1] != ' ';
        const std::string wrapped = ClampLines(kFileNotice, width, INT_MAX, &cut);
        CHECK_FALSE(cut);
        std::string joined;
        for (const std::string& line : Lines(wrapped)) {
            CHECK(ImGui::CalcTextSize(line.c_str()).x <= width + 0.5f);
            joined += (joined.empty() ? "" : " ") + line;
        }
        CHECK(joined == kFileNotice);
    }
    CHECK(imgui_splits_a_word);  // else this case no longer tests the rule
    // A word too long for any line is cut after a separator, not mid-letter.
    for (const char* head : { "blackpink_chart_history_daily_weekly_monthly.", "blackpink_chart_history_daily_" }) {
        CAPTURE(head);
        const float head_width = ImGui::CalcTextSize(head).x + ImGui::CalcTextSize("we").x;
        const std::vector<std::string> long_word = Lines(ClampLines(kLongNotice, head_width, INT_MAX, &cut));
        CHECK(std::find(long_word.begin(), long_word.end(), head) != long_word.end());
    }
    // A path too long for a line fills each line up to its last separator that fits: Dear
    // ImGui's wrapping alone gave "../../." and "." as lines of their own.
    const std::string path = "../../../shared/datasets/circle-gaon-digital-monthly-2018-2023-lkj626/raw/music_chart_2022_2023.csv:";
    const std::string path_note = path + " dates written \"2022.1.30\" read as 2022.10.31";
    for (float width = 120.0f; width < 420.0f; width += 7.0f) {
        CAPTURE(width);
        const std::vector<std::string> lines = Lines(ClampLines(path_note, width, INT_MAX, &cut));
        std::string joined;
        for (size_t i = 0; i < lines.size(); i++) {
            CAPTURE(lines[i]);
            CHECK(ImGui::CalcTextSize(lines[i].c_str()).x <= width + 0.5f);
            joined += lines[i];
            if (i + 1 == lines.size() || joined.size() >= path.size()) break;  // the path ends on this line
            // The next line's first piece, up to and with its first separator, would not have fit.
            const std::string& next = lines[i + 1];
            const size_t piece = next.find_first_of("._-/:");
            CHECK(ImGui::CalcTextSize((lines[i] + next.substr(0, piece == std::string::npos ? next.size() : piece + 1)).c_str()).x > width);
        }
    }
    // A width narrower than one letter still moves on a letter a line, and never splits a character.
    const std::string narrow = ClampLines("\xEB\xB4\x84\xEB\x82\xA0 \xEC\xA2\x8B\xEC\x9D\x80", 1.0f, 3, &cut);
    CHECK(Lines(narrow).size() == 3);
    CHECK(Lines(narrow)[0] == "\xEB\xB4\x84");
    ImGui::EndFrame();
}

TEST_CASE("on a phone a long notice takes two lines, and details shows the whole of it")
{
    Harness h(360.0f, 740.0f);
    h.Frames(2);
    h.State.Notice = kLongNotice;
    h.State.NoticeDetails = "../../../shared/datasets/kpop/blackpink_chart_history_daily_weekly_monthly.csv: daily charts rolled up to weekly periods.";
    h.Frames(2);
    CHECK_FALSE(h.Probed("topbar.notice.notes"));
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const ImVec4 two_lines = h.ProbedItem("topbar.notice.text");
    CHECK(two_lines.w <= 2.0f * line);
    CHECK(two_lines.x + two_lines.z <= 360.0f);
    const std::string shown = h.ProbedValue("topbar.notice.shown");
    CHECK(shown != kLongNotice);
    CHECK(shown.compare(shown.size() - 3, 3, "\xE2\x80\xA6") == 0);
    // The buttons sit beside the text, inside the screen.
    for (const char* button : { "topbar.notice.dismiss", "topbar.notice.details" }) {
        CAPTURE(button);
        const ImVec4 r = h.ProbedItem(button);
        CHECK(r.x >= two_lines.x + two_lines.z);
        CHECK(r.x + r.z <= 360.0f);
    }

    h.ClickItem("topbar.notice.details");
    h.Frames(2);
    CHECK(WithoutBlanks(h.ProbedValue("topbar.notice.shown")) == WithoutBlanks(kLongNotice));
    CHECK(h.ProbedItem("topbar.notice.text").w > 3.0f * line);
    const ImVec4 notes = h.ProbedItem("topbar.notice.notes");
    CHECK(notes.x + notes.z <= 360.0f);

    h.ClickItem("topbar.notice.details");  // now "less"
    h.Frames(2);
    CHECK(h.ProbedItem("topbar.notice.text").w <= 2.0f * line);
    CHECK_FALSE(h.Probed("topbar.notice.notes"));
}

TEST_CASE("a short notice is shown whole, with no details button")
{
    Harness h(360.0f, 740.0f);
    h.Frames(2);
    h.State.Notice = "Loaded 3 files.";
    h.Frames(2);
    CHECK(h.ProbedValue("topbar.notice.shown") == "Loaded 3 files.");
    CHECK(h.ProbedItem("topbar.notice.text").w <= ImGui::GetTextLineHeightWithSpacing());
    CHECK_FALSE(h.Probed("topbar.notice.details"));
}
