#!/usr/bin/env python3
"""bench/tracing/sqltrace.py N OUT_DIR: the statements a 14-day trace of a citizen runs (T1's read facades
GateVisits.ofCitizen, GateVisits.citizensEntered per visit, VisitBookings.ofScreenings for the subject's and the other
visitors' entries), sent straight to PostgreSQL with psql (PG* variables) for N seed citizens of hall 1 that came in
the last 14 days: the time of each statement (psql \\timing, the SQL alone: no HTTP, no Java, no contact ranking
or storing), the sum per trace with p50/p95/p99, and EXPLAIN (ANALYZE, BUFFERS) of each statement for the first
subject. The SQL text is copied from the facades; the values are those the facade would bind."""
import os, random, re, subprocess, sys

N, OUT = int(sys.argv[1]), sys.argv[2]
os.makedirs(OUT, exist_ok=True)
SITE = 1
LONGEST_STAY = "12 hours"
DEFAULT_STAY = "60 minutes"
GATE = """SELECT s.id AS screening_id, s.citizen_id, s.staff_id, coalesce(c.name, s.person_name) AS name,
       coalesce(c.doc_masked, s.doc_masked) AS doc_masked, coalesce(c.phone_masked, s.phone_masked) AS phone_masked,
       c.phone_cipher, s.screened_at, s.left_at, s.screener
FROM screenings s LEFT JOIN citizens c ON c.site_id = s.site_id AND c.id = s.citizen_id
"""
BOOKINGS = """SELECT id AS booking_id, code, screening_id, window_id, starts_at AS slot_start, ends_at AS slot_end,
       called_at, CASE WHEN status = 'DONE' THEN changed_at END AS done_at, name, phone_masked, phone_cipher
FROM bookings"""


def psql(sql, *extra):
    return subprocess.run(["psql", "-qAtX", "-v", "ON_ERROR_STOP=1", *extra], input=sql, text=True,
                          capture_output=True, check=True).stdout


# subjects: seed citizens (sealed through the API) of hall 1 admitted in the last 14 days
rows = psql(f"""SELECT c.doc_type, encode(c.doc_hash, 'hex') FROM citizens c
WHERE c.site_id = {SITE} AND c.id IN (SELECT citizen_id FROM bench_cit_seed)
  AND EXISTS (SELECT 1 FROM screenings s WHERE s.site_id = {SITE} AND s.citizen_id = c.id AND s.decision = 'ADMITTED'
              AND s.screened_at >= now() - interval '14 days')""").split()
subjects = [r.split("|") for r in rows]
random.Random(17).shuffle(subjects)
subjects = subjects[:N]
period = "now() - interval '14 days'", "now()"


def statements(doc_type, doc_hash):
    """The trace's statements in order, with the values bound: (name, sql)."""
    own = (GATE + f"""WHERE s.site_id = {SITE} AND s.decision = 'ADMITTED' AND s.screened_at >= {period[0]} AND s.screened_at < {period[1]}
  AND s.citizen_id IN (SELECT id FROM citizens WHERE site_id = {SITE} AND doc_type = '{doc_type}' AND doc_hash = '\\x{doc_hash}'::bytea)
ORDER BY s.screened_at, s.id""")
    out = [("GateVisits.ofCitizen", own)]
    visits = psql(f"SELECT s.screening_id, s.screened_at, coalesce(s.left_at, s.screened_at + interval '{DEFAULT_STAY}') FROM ({own}) s").splitlines()
    ids = [v.split("|")[0] for v in visits]
    if ids:
        out.append(("VisitBookings.ofScreenings (own)", f"{BOOKINGS} WHERE site_id = {SITE} AND screening_id IN ({','.join(ids)}) ORDER BY starts_at, id"))
    for v in visits:
        sid, entered, left = v.split("|")
        entered_sql = (GATE + f"""WHERE s.site_id = {SITE} AND s.decision = 'ADMITTED' AND s.person_type = 'CITIZEN'
  AND s.screened_at >= timestamptz '{left}' - interval '{LONGEST_STAY}' AND s.screened_at < timestamptz '{left}'
ORDER BY s.screened_at, s.id""")
        out.append(("GateVisits.citizensEntered", entered_sql))
        others = psql(f"SELECT string_agg(screening_id::text, ',') FROM ({entered_sql}) x").strip()
        if others:
            out.append(("VisitBookings.ofScreenings (others, %d ids)" % (others.count(",") + 1),
                        f"{BOOKINGS} WHERE site_id = {SITE} AND screening_id IN ({others}) ORDER BY starts_at, id"))
    return out


times = []
for k, (doc_type, doc_hash) in enumerate(subjects):
    stmts = statements(doc_type, doc_hash)
    script = "\\timing on\n" + "".join(f"\\o /dev/null\n{sql};\n" for _, sql in stmts)
    res = subprocess.run(["psql", "-qAtX", "-v", "ON_ERROR_STOP=1"], input=script, text=True, capture_output=True, check=True)
    ms = [float(x) for x in re.findall(r"Time: ([0-9.]+) ms", res.stdout + res.stderr)]
    times.append(sum(ms))
    print(f"subject {k}: {len(stmts)} statements, " + ", ".join(f"{n.split(' ')[0]} {t:.1f}" for (n, _), t in zip(stmts, ms))
          + f" = {sum(ms):.1f} ms", file=sys.stderr)
    if k == 0:
        with open(os.path.join(OUT, "sql-explain.md"), "w") as f:
            for name, sql in stmts:
                plan = psql(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                shown = sql if len(sql) < 1500 else sql[:1400] + " … (id list cut here)"
                f.write(f"#### {name}\n\n```sql\n{shown}\n```\n\n```\n{plan.rstrip()}\n```\n\n")
s = sorted(times)


def pct(p):
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


print(f"sql_traces={len(s)} p50_ms={pct(50):.0f} p95_ms={pct(95):.0f} p99_ms={pct(99):.0f} max_ms={s[-1]:.0f}")
