package org.hallsafe.audit;

import java.time.Clock;
import java.util.List;

import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit page: who did what, when and from where, searchable by person, action and date. */
@Controller
class AuditController {

    static final int PAGE = 50;
    static final List<String> ACTIONS = List.of("SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN_REFUSED_LOCKED",
            "SIGN_IN_REFUSED_DISABLED", "PERSONAL_DATA_READ", "ACCOUNT_CREATED", "ACCOUNT_PASSWORD_CHANGED",
            "ACCOUNT_ENABLED", "ACCOUNT_DISABLED", "CREATED", "UPDATED", "RETIRED", "MEASURE_OWNERS_CHANGED",
            "INCIDENT_REPORTED", "INCIDENT_ACKNOWLEDGED", "INCIDENT_NOTE", "INCIDENT_CLOSED", "LEDGER_PRINTED",
            "LEDGER_EXPORTED", "PERSONAL_DATA_LOOKUP", "RETENTION_PURGE");

    private final AuditLog log;
    private final AuditChain chain;
    private final Clock clock;

    AuditController(AuditLog log, AuditChain chain, Clock clock) {
        this.log = log;
        this.chain = chain;
        this.clock = clock;
    }

    /** The bureau administrator checks every hall's hash chain. */
    @GetMapping("/audit/verify")
    @PreAuthorize("hasRole('BUREAU_ADMIN')")
    String verify(Model model) {
        model.addAttribute("result", chain.verify());
        return "audit-verify";
    }

    @GetMapping("/audit")
    @RequiresPermission(Permissions.AUDIT_VIEW)
    String audit(AuditLog.Filter filter, Model model) {
        // rows of no hall (the system's jobs, unknown user names) are the bureau's to see
        boolean withSystem = CurrentUser.get().role() == org.hallsafe.platform.Role.BUREAU_ADMIN;
        List<AuditLog.Entry> entries = log.search(CurrentUser.get().siteId(), withSystem, filter, clock.getZone(), PAGE + 1);
        boolean more = entries.size() > PAGE;
        List<AuditLog.Entry> page = more ? entries.subList(0, PAGE) : entries;
        model.addAttribute("entries", page);
        model.addAttribute("filter", filter);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("nextBefore", more ? page.get(page.size() - 1).id() : null);
        return "audit";
    }
}
