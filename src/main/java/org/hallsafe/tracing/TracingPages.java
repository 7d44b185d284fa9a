package org.hallsafe.tracing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.PersonNames;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.tracing.TracingForms.StaysForm;
import org.hallsafe.tracing.TracingForms.TraceForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tracing pages: the start form with the recent traces, and a trace's visits and contacts. */
@Controller
@RequiresPermission(Permissions.TRACE_RUN)
class TracingPages {

    private final Traces traces;
    private final TraceSettings settings;
    private final StaffDirectory staff;
    private final Clock clock;
    private final PersonNames names;

    TracingPages(Traces traces, TraceSettings settings, StaffDirectory staff, Clock clock, PersonNames names) {
        this.names = names;
        this.traces = traces;
        this.settings = settings;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping("/tracing")
    String start(SignedIn who, Model model) {
        model.addAttribute("form", TraceForm.empty(LocalDate.now(clock)));
        TraceSettings.Stays stays = settings.of(who.siteId());
        model.addAttribute("stays", new StaysForm(stays.defaultStayMinutes(), stays.staffStayMinutes()));
        return page(who, model);
    }

    @PostMapping("/tracing")
    String trace(SignedIn who, @Valid @ModelAttribute("form") TraceForm form, BindingResult binding, Model model) {
        var trace = FormSubmission.save(binding, () -> traces.start(who, form.request()));
        if (trace.isPresent()) {
            return "redirect:/tracing/" + trace.get().id();
        }
        TraceSettings.Stays stays = settings.of(who.siteId());
        model.addAttribute("stays", new StaysForm(stays.defaultStayMinutes(), stays.staffStayMinutes()));
        return page(who, model);
    }

    @PostMapping("/tracing/settings")
    String saveStays(SignedIn who, @ModelAttribute("stays") StaysForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> settings.save(who.siteId(), who.username(), form.defaultStayMinutes(),
                form.staffStayMinutes()))) {
            redirect.addFlashAttribute("staysSaved", true);
            return "redirect:/tracing";
        }
        model.addAttribute("form", TraceForm.empty(LocalDate.now(clock)));
        return page(who, model);
    }

    /** How many contacts the page lists before 显示全部: a busy hall's trace has thousands; the export has them all. */
    static final int SHOWN = 100;

    /** A trace's page: its contacts of one kind or all, the closest {@link #SHOWN} unless all are asked for. */
    @GetMapping("/tracing/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "false") boolean all, SignedIn who, Model model) {
        Traces.Trace trace = traces.get(who, id);
        Map<Traces.ContactKind, Long> counts = new EnumMap<>(Traces.ContactKind.class);
        trace.contacts().forEach(c -> counts.merge(c.kind(), 1L, Long::sum));
        // a kind this trace has no contact of (or no kind at all) lists them all
        Traces.ContactKind only = counts.keySet().stream().filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        List<Traces.Contact> listed = trace.contacts().stream().filter(c -> only == null || c.kind() == only).toList();
        model.addAttribute("trace", trace);
        model.addAttribute("kind", only);
        model.addAttribute("counts", counts);
        model.addAttribute("listedTotal", listed.size());
        model.addAttribute("contacts", all ? listed : listed.subList(0, Math.min(SHOWN, listed.size())));
        model.addAttribute("names", names.resolver());
        return "tracing/result";
    }

    private String page(SignedIn who, Model model) {
        model.addAttribute("recent", traces.recent(who));
        model.addAttribute("names", names.resolver());
        model.addAttribute("people", staff.search(who.siteId(), "", null, false));
        model.addAttribute("docTypes", DocumentType.values());
        model.addAttribute("bys", Traces.By.values());
        return "tracing/start";
    }
}
