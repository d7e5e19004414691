"""Errors the command line turns into one clear line and exit code 2."""


class FactcheckError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""


class InputError(FactcheckError):
    """A path, file or option the tool cannot work with."""
