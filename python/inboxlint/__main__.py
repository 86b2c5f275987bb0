"""The inboxlint command: the same C++ command the CMake build installs."""

from __future__ import annotations

import sys
from typing import List, Optional


def main(argv: Optional[List[str]] = None) -> int:
    from . import _core

    args = list(sys.argv[1:] if argv is None else argv)
    sys.stdout.flush()
    sys.stderr.flush()
    return int(_core.run_cli(args))


if __name__ == "__main__":
    sys.exit(main())
