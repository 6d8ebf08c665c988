"""Import a documentation site's Markdown folder into the kennisbank, safely and faithfully, and export it back.

files.py    reading the folder: nothing outside it, size limits, content checks, URL checks
pages.py    one page and the text helpers readers share
sites.py    a reader per kind of site (Docusaurus, MkDocs, Jekyll, a plain folder); mdx.py and liquid.py
links.py    every link and asset pointed at the site, what stays broken reported
history.py  authors, dates and licence from the folder
run.py      the import itself, in one transaction
export.py   the way back out
"""

from .export import export_markdown
from .files import Limits
from .run import ImportFileError, ImportReport, import_markdown

__all__ = ["ImportFileError", "ImportReport", "Limits", "export_markdown", "import_markdown"]
