package org.hallsafe.organization;

import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.Permissions;
import java.util.HashSet;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.hallsafe.organization.DirectoryPages.site;

/** The responsibility matrix (R-ORG-2), and the page where an admin names a measure's responsible sections. */
@Controller
class MeasurePages {

    private final Measures measures;
    private final Directory directory;

    MeasurePages(Measures measures, Directory directory) {
        this.measures = measures;
        this.directory = directory;
    }

    @GetMapping("/org/measures")
    @RequiresPermission(Permissions.MEASURE_VIEW)
    String matrix(Model model) {
        model.addAttribute("matrix", measures.matrix(site(), sections()));
        return "org/measures";
    }

    @GetMapping("/org/measures/{code}/owners")
    @RequiresPermission(Permissions.MEASURE_EDIT)
    String owners(@PathVariable String code, Model model) {
        PlanMeasure measure = PlanMeasure.of(code);
        model.addAttribute("measure", measure);
        model.addAttribute("sections", sections());
        model.addAttribute("owners", measures.owners(site()).getOrDefault(measure.code(), new HashSet<>()));
        return "org/measure-owners";
    }

    @PostMapping("/org/measures/{code}/owners")
    @RequiresPermission(Permissions.MEASURE_EDIT)
    String saveOwners(@PathVariable String code, @RequestParam(name = "section", required = false) List<Long> sections,
            RedirectAttributes redirect) {
        measures.setOwners(site(), PlanMeasure.of(code), sections == null ? new HashSet<>() : new HashSet<>(sections));
        redirect.addFlashAttribute("savedMeasure", code);
        return "redirect:/org/measures";
    }

    private List<Views.DepartmentView> sections() {
        return directory.departments(site(), DepartmentKind.SECTION, "", false);
    }
}
