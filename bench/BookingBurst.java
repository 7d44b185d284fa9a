import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The booking burst of issue #8 (part b): REQUESTS bookings from CLIENTS concurrent clients against the public booking
 * API, spread over the given slots, every request a different person. Prints status counts, throughput and latency
 * percentiles as "key value" lines. Run with: java BookingBurst.java URL HALL ITEM SLOT,SLOT,... [REQUESTS] [CLIENTS]
 */
public class BookingBurst {

    public static void main(String[] args) throws Exception {
        String url = args[0] + "/api/v1/appointments/public/bookings?hall=" + args[1];
        long item = Long.parseLong(args[2]);
        long[] slots = Arrays.stream(args[3].split(",")).mapToLong(Long::parseLong).toArray();
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        String body = "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"itemId\":" + item + ",\"slotId\":"
                                + slots[i % slots.length] + ",\"name\":\"压测" + i + "\",\"docType\":\"ID_CARD\",\"docNo\":\""
                                + idNumber(i) + "\",\"phone\":\"139" + String.format("%08d", i) + "\",\"consent\":true}";
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                            statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.println("requests " + requests);
        System.out.println("clients " + clients);
        statuses.forEach((k, v) -> System.out.println("status_" + k + " " + v.get()));
        System.out.println("transport_failures " + failures.get());
        System.out.printf("seconds %.2f%n", seconds);
        System.out.printf("throughput %.0f%n", requests / seconds);
        System.out.printf("p50_ms %.1f%n", sorted[(int) (requests * 0.50)] / 1e6);
        System.out.printf("p99_ms %.1f%n", sorted[Math.min(requests - 1, (int) (requests * 0.99))] / 1e6);
    }

    /** A valid GB 11643 ID number, different for every i (birth dates walk forward from 1950). */
    static String idNumber(int i) {
        java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(i % 20000);
        String first17 = "430903" + birth.toString().replace("-", "") + String.format("%03d", i / 20000 + 1);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * w[k];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
