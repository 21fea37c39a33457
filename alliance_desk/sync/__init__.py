"""Merging two copies of a portfolio, shared-file sync and conflicted-copy detection."""
