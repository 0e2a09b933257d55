"""MkDocs hooks for chipwise's own site: watch the facts file, publish generated files, pre-wrap tables,
drop the comments of inline styles, point embeds' canonical URLs at their full pages.

Generated files are added to MkDocs' file list, so pages can link to them and strict link checks
see them: the flowchart's Mermaid source and the open-data API.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from chipwise.exports import site_files
from chipwise.guide.load import default_facts_path
from chipwise.site import macros, page_html


def on_startup(command: str, **_: Any) -> None:
    macros.serving(command == "serve")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """`mkdocs serve` rebuilds when the facts file changes, wherever CHIPWISE_FACTS points."""
    facts = macros.facts_for_build(config)
    watched = str((facts.path if facts is not None else default_facts_path()).resolve())
    if watched not in config.watch:
        config.watch.append(watched)
    return config


@event_priority(100)  # before mkdocs-macros, which would otherwise run the page's macros without facts
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """While `mkdocs serve` has a broken facts file, every page shows its problems (and reloads when fixed)."""
    problems = macros.build_problems(config)
    if not problems:
        return markdown
    return page_html.problems_page(problems)


def on_page_context(context: dict[str, Any], page: Page, nav: Navigation, **_: Any) -> dict[str, Any]:
    """A page whose front matter names `canonical_page` (the embeds) gives that page as its canonical URL.

    An embed repeats part of a full page; pointing search engines at the full page keeps the embed out
    of results without `noindex`, which Lighthouse's SEO audit counts against a page.
    """
    target_name = page.meta.get("canonical_page")
    if target_name is None:
        return context
    target = next((candidate for candidate in nav.pages if candidate.file.src_uri == target_name), None)
    if target is None:
        names = ", ".join(candidate.file.src_uri for candidate in nav.pages)
        raise PluginError(f"{page.file.src_uri}: canonical_page: {target_name!r} is not a page in the navigation ({names})")
    page.canonical_url = target.canonical_url
    return context


def on_post_page(output: str, **_: Any) -> str:
    """Tables are wrapped in the finished page, not its content: the search plugin indexes the content, and
    the two wrappers around every table made its parser do a tenth more work for no word of text."""
    return page_html.strip_style_comments(page_html.prewrap_tables(output))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig, **_: Any) -> str:
    """The theme's own pages (404.html) are finished the same way as the content pages; a build whose address
    has no path gets a 404 page that finds the site's root in the browser, so it works under any subpath."""
    output = page_html.strip_style_comments(output_content)
    if template_name == "404.html" and urlsplit(str(config.site_url or "")).path in ("", "/"):
        try:
            output = page_html.find_root_in_browser(output)
        except ValueError as error:
            raise PluginError(str(error)) from error
    return output


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    facts = macros.facts_for_build(config)
    if facts is None:
        return files
    for path, content in site_files.generated_files(facts, str(config.site_url or "")).items():
        files.append(File.generated(config, path, content=content))
    return files
