package org.hallsafe.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hallsafe.agency.AgencyCases.State;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case page's materials (checked against the list, the one-time notices), its incoming envelopes and its
 * countdown: fragments {@code agency/case-materials :: materials}, {@code agency/case-clock :: clock} and
 * {@code agency/case-post-in :: postIn}.
 */
@Component
@Order(10)
class MaterialsSection implements CasePageSection {

    /**
     * The countdown as the page shows it. {@code tone}: {@code none} before acceptance, {@code running}, {@code due}
     * (one working day or less left), {@code overdue}, {@code paused} (waiting on the citizen), {@code onTime} or
     * {@code late} once finished.
     */
    record ClockView(int limitDays, LocalDate acceptedOn, LocalDate dueOn, Integer daysLeft, int pausedDays,
            String tone, Long incidentId) {
    }

    private final MaterialChecks checks;
    private final MailRoom mail;
    private final CaseClocks clocks;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    MaterialsSection(MaterialChecks checks, MailRoom mail, CaseClocks clocks,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.checks = checks;
        this.mail = mail;
        this.clocks = clocks;
        this.jdbc = jdbc;
    }

    @Override
    public void addTo(long siteId, CaseFiles.CaseDetail detail, Model model) {
        long id = detail.id();
        State state = detail.summary().state();
        List<MaterialChecks.Material> materials = checks.of(siteId, id);
        List<MaterialChecks.Notice> notices = checks.notices(siteId, id);
        model.addAttribute("materials", materials);
        model.addAttribute("findings", MaterialChecks.Finding.values());
        model.addAttribute("notices", notices);
        model.addAttribute("envelopes", mail.ofCase(siteId, id));
        model.addAttribute("mayCheck", state == State.APPLIED || state == State.SUPPLEMENT || state == State.ACCEPTED);
        model.addAttribute("mayNotice", (state == State.APPLIED || state == State.ACCEPTED)
                && materials.stream().anyMatch(MaterialChecks.Material::wanted));
        model.addAttribute("mayAccept", (state == State.APPLIED || state == State.SUPPLEMENT)
                && materials.stream().allMatch(m -> "RECEIVED".equals(m.state())));
        model.addAttribute("mayFinish", state == State.ACCEPTED);
        if (!model.containsAttribute("materialProblems")) {
            model.addAttribute("materialProblems", Map.of());
        }
        // a refusal of the whole action (notice, accept, finish) above the list; a material's own beside it
        @SuppressWarnings("unchecked")
        Map<String, String> problems = (Map<String, String>) model.asMap().get("materialProblems");
        model.addAttribute("caseProblems", problems.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("note-") && !e.getKey().startsWith("finding-"))
                .map(Map.Entry::getValue).distinct().toList());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("clock", clock(siteId, detail));
    }

    ClockView clock(long siteId, CaseFiles.CaseDetail d) {
        State state = d.summary().state();
        LocalDate acceptedOn = d.acceptedAt() == null ? null : d.acceptedAt().atZone(clocks.zone()).toLocalDate();
        Integer left = clocks.daysLeft(siteId, d.id(), state, d.summary().dueOn());
        Long incident = jdbc.sql("SELECT overdue_incident_id FROM agency_cases WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", d.id())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1) == null ? null : rs.getLong(1))).optional()
                .flatMap(x -> x).orElse(null);
        String tone;
        if (state == State.DONE || state == State.SENT) {
            tone = Boolean.FALSE.equals(d.summary().onTime()) ? "late" : "onTime";
        } else if (acceptedOn == null || state == State.WITHDRAWN) {
            tone = "none";
        } else if (state == State.SUPPLEMENT) {
            tone = "paused";
        } else if (left != null && left < 0) {
            tone = "overdue";
        } else if (left != null && left <= 1) {
            tone = "due";
        } else {
            tone = "running";
        }
        return new ClockView(d.timeLimitDays(), acceptedOn, d.summary().dueOn(), left, d.pausedDays(), tone, incident);
    }
}
