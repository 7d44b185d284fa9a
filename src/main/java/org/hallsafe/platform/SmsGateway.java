package org.hallsafe.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Text messages through the hall's SMS gateway ({@code hallsafe.sms.gateway-url}: a JSON POST of phone and text).
 * Without a gateway a message is only logged, with the number masked: the adapter every module sends through.
 */
@Component
public class SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

    private final String gatewayUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SmsGateway(@Value("${hallsafe.sms.gateway-url:}") String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** True when messages really leave; callers then open the full number for {@link #send}. */
    public boolean configured() {
        return !gatewayUrl.isBlank();
    }

    /**
     * Only logs: there is no gateway. The {@code secrets} in the text (a verification or booking code) are written as
     * stars: a log file must not hand out what only the phone's owner should see (issue 12).
     */
    public void log(String recipient, String maskedPhone, String text, String... secrets) {
        log.info("SMS (no gateway configured) to {} {}: {}", recipient, maskedPhone, masked(text, secrets));
    }

    static String masked(String text, String... secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, "*".repeat(secret.length()));
            }
        }
        return out;
    }

    /** Sends through the gateway; a failure is logged, never thrown at the caller. */
    public void send(String phone, String text) {
        try {
            deliver(phone, text, null);
        } catch (SmsNotSentException e) {
            log.warn("{}", e.getMessage());
        }
    }

    /**
     * Sends one message through the gateway and throws when the gateway did not take it (not reached, or an answer
     * other than 2xx), so the outbox can try again. {@code messageId} (may be null) goes along as {@code id}: a gateway
     * that keeps the ids it saw can drop a message resent after a node died before it was marked sent.
     */
    public void deliver(String phone, String text, String messageId) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(phone, text, messageId))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                throw new SmsNotSentException("SMS gateway answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new SmsNotSentException("SMS gateway not reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotSentException("SMS gateway not reached: interrupted");
        }
    }

    /** The request body, written by Jackson: quotes, backslashes and line breaks in the text arrive as typed. */
    static String body(String phone, String text, String messageId) {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("phone", phone);
        body.put("text", text);
        if (messageId != null) {
            body.put("id", messageId);
        }
        return JSON.writeValueAsString(body);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The gateway did not take a message. */
    public static class SmsNotSentException extends RuntimeException {
        SmsNotSentException(String message) {
            super(message);
        }
    }
}
