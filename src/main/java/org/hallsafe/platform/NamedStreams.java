package org.hallsafe.platform;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams without an account on this node (a hall's display screen, a citizen's booking page), by the name
 * their owner gave, e.g. {@code screen:12} ({@link LiveUpdates#subscribeStream}).
 */
final class NamedStreams {

    /** The event that ends a stream; it is never sent to a browser. */
    static final String ENDED = "ended";

    private record Stream(long siteId, Set<String> siteEvents) {
    }

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final Map<String, Stream> streamInfo = new ConcurrentHashMap<>();

    SseEmitter subscribe(String stream, long siteId, Set<String> siteEvents, String hello) {
        streamInfo.put(stream, new Stream(siteId, Set.copyOf(siteEvents)));
        SseEmitter emitter = new SseEmitter(0L);
        Set<SseEmitter> mine = streams.computeIfAbsent(stream, s -> new CopyOnWriteArraySet<>());
        mine.add(emitter);
        Runnable remove = () -> drop(stream, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("connected").data(hello));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** {@code event|stream|data} (the leading {@code ~} taken off): an event to one stream, or its end. */
    void deliver(String payload) {
        String[] parts = payload.split("\\|", 3);
        if (parts.length < 3) {
            return;
        }
        if (ENDED.equals(parts[0])) {
            streamInfo.remove(parts[1]);
            Set<SseEmitter> ended = streams.remove(parts[1]);
            if (ended != null) {
                ended.forEach(SseEmitter::complete);
            }
        } else {
            send(parts[1], parts[0], parts[2]);
        }
    }

    /** A hall's event to the streams of the hall that asked for it. */
    void sendToSite(long siteId, String event) {
        streamInfo.forEach((stream, info) -> {
            if (info.siteId() == siteId && info.siteEvents().contains(event)) {
                send(stream, event, event);
            }
        });
    }

    private void send(String stream, String event, String data) {
        for (SseEmitter emitter : streams.getOrDefault(stream, Set.of())) {
            try {
                emitter.send(SseEmitter.event().name(event).data(data));
            } catch (IOException | IllegalStateException e) {
                drop(stream, emitter);
            }
        }
    }

    /** Forgets a closed stream, and its name once its last browser is gone: a node runs for months. */
    private void drop(String stream, SseEmitter emitter) {
        streams.computeIfPresent(stream, (name, set) -> {
            set.remove(emitter);
            if (set.isEmpty()) {
                streamInfo.remove(name);
                return null;
            }
            return set;
        });
    }

    /** A comment line to every stream; one that cannot take it is dropped. */
    void heartbeat() {
        streams.forEach((name, mine) -> mine.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                drop(name, emitter);
            }
        }));
    }

    /** The node stops: every stream ends, the screens reconnect to another node. */
    void endAll() {
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        streams.clear();
        streamInfo.clear();
    }
}
