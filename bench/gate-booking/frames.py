"""Top frames of a JFR execution-sample dump (`jfr print --events jdk.ExecutionSample --stack-depth 96`): the hottest
leaf methods (self time), and the share of samples whose stack holds each step of a check-in, or of the steps a
tab-separated file names (label, method name prefix; a second argument, as bench/tracing/steps.tsv)."""
import collections, re, sys

STEPS = [  # (label, method name prefix): a sample counts for a step when any frame of its stack starts with it
    ("HTTP Basic: authentication (ProviderManager.authenticate)", "org.springframework.security.authentication.ProviderManager.authenticate"),
    ("  of which the account's read (loadUserByUsername)", "org.hallsafe.platform.AccountDetailsService.loadUserByUsername"),
    ("  of which BCrypt", "org.springframework.security.crypto.bcrypt.BCrypt."),
    ("device token: DeviceTokens.authenticate (cache, or the one UPDATE)", "org.hallsafe.platform.DeviceTokens.authenticate"),
    ("JSON read and written (Jackson)", "tools.jackson.databind."),
    ("Bean Validation of the form", "org.hibernate.validator."),
    ("GateDesk.record (the transaction's work)", "org.hallsafe.screening.GateDesk.record"),
    ("  sealing (SM4-GCM) and look-up hash (HMAC-SM3)", "org.hallsafe.platform.PersonalData."),
    ("  JDBC statements (pgjdbc execute)", "org.postgresql.jdbc.PgPreparedStatement.execute"),
    ("  the appointments' listener (GateArrivals)", "org.hallsafe.appointments.GateArrivals."),
    ("  LiveUpdates.publishToSite (pg_notify)", "org.hallsafe.platform.LiveUpdates.publishToSite"),
    ("transaction begin/commit (Spring)", "org.springframework.jdbc.datasource.DataSourceTransactionManager."),
    ("connection from the pool (Hikari)", "com.zaxxer.hikari.HikariDataSource.getConnection"),
]
if len(sys.argv) > 2:
    STEPS = [tuple(l.rstrip("\n").split("\t")) for l in open(sys.argv[2], encoding="utf-8") if l.strip() and not l.startswith("#")]
stacks, cur = [], None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    s = line.strip()
    if s.startswith("jdk.ExecutionSample"):
        cur = []; stacks.append(cur)
    elif cur is not None and re.match(r"^[\w$.<>]+\(.*\)\s+line:", s):
        cur.append(s.split("(")[0])
n = len(stacks) or 1
leaf = collections.Counter(st[0] for st in stacks if st)
print(f"{len(stacks)} samples\n\n| self (leaf frame) | share |\n|---|---|")
for m, c in leaf.most_common(10):
    print(f"| `{m}` | {100 * c / n:.1f} % |")
print("\n| on the stack | share |\n|---|---|")
for label, prefix in STEPS:
    c = sum(1 for st in stacks if any(f.startswith(prefix) for f in st))
    print(f"| {label} | {100 * c / n:.1f} % |")
