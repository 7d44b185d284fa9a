// HallSafe bench load generator, run as a single-file program: java bench/lib/Load.java MODE key=value...
//
// Modes
//   seed   n=1000 c=4                 send n gate check-ins (c at a time): citizens, and staff when staff=1,2,3 is given
//   rate   rate=200 seconds=30        open loop: one check-in every 1/rate s whatever the answers do; the latency of a
//                                     request counts from the moment it was due, so a server that falls behind is seen
//                                     (no coordinated omission)
// Common: url=http://127.0.0.1:8080 user=screener password=... pool=100000 (citizen ID numbers drawn from a pool of
// this many, so some citizens return) fever=0.005 nomask=0.002 (share of readings at 37.6 °C and without a mask).
// Prints one line of key=value figures at the end.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class Load {

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
    static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平"};
    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String CHECK = "10X98765432";

    static Map<String, String> args = new HashMap<>();

    static String arg(String key, String fallback) {
        return args.getOrDefault(key, fallback);
    }

    public static void main(String[] argv) throws Exception {
        String mode = argv[0];
        for (String a : Arrays.copyOfRange(argv, 1, argv.length)) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        String url = arg("url", "http://127.0.0.1:8080") + "/api/v1/screening/screenings";
        // token=... sends a gate tablet's device token (issue 18) instead of the screener's password
        String auth = args.containsKey("token") ? "Bearer " + arg("token", "") : "Basic " + Base64.getEncoder().encodeToString(
                (arg("user", "screener") + ":" + arg("password", "HallSafe-Demo-2026")).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
        switch (mode) {
            case "seed" -> seed(client, url, auth);
            case "rate" -> rate(client, url, auth);
            default -> throw new IllegalArgumentException(mode);
        }
        System.exit(0);
    }

    static HttpRequest request(String url, String auth, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    static void seed(HttpClient client, String url, String auth) throws Exception {
        int n = Integer.parseInt(arg("n", "1000"));
        int c = Integer.parseInt(arg("c", "4"));
        List<Long> staff = new ArrayList<>();
        for (String s : arg("staff", "").split(",")) {
            if (!s.isBlank()) {
                staff.add(Long.parseLong(s.strip()));
            }
        }
        double staffShare = Double.parseDouble(arg("staffShare", "0.1"));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < c; t++) {
            Thread thread = new Thread(() -> {
                while (next.getAndIncrement() < n) {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    String body = !staff.isEmpty() && r.nextDouble() < staffShare
                            ? staffBody(staff.get(r.nextInt(staff.size()))) : citizenBody();
                    try {
                        HttpResponse<String> res = client.send(request(url, auth, body), HttpResponse.BodyHandlers.ofString());
                        if (res.statusCode() == 201) {
                            ok.incrementAndGet();
                        } else if (errors.size() < 5) {
                            errors.add(res.statusCode() + " " + res.body());
                        }
                    } catch (Exception e) {
                        if (errors.size() < 5) {
                            errors.add(e.toString());
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        errors.forEach(e -> System.err.println("error: " + e));
        System.out.printf("sent=%d ok=%d seconds=%.1f rps=%.1f%n", n, ok.get(), seconds, n / seconds);
    }

    static void rate(HttpClient client, String url, String auth) throws Exception {
        double rate = Double.parseDouble(arg("rate", "200"));
        double seconds = Double.parseDouble(arg("seconds", "30"));
        long total = (long) (rate * seconds);
        long interval = (long) (1e9 / rate);
        long[] latencies = new long[(int) total];
        Arrays.fill(latencies, -1);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                if (wait > 2_000_000) {
                    Thread.sleep(wait / 1_000_000 - 1);
                } else {
                    Thread.onSpinWait();
                }
            }
            int index = i;
            pending.add(client.sendAsync(request(url, auth, citizenBody()), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((res, e) -> {
                        latencies[index] = System.nanoTime() - due;
                        if (e == null && res.statusCode() == 201) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            if (errors.size() < 5) {
                                errors.add(e != null ? e.toString() : res.statusCode() + " " + res.body());
                            }
                        }
                    }));
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        for (CompletableFuture<?> f : pending) {
            try {
                f.join();
            } catch (Exception ignored) {
                // counted in whenComplete
            }
        }
        double allSeconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        errors.forEach(e -> System.err.println("error: " + e));
        System.out.printf("sent=%d ok=%d failed=%d target_rps=%.0f send_seconds=%.1f done_seconds=%.1f achieved_rps=%.1f "
                        + "p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                total, ok.get(), failed.get(), rate, sendSeconds, allSeconds, ok.get() / allSeconds,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** A valid ID-card number (GB 11643 check character) for citizen number i of the pool. */
    static String idNumber(int i) {
        String first17 = "430902" + LocalDate.of(1950, 1, 1).plusDays(i / 1000).toString().replace("-", "")
                + String.format("%03d", i % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * WEIGHTS[k];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    static String citizenBody() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int person = r.nextInt(Integer.parseInt(arg("pool", "100000")));
        String name = SURNAMES[person % SURNAMES.length] + GIVEN[(person / SURNAMES.length) % GIVEN.length];
        String phone = "13" + String.format("%09d", (person * 7919L) % 1_000_000_000L);
        return "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"personType\":\"CITIZEN\",\"name\":\"" + name
                + "\",\"docType\":\"ID_CARD\",\"docNo\":\"" + idNumber(person) + "\",\"phone\":\"" + phone + "\","
                + reading(r) + "}";
    }

    static String staffBody(long staffId) {
        return "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"personType\":\"STAFF\",\"staffId\":" + staffId + ","
                + reading(ThreadLocalRandom.current()) + "}";
    }

    static String reading(ThreadLocalRandom r) {
        double fever = Double.parseDouble(arg("fever", "0.005"));
        double noMask = Double.parseDouble(arg("nomask", "0.002"));
        double x = r.nextDouble();
        String mask = x < noMask ? "NONE" : r.nextInt(10) == 0 ? "N95_KN95" : "DISPOSABLE_MEDICAL";
        String temperature = r.nextDouble() < fever ? "37.6" : String.format(java.util.Locale.ROOT, "%.1f", 36.0 + r.nextInt(12) / 10.0);
        return "\"mask\":\"" + mask + "\",\"temperature\":" + temperature + ",\"symptoms\":[],\"noSymptoms\":true";
    }
}
