package org.hallsafe.platform;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 19, item 3: what the SMS gateway receives is JSON written by Jackson, whatever the text holds. */
class SmsGatewayIssue19Test {

    private HttpServer server;
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicInteger answer = new AtomicInteger(200);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SmsGateway gateway() {
        return new SmsGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    @Test
    void r19_3_aBodyWithANewlineQuotesAndABackslashIsValidJsonAndArrivesAsWritten() {
        String text = "【HallSafe】防控事件：张三 \"发热\"\n第二行\\末尾\t制表";

        gateway().deliver("13800001234", text, "hallsafe-42");

        JsonNode body = JsonMapper.builder().build().readTree(received.get());
        assertThat(body.get("phone").asString()).isEqualTo("13800001234");
        assertThat(body.get("text").asString()).isEqualTo(text);
        assertThat(body.get("id").asString()).isEqualTo("hallsafe-42");
    }

    @Test
    void r19_3_aGatewayThatRefusesIsAFailureTheOutboxRetriesNotASilentLoss() {
        answer.set(503);
        assertThatThrownBy(() -> gateway().deliver("13800001234", "x", "hallsafe-1"))
                .isInstanceOf(SmsGateway.SmsNotSentException.class).hasMessageContaining("503");
        // the old call still only logs: its callers keep their behaviour
        gateway().send("13800001234", "x");
    }
}
