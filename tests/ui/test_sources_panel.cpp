// The Sources panel: choosing a method from its menu with the mouse gives the mix that method's
// missing-song policy when the old one was only the old method's default, and the panel says which
// policy scores the mix.
#include <doctest/doctest.h>

#include <string>

#include <imgui.h>

#include "core/rank/mix.h"
#include "ui_harness.h"

using namespace ui_test;

namespace {

void ChooseMethod(Harness& h, Method m)
{
    h.ClickItem("sources.method");
    h.Frames(2);
    h.ClickItem(("sources.method." + std::string(MethodName(m))).c_str());
    h.Frames(2);
}

} // namespace

TEST_CASE("a method chosen in the menu brings its own missing-song default, and the panel names the policy")
{
    Harness h(1440.0f, 900.0f);
    h.Frames(3);
    Session& session = h.State.ActiveSession;
    ChooseMethod(h, Method::WeightedSum);
    REQUIRE(session.CurrentMix().RankMethod == Method::WeightedSum);
    CHECK(session.CurrentMix().Missing == MissingPolicy::NextRank);
    CHECK(h.ProbedValue("sources.missing") == "next_rank");

    ChooseMethod(h, Method::PointsTable);
    REQUIRE(session.CurrentMix().RankMethod == Method::PointsTable);
    CHECK(session.CurrentMix().Missing == MissingPolicy::Zero);  // a table gives songs off the chart no points
    CHECK(h.ProbedValue("sources.missing") == "zero");

    ChooseMethod(h, Method::Borda);
    CHECK(session.CurrentMix().Missing == MissingPolicy::NextRank);

    // A policy the mix set itself stays whatever the method.
    Mix ignore = session.CurrentMix();
    ignore.Missing = MissingPolicy::Ignore;
    REQUIRE(session.SetMix(ignore).Ok());
    h.Frames(2);
    ChooseMethod(h, Method::PointsTable);
    CHECK(session.CurrentMix().Missing == MissingPolicy::Ignore);
    CHECK(h.ProbedValue("sources.missing") == "ignore");
}
