"""Evaluation: loaders for the reference data sets and the metrics they are scored with.

One module per data set or metric; ``storyline eval ...`` (see ``storyline.cli``) runs them
and prints tables. Nothing here is used by the pipeline itself.
"""
