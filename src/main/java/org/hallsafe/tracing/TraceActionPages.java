package org.hallsafe.tracing;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.platform.Downloads;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bar under a trace's contacts (issue 17 item 4): export the list, tell the contacts, report to the leaders. */
@Controller
class TraceActionPages {

    private final TraceExport export;
    private final TraceNotices notices;
    private final TraceIncidents incidents;

    TraceActionPages(TraceExport export, TraceNotices notices, TraceIncidents incidents) {
        this.export = export;
        this.notices = notices;
        this.incidents = incidents;
    }

    @GetMapping("/tracing/{id}/contacts.xlsx")
    @RequiresPermission(Permissions.TRACE_RUN)
    void contacts(SignedIn who, @PathVariable long id, HttpServletResponse response) throws IOException {
        Traces.Trace trace = export.trace(who, id);
        export.export(who, trace, LocaleContextHolder.getLocale(), Downloads.xlsx(response, "trace-" + id + "-contacts"));
    }

    @PostMapping("/tracing/{id}/notify")
    @RequiresPermission(Permissions.TRACE_REVEAL)
    String notifyContacts(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notified", notices.notifyContacts(who, id));
        return "redirect:/tracing/" + id;
    }

    @PostMapping("/tracing/{id}/incident")
    @RequiresPermission(Permissions.TRACE_RUN)
    String report(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("reported", incidents.report(who, id));
        return "redirect:/tracing/" + id;
    }
}
