package org.hallsafe.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A live-update stream (SSE) as a signed-in page holds it: its lines, and whether the server ended it. */
final class LiveStream {

    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile boolean ended;

    /** Opens the stream with the client's session and reads it on a thread of its own until the server ends it. */
    static LiveStream open(HttpClient client, URI live, boolean awaitConnected) throws Exception {
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(live)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        LiveStream stream = new LiveStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    stream.lines.add(line);
                }
            } catch (Exception e) {
                // a reset connection ends the stream as well
            }
            stream.ended = true;
        });
        reader.setDaemon(true);
        reader.start();
        if (awaitConnected) {
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.lines.contains("data:ok"));
        }
        return stream;
    }
}
