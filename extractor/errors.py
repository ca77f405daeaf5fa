"""Errors the extractor raises for input it cannot take: callers turn them into exit code 2, HTTP 413/422, error rows."""


class InputError(ValueError):
    """The input is not an article we can read (empty, binary, undecodable, no article body)."""


class InputTooLarge(InputError):
    """The input is larger than the configured limit."""
