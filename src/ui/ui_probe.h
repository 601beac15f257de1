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
// Records a rectangle given in screen pixels (a plot's area, what its lines covered, a label).
void ProbeRect(const char* name, ImVec2 min, ImVec2 max);
// Records a label's rectangle in a named group: a test checks that no two labels of a group overlap.
void ProbeLabel(const char* group, const char* text, ImVec2 min, ImVec2 max);
// After ImGui::Render(): per draw list its name and vertex/index counts, the index type's size, and
// how many glyphs were drawn with the font's fallback glyph (a character missing from the atlas).
void ProbeDrawData(const ImDrawData* draw_data);
// Records the CPU time of one frame (milliseconds from NewFrame to Render); the last few hundred
// are kept for benchmarks that drag a control and read them back.
void ProbeFrameCpu(double ms);
// The parts of a frame timed apart, for finding where a costly frame went.
enum FrameSection { FrameSection_Top, FrameSection_Sources, FrameSection_Side, FrameSection_Chart, FrameSection_COUNT };
// Adds ms to a part of this frame's CPU time; each part's last few hundred frames are kept beside
// the frame times (a part not drawn in a frame counts 0 ms).
void ProbeFrameSection(FrameSection section, double ms);
// Records a value a control shows ("3/12", "Schulze").
void ProbeValue(const char* name, const std::string& value);
// While a figure is drawn (ui/figure.h) every record goes to the figure's own, in the figure's
// logical pixels; the frame's record is left as it was.
void ProbeBeginFigure(ImVec2 size, float pixel_scale);
void ProbeEndFigure(const ImDrawData* draw_data);
// {"items":{"name":[x,y,w,h],…},"values":{"name":"…",…},"labels":{"group":[[x,y,w,h,"text"],…]},
//  "figure":null or {"count":n,"size":[w,h],"pixelScale":2,"fallbackGlyphs":n,"items":…,"values":…,"labels":…},
//  "drawLists":[{"name":…,"vertices":n,"indices":n},…],"indexBytes":4,"fallbackGlyphs":n,
//  "frameCpuMs":[…, newest last],"frameSectionsMs":{"top"|"sources"|"side"|"chart":[…, the same frames]}}
// for the last complete frame.
std::string ProbeJson();

} // namespace chartmix::ui
