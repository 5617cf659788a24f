"""Reading the CSV files the plan's enrollment systems hand over, and applying them all or nothing.

The import commands (members, providers, coverage spans, PCP assignments) share this machinery so
every file follows the same rules: UTF-8 (a byte-order mark is fine), a header row naming the
columns in any order (other columns are ignored), dates as YYYY-MM-DD, `;` between list items and a
blank cell meaning "none". Every bad row is reported with its line number and reason, and nothing is
written unless the whole file is good: a half-applied file would leave the plan's records out of
step with enrollment in ways nobody could see. docs/csv-formats.md describes the formats.

- `cells`: one parser per kind of cell (dates, yes/no, lists, codes, ZIP, phone, email, NPI).
- `reading`: the file, its header, and each row with its line number and problems.
- `writing`: upserts that fetch one query per chunk and write in batches, never one row at a time.
- `importer`: the Importer base class each app's importers.py fills in, and `import_file`, the
  one path from a file object to a report that commands, tasks and uploads all call.
- `command`: the management command that wraps `import_file` for one importer.
"""
