package org.hallsafe.incident;

import java.sql.Timestamp;
import java.time.Clock;

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

    IncidentPages(Incidents incidents, JdbcClient jdbc, Clock clock, org.hallsafe.platform.Deliveries deliveries) {
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    /** The list; a live update re-fetches only its rows (htmx). */
    @GetMapping("/incidents")
    String list(SignedIn who, @RequestParam(required = false) Incidents.Status status, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("incidents", incidents.list(who.siteId(), status, 200));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Incidents.Status.values());
        return htmx != null ? "incident/list :: rows" : "incident/list";
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

    /** The count of unread notifications, in the navigation bar; live updates re-fetch it. */
    @GetMapping("/notifications/badge")
    String badge(Model model) {
        model.addAttribute("unread", jdbc.sql("SELECT count(*) FROM notifications WHERE account_id = :account AND read_at IS NULL")
                .param("account", CurrentUser.get().accountId()).query(Integer.class).single());
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
