#pragma once
// The browser's own text field laid over an active InputText, so that IME composition (Korean,
// Chinese), paste and a phone's keyboard work: the UI says where the field is, the page hands
// back what was typed.
#include "ui/app_state.h"

namespace chartmix::ui {

// Lays the browser's field over the InputText just drawn while it is active; `text` is its content.
void OfferNativeTextInput(AppState& state, const char* text);
// True once when Enter was pressed in the browser's field laid over the InputText just drawn (that
// field takes the key, so Dear ImGui never sees it).
bool NativeTextInputSubmitted(AppState& state);
// The text the browser's field now holds goes into the active InputText, cursor at the end; the
// field's own buffer takes it on the next frame. Whole characters only, within the field's size.
void AdoptNativeText(AppState& state, const char* utf8);

} // namespace chartmix::ui
