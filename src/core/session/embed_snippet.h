#pragma once
// The code a site pastes to embed a view of chartmix: an iframe with the embed loader, or a canvas
// driven by the JS API. `base` is where the app is published ("https://example.org/chartmix/"),
// `view` a view fragment without '#' (view_state.h), URL-safe by construction.
#include <string>
#include <string_view>

namespace chartmix {

// <iframe …embed.html#view…> plus the loader script that sizes it to the widget's content.
std::string IframeEmbedSnippet(std::string_view base, std::string_view view);

// A <canvas> and a module script that starts the widget with the JS API and applies the view.
std::string ScriptEmbedSnippet(std::string_view base, std::string_view view);

} // namespace chartmix
