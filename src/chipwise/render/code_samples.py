"""Code a page shows for the reader to copy: a fenced block, and the iframe that embeds the site elsewhere."""

from __future__ import annotations

from chipwise.render import escape


def code_block(language: str, code: str) -> str:
    """A fenced code block (macro output is not rendered again, so braces in it are safe)."""
    return f"```{language}\n{code.rstrip()}\n```"


def iframe_html(url: str) -> str:
    return (
        f'<iframe src="{escape.attribute(url)}" title="chipwise: AWS Inferentia and Trainium" '
        'loading="lazy" style="width: 100%; height: 36rem; border: 0"></iframe>'
    )
