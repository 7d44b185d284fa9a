package org.hallsafe.agency;

import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.platform.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
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

    static final String VIEW = "hasAuthority(T(org.hallsafe.platform.Permissions).AGENCY_VIEW)";
    static final String HANDLE = "hasAuthority(T(org.hallsafe.platform.Permissions).AGENCY_HANDLE)";
    static final String EDIT = "hasAuthority(T(org.hallsafe.platform.Permissions).AGENCY_EDIT)";
    private static final String REVEAL = "hasAuthority(T(org.hallsafe.platform.Permissions).AGENCY_VIEW)"
            + " and hasAuthority(T(org.hallsafe.platform.Permissions).PERSON_REVEAL)";

    private final AgencyCases cases;
    private final CaseFiles files;
    private final CaseLog log;
    private final ObjectProvider<CasePageSection> sections;

    AgencyPages(AgencyCases cases, CaseFiles files, CaseLog log, ObjectProvider<CasePageSection> sections) {
        this.cases = cases;
        this.files = files;
        this.log = log;
        this.sections = sections;
    }

    @GetMapping("/agency")
    @PreAuthorize(VIEW)
    String list(@RequestParam(required = false) State state, Model model) {
        model.addAttribute("rows", cases.cases(site(), state, 300));
        model.addAttribute("state", state);
        model.addAttribute("states", State.values());
        return "agency/list";
    }

    @GetMapping("/agency/cases/{id}")
    @PreAuthorize(VIEW)
    String show(@PathVariable long id, Model model) {
        CaseFiles.CaseDetail detail = files.detail(site(), id);
        model.addAttribute("case", detail);
        model.addAttribute("c", detail.summary());
        model.addAttribute("log", log.of(site(), id));
        sections.orderedStream().forEach(section -> section.addTo(site(), detail, model));
        return "agency/case";
    }

    /** The applicant, phone and return address in plain, for a person who may see them; the read is audited. */
    @PostMapping("/agency/cases/{id}/reveal")
    @PreAuthorize(REVEAL)
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("revealed", files.reveal(site(), id));
        return "agency/case :: revealed";
    }

    static long site() {
        return CurrentUser.get().siteId();
    }
}
