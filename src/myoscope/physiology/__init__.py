"""Quantitative physiology: energy equations, body-composition and disuse models."""
