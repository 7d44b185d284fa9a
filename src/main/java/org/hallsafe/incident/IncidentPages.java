package org.hallsafe.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leadership group's incident pages: the live list, one incident with its follow-up, and my notifications. */
@Controller
@RequiresPermission(Permissions.INCIDENT_VIEW)
class IncidentPages {


    private final Incidents incidents;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.hallsafe.platform.Deliveries deliveries;
    private final IncidentBoard board;

    IncidentPages(Incidents incidents, JdbcClient jdbc, Clock clock, org.hallsafe.platform.Deliveries deliveries,
            IncidentBoard board) {
        this.board = board;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    /** Title keys whose repeats within one hour the list gathers under one line (issue 20, item 2). */
    static final java.util.Set<String> GROUPED_BY_HOUR = java.util.Set.of("gate.incident.title.noMask");

    /** One line of the list: an incident, or several of the same kind within one hour (expandable). */
    record Entry(Incidents.Incident incident, String groupKey, Instant hour, List<Incidents.Incident> members, int groupTotal) {
    }

    /** The list, 50 a page, its filters in the URL; a live update re-fetches only its rows (htmx). */
    @GetMapping("/incidents")
    String list(SignedIn who, @RequestParam(required = false) Incidents.Status status,
            @RequestParam(defaultValue = "false") boolean unack, @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "0") int page, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        IncidentBoard.Filter filter = filter(status, unack, source, day);
        int at = Math.max(0, Math.min(page, 100_000));
        IncidentBoard.Page rows = board.page(who.siteId(), filter, at * IncidentBoard.PAGE);
        model.addAttribute("entries", entries(who.siteId(), filter, rows.rows()));
        model.addAttribute("total", rows.total());
        model.addAttribute("page", at);
        model.addAttribute("pages", Math.max(1, (rows.total() + IncidentBoard.PAGE - 1) / IncidentBoard.PAGE));
        model.addAttribute("filter", filter);
        model.addAttribute("status", filter.status());
        model.addAttribute("statuses", Incidents.Status.values());
        model.addAttribute("sources", board.sources(who.siteId()));
        return htmx != null ? "incident/list :: rows" : "incident/list";
    }

    /** Acknowledges the ticked incidents, or all matching the filter, with one note; back to the same list. */
    @PostMapping("/incidents/acknowledge")
    @RequiresPermission(Permissions.INCIDENT_HANDLE)
    String acknowledgeAll(SignedIn who, @RequestParam(required = false) List<Long> ids,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) Incidents.Status status,
            @RequestParam(defaultValue = "false") boolean unack, @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        IncidentBoard.Filter filter = filter(status, unack, source, day);
        try {
            int n = board.acknowledgeAll(who.siteId(), all ? null : (ids == null ? List.of() : ids), filter, note);
            redirect.addFlashAttribute("acknowledgedCount", n);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
            redirect.addFlashAttribute("note", note.length() > 2000 ? note.substring(0, 2000) : note);
        }
        redirect.addAttribute("unack", String.valueOf(filter.unacknowledged()));
        if (filter.status() != null) {
            redirect.addAttribute("status", filter.status().name());
        }
        if (filter.source() != null) {
            redirect.addAttribute("source", filter.source());
        }
        if (filter.day() != null) {
            redirect.addAttribute("day", filter.day().toString());
        }
        return "redirect:/incidents";
    }

    /** A filter from the URL; a value that cannot be one (a mistyped day, a long source) is left out. */
    private static IncidentBoard.Filter filter(Incidents.Status status, boolean unack, String source, String day) {
        LocalDate date = null;
        try {
            date = day.isBlank() ? null : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            // an unreadable day filters nothing
        }
        String from = source.isBlank() || source.length() > 40 ? null : source.strip();
        return new IncidentBoard.Filter(status, unack, from, date);
    }

    /** Consecutive incidents of a grouped kind within the same clock hour become one entry, when there are two or more. */
    private List<Entry> entries(long siteId, IncidentBoard.Filter filter, List<Incidents.Incident> rows) {
        List<Entry> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            Incidents.Incident first = rows.get(i);
            int j = i + 1;
            if (first.titleKey() != null && GROUPED_BY_HOUR.contains(first.titleKey())) {
                Instant hour = hour(first.reportedAt());
                while (j < rows.size() && first.titleKey().equals(rows.get(j).titleKey())
                        && hour.equals(hour(rows.get(j).reportedAt()))) {
                    j++;
                }
                if (j - i >= 2) {
                    out.add(new Entry(null, first.titleKey(), hour, List.copyOf(rows.subList(i, j)),
                            board.sameInHour(siteId, filter, first.titleKey(), hour)));
                    i = j;
                    continue;
                }
            }
            out.add(new Entry(first, null, null, List.of(), 1));
            i = i + 1;
        }
        return out;
    }

    private Instant hour(Instant at) {
        return at.atZone(clock.getZone()).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    @GetMapping("/incidents/{id}")
    String detail(SignedIn who, @PathVariable long id, Model model) {
        model.addAttribute("incident", incidents.get(who.siteId(), id));
        Incidents.Record record = incidents.record(who.siteId(), id);
        model.addAttribute("details", record.details());
        model.addAttribute("notes", record.notes());
        // each SMS to each person, with its state: sent, retrying or failed (issue 19, item 3)
        model.addAttribute("deliveries", deliveries.of(who.siteId(), SmsChannel.SOURCE, String.valueOf(id)));
        jdbc.sql("UPDATE notifications SET read_at = :now WHERE account_id = :account AND incident_id = :id AND read_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("account", CurrentUser.get().accountId())
                .param("id", id).update();
        return "incident/detail";
    }

    @PostMapping("/incidents/{id}/acknowledge")
    @RequiresPermission(Permissions.INCIDENT_HANDLE)
    String acknowledge(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> incidents.acknowledge(who.siteId(), id), "incident.acknowledged.done");
    }

    @PostMapping("/incidents/{id}/notes")
    @RequiresPermission(Permissions.INCIDENT_HANDLE)
    String note(SignedIn who, @PathVariable long id, @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> incidents.note(who.siteId(), id, body), "incident.note.done");
    }

    @PostMapping("/incidents/{id}/close")
    @RequiresPermission(Permissions.INCIDENT_HANDLE)
    String close(SignedIn who, @PathVariable long id, @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> incidents.close(who.siteId(), id, body), "incident.closed.done");
    }

    /** The count of unacknowledged incidents of the hall, in the navigation bar; live updates re-fetch it. */
    @GetMapping("/notifications/badge")
    String badge(SignedIn who, Model model) {
        model.addAttribute("unread", board.unacknowledged(who.siteId()));
        return "incident/list :: badge";
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String doneKey) {
        try {
            action.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/incidents/" + id;
    }
}
