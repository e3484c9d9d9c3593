"""Domain errors. Their message is Chinese and is shown to the user as it is."""


class DomainError(Exception):
    """A rule forbids this action in the current state (HTTP 409)."""

    status_code = 409

    def __init__(self, message: str, *, code: str = "refused", field: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field


class InvalidInput(DomainError):
    """The input itself is wrong (HTTP 400)."""

    status_code = 400

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None):
        super().__init__(message, code=code, field=field)
