package org.hallsafe.agency;

import java.time.Clock;
import java.time.LocalDate;

import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's agency pages: the list of cases by state with where each file is now, and a case's page, whose
 * sections (materials and clock, post, custody chain) are fragments filled by {@link CasePageSection}s.
 */
@Controller
class AgencyPages {

    private final AgencyCases cases;
    private final CaseFiles files;
    private final CaseLog log;
    private final ObjectProvider<CasePageSection> sections;

    private final Directory directory;
    private final Clock clock;

    AgencyPages(AgencyCases cases, CaseFiles files, CaseLog log, ObjectProvider<CasePageSection> sections,
            Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.cases = cases;
        this.files = files;
        this.log = log;
        this.sections = sections;
    }

    @GetMapping("/agency")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    String list(@RequestParam(required = false) State state, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) Long section, @RequestParam(required = false) LocalDate day,
            SignedIn who, Model model) {
        // the office's question: which cases are past their limit, and who holds each file (issue 14, done when)
        if (section != null) {
            // the cases a cell of the responsibility matrix counted (issue 16 item 2)
            LocalDate d = day == null ? LocalDate.now(clock) : day;
            model.addAttribute("section", directory.department(who.siteId(), section));
            model.addAttribute("day", d);
            model.addAttribute("rows", cases.counted(who.siteId(), section, d.atStartOfDay(clock.getZone()).toInstant(),
                    d.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), 300));
        } else {
            model.addAttribute("rows", overdue
                    ? cases.cases(who.siteId(), State.ACCEPTED, 300).stream().filter(AgencyCases.CaseSummary::overdue).toList()
                    : cases.cases(who.siteId(), state, 300));
        }
        model.addAttribute("state", overdue ? null : state);
        model.addAttribute("overdue", overdue);
        model.addAttribute("states", State.values());
        return "agency/list";
    }

    @GetMapping("/agency/cases/{id}")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    String show(@PathVariable long id, SignedIn who, Model model) {
        CaseFiles.CaseDetail detail = files.detail(who.siteId(), id);
        model.addAttribute("case", detail);
        model.addAttribute("c", detail.summary());
        model.addAttribute("log", log.of(who.siteId(), id));
        sections.orderedStream().forEach(section -> section.addTo(who.siteId(), detail, model));
        return "agency/case";
    }

    /**
     * The applicant, phone and return address in plain, for a person who may reveal personal data (every role that
     * does also sees agency cases); each field read is audited.
     */
    @PostMapping("/agency/cases/{id}/reveal")
    @RequiresPermission(Permissions.PERSON_REVEAL)
    String reveal(@PathVariable long id, SignedIn who, Model model) {
        model.addAttribute("revealed", files.reveal(who.siteId(), id));
        return "agency/case :: revealed";
    }
}
