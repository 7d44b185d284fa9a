package org.hallsafe.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The responsibility matrix (R-ORG-2), and the page where an admin names a measure's responsible sections. */
@Controller
class MeasurePages {

    private final Measures measures;
    private final Directory directory;

    private final Clock clock;

    MeasurePages(Measures measures, Directory directory, Clock clock) {
        this.clock = clock;
        this.measures = measures;
        this.directory = directory;
    }

    @GetMapping("/org/measures")
    @RequiresPermission(Permissions.MEASURE_VIEW)
    String matrix(SignedIn who, @RequestParam(required = false) LocalDate day, Model model) {
        LocalDate today = LocalDate.now(clock);
        // any past day; a day still to come shows today (nothing is recorded ahead)
        LocalDate shown = day == null || day.isAfter(today) ? today : day;
        model.addAttribute("matrix", measures.matrix(who.siteId(), sections(who), directory.windows(who.siteId(), "", false), shown));
        model.addAttribute("today", today);
        model.addAttribute("sectionNames", directory.departmentNames(who.siteId()));
        return "org/measures";
    }

    @GetMapping("/org/measures/{code}/owners")
    @RequiresPermission(Permissions.MEASURE_EDIT)
    String owners(SignedIn who, @PathVariable String code, Model model) {
        PlanMeasure measure = PlanMeasure.of(code);
        model.addAttribute("measure", measure);
        model.addAttribute("sections", sections(who));
        model.addAttribute("owners", measures.owners(who.siteId()).getOrDefault(measure.code(), new HashSet<>()));
        return "org/measure-owners";
    }

    @PostMapping("/org/measures/{code}/owners")
    @RequiresPermission(Permissions.MEASURE_EDIT)
    String saveOwners(SignedIn who, @PathVariable String code,
            @RequestParam(name = "section", required = false) List<Long> sections,
            RedirectAttributes redirect) {
        measures.setOwners(who.siteId(), PlanMeasure.of(code), sections == null ? new HashSet<>() : new HashSet<>(sections));
        redirect.addFlashAttribute("savedMeasure", code);
        return "redirect:/org/measures";
    }

    private List<Views.DepartmentView> sections(SignedIn who) {
        return directory.departments(who.siteId(), DepartmentKind.SECTION, "", false);
    }
}
