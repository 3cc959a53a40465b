"""The command line names the local time zone file for Babel (issue 16) without changing
any time: a day printed on a sheet is the same day, whatever the hour."""

from __future__ import annotations

import os
import sys
import time

import pytest

from gui import cli


@pytest.mark.skipif(not sys.platform.startswith("linux")
                    or not os.path.exists(cli.LOCAL_ZONE_FILE), reason="glibc's TZ=:path")
def test_naming_the_zone_file_changes_no_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TZ", raising=False)
    time.tzset()
    moments = (0, 1_700_000_000, 1_720_000_000, 2_000_000_000)  # winter, summer, far ahead
    before = [time.localtime(m) for m in moments]
    cli.name_local_time_zone()
    assert os.environ["TZ"] == ":" + cli.LOCAL_ZONE_FILE
    time.tzset()
    try:
        assert [time.localtime(m) for m in moments] == before
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_zone_the_user_names_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    cli.name_local_time_zone()
    assert os.environ["TZ"] == "Asia/Ho_Chi_Minh"
