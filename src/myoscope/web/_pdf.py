"""The report as PDF: WeasyPrint renders the report's own HTML (its print styles apply).

Only ``data:`` URLs are fetched, so rendering never reaches the network or the file system.
"""

from __future__ import annotations


def pdf_bytes(html: str) -> bytes:
    from weasyprint import HTML, URLFetcher

    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=("data",))).write_pdf()
