"""One builder per section of the facts file, each reporting located problems through one `Report`.

The loader (chipwise.guide.load) reads and shape-checks the file, then calls these in the file's order of
dependence: sources, facts, derived, families (with sizes), fact checks, decision, study note, exam, glossary,
practice, benchmarks, changes.
"""
