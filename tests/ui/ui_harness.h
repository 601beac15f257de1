#pragma once
// A Dear ImGui context and app state that draw frames with no renderer and no GPU (a display size
// and a built font atlas), with synthetic mouse input: what the UI suites drive.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <imgui.h>

#include "core/base/json.h"
#include "ui/explorer.h"
#include "ui/explorer_view.h"
#include "ui/fonts.h"
#include "ui/ui_probe.h"

namespace ui_test {

using namespace chartmix;
using namespace chartmix::ui;

inline const char* kSmallCsv =
    "source,period,rank,title,artist,units,unit_type\n"
    "melon,2024-01-04,1,봄날,방탄소년단,900,streams\n"
    "melon,2024-01-04,2,좋은 날,아이유,800,streams\n"
    "melon,2024-01-04,3,アイドル,YOASOBI,700,streams\n"
    "melon,2024-01-04,4,Flowers,Miley Cyrus,600,streams\n"
    "qq,2024-01-04,1,夜曲,周杰伦,5000,streams\n"
    "qq,2024-01-04,2,봄날,방탄소년단,4000,streams\n"
    "qq,2024-01-04,3,Flowers,Miley Cyrus,3000,streams\n"
    "melon,2024-01-11,1,좋은 날,아이유,950,streams\n"
    "melon,2024-01-11,2,봄날,방탄소년단,850,streams\n"
    "melon,2024-01-11,3,Flowers,Miley Cyrus,500,streams\n"
    "qq,2024-01-11,1,夜曲,周杰伦,5200,streams\n"
    "qq,2024-01-11,2,アイドル,YOASOBI,4100,streams\n"
    "qq,2024-01-11,3,좋은 날,아이유,2000,streams\n"
    "melon,2024-01-18,1,좋은 날,아이유,990,streams\n"
    "melon,2024-01-18,2,夜曲,周杰伦,700,streams\n"
    "qq,2024-01-18,1,夜曲,周杰伦,5300,streams\n"
    "qq,2024-01-18,2,Flowers,Miley Cyrus,3900,streams\n";

// One ImGui context and app state; frames are drawn with no renderer.
struct Harness {
    ImGuiContext* Context = nullptr;
    AppState State;

    explicit Harness(float width, float height = 800.0f)
    {
        Context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // as the app sets it (app/window.cpp)
        for (int k = 0; k < ImGuiKey_COUNT; k++) io.KeyMap[k] = 100 + k;  // key codes of a host (SDL's in the app)
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        ApplyTheme(State.CurrentTheme);
        Fonts();
    }
    ~Harness() { ImGui::DestroyContext(Context); }

    // What a host does between frames: rebuild the atlas when the UI asks, "upload" it.
    void Fonts()
    {
        UpdateFonts(State);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGui::GetIO().Fonts->SetTexID((ImTextureID)(intptr_t)1);
    }

    void Frame()
    {
        Fonts();
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        DrawExplorer(State);
        ImGui::Render();
        CheckDrawData();
        State.FrameCount++;
    }
    // What a renderer would be handed: a frame with vertices, every index inside its vertex buffer,
    // every command inside its index buffer, nothing that is not a number.
    void CheckDrawData()
    {
        const ImDrawData* dd = ImGui::GetDrawData();
        REQUIRE(dd->Valid);
        CHECK(dd->DisplaySize.x == ImGui::GetIO().DisplaySize.x);
        REQUIRE(dd->CmdListsCount > 0);
        REQUIRE(dd->TotalVtxCount > 0);
        int vertices = 0;
        for (int l = 0; l < dd->CmdListsCount; l++) {
            const ImDrawList* list = dd->CmdLists[l];
            vertices += list->VtxBuffer.Size;
            bool indices_inside = true, commands_inside = true, finite = true;
            for (const ImDrawIdx index : list->IdxBuffer) indices_inside &= (int)index < list->VtxBuffer.Size;
            for (const ImDrawCmd& cmd : list->CmdBuffer)
                commands_inside &= cmd.UserCallback != nullptr || (int)(cmd.IdxOffset + cmd.ElemCount) <= list->IdxBuffer.Size;
            for (const ImDrawVert& v : list->VtxBuffer) finite &= std::isfinite(v.pos.x) && std::isfinite(v.pos.y);
            CHECK(indices_inside);
            CHECK(commands_inside);
            CHECK(finite);
        }
        CHECK(vertices == dd->TotalVtxCount);
    }
    void Frames(int n) { for (int i = 0; i < n; i++) Frame(); }

    void MouseTo(float x, float y) { ImGui::GetIO().MousePos = ImVec2(x, y); }
    void Click(float x, float y)
    {
        MouseTo(x, y);
        Frame();
        ImGui::GetIO().MouseDown[0] = true;
        Frame();
        ImGui::GetIO().MouseDown[0] = false;
        Frame();
    }
    ExplorerView& View() { return GetExplorerView(State); }

    // Clicks the centre of the control the probe recorded under `name` in the last frame.
    void ClickItem(const char* name)
    {
        const ImVec4 r = ProbedItem(name);
        Click(r.x + r.z * 0.5f, r.y + r.w * 0.5f);
    }
    // The rectangle (x, y, width, height) the probe recorded under `name` in the last frame.
    ImVec4 ProbedItem(const char* name)
    {
        chartmix::Result<rapidjson::Document> probe = chartmix::ParseJson(chartmix::ui::ProbeJson(), "probe");
        REQUIRE(probe.Ok());
        const rapidjson::Value& items = (*probe)["items"];
        REQUIRE_MESSAGE(items.HasMember(name), "the app drew no ", name);
        const rapidjson::Value& r = items[name];
        return ImVec4(r[0].GetFloat(), r[1].GetFloat(), r[2].GetFloat(), r[3].GetFloat());
    }
    bool Probed(const char* name)
    {
        chartmix::Result<rapidjson::Document> probe = chartmix::ParseJson(chartmix::ui::ProbeJson(), "probe");
        REQUIRE(probe.Ok());
        return (*probe)["items"].HasMember(name);
    }
    // The value the probe recorded under `name` in the last frame ("" when none).
    std::string ProbedValue(const char* name)
    {
        chartmix::Result<rapidjson::Document> probe = chartmix::ParseJson(chartmix::ui::ProbeJson(), "probe");
        REQUIRE(probe.Ok());
        const rapidjson::Value& values = (*probe)["values"];
        return values.HasMember(name) ? values[name].GetString() : "";
    }

    void LoadSmall()
    {
        Status st = State.ActiveSession.LoadFiles({ InputFile{ "small.csv", kSmallCsv } }, LoadOptions{}, "file:small.csv");
        REQUIRE_MESSAGE(st.Ok(), (st.Ok() ? "" : st.Err().ToString()));
    }
};

} // namespace ui_test
