"""The radar chart drawn on the server (assessments/radar.py): one axis per
dimension, the polygon's points from the scores, labels, and what makes it
an accessible image under the strict Content-Security-Policy."""

import re

from assessments.radar import Series, point, points_attribute, radar_svg


def polygons(svg):
    return re.findall(r'<polygon class="radar-series ([^"]+)" points="([^"]+)"', str(svg))


def test_the_points_lie_on_their_axes_at_their_scores():
    # The centre is (220, 220) and a score of 100 lies 120 units from it;
    # the first axis points up, the others follow clockwise.
    assert point(0, 4, 100) == (220, 100)
    assert point(1, 4, 50) == (280, 220)
    assert point(2, 4, 0) == (220, 220)
    assert point(3, 4, 100) == (100, 220)
    assert points_attribute([100, 50, 0, 100]) == "220,100 280,220 220,220 100,220"
    # Three axes: the second at 30° below the horizontal on the right.
    assert points_attribute([0, 50, 100]) == "220,220 272,250 116.1,280"


def test_out_of_range_and_missing_scores_stay_on_the_chart():
    assert point(0, 4, 150) == point(0, 4, 100)
    assert point(0, 4, -20) == point(0, 4, None) == (220, 220)


def test_one_axis_and_label_per_dimension_and_a_polygon_per_series():
    labels = ["Маркетинг инноваций", "Финансы", "Качество", "Знания", "Экспорт"]
    svg = str(
        radar_svg(
            labels,
            [
                Series([20, 40, 60, 80, 100], "radar-series--previous", "Before"),
                Series([0, 50, 100, 50, 0], "radar-series--current", "Now"),
            ],
            title="Scores <per> dimension",
            description="Finance: 40 of 100",
        )
    )
    assert svg.count('class="radar-axis"') == 5
    assert svg.count('class="radar-label') == 5
    assert ">Маркетинг</tspan>" in svg and ">инноваций</tspan>" in svg  # wrapped
    found = polygons(svg)
    assert [name for name, _ in found] == ["radar-series--previous", "radar-series--current"]
    assert found[1][1] == points_attribute([0, 50, 100, 50, 0])
    assert found[1][1].split()[0] == "220,220"
    # Accessible, escaped, and nothing the policy refuses.
    assert 'role="img"' in svg
    assert '<title id="radar-title">Scores &lt;per&gt; dimension</title>' in svg
    assert '<desc id="radar-desc">Finance: 40 of 100</desc>' in svg
    assert "style=" not in svg and "<script" not in svg


def test_fewer_than_three_dimensions_draw_no_polygon():
    svg = str(radar_svg(["A", "B"], [Series([10, 20], "x")], "T", "D"))
    assert "<polygon" not in svg and 'role="img"' in svg
