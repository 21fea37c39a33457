"""Draw the charts reports ask for: a `ChartRequest` (plain data) in, PNG bytes out.

reports/ never imports Qt; the command line and the GUI pass `render_request` to them.
"""

from alliance_desk.charts import figures
from alliance_desk.charts.render import render_png
from alliance_desk.reports.preread.model import ChartRequest


def _band(values) -> figures.Band | None:
    if not values:
        return None
    green, red, higher, low, high = values
    return figures.Band(green, red, higher, low, high)


def render_request(request: ChartRequest) -> bytes | None:
    """The PNG of one requested chart, or None for a figure this module does not know."""
    args = request.args
    if request.figure == "trend":

        def build(plot):
            figures.trend(
                plot,
                request.title,
                [figures.Series(name, points, style) for name, style, points in args["series"]],
                _band(args.get("band")),
                args.get("baseline"),
                [figures.Marker(day, label) for day, label in args.get("markers", [])],
                unit=args.get("unit", ""),
            )

    elif request.figure == "side_by_side":

        def build(plot):
            figures.side_by_side(
                plot,
                request.title,
                args["categories"],
                args["ours"],
                args["partner"],
                _band(args.get("band")),
            )

    else:
        return None
    return render_png(build, request.width, request.height)
