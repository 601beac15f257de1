#include <doctest/doctest.h>

#include "core/session/embed_snippet.h"

using namespace chartmix;

TEST_CASE("the iframe snippet opens embed.html at the view, with the loader beside it")
{
    const std::string code = IframeEmbedSnippet("https://example.org/chartmix", "v1&d=demo&v=history");
    CHECK(code.find("src=\"https://example.org/chartmix/embed.html#v1&d=demo&v=history\"") != std::string::npos);
    CHECK(code.find("data-chartmix-embed") != std::string::npos);
    CHECK(code.find("<script src=\"https://example.org/chartmix/embed-loader.js\" async></script>") != std::string::npos);
}

TEST_CASE("the script snippet starts the widget from the published chartmix.js and applies the view")
{
    const std::string code = ScriptEmbedSnippet("https://example.org/chartmix/", "v1&d=demo");
    CHECK(code.find("import { create } from 'https://example.org/chartmix/chartmix.js';") != std::string::npos);
    CHECK(code.find("await app.applyView('#v1&d=demo');") != std::string::npos);
    CHECK(code.find("fitContent: true") != std::string::npos);
}

TEST_CASE("a base address cannot close the attribute or the string it is written into")
{
    const std::string code = IframeEmbedSnippet("https://x.org/\"><script>'", "v1");
    CHECK(code.find("\"><script>") == std::string::npos);
    CHECK(code.find("&quot;&gt;&lt;script&gt;&#39;/embed.html") != std::string::npos);
    const std::string script = ScriptEmbedSnippet("https://x.org/'+alert(1)+'", "v1");
    CHECK(script.find("'+alert") == std::string::npos);
}

