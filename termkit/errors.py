"""The one exception type the command line turns into a one-line message and exit code 2."""


class InputError(Exception):
    """Bad input or usage: a clear message for the user, never a traceback."""
