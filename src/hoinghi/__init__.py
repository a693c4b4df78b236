"""hoinghi: Vietnamese official news pages in, a searchable, linked record of conferences out."""

__version__ = "0.1.0"
