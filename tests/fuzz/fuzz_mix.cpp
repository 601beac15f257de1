// libFuzzer target: the mix JSON parser (links, the JS API and files all hand it untrusted text).
// A mix that parses must serialize canonically: parse(serialize(m)) serializes to the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/rank/mix_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string_view text((const char*)data, size);
    chartmix::Result<chartmix::Mix> mix = chartmix::ParseMix(text, "fuzz");
    if (!mix) return 0;
    std::string once = chartmix::SerializeMix(*mix);
    chartmix::Result<chartmix::Mix> again = chartmix::ParseMix(once, "fuzz");
    if (!again || chartmix::SerializeMix(*again) != once) std::abort();
    return 0;
}
