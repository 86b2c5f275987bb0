"""A small progress display for long batches: a line on the terminal, a live
line in Jupyter. tqdm is used when it is installed."""

from __future__ import annotations

import sys
import time
from typing import Any, Optional


class Progress:
    def __init__(self, total: Optional[int] = None, description: str = "linting") -> None:
        self.total = total
        self.count = 0
        self.description = description
        self._start = time.monotonic()
        self._last = 0.0
        self._bar: Any = None
        self._handle: Any = None
        try:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=total, desc=description, unit="msg")
        except ImportError:
            self._handle = self._jupyter_handle()

    @staticmethod
    def _jupyter_handle() -> Any:
        try:
            from IPython import get_ipython
            from IPython.display import display

            if get_ipython() is None or "IPKernelApp" not in get_ipython().config:
                return None
            return display("", display_id=True)  # type: ignore[no-untyped-call,unused-ignore]
        except Exception:  # not in IPython, or no display
            return None

    def _line(self) -> str:
        elapsed = max(time.monotonic() - self._start, 1e-9)
        of = f"/{self.total}" if self.total is not None else ""
        return f"{self.description}: {self.count}{of} messages, {self.count / elapsed:.0f} msg/s"

    def update(self, n: int) -> None:
        self.count += n
        if self._bar is not None:
            self._bar.update(n)
            return
        now = time.monotonic()
        if now - self._last < 0.2:
            return
        self._last = now
        self._show()

    def _show(self) -> None:
        if self._handle is not None:
            self._handle.update(self._line())
        else:
            sys.stderr.write("\r" + self._line())
            sys.stderr.flush()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            return
        self._show()
        if self._handle is None:
            sys.stderr.write("\n")
            sys.stderr.flush()
