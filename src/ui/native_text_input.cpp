#include "ui/native_text_input.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace chartmix::ui {

void OfferNativeTextInput(AppState& state, const char* text)
{
    if (!ImGui::IsItemActive()) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    state.TextInput.Active = true;
    state.TextInput.X = a.x;
    state.TextInput.Y = a.y;
    state.TextInput.Width = b.x - a.x;
    state.TextInput.Height = b.y - a.y;
    state.TextInput.Text = text;
}

bool NativeTextInputSubmitted(AppState& state)
{
    if (!state.TextInput.Submitted || !ImGui::IsItemActive()) return false;
    state.TextInput.Submitted = false;
    return true;
}

void AdoptNativeText(AppState& state, const char* utf8)
{
    const char* text = utf8 ? utf8 : "";
    state.TextInput.Text = text;
    if (!ImGui::GetCurrentContext()) return;
    // Dear ImGui 1.86 has no call that sets an active field's text: its edit state is written here.
    ImGuiID id = ImGui::GetActiveID();
    ImGuiInputTextState* st = id ? ImGui::GetInputTextState(id) : nullptr;
    if (!st || st->BufCapacityA <= 0) return;
    if (st->TextW.Size < st->BufCapacityA + 1) st->TextW.resize(st->BufCapacityA + 1);
    const char* end = nullptr;
    int chars = ImTextStrFromUtf8(st->TextW.Data, st->TextW.Size, text, nullptr, &end);
    while (chars > 0 && ImTextCountUtf8BytesFromStr(st->TextW.Data, st->TextW.Data + chars) >= st->BufCapacityA) chars--;
    st->TextW[chars] = 0;
    st->CurLenW = chars;
    st->CurLenA = ImTextCountUtf8BytesFromStr(st->TextW.Data, st->TextW.Data + chars);
    st->Stb.cursor = st->Stb.select_start = st->Stb.select_end = chars;
    st->CursorFollow = true;
    st->Edited = true;
}

} // namespace chartmix::ui
