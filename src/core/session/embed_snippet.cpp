#include "core/session/embed_snippet.h"

namespace chartmix {

namespace {

// The base comes from the page's own URL; quotes, angle brackets and ampersands are escaped anyway.
std::string AttributeSafe(std::string_view base)
{
    std::string out;
    for (char c : base) {
        if (c == '"') out += "&quot;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else if (c == '\'') out += "&#39;";
        else out += c;
    }
    if (!out.empty() && out.back() != '/') out += '/';
    return out;
}

} // namespace

std::string IframeEmbedSnippet(std::string_view base, std::string_view view)
{
    const std::string at = AttributeSafe(base);
    return "<iframe src=\"" + at + "embed.html#" + std::string(view) +
           "\" title=\"chartmix: re-weighted chart\" data-chartmix-embed style=\"width:100%;height:480px;border:0\" loading=\"lazy\"></iframe>\n"
           "<script src=\"" + at + "embed-loader.js\" async></script>";
}

std::string ScriptEmbedSnippet(std::string_view base, std::string_view view)
{
    const std::string at = AttributeSafe(base);
    return "<canvas id=\"chartmix\" style=\"width:100%;height:480px\"></canvas>\n"
           "<script type=\"module\">\n"
           "  import { create } from '" + at + "chartmix.js';\n"
           "  const app = await create(document.getElementById('chartmix'), { compact: true, fitContent: true });\n"
           "  await app.applyView('#" + std::string(view) + "');\n"
           "  app.subscribe(() => console.log(app.getRanking(1).entries[0]?.title));\n"
           "</script>";
}

} // namespace chartmix
