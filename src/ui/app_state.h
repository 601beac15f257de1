#pragma once
// Everything the panels read and the user changes: the session (data, engine, mix, period,
// selection) plus view-only state. Panels draw from here; the core computes every ranking.
//
// What only the host can do (a browser file picker, the clipboard, a download, fetching a URL) the
// UI asks for through HostActions; src/app (desktop) and src/web (browser) fill them in. A null
// action hides its button.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/data/catalogue.h"
#include "core/session/session.h"
#include "ui/keyboard_focus.h"

namespace chartmix::ui {

enum class Theme { Dark, Light };

struct ExplorerView;  // the panels' own view state (ui/explorer.cpp), created on first draw

struct HostActions {
    std::function<void()> OpenFiles;                          // file picker (CSV, JSON, manifest + files)
    std::function<void(const std::string& url)> LoadUrl;      // fetch a dataset URL (with progress, cancel)
    std::function<void()> CancelLoad;                         // stop a running download
    std::function<void(const std::string& text)> CopyText;    // clipboard
    std::function<void(const std::string& name, const std::string& mime, const std::string& bytes)> SaveFile;  // download / write
    std::function<void()> SaveFigure;                         // the current panel as a figure (PNG): sets FigureRequested, then downloads
    std::function<void(const std::string& id)> LoadCatalogue; // a catalogue entry (with progress, cancel)
    std::function<void(const char* key, const char* value)> Remember;  // a preference kept across visits ("theme", "welcome")
};

// A running download, as the host reports it (drawn as a progress bar with a cancel button).
struct LoadProgress {
    bool Active = false;
    std::string What;        // URL or file name
    double Received = 0;     // bytes
    double Total = 0;        // bytes; 0 when the server did not say
};

// Where the UI wants a native text field laid over the canvas (browser IME for Korean/Chinese).
struct TextInputRequest {
    bool Active = false;
    float X = 0, Y = 0, Width = 0, Height = 0;  // in CSS pixels, relative to the canvas
    std::string Text;                           // current content of the focused field
    bool Submitted = false;                     // Enter in the native field: the UI field acts as on Enter, this frame
};

struct AppState {
    Session ActiveSession;
    HostActions Host;
    LoadProgress Progress;
    TextInputRequest TextInput;
    KeyboardRequests Keyboard;   // Tab, enter/leave and slider keys from the host (ui/keyboard_focus.h)
    std::string Notice;          // one-line message shown at the top (errors, hints), "" when none
    std::string NoticeDetails;   // a second, quieter line: where to read more ("" when none)
    bool NoticeIsError = false;
    Theme CurrentTheme = Theme::Dark;
    bool Compact = false;        // embed layout: one column, fewer controls
    bool ShowImGuiDemo = false;  // debug builds only
    int FrameCount = 0;

    // Exported figures (ui/figure.h). The host draws one after the frame in which this is set,
    // then clears it; while it is set the font atlas holds glyphs sharp at the figure's density.
    bool FigureRequested = false;
    bool Figure = false;         // true while panels draw into a figure: their chart only, no controls

    // Display. The host sets these; the UI reads them every frame.
    float UiScale = 1.0f;        // extra zoom on top of the display's own scale (user setting, 1 = 100%)
    bool CoarsePointer = false;  // touch screen ('pointer: coarse'): bigger hit areas
    float ContentHeight = 0.0f;  // set by the UI: the compact layout's natural height at this width (CSS px)

    // Fonts (see ui/fonts.h). The UI names the font files it needs; the host fetches them and hands
    // the bytes in; the UI rebuilds the atlas from the glyphs the loaded text uses, between frames.
    std::map<std::string, std::string> FontFiles;  // file under fonts/ -> bytes ("" when the host could not get it)
    std::vector<std::string> WantFontFiles;        // set by the UI: files it needs and FontFiles lacks
    bool FontsDirty = true;      // set by the host after adding to FontFiles (and by the UI on new data)

    // Published datasets the Open dialog lists, as the host read them (empty until then).
    std::vector<CatalogueEntry> Catalogue;
    std::string CatalogueStatus;  // why the list is empty ("" once read): "Reading the catalogue…", an error
    bool ShowWelcome = false;     // the host sets it on a first visit; the UI clears it when dismissed
    bool ShowOpenDialog = false;  // the Open dialog is up (the UI, or a host asking for it)
    bool ShowEmbedDialog = false; // the Embed dialog is up
    std::string PublishedBase;    // where the page is published (web: the app's base URL); "" offers no embed code

    std::shared_ptr<ExplorerView> View;  // owned by the UI; hosts leave it alone
};

} // namespace chartmix::ui
