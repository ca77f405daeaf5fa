"""Errors for input the extractor cannot take: callers turn them into exit 2, HTTP 413/422 or error rows."""


class InputError(ValueError):
    """The input is not an article we can read (empty, binary, undecodable, no article body)."""


class InputTooLarge(InputError):
    """The input is larger than the configured limit."""
