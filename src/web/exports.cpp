// The JS API: a handful of coarse C functions taking and returning JSON, text or bytes (listed in
// exports.txt). web/chartmix.js wraps them and turns status codes into exceptions.
//
// Conventions: functions that can fail return 0 on success and 1 on failure, with the core's
// message (file:line:column where it has one) in chartmix_last_error(). Returned strings are
// UTF-8 owned by the module and valid until the next call that returns a string.
#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/base/json.h"
#include "core/base/limits.h"
#include "core/base/out_of_memory.h"
#include "core/data/catalogue.h"
#include "core/data/load_budget.h"
#include "core/data/load_checks.h"
#include "core/rank/mix_json.h"
#include "core/session/embed_snippet.h"
#include "core/session/ranking_export.h"
#include "core/session/view_state.h"
#include "ui/app_state.h"
#include "ui/explorer.h"
#include "ui/native_text_input.h"
#include "ui/ui_probe.h"
#include "web/web_state.h"

namespace {

std::string g_error;
std::string g_out;

chartmix::ui::AppState& S() { return *chartmix::web::State(); }

int Fail(std::string message)
{
    g_error = std::move(message);
    return 1;
}

int Check(const chartmix::Status& st)
{
    if (st) return 0;
    return Fail(st.Err().ToString());
}

const char* Out(std::string text)
{
    g_out = std::move(text);
    return g_out.c_str();
}

// A returned string built under GuardMemory: null, with the reason in chartmix_last_error(), when
// memory ran out (the JS wrapper throws it), so no C++ exception reaches JS.
template <typename Build>
const char* OutGuarded(std::string_view doing, Build&& build)
{
    chartmix::Result<std::string> text = chartmix::GuardMemory(doing, [&] { return chartmix::Result<std::string>(build()); });
    if (!text) { Fail(text.Err().ToString()); return nullptr; }
    return Out(text.Take());
}

void Notice(std::string text, bool error, std::string details = {})
{
    S().Notice = std::move(text);
    S().NoticeIsError = error;
    S().NoticeDetails = std::move(details);
}

// Room kept free for what the app allocates after a load: the first ranking, contributions, frames.
constexpr size_t kMemoryHeadroom = size_t(48) << 20;

size_t Megabytes(size_t bytes) { return (bytes + (1u << 20) - 1) >> 20; }

// Refuses a load whose estimated peak (core/data/load_budget.h) does not fit in wasm memory next to what
// it holds now (the app, the dataset already loaded, which a failed load must keep, and the files
// the page handed over), so the load ends in a sentence before allocating instead of an abort.
bool FitsMemory(int count, const char* const* names, const uint8_t* const* bytes, const uint32_t* sizes)
{
    const size_t heap_max = emscripten_get_heap_max();
    const size_t in_use = (size_t)mallinfo().uordblks;
    size_t need = 0;
    for (int i = 0; i < count; i++) need += chartmix::EstimateLoadGrowth(names[i], std::string_view((const char*)bytes[i], sizes[i]));
    if (in_use + need + kMemoryHeadroom <= heap_max) return true;
    const size_t free_bytes = heap_max > in_use + kMemoryHeadroom ? heap_max - in_use - kMemoryHeadroom : 0;
    const std::string message = "Loading " + std::string(names[0]) + (count > 1 ? " and the other files" : "") + " would need about " +
        std::to_string(Megabytes(need)) + " MB of memory to load, and only " + std::to_string(Megabytes(free_bytes)) +
        " MB are free next to the data already loaded (the browser app has " + std::to_string(Megabytes(heap_max)) +
        " MB in all). Reload the page and open it first, or split the data into smaller files. The data you had stays loaded.";
    Notice(message, true);
    g_error = message;
    return false;
}

// "demo" -> 1, "demo:7" -> 7; false for anything else.
bool DemoSeed(const std::string& ref, uint64_t* seed)
{
    if (ref == "demo") { *seed = 1; return true; }
    if (ref.rfind("demo:", 0) != 0 || ref.size() == 5 || ref.size() > 25) return false;
    uint64_t v = 0;
    for (size_t i = 5; i < ref.size(); i++) {
        if (ref[i] < '0' || ref[i] > '9') return false;
        v = v * 10 + (uint64_t)(ref[i] - '0');
    }
    *seed = v;
    return true;
}

// The official chart's #1 in the current period, or -1 when the data has no official chart.
int OfficialTop(const chartmix::Dataset& data, uint32_t period, std::string* source_name)
{
    if (period + 1 >= data.PeriodGroupBegin.size()) return -1;
    for (uint32_t g = data.PeriodGroupBegin[period]; g < data.PeriodGroupBegin[period + 1]; g++) {
        const chartmix::EntryGroup& group = data.Groups[g];
        if (!data.Sources[group.Source].IsOfficial) continue;
        for (uint32_t e = group.Begin; e < group.End; e++) {
            if (data.EntryRank[e] == 1) {
                *source_name = data.Sources[group.Source].Name;
                return (int)data.EntrySong[e];
            }
        }
    }
    return -1;
}

} // namespace

extern "C" {

// The version string of the core, e.g. "0.1.0".
EMSCRIPTEN_KEEPALIVE const char* chartmix_version() { return CHARTMIX_VERSION; }

// The message of the last call that returned 1.
EMSCRIPTEN_KEEPALIVE const char* chartmix_last_error() { return g_error.c_str(); }

// The most bytes one load may hold (core/base/limits.h): the page refuses bigger files before reading them.
EMSCRIPTEN_KEEPALIVE double chartmix_max_load_bytes() { return (double)chartmix::kMaxLoadBytes; }

// Loads files as one dataset: count files, names[i] (UTF-8, as a manifest writes the path) and
// bytes[i] of sizes[i] bytes, malloc'd by the caller and freed here (the caller must not free them). ref names the data in shared links ("url:…", "catalog:…", "file:…").
// On failure the current dataset and mix stay, and the notice says what happened.
EMSCRIPTEN_KEEPALIVE int chartmix_load_files(int count, const char* const* names, const uint8_t* const* bytes,
                                             const uint32_t* sizes, const char* ref)
{
    if (count <= 0) return Fail("no files were given: pick a CSV, a JSON file or a manifest with its files.");
    if (!FitsMemory(count, names, bytes, sizes)) {
        for (int i = 0; i < count; i++) std::free((void*)bytes[i]);  // handed over: freed here whatever happens
        return 1;
    }
    // The byte buffers are the caller's malloc'd copies, handed over: each is freed as soon as it is
    // copied, so the load holds one copy of every file, not two (the parse then works in place).
    const std::string first_name = names[0];
    int copied = 0;
    chartmix::Status st = chartmix::GuardMemory("copying the files", [&] {
        std::vector<chartmix::InputFile> files((size_t)count);
        for (; copied < count; copied++) {
            files[copied].Name = names[copied];
            files[copied].Bytes.assign((const char*)bytes[copied], sizes[copied]);
            std::free((void*)bytes[copied]);
        }
        return S().ActiveSession.LoadFiles(std::move(files), chartmix::LoadOptions{}, ref ? ref : "file:");
    });
    for (int i = copied; i < count; i++) std::free((void*)bytes[i]);  // the copy ran out of memory before these
    if (!st) {
        Notice("Could not load " + first_name + ". " + st.Err().ToString() + " The data you had stays loaded.", true, st.Err().Details);
        return Check(st);
    }
    // What the load left out or refused, in the core's words ("" for a clean load); how the files
    // were read (roll-ups, skipped ranks) goes on the quieter details line, kept short.
    chartmix::LoadReport rows_only = S().ActiveSession.LastLoadReport();
    const std::vector<std::string> notes = std::move(rows_only.Notes);
    rows_only.Notes.clear();
    std::string headline = chartmix::LoadNotice(rows_only), details;
    for (const std::string& n : notes) details += (details.empty() ? "" : " ") + n;
    if (details.size() > 360) {
        size_t cut = details.rfind(' ', 340);
        details = details.substr(0, cut == std::string::npos ? 340 : cut) + " \xE2\x80\xA6 (chartmix inspect lists every note)";
    }
    if (headline.empty() && !details.empty()) headline = "Loaded. How the files were read:";
    Notice(headline, false, details);
    return 0;
}

// Replaces the data with the built-in simulated market for this seed (1 = the start-up demo).
EMSCRIPTEN_KEEPALIVE int chartmix_load_demo(double seed)
{
    if (!(seed >= 0 && seed < 9007199254740992.0)) return Fail("the demo seed must be a whole number >= 0.");
    chartmix::Status st = S().ActiveSession.LoadDemo((uint64_t)seed);
    if (!st) Notice(st.Err().Message, true, st.Err().Details);  // only memory can fail it: the data stays
    return Check(st);
}

// Sets the whole mix from the engine's mix JSON (docs/mix-format.md). On failure the mix stays.
EMSCRIPTEN_KEEPALIVE int chartmix_set_mix(const char* json) { return Check(S().ActiveSession.SetMixJson(json ? json : "")); }

// The current mix as canonical JSON.
EMSCRIPTEN_KEEPALIVE const char* chartmix_get_mix() { return Out(chartmix::SerializeMix(S().ActiveSession.CurrentMix())); }

// The current ranking as JSON (RankingToJson), at most top_n songs (every ranked song when <= 0).
EMSCRIPTEN_KEEPALIVE const char* chartmix_get_ranking(int top_n)
{
    return OutGuarded("writing the ranking", [&] { return S().ActiveSession.RankingJson(top_n); });
}

// The current ranking as CSV (RankingToCsv).
EMSCRIPTEN_KEEPALIVE const char* chartmix_get_ranking_csv()
{
    return OutGuarded("writing the ranking", [&] {
        chartmix::Session& session = S().ActiveSession;
        return chartmix::RankingToCsv(session.GetEngine(), session.CurrentRanking());
    });
}

// Increases whenever data, mix, period or selection change.
EMSCRIPTEN_KEEPALIVE double chartmix_revision() { return (double)S().ActiveSession.Revision(); }

// The view as a URL fragment without '#': "v1&d=demo&p=…&m=…&s=…&v=chart".
EMSCRIPTEN_KEEPALIVE const char* chartmix_get_view() { return Out(chartmix::EncodeViewState(S().ActiveSession.CurrentView())); }

// Applies a URL fragment. Returns 0 when applied; 1 when it could not be read (the defaults are
// restored, a notice says why, chartmix_last_error() holds the reason); 2 when it names data that is
// not loaded and the page must fetch first (chartmix_last_error() holds the dataset reference).
// With any_data != 0 the view applies to whatever is loaded (after that fetch failed).
EMSCRIPTEN_KEEPALIVE int chartmix_apply_view(const char* fragment, int any_data)
{
    chartmix::Session& session = S().ActiveSession;
    std::string_view text = fragment ? fragment : "";
    if (!text.empty() && text[0] == '#') text.remove_prefix(1);
    if (text.empty()) return 0;
    chartmix::Result<chartmix::ViewState> view = chartmix::DecodeViewState(text);
    if (!view) {
        const char* shown = session.SetMix(session.DefaultMix()) ? "the defaults" : "the mix it had";
        Notice("This link's view could not be read (" + view.Err().ToString() + "), so chartmix shows " + shown + ". Ask for a fresh link.", true);
        return Fail(view.Err().ToString());
    }
    const std::string& ref = view->DatasetRef;
    if (!any_data && !ref.empty() && ref != session.DatasetRef()) {
        uint64_t seed = 0;
        if (!DemoSeed(ref, &seed)) { g_error = ref; return 2; }
        if (chartmix::Status st = session.LoadDemo(seed); !st) return Check(st);
    }
    // A mix that does not read is tampering or a newer link: the default mix, and say so.
    std::string mix_error;
    const char* mix_shown = "";
    if (!view->MixJson.empty()) {
        if (chartmix::Status st = session.SetMixJson(view->MixJson); !st) {
            mix_shown = session.SetMix(session.DefaultMix()) ? "the default mix" : "the mix it had";
            mix_error = st.Err().ToString();
        }
        view->MixJson.clear();
    }
    std::string notice;
    session.ApplyView(*view, &notice);
    if (!mix_error.empty()) {
        Notice("This link's mix could not be read (" + mix_error + "), so chartmix shows " + mix_shown + ". Ask for a fresh link.", true);
        return Fail(mix_error);
    }
    if (!notice.empty()) Notice(notice, false);
    return 0;
}

// Asks for a figure of the open panel (ui/figure.h): drawn after the next frame, its pixels reach
// the page's chartmixHost.figureReady.
EMSCRIPTEN_KEEPALIVE void chartmix_request_figure() { S().FigureRequested = true; }

// Switches the colour theme: 1 dark, 0 light.
EMSCRIPTEN_KEEPALIVE void chartmix_set_theme(int dark)
{
    S().CurrentTheme = dark ? chartmix::ui::Theme::Dark : chartmix::ui::Theme::Light;
    chartmix::ui::ApplyTheme(S().CurrentTheme);
}

// The catalogue the page read ({"datasets": [...]}, addresses resolved), for the Open dialog; or,
// with json null, why there is none yet (status: "Reading the catalogue…", an error).
EMSCRIPTEN_KEEPALIVE int chartmix_set_catalogue(const char* json, const char* status)
{
    S().CatalogueStatus = status ? status : "";
    if (!json) return 0;
    chartmix::Result<std::vector<chartmix::CatalogueEntry>> entries = chartmix::ParseCatalogue(json);
    if (!entries) {
        S().CatalogueStatus = "The catalogue could not be read: " + entries.Err().ToString();
        return Check(entries.Err());
    }
    S().Catalogue = entries.Take();
    return 0;
}

// Shows a one-line notice in the app (errors from the page: a failed download, a refused link).
EMSCRIPTEN_KEEPALIVE void chartmix_set_notice(const char* text, int is_error) { Notice(text ? text : "", is_error != 0); }

// The page's download progress, drawn as a progress bar with a cancel button.
EMSCRIPTEN_KEEPALIVE void chartmix_set_progress(int active, double received, double total, const char* what)
{
    chartmix::ui::LoadProgress& p = S().Progress;
    p.Active = active != 0;
    p.Received = received;
    p.Total = total;
    p.What = what ? what : "";
}

// The text the overlay <input> holds (IME-composed Korean or Chinese, pasted text): the focused
// field adopts it (ui/native_text_input.h).
EMSCRIPTEN_KEEPALIVE void chartmix_set_text_input(const char* utf8) { chartmix::ui::AdoptNativeText(S(), utf8); }

// Enter in the overlay <input>: the focused field acts as on Enter (Dear ImGui never sees the key).
EMSCRIPTEN_KEEPALIVE void chartmix_submit_text_input() { S().TextInput.Submitted = true; }

// A font file the host fetched for the UI (AppState::WantFontFiles: "chartmix-latin.ttf",
// "cjk/index.bin", "cjk/012.otf"); size 0 when the fetch failed, so the UI stops waiting for it.
// The UI rebuilds its atlas between frames, once every file it asked for is in.
EMSCRIPTEN_KEEPALIVE void chartmix_set_font(const char* file, const uint8_t* bytes, uint32_t size)
{
    if (!file) return;
    S().FontFiles[file] = size && bytes ? std::string((const char*)bytes, size) : std::string();
    S().FontsDirty = true;
}

// Where the UI drew its named controls last frame and what they showed (ui/ui_probe.h):
// {"items":{"classroom.next":[x,y,w,h],…},"values":{"classroom.step":"3/12",…}}.
EMSCRIPTEN_KEEPALIVE const char* chartmix_ui_probe() { return Out(chartmix::ui::ProbeJson()); }

// The text field the UI has focused, as the overlay should show it.
EMSCRIPTEN_KEEPALIVE const char* chartmix_get_text_input() { return Out(S().TextInput.Text); }

// A short summary for screen readers and the accessible table's caption:
// {"dataset":…,"period":…,"periods":[first,last],"top":{"title","artist"}|null,"official":{"title","artist","chart"}|null}
EMSCRIPTEN_KEEPALIVE const char* chartmix_get_summary()
{
    chartmix::Session& session = S().ActiveSession;
    const chartmix::Dataset& data = session.Data();
    const chartmix::Ranking& ranking = session.CurrentRanking();
    std::string out;
    chartmix::JsonWriter w(&out);
    w.StartObject();
    w.String("dataset", data.Name);
    w.String("ref", session.DatasetRef());
    w.String("period", data.Periods.empty() ? "" : data.Periods[session.Period()].Label);
    w.Key("periods");  // the data's first and last period
    w.StartArray();
    if (!data.Periods.empty()) {
        w.String(data.Periods.front().Label);
        w.String(data.Periods.back().Label);
    }
    w.EndArray();
    w.Key("top");
    if (ranking.Songs.empty()) w.Null();
    else {
        w.StartObject();
        w.String("title", data.SongTitle(ranking.Songs[0]));
        w.String("artist", data.SongArtist(ranking.Songs[0]));
        w.EndObject();
    }
    std::string chart;
    int official = OfficialTop(data, session.Period(), &chart);
    w.Key("official");
    if (official < 0) w.Null();
    else {
        w.StartObject();
        w.String("title", data.SongTitle((uint32_t)official));
        w.String("artist", data.SongArtist((uint32_t)official));
        w.String("chart", chart);
        w.EndObject();
    }
    w.String("panel", session.Panel);
    w.Bool("compact", S().Compact);
    w.EndObject();
    return Out(std::move(out));
}

// The embed code for the current view: an iframe of embed.html carrying the view in its fragment,
// plus the loader script that sizes it to its content. base_url is where the app is published.
EMSCRIPTEN_KEEPALIVE const char* chartmix_embed_snippet(const char* base_url)
{
    return Out(chartmix::IframeEmbedSnippet(base_url ? base_url : "", chartmix::EncodeViewState(S().ActiveSession.CurrentView())));
}

// Where this page is published: the app's Embed dialog writes its snippets with it.
EMSCRIPTEN_KEEPALIVE void chartmix_set_published_base(const char* base_url) { S().PublishedBase = base_url ? base_url : ""; }

}
