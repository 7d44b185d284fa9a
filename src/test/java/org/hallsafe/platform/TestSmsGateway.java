package org.hallsafe.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The SMS gateway of the tests. Unarmed it is the real adapter without a gateway (messages only logged), as every
 * other test expects; a test arms it to take, refuse or hold messages, and disarms it when done.
 */
public class TestSmsGateway extends SmsGateway {

    public enum Mode { OFF, TAKE, REFUSE, HOLD }

    /** A message the gateway was asked to take, whether it took it or not. */
    public record Call(String phone, String text, String messageId, boolean taken) {
    }

    private volatile Mode mode = Mode.OFF;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    TestSmsGateway() {
        super("");
    }

    /** Takes every message (and records it). */
    public void take() {
        mode = Mode.TAKE;
    }

    /** Answers every message as a gateway that is down. */
    public void refuse() {
        mode = Mode.REFUSE;
    }

    /** Holds every message until {@link #releaseHeld()}: a gateway that does not answer. */
    public void hold() {
        release = new CountDownLatch(1);
        mode = Mode.HOLD;
    }

    public void releaseHeld() {
        release.countDown();
    }

    /** Back to the logging adapter; held messages go through. */
    public void disarm() {
        mode = Mode.OFF;
        release.countDown();
    }

    /** Calls for one delivery (its id as the outbox sends it). */
    public List<Call> callsFor(long deliveryId) {
        return calls.stream().filter(c -> ("hallsafe-" + deliveryId).equals(c.messageId())).toList();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public boolean configured() {
        return mode != Mode.OFF;
    }

    @Override
    public void deliver(String phone, String text, String messageId) {
        switch (mode) {
            case OFF -> throw new IllegalStateException("no gateway");
            case REFUSE -> {
                calls.add(new Call(phone, text, messageId, false));
                throw new SmsNotSentException("SMS gateway answered 503");
            }
            case HOLD -> {
                CountDownLatch latch = release;
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                calls.add(new Call(phone, text, messageId, true));
            }
            case TAKE -> calls.add(new Call(phone, text, messageId, true));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestSmsGateway testSmsGateway() {
            return new TestSmsGateway();
        }
    }
}
