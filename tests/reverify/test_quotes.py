"""Finding quotes in source files: markup dropped, table rows as 'a | b | c', transposed tables by part."""

from __future__ import annotations

import pytest

from chipwise.reverify import quotes

RST = """\
Inf2 Architecture
=================

The EC2 Inf2 instance is powered by up to 12 :ref:`Inferentia2 <inferentia2-arch>` chips, allowing
customers to choose between four instance sizes:

.. list-table::
    :header-rows: 1

    *   - Instance size
        - # of chips
        - Device Memory (GiB)
    *   - Inf2.xlarge
        - 1
        - 32
    *   - Inf2.48xlarge
        - 12
        - 384

Specifications
--------------

.. list-table::

    *   - # of Trainium2 chips
        - 16
        - 64
    *   - vCPUs
        - 192
        - 768
"""

MARKDOWN = """\
# Instance types

## `g6.xlarge`
#### Labels
 | Label | Value |
 |--|--|
 |karpenter.k8s.aws/instance-cpu|4|
 |karpenter.k8s.aws/instance-gpu-count|1|

## `g6.48xlarge`
#### Labels
 | Label | Value |
 |--|--|
 |karpenter.k8s.aws/instance-cpu|192|
 |karpenter.k8s.aws/instance-gpu-count|8|

These instances use **NVIDIA L4** GPUs and provide a high\\-performance platform ([guide](https://example.com)).
"""


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        pytest.param("The EC2 Inf2 instance is powered by up to 12 Inferentia2 chips", True, id="rst-role-and-line-break"),
        pytest.param("The EC2 Inf2 instance is powered by up to 16 Inferentia2 chips", False, id="a-changed-number"),
        pytest.param("Inf2.48xlarge | 12 | 384", True, id="list-table-row"),
        pytest.param("Inf2.48xlarge|12|384", True, id="pipes-without-spaces"),
        pytest.param("Inf2.48xlarge | 12 | 38", False, id="a-cell-is-whole"),
        pytest.param("# of Trainium2 chips | 16 | 64; vCPUs | 192 | 768", True, id="transposed-table"),
        pytest.param("# of Trainium2 chips | 16 | 64; vCPUs | 192 | 769", False, id="transposed-table-one-part-wrong"),
        pytest.param("Inf2.xlarge | 1 | 32; vCPUs | 192 | 768", False, id="parts-in-different-sections"),
    ],
)
def test_find_in_restructuredtext(quote: str, found: bool) -> None:
    assert quotes.find(quotes.read_document(RST, "inf2-arch.rst"), quote) is found


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        pytest.param("g6.48xlarge: instance-gpu-count|8; instance-cpu|192", True, id="labelled-section"),
        pytest.param("g6.48xlarge: instance-gpu-count|1; instance-cpu|4", False, id="labelled-with-another-sizes-cells"),
        pytest.param("instance-cpu|4; instance-gpu-count|1", True, id="unlabelled-parts-in-one-section"),
        pytest.param("instance-cpu|4; instance-gpu-count|8", False, id="unlabelled-parts-in-two-sections"),
        pytest.param("instance-cpu | 19", False, id="cell-prefix"),
        pytest.param("These instances use NVIDIA L4 GPUs and provide a high-performance platform (guide).", True, id="markdown-emphasis-link-escape"),
    ],
)
def test_find_in_markdown(quote: str, found: bool) -> None:
    assert quotes.find(quotes.read_document(MARKDOWN, "instance-types.md"), quote) is found


def test_find_in_a_saved_html_page() -> None:
    page = "<html><head><script>var x = 'powered by';</script></head><body><p>Inf2 is powered by <b>up to 12</b>&nbsp;chips.</p>" \
        "<table><tr><th>Size</th><th>Chips</th></tr><tr><td>inf2.xlarge</td><td>1</td></tr></table></body></html>"
    document = quotes.read_document(page, "page.html")
    assert quotes.find(document, "Inf2 is powered by up to 12 chips.")
    assert quotes.find(document, "inf2.xlarge | 1")
    assert not quotes.find(document, "var x")


def test_nearest_sentence_and_numbers() -> None:
    document = quotes.read_document(RST.replace("up to 12", "up to 16"), "inf2-arch.rst")
    nearest = quotes.nearest(document, "The EC2 Inf2 instance is powered by up to 12 Inferentia2 chips")
    assert nearest == "The EC2 Inf2 instance is powered by up to 16 Inferentia2 chips, allowing customers to choose between four instance sizes:"
    assert quotes.numbers("1,536 GiB and 16 chips") == ("1536", "16")
    assert quotes.nearest(document, "Something else entirely about a different topic") is None
