"""The decision model: a graph of decision tables (inputs, ranges, outcomes, rules, sizing), how one case is
decided through it, and how every table and the graph are verified. It reads the fact model and never the
loader, which builds the graph from the facts file and calls `verify.verify_graph` on it."""
