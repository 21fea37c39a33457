"""Draw the charts reports ask for: a `ChartRequest` (plain data) in, PNG bytes out.

reports/ never imports Qt; the command line and the GUI pass `render_request` to them.
"""

from collections.abc import Sequence

from alliance_desk.charts import figures
from alliance_desk.charts.render import Build, ChartPainter
from alliance_desk.reports.preread.model import ChartRequest


def _band(values) -> figures.Band | None:
    if not values:
        return None
    green, red, higher, low, high = values
    return figures.Band(green, red, higher, low, high)


def _builder(request: ChartRequest) -> Build | None:
    """What draws the requested figure, or None for a figure this module does not know."""
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
    return build


class RequestRenderer:
    """`render_request(request)`: the PNG of one requested chart, or None for a figure this
    module does not know. `render_request.many(requests)` draws a document's charts together,
    on one plot (the same pixels, without making a plot per chart)."""

    def __call__(self, request: ChartRequest) -> bytes | None:
        return self.many([request])[0]

    def many(self, requests: Sequence[ChartRequest]) -> list[bytes | None]:
        builds = [_builder(request) for request in requests]
        if not any(builds):
            return [None] * len(builds)
        with ChartPainter() as painter:
            return [
                None if build is None else painter.png(build, request.width, request.height)
                for request, build in zip(requests, builds, strict=True)
            ]


render_request = RequestRenderer()
