"""The language server of ``argmap lsp``: live diagnostics, completion, hover, navigation and
quick fixes for map files in any editor that speaks the Language Server Protocol.

Only ``argmap lsp`` imports this package; it needs the optional dependencies of ``argmap[lsp]``
(pygls and lsprotocol).
"""
