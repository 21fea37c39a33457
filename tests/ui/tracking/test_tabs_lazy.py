"""Each tracking tab is named once, by title, and its class really carries that title."""

from alliance_desk.ui.tracking import TRACKING_TABS, tracking_tab_class


def test_every_tracking_title_names_the_tab_class_with_that_title():
    for title in TRACKING_TABS:
        assert tracking_tab_class(title).title == title
