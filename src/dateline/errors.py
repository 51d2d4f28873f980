"""The one base of Dateline's exceptions; each module defines the small ones it raises.

Every error carries a code ("[D101]") and says what was wrong and what to do, so that a
person reading it at the command line can act on it.
"""


class DatelineError(Exception):
    """Base of every error Dateline raises on purpose."""

    code = "D000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.reason = message
