"""The site's mkdocs-macros module: thin glue. Everything lives in the tested package."""

from chipwise.site.macros import define_env, on_post_page_macros, on_pre_page_macros

__all__ = ["define_env", "on_post_page_macros", "on_pre_page_macros"]
