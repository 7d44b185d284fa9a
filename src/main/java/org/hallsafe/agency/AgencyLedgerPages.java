package org.hallsafe.agency;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.agency.AgencyLedger.Filter;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The agency ledger (代办台账): filters, figures, the lines; its Excel file and its print view. */
@Controller
class AgencyLedgerPages {

    private final AgencyLedger ledger;
    private final AgencyLedgerExport export;
    private final Catalogue catalogue;
    private final Directory directory;

    AgencyLedgerPages(AgencyLedger ledger, AgencyLedgerExport export, Catalogue catalogue, Directory directory) {
        this.ledger = ledger;
        this.export = export;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    @GetMapping("/agency/ledger")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    String page(@ModelAttribute("filter") Filter filter, SignedIn who, Model model) {
        long site = who.siteId();
        Filter f = ledger.withDefaults(filter);
        var lines = ledger.lines(site, f, Integer.MAX_VALUE);
        model.addAttribute("filter", f);
        model.addAttribute("figures", AgencyLedger.figures(lines));
        model.addAttribute("lines", lines.size() > AgencyLedger.PAGE_LIMIT ? lines.subList(0, AgencyLedger.PAGE_LIMIT) : lines);
        model.addAttribute("truncated", lines.size() > AgencyLedger.PAGE_LIMIT);
        model.addAttribute("items", catalogue.items(site, true).stream().filter(Catalogue.Item::agency).toList());
        model.addAttribute("sections", ledger.sections(site));
        model.addAttribute("states", AgencyCases.State.values());
        model.addAttribute("timings", AgencyLedger.Timing.values());
        return "agency/ledger";
    }

    @GetMapping("/agency/ledger/print")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    String print(@ModelAttribute("filter") Filter filter, SignedIn who, Model model) {
        long site = who.siteId();
        Filter f = ledger.withDefaults(filter);
        var lines = ledger.lines(site, f, Integer.MAX_VALUE);
        model.addAttribute("filter", f);
        model.addAttribute("figures", AgencyLedger.figures(lines));
        model.addAttribute("lines", lines);
        model.addAttribute("hall", directory.site(site).name());
        model.addAttribute("exported", export.exported(LocaleContextHolder.getLocale()));
        return "agency/ledger-print";
    }

    @GetMapping("/agency/ledger/export.xlsx")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    void export(@ModelAttribute("filter") Filter filter, SignedIn who, HttpServletResponse response) throws IOException {
        long site = who.siteId();
        Filter f = ledger.withDefaults(filter);
        var lines = ledger.lines(site, f, Integer.MAX_VALUE);
        export.download(lines, f, directory.site(site).name(), LocaleContextHolder.getLocale(), response);
    }
}
