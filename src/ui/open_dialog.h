#pragma once
// The Open dialog: the published charts of the catalogue (title, charts, periods, size, credit and
// licence; one click or tap loads one), the simulated market, the user's own files and a web address.
#include "ui/app_state.h"

namespace chartmix::ui {

struct OpenDialog {
    char Url[512] = {};

    // Draws the dialog while AppState::ShowOpenDialog is set (a modal over the app).
    void Draw(AppState& state);
};

// The catalogue entry with this id, or with "local:" + id (the same dataset served beside the app).
const CatalogueEntry* FindCatalogueEntry(const AppState& state, const char* id);
// Starts loading a catalogue entry through the host (progress and cancel in the top bar).
void OpenCatalogueEntry(AppState& state, const CatalogueEntry& entry);

} // namespace chartmix::ui
