// bench/province: a province's day compressed into minutes, through HallSafe's JSON API, on two nodes (issue 18,
// item 4). A single-file program: java bench/province/ProvinceDay.java halls=FILE nodes=URL,URL minutes=M rate=R
//
// Open loop: one request every 1/rate s whatever the answers do, each a random hall's and, in turn, node A's or node
// B's; its latency counts from the moment it was due (no coordinated omission), also while it waits for one of the
// `inflight` (256) connections. The operations come in the proportions of one hall's busy day (DAY below): the gate
// tablet's check-ins (device token), citizens' bookings (public API), staff checks by the gate screener, disinfections
// by the cleaner, and the office's ledger page and overview reads (which HallSafe sends to the standby).
// personStart=N: the first booking person's number (runs against one database take different ones).
// halls=FILE: lines site|code|token|screener|cleaner|office|staff ids|zone ids|item:slot pairs (bench/province/halls.sql).
// Prints a markdown table per operation and key=value lines (hall_days=… is the share of a province day done).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class ProvinceDay {

    /** One hall's busy day: 5,000 visitors, 1,500 bookings, 62 staff × 4 checks, 14 zones × 6, reads all day. */
    enum Op {
        CHECKIN(5000), BOOKING(1500), STAFF_CHECK(250), DISINFECTION(80), LEDGER(200), OVERVIEW(100);

        final int perHallDay;

        Op(int perHallDay) {
            this.perHallDay = perHallDay;
        }
    }

    record Hall(long site, String code, String token, String screener, String cleaner, String office, long[] staff,
            long[] zones, long[][] itemSlots) {
    }

    static final String PASSWORD = "HallSafe-Demo-2026";
    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
    static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明"};

    static final Map<String, String> args = new HashMap<>();
    static final AtomicInteger bookingPerson = new AtomicInteger();

    public static void main(String[] argv) throws Exception {
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        List<Hall> halls = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args.get("halls")))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            long[][] pairs = Arrays.stream(f[8].split(",")).map(p -> p.split(":"))
                    .map(p -> new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])}).toArray(long[][]::new);
            halls.add(new Hall(Long.parseLong(f[0]), f[1], f[2], basic(f[3]), basic(f[4]), basic(f[5]), ids(f[6]),
                    ids(f[7]), pairs));
        }
        // each run books with people of its own (a person holds one booking per item): personStart=N
        bookingPerson.set(Integer.parseInt(args.getOrDefault("personStart", "0")));
        String[] nodes = args.get("nodes").split(",");
        double rate = Double.parseDouble(args.getOrDefault("rate", "50"));
        double seconds = Double.parseDouble(args.getOrDefault("minutes", "1")) * 60;
        int inflight = Integer.parseInt(args.getOrDefault("inflight", "256"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        int dayTotal = Arrays.stream(Op.values()).mapToInt(o -> o.perHallDay).sum();
        double[] cumulative = new double[Op.values().length];
        double c = 0;
        for (Op op : Op.values()) {
            c += (double) op.perHallDay / dayTotal;
            cumulative[op.ordinal()] = c;
        }

        long total = (long) (rate * seconds);
        long interval = (long) (1e9 / rate);
        Map<Op, long[]> latencies = new HashMap<>();
        Map<Op, AtomicInteger> counts = new HashMap<>();
        Map<Op, Map<Integer, AtomicLong>> statuses = new HashMap<>();
        for (Op op : Op.values()) {
            latencies.put(op, new long[(int) total + 1]);
            counts.put(op, new AtomicInteger());
            statuses.put(op, new ConcurrentHashMap<>());
        }
        Map<String, AtomicLong> perNode = new ConcurrentHashMap<>();
        // per second of the run (by when a request was due): requests, and those answered after more than 1 s
        int secondsTotal = (int) Math.ceil(seconds) + 1;
        AtomicInteger[] due = new AtomicInteger[secondsTotal];
        AtomicInteger[] slow = new AtomicInteger[secondsTotal];
        for (int k = 0; k < secondsTotal; k++) {
            due[k] = new AtomicInteger();
            slow[k] = new AtomicInteger();
        }
        long wallStart = System.currentTimeMillis();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
        Semaphore slots = new Semaphore(inflight);
        AtomicLong pending = new AtomicLong();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long dueAt = start + i * interval;
            long wait;
            while ((wait = dueAt - System.nanoTime()) > 0) {
                if (wait > 2_000_000) {
                    Thread.sleep(wait / 1_000_000 - 1);
                } else {
                    Thread.onSpinWait();
                }
            }
            ThreadLocalRandom r = ThreadLocalRandom.current();
            double x = r.nextDouble();
            Op op = Op.values()[0];
            for (Op o : Op.values()) {
                if (x < cumulative[o.ordinal()]) {
                    op = o;
                    break;
                }
            }
            Hall hall = halls.get(r.nextInt(halls.size()));
            String node = nodes[(int) (i % nodes.length)];
            HttpRequest request = request(op, hall, node, today, r);
            slots.acquire();
            pending.incrementAndGet();
            Op o = op;
            int second = (int) Math.min(secondsTotal - 1, (i * interval) / 1_000_000_000L);
            due[second].incrementAndGet();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((res, e) -> {
                long took = System.nanoTime() - dueAt;
                slots.release();
                if (took > 1_000_000_000L) {
                    slow[second].incrementAndGet();
                }
                int status = e != null ? 0 : res.statusCode();
                latencies.get(o)[counts.get(o).getAndIncrement()] = took;
                statuses.get(o).computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                perNode.computeIfAbsent(node, k -> new AtomicLong()).incrementAndGet();
                boolean ok = o == Op.BOOKING ? status == 201 || status == 409
                        : o == Op.LEDGER || o == Op.OVERVIEW ? status == 200 : status == 201;
                if (!ok && errors.size() < 10) {
                    errors.add(o + " " + (e != null ? e.toString() : status + " " + res.body()));
                }
                pending.decrementAndGet();
            });
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        while (pending.get() > 0 && (System.nanoTime() - start) / 1e9 < sendSeconds + 120) {
            Thread.sleep(20);
        }
        double allSeconds = (System.nanoTime() - start) / 1e9;
        errors.forEach(e -> System.err.println("error: " + e));

        System.out.println("| operation | share of a hall's day | requests | per second | answers | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        long all = 0;
        long allOk = 0;
        long fivexx = 0;
        for (Op op : Op.values()) {
            int n = counts.get(op).get();
            long[] sorted = Arrays.copyOf(latencies.get(op), n);
            Arrays.sort(sorted);
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.get(op).forEach((k, v) -> byStatus.put(k, v.get()));
            long ok = byStatus.entrySet().stream().filter(e -> op == Op.BOOKING ? e.getKey() == 201 || e.getKey() == 409
                    : op == Op.LEDGER || op == Op.OVERVIEW ? e.getKey() == 200 : e.getKey() == 201)
                    .mapToLong(Map.Entry::getValue).sum();
            fivexx += byStatus.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() == 0)
                    .mapToLong(Map.Entry::getValue).sum();
            all += n;
            allOk += ok;
            StringBuilder answers = new StringBuilder();
            byStatus.forEach((k, v) -> answers.append(answers.isEmpty() ? "" : ", ").append(k == 0 ? "no answer" : k)
                    .append(" × ").append(v));
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %s | %.1f | %.1f | %.1f | %.1f |%n", op.name().toLowerCase(),
                    op.perHallDay, n, n / allSeconds, answers, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                    n == 0 ? 0 : sorted[n - 1] / 1e6);
            System.out.printf(Locale.ROOT, "#%s n=%d ok=%d p50_ms=%.1f p99_ms=%.1f%n", op.name().toLowerCase(), n, ok,
                    pct(sorted, 50), pct(sorted, 99));
        }
        // the seconds in which more than 1 % of the requests waited over 1 s, as UTC times, to set beside the jobs' runs
        StringBuilder slowSeconds = new StringBuilder();
        int slowCount = 0;
        for (int k = 0; k < secondsTotal; k++) {
            if (due[k].get() > 0 && slow[k].get() * 100 > due[k].get()) {
                slowCount++;
                slowSeconds.append(slowSeconds.isEmpty() ? "" : ",").append(java.time.Instant.ofEpochMilli(wallStart + k * 1000L)
                        .toString().substring(11, 19)).append('=').append(slow[k].get()).append('/').append(due[k].get());
            }
        }
        System.out.println("#slow seconds=" + slowCount + " of=" + (secondsTotal - 1) + " list=" + slowSeconds);
        int checkins = counts.get(Op.CHECKIN).get();
        System.out.printf(Locale.ROOT, "#total sent=%d answered_ok=%d failed_or_5xx=%d target_rps=%.1f achieved_rps=%.1f "
                        + "send_seconds=%.1f done_seconds=%.1f hall_days=%.3f halls=%d nodes=%s%n",
                total, allOk, fivexx, rate, all / allSeconds, sendSeconds, allSeconds,
                (double) checkins / Op.CHECKIN.perHallDay, halls.size(), perNode);
        System.exit(0);
    }

    static HttpRequest request(Op op, Hall h, String node, String today, ThreadLocalRandom r) {
        HttpRequest.Builder b;
        switch (op) {
            case CHECKIN -> b = post(node + "/api/v1/screening/screenings", citizenBody(r)).header("Authorization", "Bearer " + h.token());
            case BOOKING -> {
                long[] pair = h.itemSlots()[r.nextInt(h.itemSlots().length)];
                int i = bookingPerson.incrementAndGet();
                b = post(node + "/api/v1/appointments/public/bookings?hall=" + h.code(), "{\"submissionId\":\""
                        + UUID.randomUUID() + "\",\"itemId\":" + pair[0] + ",\"slotId\":" + pair[1] + ",\"name\":\"" + name(i)
                        + "\",\"docType\":\"ID_CARD\",\"docNo\":\"" + idNumber("430903", i) + "\",\"phone\":\"139"
                        + String.format("%08d", i % 100_000_000) + "\",\"consent\":true}");
            }
            case STAFF_CHECK -> b = post(node + "/api/v1/staff-health/checks?staffId=" + h.staff()[r.nextInt(h.staff().length)],
                    "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"temperature\":" + temperature(r)
                            + ",\"symptoms\":[],\"noSymptoms\":true}").header("Authorization", h.screener());
            case DISINFECTION -> b = post(node + "/api/v1/hygiene/disinfections", "{\"submissionId\":\"" + UUID.randomUUID()
                    + "\",\"zoneId\":" + h.zones()[r.nextInt(h.zones().length)]
                    + ",\"method\":\"MOP_84\",\"concentration\":500,\"doneBy\":\"保洁员" + h.site() + "\"}")
                    .header("Authorization", h.cleaner());
            case LEDGER -> b = HttpRequest.newBuilder(URI.create(node + "/api/v1/screening/screenings?from=" + today + "&to=" + today))
                    .GET().header("Authorization", h.office());
            default -> b = HttpRequest.newBuilder(URI.create(node + "/api/v1/overview")).GET().header("Authorization", h.office());
        }
        return b.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build();
    }

    static HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static long[] ids(String list) {
        return Arrays.stream(list.split(",")).mapToLong(Long::parseLong).toArray();
    }

    static String name(int i) {
        return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length];
    }

    static String temperature(ThreadLocalRandom r) {
        return r.nextInt(500) == 0 ? "37.6" : String.format(Locale.ROOT, "%.1f", 36.0 + r.nextInt(10) / 10.0);
    }

    /** A gate check-in of a citizen from a pool of 100,000, so that some return (as bench/lib/Load.java sends). */
    static String citizenBody(ThreadLocalRandom r) {
        int person = r.nextInt(100_000);
        String phone = "13" + String.format("%09d", (person * 7919L) % 1_000_000_000L);
        String mask = r.nextInt(500) == 0 ? "NONE" : r.nextInt(10) == 0 ? "N95_KN95" : "DISPOSABLE_MEDICAL";
        return "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"personType\":\"CITIZEN\",\"name\":\"" + name(person)
                + "\",\"docType\":\"ID_CARD\",\"docNo\":\"" + idNumber("430902", person) + "\",\"phone\":\"" + phone
                + "\",\"mask\":\"" + mask + "\",\"temperature\":" + temperature(r) + ",\"symptoms\":[],\"noSymptoms\":true}";
    }

    /** A valid ID-card number (GB 11643 check character), different for every i. */
    static String idNumber(String area, int i) {
        String first17 = area + LocalDate.of(1950, 1, 1).plusDays(i % 20000).toString().replace("-", "")
                + String.format("%03d", (i / 20000) % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * WEIGHTS[k];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
