"""Floors: the least possible version of each measured piece of work, same libraries."""
