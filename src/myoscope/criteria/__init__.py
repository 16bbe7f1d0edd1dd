"""Consensus definitions and muscle-mass equations that combine measures."""
