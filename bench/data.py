"""How long loading data takes: seed_demo, and each enrollment and claims importer, per 100,000 rows.

seed_demo runs into a scratch database; its tables are exported to the importers' CSV formats
(docs/csv-formats.md) with COPY and imported into a second, empty scratch database, timing
each command as an operator would run it.
"""

# The bench runs fixed local programs (wrk, gunicorn, psql, manage.py) with arguments it builds.
# ruff: noqa: S603

import re
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.database import (
    BENCH_DB,
    PG_SERVER,
    PYTHON,
    ROOT,
    bench_env,
    drop_database,
    ensure_database,
    manage,
)

SEED_DB = f"{BENCH_DB}_seed"
IMPORT_DB = f"{BENCH_DB}_import"


@dataclass(frozen=True)
class Timed:
    name: str
    rows: int
    seconds: float

    @property
    def per_100k(self) -> float:
        return self.seconds / self.rows * 100_000 if self.rows else 0.0


EXPORTS: dict[str, tuple[str, str]] = {
    "providers": (
        "import_providers",
        """SELECT npi, first_name, last_name, gender, specialty,
                  CASE WHEN is_primary_care THEN 'yes' ELSE 'no' END AS is_primary_care,
                  CASE WHEN accepting_new_patients THEN 'yes' ELSE 'no' END AS accepting_new_patients,
                  array_to_string(ARRAY(SELECT jsonb_array_elements_text(languages)), ';') AS languages,
                  clinic_name, address_line1, city, county, state, zip_code AS zip, phone
           FROM providers_provider ORDER BY id""",
    ),
    "members": (
        "import_members",
        """SELECT m.member_id, m.first_name, m.last_name, m.date_of_birth, m.sex, m.preferred_language,
                  h.member_id AS head_of_household_id,
                  a.line1 AS address_line1, a.line2 AS address_line2, a.city, a.state, a.zip_code AS zip,
                  m.county, p.number AS phone, e.address AS email
           FROM members_member m
           LEFT JOIN members_member h ON h.id = m.head_of_household_id
           LEFT JOIN LATERAL (SELECT * FROM members_address WHERE member_id = m.id
                              ORDER BY kind = 'mailing' DESC, is_primary DESC, id LIMIT 1) a ON true
           LEFT JOIN LATERAL (SELECT * FROM members_phone WHERE member_id = m.id
                              ORDER BY is_primary DESC, id LIMIT 1) p ON true
           LEFT JOIN LATERAL (SELECT * FROM members_contactemail WHERE member_id = m.id
                              ORDER BY is_primary DESC, id LIMIT 1) e ON true
           ORDER BY (m.head_of_household_id IS NOT NULL AND m.head_of_household_id <> m.id), m.id""",
    ),
    "coverage": (
        "import_coverage",
        """SELECT m.member_id, c.program, c.plan, c.effective_date, c.end_date
           FROM coverage_coverage c JOIN members_member m ON m.id = c.member_id ORDER BY c.id""",
    ),
    "pcp_assignments": (
        "import_pcp_assignments",
        """SELECT m.member_id, p.npi, a.effective_from, a.effective_to
           FROM providers_pcpassignment a JOIN members_member m ON m.id = a.member_id
           JOIN providers_provider p ON p.id = a.provider_id ORDER BY a.id""",
    ),
    "authorizations": (
        "import_authorizations",
        """SELECT a.authorization_number, m.member_id, a.kind, a.requesting_provider_npi,
                  a.requesting_provider_name, a.servicing_provider_npi, a.servicing_provider_name,
                  a.service_description,
                  array_to_string(ARRAY(SELECT jsonb_array_elements_text(a.procedure_codes)), ';')
                      AS procedure_codes,
                  a.units_requested, a.units_approved, a.priority, a.requested_date, a.decision,
                  a.decision_date, a.start_date, a.end_date, a.denial_reason,
                  CASE WHEN a.sensitive THEN 'yes' ELSE 'no' END AS sensitive
           FROM authorizations_authorization a JOIN members_member m ON m.id = a.member_id
           ORDER BY a.id""",
    ),
    "claims": (
        "import_claims",
        """SELECT c.claim_number, m.member_id, c.claim_type, c.status, c.billing_provider_npi,
                  c.billing_provider_name, c.rendering_provider_npi,
                  CASE WHEN c.in_network THEN 'yes' ELSE 'no' END AS in_network,
                  c.received_date, c.paid_date, l.line_number, l.service_from, l.service_to,
                  l.procedure_code, l.modifier, l.procedure_description,
                  array_to_string(ARRAY(SELECT jsonb_array_elements_text(l.diagnosis_codes)), ';')
                      AS diagnosis_codes,
                  l.units, l.billed, l.allowed, l.plan_paid, l.copay, l.coinsurance, l.deductible,
                  l.not_covered, l.line_status, l.denial_reason_code, l.denial_reason,
                  CASE WHEN c.sensitive THEN 'yes' ELSE 'no' END AS sensitive
           FROM claims_claimline l JOIN claims_claim c ON c.id = l.claim_id
           JOIN members_member m ON m.id = c.member_id ORDER BY l.id""",
    ),
}


def _export(folder: Path) -> dict[str, int]:
    import psycopg

    rows = {}
    with psycopg.connect(f"{PG_SERVER}/{SEED_DB}") as conn:
        for name, (_command, query) in EXPORTS.items():
            path = folder / f"{name}.csv"
            sql = f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER)"
            with path.open("wb") as out, conn.cursor() as cursor, cursor.copy(sql) as copy:
                for chunk in copy:
                    out.write(chunk)
            rows[name] = sum(1 for _ in path.open()) - 1
    return rows


def load_timings(*, members: int, providers: int, port: int) -> list[Timed]:
    """seed_demo into a scratch database, then each importer into an empty one."""
    results = []
    drop_database(SEED_DB)
    ensure_database(SEED_DB)
    env = bench_env(port=port, database=SEED_DB)
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    started = time.perf_counter()
    out = subprocess.run(
        [PYTHON, "manage.py", "seed_demo", "--members", str(members), "--providers", str(providers)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seconds = time.perf_counter() - started
    made = re.search(r"\(([\d,]+) rows in all\)", out)
    rows = int(made.group(1).replace(",", "")) if made else 0
    results.append(Timed(f"seed_demo ({members:,} members, {providers:,} providers)", rows, seconds))

    with tempfile.TemporaryDirectory(prefix="bench-csv-") as tmp:
        folder = Path(tmp)
        counts = _export(folder)
        drop_database(IMPORT_DB)
        ensure_database(IMPORT_DB)
        import_env = bench_env(port=port, database=IMPORT_DB)
        manage(import_env, "migrate", "--no-input", "--verbosity", "0")
        for name, (command, _query) in EXPORTS.items():
            try:
                seconds = manage(import_env, command, str(folder / f"{name}.csv"), "--verbosity", "0")
            except subprocess.CalledProcessError:
                results.append(Timed(f"{command} (failed: see the bench output)", counts[name], 0.0))
            else:
                results.append(Timed(command, counts[name], seconds))
    drop_database(SEED_DB)
    drop_database(IMPORT_DB)
    return results
