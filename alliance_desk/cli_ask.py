"""`alliance-desk ask PATH "QUESTION" [--chart OUT.png]` (DESIGN.md §8): the Ask box on the
command line. Headless: Qt is imported (through charts/) only when --chart asks for a PNG."""

from pathlib import Path

from alliance_desk.insights.ask import answer

CHART_SIZE = (900, 420)
CHART_SCALE = 2.0  # a sharp 1800×840 image with the on-screen layout


def add_parser(command) -> None:
    """Add the sub-command through cli_run.py's `command(name, help)` factory."""
    ask = command(
        "ask",
        'Answer a question about the portfolio, e.g. "what risks should I raise next week?" '
        'or "alliances by status" (a chart: see --chart).',
    )
    ask.add_argument("question", metavar="QUESTION", help="the question, in quotes")
    ask.add_argument("--chart", metavar="OUT.png", help="where the answer is a chart: save it")
    ask.add_argument("--passphrase-file", metavar="FILE")


def run(args, open_portfolio, user_error) -> int:
    out = Path(args.chart) if args.chart else None
    if out is not None:
        if out.suffix.lower() != ".png":
            raise user_error(f"The chart is saved as PNG: name a .png file, not {out.name}.")
        if not out.parent.is_dir():
            raise user_error(f"There is no folder {out.parent} to write {out.name} into.")
    with open_portfolio(args, read_only=True) as portfolio:
        result = answer(portfolio, args.question)
        png = None
        if out is not None and result.chart is not None:
            from alliance_desk.charts.builder import render_spec_png

            png = render_spec_png(portfolio, result.chart, *CHART_SIZE, scale=CHART_SCALE)
    print(result.text())
    if out is None:
        return 0
    if png is None:
        raise user_error(
            "That answer is a list, not a chart, so no PNG was written; ask for a cut "
            'such as "alliances by status" to get a chart.'
        )
    from alliance_desk.reports.output import write_atomically

    try:
        write_atomically(out, lambda path: path.write_bytes(png))
    except OSError as exc:
        raise user_error(f"Could not write {out}: {exc.strerror or exc}.") from None
    print(f"Wrote the chart to {out}.")
    return 0
