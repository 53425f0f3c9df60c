"""Read and write AIF, the Argument Interchange Format, in AIFdb's JSON form.

I-nodes are statements, RA-nodes reasons, CA-nodes objections; MA- and PA-nodes are kept as notes;
the dialogue layer (L, YA, TA) is left out. Each problem is placed at the node or edge it is about.
What AIF has no field for (kinds, hedges, quotes, sections, the map's title) is written in an
``argmap`` object beside AIF's own fields, which AIF readers ignore; ``maps/README.md`` has the
tables.
"""

from argmap.formats.aif.read import read
from argmap.formats.aif.write import counts, write

__all__ = ["counts", "read", "write"]
