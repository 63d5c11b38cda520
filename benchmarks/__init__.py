"""Benchmarks of kerncijfers against pandas and polars on an EU-scale asylum panel.

Run ``python -m benchmarks.run`` from the repository root (see ``benchmarks/README.md``).
"""
