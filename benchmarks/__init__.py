"""The performance harness (`make bench`): see benchmarks/run.py."""
