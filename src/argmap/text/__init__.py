"""What argmap prints: its reports and tables as terminal text, JSON or GitHub annotations.

Each formatter is a pure function, data in and a string out; colour, where asked for, goes through
:mod:`argmap.text.colour` alone. :mod:`argmap.text.report` formats the reports of ``argmap check``,
:mod:`argmap.text.tree` the outline of ``argmap tree``, :mod:`argmap.text.answers` the figures of
``argmap stats`` and the answers of ``argmap whatif``.
"""
