// libFuzzer target: the URL-fragment decoder, the first thing a shared (or hostile) link reaches.
// Whatever decodes must encode and decode again to the same view.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/session/view_state.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string_view text((const char*)data, size);
    chartmix::Result<chartmix::ViewState> view = chartmix::DecodeViewState(text);
    if (!view) return 0;
    chartmix::Result<chartmix::ViewState> again = chartmix::DecodeViewState(chartmix::EncodeViewState(*view));
    if (!again || again->DatasetRef != view->DatasetRef || again->PeriodLabel != view->PeriodLabel || again->MixJson != view->MixJson ||
        again->Selected != view->Selected || again->Panel != view->Panel)
        std::abort();
    return 0;
}
