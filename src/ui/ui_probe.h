#pragma once
// Where named controls were drawn in the last frame and a few values they showed. The canvas hides
// its widgets from the page, so browser tests (and anything else outside the canvas) read this
// instead of guessing pixel positions from a layout that changes with the screen.
#include <string>

#include <imgui.h>

namespace chartmix::ui {

// Starts a frame's record; the previous frame's becomes the one ProbeJson() reports.
void ProbeBeginFrame();
// Records the last drawn item's rectangle (logical pixels, relative to the canvas) under a name,
// when it is visible (an item scrolled out of its list is left out).
void ProbeItem(const char* name);
// Records a rectangle that is not an item (a list's visible area).
void ProbeRect(const char* name, ImVec2 min, ImVec2 max);
// Records a value a control shows ("3/12", "Schulze").
void ProbeValue(const char* name, const std::string& value);
// {"items":{"name":[x,y,w,h],…},"values":{"name":"…",…}} for the last complete frame.
std::string ProbeJson();

} // namespace chartmix::ui
