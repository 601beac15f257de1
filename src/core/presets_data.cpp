// The built-in presets as one JSON document, parsed by the mix parser (presets.cpp).
// Each number has a label: "official" (the chart's own rules), "press" (reported, not in a rule
// book) or "estimate" (ours; the chart never published it). Source keys follow the conventional
// patterns of docs/mix-format.md so that a preset applies to any dataset that uses them.
#include "core/presets.h"

namespace chartmix {

const char* PresetsJsonText()
{
    return R"json({"presets":[
{"name":"equal","title":"Equal weights baseline","weights_published":true,
 "description":"Every non-official chart counts the same, by rank points. The reference other mixes are compared against.",
 "mix":{"method":"weighted_sum","normalization":"rank_points","weights":{"*":1},"missing":"next_rank"},
 "numbers":[{"field":"weights.*","value":1,"label":"official","citation":"chartmix definition: the unweighted baseline"}]},

{"name":"billboard-200-2014","title":"Billboard 200 album units (Dec 2014)","weights_published":true,
 "description":"Album-equivalent units: album sales + track sales / 10 + on-demand streams / 1,500.",
 "mix":{"method":"weighted_sum","normalization":"units","weights":{"album-sales*":1,"track-sales*":1,"streams*":1},
        "ratios":{"track-sales*":10,"streams*":1500},"missing":"zero"},
 "numbers":[
  {"field":"ratios.track-sales*","value":10,"label":"official","citation":"Billboard, 'Billboard 200 Makeover: Album Chart to Incorporate Streams & Track Sales', 19 Nov 2014"},
  {"field":"ratios.streams*","value":1500,"label":"official","citation":"Billboard, 'Billboard 200 Makeover: Album Chart to Incorporate Streams & Track Sales', 19 Nov 2014"}]},

{"name":"billboard-200-2018","title":"Billboard 200 album units (2018 stream tiers)","weights_published":true,
 "description":"Paid-subscription streams count 1,250 to an album unit, ad-supported streams 3,750; 10 track sales = 1 album.",
 "mix":{"method":"weighted_sum","normalization":"units","weights":{"album-sales*":1,"track-sales*":1,"streams-paid*":1,"streams-ad*":1},
        "ratios":{"track-sales*":10,"streams-paid*":1250,"streams-ad*":3750},"missing":"zero"},
 "numbers":[
  {"field":"ratios.track-sales*","value":10,"label":"official","citation":"Billboard, 19 Nov 2014 announcement (unchanged in 2018)"},
  {"field":"ratios.streams-paid*","value":1250,"label":"official","citation":"Billboard, 'Billboard 200 to weight paid streams more than free streams', May 2018 (effective 2018)"},
  {"field":"ratios.streams-ad*","value":3750,"label":"official","citation":"Billboard, 'Billboard 200 to weight paid streams more than free streams', May 2018 (effective 2018)"}]},

{"name":"billboard-200-2026","title":"Billboard 200 album units (2026 stream tiers)","weights_published":true,
 "description":"Paid streams 1,000 to an album unit, ad-supported 2,500; 10 track sales = 1 album.",
 "mix":{"method":"weighted_sum","normalization":"units","weights":{"album-sales*":1,"track-sales*":1,"streams-paid*":1,"streams-ad*":1},
        "ratios":{"track-sales*":10,"streams-paid*":1000,"streams-ad*":2500},"missing":"zero"},
 "numbers":[
  {"field":"ratios.track-sales*","value":10,"label":"official","citation":"Billboard, 19 Nov 2014 announcement"},
  {"field":"ratios.streams-paid*","value":1000,"label":"press","citation":"Press reports of Billboard's methodology update effective January 2026; check against Billboard's published rules"},
  {"field":"ratios.streams-ad*","value":2500,"label":"press","citation":"Press reports of Billboard's methodology update effective January 2026; check against Billboard's published rules"}]},

{"name":"billboard-hot-100","title":"Billboard Hot 100 (stream tiers, estimated weights)","weights_published":false,
 "description":"Sales, airplay audience and streams with paid > ad-supported > programmed streams. Billboard states the order of the tiers but not the weights: all weights here are estimates.",
 "mix":{"method":"weighted_sum","normalization":"units","weights":{"track-sales*":1,"airplay*":1,"streams-paid*":1,"streams-ad*":1,"streams-programmed*":1},
        "ratios":{"airplay*":1000,"streams-paid*":125,"streams-ad*":188,"streams-programmed*":375},"missing":"zero"},
 "numbers":[
  {"field":"ratios.airplay*","value":1000,"label":"estimate","citation":"chartmix estimate; Billboard does not publish the airplay weight"},
  {"field":"ratios.streams-paid*","value":125,"label":"estimate","citation":"chartmix estimate; tier order from Billboard, 'Hot 100 to weight paid streams more than ad-supported', May 2018"},
  {"field":"ratios.streams-ad*","value":188,"label":"estimate","citation":"chartmix estimate (2/3 of a paid stream); tier order from Billboard, May 2018"},
  {"field":"ratios.streams-programmed*","value":375,"label":"estimate","citation":"chartmix estimate (1/3 of a paid stream); tier order from Billboard, May 2018"}]},

{"name":"uk-singles","title":"UK Official Singles Chart (standard ratio)","weights_published":true,
 "description":"100 premium streams or 600 ad-funded streams count as one sale.",
 "mix":{"method":"weighted_sum","normalization":"units","weights":{"track-sales*":1,"streams-paid*":1,"streams-ad*":1},
        "ratios":{"streams-paid*":100,"streams-ad*":600},"missing":"zero"},
 "numbers":[
  {"field":"ratios.streams-paid*","value":100,"label":"official","citation":"Official Charts Company, singles chart rules (premium/ad-funded split from July 2018)"},
  {"field":"ratios.streams-ad*","value":600,"label":"official","citation":"Official Charts Company, singles chart rules (premium/ad-funded split from July 2018)"}]},

{"name":"uk-singles-accelerated","title":"UK Official Singles Chart (accelerated ratio)","weights_published":true,
 "description":"For tracks in long-term decline: 200 premium or 1,200 ad-funded streams count as one sale.",
 "mix":{"method":"weighted_sum","normalization":"units","weights":{"track-sales*":1,"streams-paid*":1,"streams-ad*":1},
        "ratios":{"streams-paid*":200,"streams-ad*":1200},"missing":"zero"},
 "numbers":[
  {"field":"ratios.streams-paid*","value":200,"label":"official","citation":"Official Charts Company, accelerated chart ratio rules"},
  {"field":"ratios.streams-ad*","value":1200,"label":"official","citation":"Official Charts Company, accelerated chart ratio rules"}]},

{"name":"oricon-combined","title":"Oricon combined singles (points)","weights_published":false,
 "description":"Physical sales, downloads and streams in one point total. Oricon publishes the components but its stream conversion is taken here from press reports.",
 "mix":{"method":"weighted_sum","normalization":"units","weights":{"kind:physical_sales":1,"kind:download":1,"kind:audio_streams":1},
        "ratios":{"kind:audio_streams":10},"missing":"zero"},
 "numbers":[
  {"field":"weights.kind:physical_sales","value":1,"label":"press","citation":"Oricon combined ranking launch coverage, Dec 2018: one point per copy"},
  {"field":"weights.kind:download","value":1,"label":"press","citation":"Oricon combined ranking launch coverage, Dec 2018: one point per download"},
  {"field":"ratios.kind:audio_streams","value":10,"label":"estimate","citation":"chartmix estimate of the stream conversion; verify against Oricon's rules"}]},

{"name":"ichart","title":"iChart-style real-time (market-share multipliers)","weights_published":true,
 "description":"Rank points from the top 20 of each platform times its market-share multiplier.",
 "mix":{"method":"weighted_sum","normalization":"rank_points","weights":{"melon*":6,"genie*":4,"youtube-music*":3,"flo*":3,"vibe*":2,"bugs*":1},
        "missing":"zero","cutoff":20},
 "numbers":[
  {"field":"weights.melon*","value":6,"label":"press","citation":"instiz iChart scoring as documented by the site and K-pop press"},
  {"field":"weights.genie*","value":4,"label":"press","citation":"instiz iChart scoring as documented by the site and K-pop press"},
  {"field":"weights.youtube-music*","value":3,"label":"press","citation":"instiz iChart scoring as documented by the site and K-pop press"},
  {"field":"weights.flo*","value":3,"label":"press","citation":"instiz iChart scoring as documented by the site and K-pop press"},
  {"field":"weights.vibe*","value":2,"label":"press","citation":"instiz iChart scoring as documented by the site and K-pop press"},
  {"field":"weights.bugs*","value":1,"label":"press","citation":"instiz iChart scoring as documented by the site and K-pop press"},
  {"field":"cutoff","value":20,"label":"press","citation":"instiz iChart: only each platform's top 20 earns points"}]},

{"name":"music-bank","title":"KBS Music Bank K-Chart (share of total)","weights_published":true,
 "description":"Each component scored as a share of its total: digital 65%, broadcast 20%, viewers' choice 10%, album 5%.",
 "mix":{"method":"weighted_sum","normalization":"share","weights":{"kind:audio_streams":65,"kind:download":65,"kind:airplay":20,"kind:social":10,"kind:physical_sales":5},
        "missing":"zero"},
 "numbers":[
  {"field":"weights.kind:audio_streams","value":65,"label":"press","citation":"KBS Music Bank K-Chart criteria as reported by Korean press"},
  {"field":"weights.kind:download","value":65,"label":"press","citation":"KBS Music Bank K-Chart criteria as reported by Korean press (digital = streams and downloads)"},
  {"field":"weights.kind:airplay","value":20,"label":"press","citation":"KBS Music Bank K-Chart criteria as reported by Korean press"},
  {"field":"weights.kind:social","value":10,"label":"press","citation":"KBS Music Bank K-Chart criteria as reported by Korean press"},
  {"field":"weights.kind:physical_sales","value":5,"label":"press","citation":"KBS Music Bank K-Chart criteria as reported by Korean press"}]},

{"name":"cspc","title":"ChartMasters CSPC ratios","weights_published":true,
 "description":"Commensurate sales: 1 album = 10 track sales = 1,500 audio streams; video streams converted at an estimated 6,750.",
 "mix":{"method":"weighted_sum","normalization":"units","weights":{"album-sales*":1,"track-sales*":1,"kind:audio_streams":1,"kind:video_streams":1},
        "ratios":{"track-sales*":10,"kind:audio_streams":1500,"kind:video_streams":6750},"missing":"zero"},
 "numbers":[
  {"field":"ratios.track-sales*","value":10,"label":"official","citation":"ChartMasters, CSPC methodology (chartmasters.org)"},
  {"field":"ratios.kind:audio_streams","value":1500,"label":"official","citation":"ChartMasters, CSPC methodology (chartmasters.org)"},
  {"field":"ratios.kind:video_streams","value":6750,"label":"estimate","citation":"chartmix estimate of ChartMasters' video conversion; verify on chartmasters.org"}]},

{"name":"circle-digital","title":"Circle digital chart (weights unpublished: estimate)","weights_published":false,
 "description":"Circle (formerly Gaon) never published platform weights. Starts from an estimate proportional to reported market share; fit it to the official chart with 'chartmix fit'.",
 "mix":{"method":"weighted_sum","normalization":"share","weights":{"melon*":5,"genie*":2,"flo*":2,"bugs*":1,"vibe*":1,"youtube-music*":2},"missing":"zero"},
 "numbers":[
  {"field":"weights.melon*","value":5,"label":"estimate","citation":"chartmix estimate from reported Korean streaming market share; Circle publishes no weights"},
  {"field":"weights.genie*","value":2,"label":"estimate","citation":"chartmix estimate; Circle publishes no weights"},
  {"field":"weights.flo*","value":2,"label":"estimate","citation":"chartmix estimate; Circle publishes no weights"},
  {"field":"weights.bugs*","value":1,"label":"estimate","citation":"chartmix estimate; Circle publishes no weights"},
  {"field":"weights.vibe*","value":1,"label":"estimate","citation":"chartmix estimate; Circle publishes no weights"},
  {"field":"weights.youtube-music*","value":2,"label":"estimate","citation":"chartmix estimate; Circle publishes no weights"}]},

{"name":"billboard-korea","title":"Billboard Korea Hot 100 (weights unpublished: estimate)","weights_published":false,
 "description":"Billboard Korea has not published its formula. Equal rank points over Korean streaming charts as a labelled starting point.",
 "mix":{"method":"weighted_sum","normalization":"rank_points","weights":{"region:KR":1},"missing":"next_rank"},
 "numbers":[{"field":"weights.region:KR","value":1,"label":"estimate","citation":"chartmix estimate; Billboard Korea publishes no weights"}]},

{"name":"hanteo-style","title":"Hanteo-style, Korean and Chinese platforms (weights unpublished: estimate)","weights_published":false,
 "description":"Hanteo now counts sales and streams from QQ Music, Kugou and Kuwo in its Korean chart without publishing how much each weighs. Korean and Chinese platforms with equal weight per region as a labelled starting point; compare it with the Chinese platforms alone.",
 "mix":{"method":"weighted_sum","normalization":"rank_points","weights":{"region:KR":1,"region:CN":1},"missing":"next_rank"},
 "numbers":[
  {"field":"weights.region:KR","value":1,"label":"estimate","citation":"chartmix estimate; Hanteo publishes no weights"},
  {"field":"weights.region:CN","value":1,"label":"estimate","citation":"chartmix estimate; Hanteo publishes no weights"}]},

{"name":"tencent-uni","title":"Tencent Music UNI chart (weights unpublished: estimate)","weights_published":false,
 "description":"Tencent's UNI chart combines QQ Music, Kugou and Kuwo without published weights. Equal share-of-total as a labelled starting point.",
 "mix":{"method":"weighted_sum","normalization":"rank_points","weights":{"qq*":1,"kugou*":1,"kuwo*":1},"missing":"next_rank","filter":{"regions":["CN"]}},
 "numbers":[
  {"field":"weights.qq*","value":1,"label":"estimate","citation":"chartmix estimate; Tencent Music publishes no weights"},
  {"field":"weights.kugou*","value":1,"label":"estimate","citation":"chartmix estimate; Tencent Music publishes no weights"},
  {"field":"weights.kuwo*","value":1,"label":"estimate","citation":"chartmix estimate; Tencent Music publishes no weights"}]}
]})json";
}

} // namespace chartmix
