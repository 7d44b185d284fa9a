package org.hallsafe.screening;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.PersonNames;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.platform.Spreadsheets;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The ledger pages: search, one line in full, Excel export and the printed ledger. */
@Controller
@RequiresPermission(Permissions.LEDGER_VIEW)
class LedgerPages {

    private static final int PRINT_LIMIT = 2000;

    private final Ledger ledger;
    private final LedgerPeople people;
    private final Directory directory;
    private final ActivityLog activity;
    private final java.time.Clock clock;
    private final PersonNames names;
    private final Spreadsheets spreadsheets;

    LedgerPages(Ledger ledger, LedgerPeople people, Directory directory, ActivityLog activity, java.time.Clock clock,
            PersonNames names, Spreadsheets spreadsheets) {
        this.names = names;
        this.spreadsheets = spreadsheets;
        this.ledger = ledger;
        this.people = people;
        this.directory = directory;
        this.activity = activity;
        this.clock = clock;
    }

    @GetMapping("/screening/ledger")
    String ledger(SignedIn who, Ledger.Filter filter, Model model) {
        Ledger.Filter f = withDefaults(filter);
        List<Ledger.Line> lines = ledger.page(who.siteId(), f);
        boolean more = lines.size() > Ledger.PAGE;
        List<Ledger.Line> page = more ? lines.subList(0, Ledger.PAGE) : lines;
        model.addAttribute("lines", page);
        model.addAttribute("filter", f);
        model.addAttribute("next", more ? page.get(page.size() - 1).cursor() : null);
        model.addAttribute("names", names.resolver());
        if (f.before() == null) {
            ledger.recordSearch(f, page.size());
        }
        model.addAttribute("personTypes", Gate.PersonType.values());
        model.addAttribute("decisions", Gate.Decision.values());
        return "screening/ledger";
    }

    @GetMapping("/screening/ledger/{id}")
    String line(SignedIn who, @PathVariable long id, Model model) {
        Ledger.Line line = ledger.line(who.siteId(), id);
        model.addAttribute("line", line);
        model.addAttribute("questioning", line.decision() == Gate.Decision.REFUSED ? ledger.questioning(who.siteId(), id) : List.of());
        return "screening/ledger-line";
    }

    /** htmx swaps a masked number for the full one; the read is written to the audit log. */
    @org.springframework.web.bind.annotation.PostMapping("/screening/ledger/{id}/reveal/{field}")
    @RequiresPermission(Permissions.PERSON_REVEAL)
    @org.springframework.web.bind.annotation.ResponseBody
    String reveal(SignedIn who, @PathVariable long id, @PathVariable String field) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(people.reveal(who.siteId(), id, field));
    }

    /** The printed ledger: A4 landscape, the hall and the dates on top, page numbers, a line to sign. */
    @GetMapping("/screening/ledger/print")
    String print(SignedIn who, Ledger.Filter filter, Model model) {
        Ledger.Filter f = withDefaults(filter);
        List<Ledger.Line> lines = new java.util.ArrayList<>();
        Ledger.Filter page = f;
        while (lines.size() < PRINT_LIMIT) {
            List<Ledger.Line> next = ledger.page(who.siteId(), page);
            lines.addAll(next.subList(0, Math.min(next.size(), Ledger.PAGE)));
            if (next.size() <= Ledger.PAGE) {
                break;
            }
            page = new Ledger.Filter(f.from(), f.to(), f.personType(), f.decision(), f.screener(),
                    next.get(Ledger.PAGE - 1).cursor(), f.person());
        }
        model.addAttribute("lines", lines);
        model.addAttribute("filter", f);
        model.addAttribute("hall", directory.site(who.siteId()).name());
        model.addAttribute("truncated", lines.size() >= PRINT_LIMIT);
        model.addAttribute("names", names.resolver());
        model.addAttribute("exported", spreadsheets.exported(LocaleContextHolder.getLocale()));
        ledger.recordSearch(f, lines.size());
        activity.record("LEDGER_PRINTED", "screening-ledger", null, f.from() + " – " + f.to() + " (" + lines.size() + ")");
        return "screening/ledger-print";
    }

    @GetMapping("/screening/ledger/export.xlsx")
    void export(SignedIn who, Ledger.Filter filter, HttpServletResponse response) throws IOException {
        Ledger.Filter f = withDefaults(filter);
        int rows = ledger.export(who.siteId(), f, directory.site(who.siteId()).name(), LocaleContextHolder.getLocale(),
                org.hallsafe.platform.Downloads.xlsx(response, "screening-ledger-" + f.from() + "_" + f.to()));
        activity.record("LEDGER_EXPORTED", "screening-ledger", null, f.from() + " – " + f.to() + " (" + rows + ")");
        ledger.recordSearch(f, rows);
    }

    /** Without dates the ledger shows the last seven days. */
    private Ledger.Filter withDefaults(Ledger.Filter f) {
        LocalDate today = LocalDate.now(clock);
        return new Ledger.Filter(f.from() == null ? today.minusDays(6) : f.from(), f.to() == null ? today : f.to(),
                f.personType(), f.decision(), f.screener(), f.before(), f.person());
    }
}
