#!/usr/bin/env python3
"""bench/tracing/trace.py: trace many subjects through POST /api/v1/traces, one after another, and print each
request's latency. Subjects are seed citizens by ID-card number (bench/lib/Load.java's idNumber(i), i < pool) and,
one in ten, demo staff; the period is the last 14 days (the load fills the year up to yesterday).

usage: trace.py URL USER PASSWORD POOL N STAFF_IDS OUT.csv [--body-template JSON]
"""
import base64, datetime, json, random, sys, time, urllib.request, urllib.error

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def id_number(i):
    first17 = "430902" + (datetime.date(1950, 1, 1) + datetime.timedelta(days=i // 1000)).strftime("%Y%m%d") + f"{i % 1000:03d}"
    return first17 + CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def main():
    url, user, password, pool, n, staff, out = sys.argv[1:8]
    pool, n = int(pool), int(n)
    staff_ids = [int(s) for s in staff.split(",") if s.strip()]
    auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    today = datetime.date.today()
    frm, to = (today - datetime.timedelta(days=14)).isoformat(), today.isoformat()
    rnd = random.Random(17)
    rows = []
    for k in range(n):
        if staff_ids and k % 10 == 9:
            subject = {"by": "STAFF", "staffId": rnd.choice(staff_ids)}
        else:
            subject = {"by": "DOCUMENT", "docType": "ID_CARD", "docNo": id_number(rnd.randrange(pool))}
        body = dict(subject, **{"from": frm, "to": to, "reason": "基准测试：14天追踪"})
        req = urllib.request.Request(url + "/api/v1/traces", data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": auth, "Content-Type": "application/json",
                                              "Accept": "application/json"})
        t0 = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=120) as res:
                payload = res.read()
                status = res.status
        except urllib.error.HTTPError as e:
            payload = e.read()
            status = e.code
        ms = (time.perf_counter() - t0) * 1000
        visits = contacts = -1
        try:
            doc = json.loads(payload)
            visits, contacts = len(doc.get("visits", [])), len(doc.get("contacts", []))
        except Exception:
            pass
        if status >= 300 and k < 3:
            print(f"status {status}: {payload[:300]!r}", file=sys.stderr)
        rows.append((k, subject.get("by"), status, f"{ms:.1f}", visits, contacts))
    with open(out, "w") as f:
        f.write("k,kind,status,ms,visits,contacts\n")
        for r in rows:
            f.write(",".join(map(str, r)) + "\n")
    ok = sorted(float(r[3]) for r in rows if r[2] < 300)
    def pct(p):
        return ok[min(len(ok) - 1, int(round(p / 100 * len(ok) + 0.5)) - 1)] if ok else float("nan")
    print(f"traces={len(rows)} ok={len(ok)} p50_ms={pct(50):.0f} p95_ms={pct(95):.0f} p99_ms={pct(99):.0f} "
          f"max_ms={max(ok) if ok else float('nan'):.0f} "
          f"mean_contacts={sum(r[5] for r in rows if r[2] < 300) / max(1, len(ok)):.0f}")


if __name__ == "__main__":
    main()
