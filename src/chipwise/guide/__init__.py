"""The guide: the whole facts file as one checked object (facts, decision graph, practice, benchmark rows),
and the loader that reads, checks and builds it."""
