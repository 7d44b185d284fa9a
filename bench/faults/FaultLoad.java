import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load of the fault suite (issue 19, item 10): gate check-ins (screening API, HTTP Basic as the screener) and
 * public bookings, sent to two nodes in turn while the script kills a node and restarts and stops PostgreSQL. Each
 * write has its own submission id and is retried with the same id, on the other node, until it is acknowledged (2xx)
 * or the retry time is over, as a gate tablet or a WeChat page would. Every attempt is written to attempts.csv
 * (ms since 1970, node, kind, status or -1 transport failure, ms taken); acknowledged and never acknowledged writes
 * to acked-*.txt and unacked-*.txt (submission id, name). Every REFUSE_EVERY-th check-in is without a mask: refused,
 * so it reports an incident to the leadership group.
 *
 * java FaultLoad.java OUT_DIR URL1,URL2 HALL ITEM SLOT,SLOT,... USER PASSWORD SECONDS [CHECKIN_CLIENTS] [BOOKING_CLIENTS]
 */
public class FaultLoad {

    static final int REFUSE_EVERY = 40;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final long RETRY_FOR_MS = 90_000;

    record Attempt(long at, int node, String kind, int status, long ms) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String[] nodes = args[1].split(",");
        String hall = args[2];
        long item = Long.parseLong(args[3]);
        String[] slots = args[4].split(",");
        String basic = "Basic " + Base64.getEncoder().encodeToString((args[5] + ":" + args[6]).getBytes(StandardCharsets.UTF_8));
        long end = System.currentTimeMillis() + Long.parseLong(args[7]) * 1000;
        int checkinClients = args.length > 8 ? Integer.parseInt(args[8]) : 4;
        int bookingClients = args.length > 9 ? Integer.parseInt(args[9]) : 2;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> ackedCheckins = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unackedCheckins = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> ackedBookings = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unackedBookings = new ConcurrentLinkedQueue<>();
        AtomicInteger checkins = new AtomicInteger();
        AtomicInteger bookings = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < checkinClients; c++) {
            int client = c;
            threads.add(start(() -> {
                int node = client % nodes.length;
                while (System.currentTimeMillis() < end) {
                    int n = checkins.incrementAndGet();
                    boolean refuse = n % REFUSE_EVERY == 0;
                    String id = UUID.randomUUID().toString();
                    String name = (refuse ? "故障拒" : "故障检") + n;
                    String body = """
                            {"submissionId":"%s","personType":"CITIZEN","name":"%s","docType":"ID_CARD","docNo":"%s",
                             "phone":"137%08d","mask":"%s","temperature":36.5,"noSymptoms":true}"""
                            .formatted(id, name, idNumber(n), n, refuse ? "NONE" : "N95_KN95");
                    node = send(http, nodes, node, "/api/v1/screening/screenings", basic, body,
                            refuse ? "refusal" : "checkin", attempts, id + "," + name, ackedCheckins, unackedCheckins);
                }
            }));
        }
        for (int c = 0; c < bookingClients; c++) {
            int client = c;
            threads.add(start(() -> {
                int node = client % nodes.length;
                while (System.currentTimeMillis() < end) {
                    int n = bookings.incrementAndGet();
                    String id = UUID.randomUUID().toString();
                    String name = "故障约" + n;
                    String body = """
                            {"submissionId":"%s","itemId":%d,"slotId":%s,"name":"%s","docType":"ID_CARD","docNo":"%s","phone":"136%08d"}"""
                            .formatted(id, item, slots[n % slots.length], name, idNumber(500_000 + n), n);
                    node = send(http, nodes, node, "/api/v1/appointments/public/bookings?hall=" + hall, null, body,
                            "booking", attempts, id + "," + name, ackedBookings, unackedBookings);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("attempts.csv")))) {
            w.println("at,node,kind,status,ms");
            for (Attempt a : attempts) {
                w.println(a.at() + "," + a.node() + "," + a.kind() + "," + a.status() + "," + a.ms());
            }
        }
        Files.write(out.resolve("acked-checkins.txt"), ackedCheckins);
        Files.write(out.resolve("unacked-checkins.txt"), unackedCheckins);
        Files.write(out.resolve("acked-bookings.txt"), ackedBookings);
        Files.write(out.resolve("unacked-bookings.txt"), unackedBookings);
        System.out.printf("check-ins acknowledged %d, not %d; bookings acknowledged %d, not %d; attempts %d%n",
                ackedCheckins.size(), unackedCheckins.size(), ackedBookings.size(), unackedBookings.size(), attempts.size());
    }

    /** Sends one write until a node acknowledges it; returns the node to use next (the other one after a failure). */
    static int send(HttpClient http, String[] nodes, int node, String path, String auth, String body, String kind,
            ConcurrentLinkedQueue<Attempt> attempts, String record, ConcurrentLinkedQueue<String> acked,
            ConcurrentLinkedQueue<String> unacked) {
        long giveUp = System.currentTimeMillis() + RETRY_FOR_MS;
        while (true) {
            long t0 = System.currentTimeMillis();
            int status;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes[node] + path)).timeout(TIMEOUT)
                        .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (auth != null) {
                    request.header("Authorization", auth);
                }
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            long t1 = System.currentTimeMillis();
            attempts.add(new Attempt(t0, node, kind, status, t1 - t0));
            if (status >= 200 && status < 300) {
                acked.add(record);
                return (node + 1) % nodes.length;
            }
            node = (node + 1) % nodes.length;
            if (t1 > giveUp || status >= 400 && status < 500 && status != 401 && status != 429 && status != 408) {
                // a 4xx other than these is an answer about the write itself: resending it changes nothing
                unacked.add(record + "," + status);
                return node;
            }
            try {
                Thread.sleep(status == -1 ? 100 : 300);
            } catch (InterruptedException e) {
                return node;
            }
        }
    }

    static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    /** A valid GB 11643 ID number, different for every i. */
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
