package org.hallsafe.display;

import java.time.Instant;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.hallsafe.appointments.CitizenCalled;
import org.hallsafe.appointments.QueueBoard;
import org.hallsafe.notice.Channel;
import org.hallsafe.notice.Notices;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.RateLimits;
import org.hallsafe.platform.TooManyRequestsException;
import org.hallsafe.screening.Today;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The hall's display screen ({@code /screen/{hall}}) and call display ({@code /screen/{hall}/calls}), opened with a
 * screen key instead of an account. Both are whole pages for a 1920×1080 screen; their parts are fetched again
 * when the screen's stream says something changed (screen.js). Nothing they show names or identifies a person:
 * counts, booking codes, window numbers, times and the published notices.
 * <p>
 * A wrong, revoked or other hall's key gets 404 on every address; opening a page or stream, and every wrong key,
 * counts against the limit on anonymous reads per address ({@code hallsafe.rate-limit.public-read-address}).
 */
@Controller
class ScreenPages {

    /** The hall's events a screen listens to: the figures and calls change with them. */
    static final Set<String> EVENTS = Set.of("appointments", "screening", "called", "notices");
    private static final int CALLS_LISTED = 5;

    private final ScreenKeys keys;
    private final Directory directory;
    private final QueueBoard queue;
    private final Today today;
    private final Notices notices;
    private final java.time.Clock clock;
    private final LiveUpdates live;
    private final RateLimits limits;
    private final DisplayProperties properties;
    private final String build;
    private final org.hallsafe.platform.Formats formats;
    private final org.springframework.context.MessageSource messages;

    ScreenPages(ScreenKeys keys, Directory directory, QueueBoard queue, Today today, Notices notices,
            java.time.Clock clock, LiveUpdates live, RateLimits limits, DisplayProperties properties, ObjectProvider<BuildProperties> builds,
            org.hallsafe.platform.Formats formats, org.springframework.context.MessageSource messages) {
        this.formats = formats;
        this.messages = messages;
        this.keys = keys;
        this.directory = directory;
        this.queue = queue;
        this.today = today;
        this.notices = notices;
        this.clock = clock;
        this.live = live;
        this.limits = limits;
        this.properties = properties;
        BuildProperties info = builds.getIfAvailable();
        this.build = !properties.buildId().isBlank() ? properties.buildId()
                : info != null && info.getTime() != null ? info.getVersion() + "@" + info.getTime()
                : "started@" + Instant.now();
    }

    /** What one screen may open: the hall and its key. */
    private record Opened(SiteView hall, long keyId) {
    }

    @GetMapping("/screen/{hall}")
    String screen(@PathVariable String hall, @RequestParam(defaultValue = "") String key, HttpServletRequest request,
            Model model) {
        Opened o = open(hall, key, request, true);
        page(o, key, model);
        figures(o, model);
        model.addAttribute("notices", notices(o));
        model.addAttribute("noticeSeconds", properties.noticeSeconds().toSeconds());
        return "display/screen";
    }

    @GetMapping("/screen/{hall}/calls")
    String calls(@PathVariable String hall, @RequestParam(defaultValue = "") String key, HttpServletRequest request,
            Model model) {
        Opened o = open(hall, key, request, true);
        page(o, key, model);
        model.addAttribute("calls", queue.recentCalls(o.hall().id(), CALLS_LISTED));
        return "display/calls";
    }

    /** A part of a page, fetched again after an event: figures, notices or calls. */
    @GetMapping("/screen/{hall}/part/{part}")
    String part(@PathVariable String hall, @PathVariable String part, @RequestParam(defaultValue = "") String key,
            HttpServletRequest request, Model model) {
        Opened o = open(hall, key, request, false);
        switch (part) {
            case "figures" -> figures(o, model);
            case "notices" -> model.addAttribute("notices", notices(o));
            case "calls" -> model.addAttribute("calls", queue.recentCalls(o.hall().id(), CALLS_LISTED));
            default -> throw NotFoundException.of("screen part", part);
        }
        return "display/parts :: " + part;
    }

    /**
     * The screen's stream: the hall's events by name, a heartbeat, and first the build (a screen that sees another
     * build after reconnecting reloads itself). It ends when the key is revoked.
     */
    @GetMapping(path = "/screen/{hall}/live", produces = "text/event-stream")
    ResponseEntity<SseEmitter> live(@PathVariable String hall, @RequestParam(defaultValue = "") String key,
            HttpServletRequest request) {
        try {
            Opened o = open(hall, key, request, true);
            keys.seen(o.keyId());
            return ResponseEntity.ok(live.subscribeStream(ScreenKeys.stream(o.keyId()), o.hall().id(), EVENTS, build));
        } catch (TooManyRequestsException e) {
            return ResponseEntity.status(429).header("Retry-After", String.valueOf(e.seconds())).build();
        } catch (NotFoundException e) {
            return ResponseEntity.notFound().build();
        }
    }

    /** A call reaches the hall's screens, on every node, once the window's transaction commits. */
    @EventListener
    void called(CitizenCalled e) {
        live.publishToSite(e.siteId(), "called");
    }

    private Opened open(String hallCode, String key, HttpServletRequest request, boolean counted) {
        if (counted) {
            limits.consume(RateLimits.Kind.PUBLIC_READ_ADDRESS, request);
        }
        String code = hallCode == null ? "" : hallCode.strip();
        SiteView hall = code.isEmpty() || code.length() > 20 ? null : directory.sites(code, false).stream()
                .filter(s -> s.code().equalsIgnoreCase(code)).findFirst().orElse(null);
        Long keyId = hall == null ? null : keys.open(hall.id(), key).orElse(null);
        if (keyId == null) {
            if (!counted) {
                limits.consume(RateLimits.Kind.PUBLIC_READ_ADDRESS, request);
            }
            throw NotFoundException.of("screen key");
        }
        return new Opened(hall, keyId);
    }

    private java.util.List<org.hallsafe.notice.PublishedNotice> notices(Opened o) {
        return notices.published(o.hall().id(), Channel.SCREEN, clock.instant());
    }

    /** An item and when it can next be booked, in words: 今天 14:30, 明天 09:00, or the date. */
    record NextSlot(String item, String when) {
    }

    private String when(Instant at, java.time.LocalDate today) {
        java.time.LocalDate day = at.atZone(clock.getZone()).toLocalDate();
        String word = day.equals(today) ? "display.today" : day.equals(today.plusDays(1)) ? "display.tomorrow" : null;
        return word == null ? formats.dateTime(at)
                : messages.getMessage(word, null, LocaleContextHolder.getLocale()) + " " + formats.time(at);
    }

    private void page(Opened o, String key, Model model) {
        model.addAttribute("hall", o.hall());
        model.addAttribute("key", key);
    }

    private void figures(Opened o, Model model) {
        long site = o.hall().id();
        model.addAttribute("screened", today.screenedToday(site));
        model.addAttribute("bookedNow", queue.bookedNow(site));
        model.addAttribute("waiting", queue.waiting(site));
        java.time.LocalDate day = java.time.LocalDate.now(clock);
        model.addAttribute("nextFree", queue.nextFree(site, properties.popularItems()).stream()
                .map(f -> new NextSlot(f.itemName(), f.startsAt().map(at -> when(at, day)).orElse(null))).toList());
    }
}
