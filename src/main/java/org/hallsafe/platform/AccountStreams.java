package org.hallsafe.platform;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live streams of signed-in people on this node, by account, each knowing its hall ({@link LiveUpdates}). */
final class AccountStreams {

    private final Map<Long, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();
    private final Map<Long, Long> siteOfAccount = new ConcurrentHashMap<>();

    /** A browser of the account listens; the connection lasts until it drops, then the page reconnects. */
    SseEmitter subscribe(long accountId, long siteId) {
        siteOfAccount.put(accountId, siteId);
        SseEmitter emitter = new SseEmitter(0L);
        Set<SseEmitter> mine = emitters.computeIfAbsent(accountId, id -> new CopyOnWriteArraySet<>());
        mine.add(emitter);
        Runnable remove = () -> mine.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("connected").data("ok"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** The event to everyone of the hall signed in on this node. */
    void sendToSite(long siteId, String event) {
        siteOfAccount.forEach((account, accountSite) -> {
            if (accountSite == siteId) {
                send(account, event);
            }
        });
    }

    void send(long accountId, String event) {
        Set<SseEmitter> mine = emitters.getOrDefault(accountId, Set.of());
        for (SseEmitter emitter : mine) {
            try {
                emitter.send(SseEmitter.event().name(event).data(event));
            } catch (IOException | IllegalStateException e) {
                mine.remove(emitter);
            }
        }
    }

    /** Ends the account's streams (switched off, password reset); the page's reconnect then meets 401. */
    void end(long accountId) {
        siteOfAccount.remove(accountId);
        Set<SseEmitter> mine = emitters.remove(accountId);
        if (mine != null) {
            mine.forEach(SseEmitter::complete);
        }
    }

    /** A comment line to every stream; one that cannot take it is dropped. */
    void heartbeat() {
        emitters.values().forEach(mine -> mine.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                mine.remove(emitter);
            }
        }));
    }

    /** The node stops: every stream ends, the pages reconnect to another node. */
    void endAll() {
        emitters.values().forEach(set -> set.forEach(SseEmitter::complete));
        emitters.clear();
        siteOfAccount.clear();
    }
}
