#pragma once
// The one AppState the browser exports act on (set by HostStart in host_web.cpp).
namespace chartmix::ui { struct AppState; }

namespace chartmix::web {

ui::AppState* State();
void SetState(ui::AppState* state);

} // namespace chartmix::web
