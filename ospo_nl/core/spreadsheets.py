"""CSV for spreadsheet programs: what a member typed is never run as a formula (CSV injection)."""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that starts like a formula gets a leading apostrophe, which spreadsheets show as text."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(filename):
    """(response, writer): a UTF-8 CSV download with a byte-order mark, so spreadsheets read é and ë right.
    Write rows through `writer.writerow`; every cell passes `safe_cell`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)

    class SafeWriter:
        def writerow(self, row):
            writer.writerow([safe_cell(value) for value in row])

    return response, SafeWriter()
