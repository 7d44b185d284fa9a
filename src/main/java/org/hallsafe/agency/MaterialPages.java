package org.hallsafe.agency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.platform.InvalidInputException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's materials and commitment actions: check the materials, send the one-time notice (and print it),
 * accept, finish. A refused action shows the case page again (422) with the message beside the field and what was
 * chosen kept.
 */
@Controller
class MaterialPages {


    private final MaterialChecks checks;
    private final CaseFiles files;
    private final CaseLog log;
    private final ObjectProvider<CasePageSection> sections;

    MaterialPages(MaterialChecks checks, CaseFiles files, CaseLog log, ObjectProvider<CasePageSection> sections) {
        this.checks = checks;
        this.files = files;
        this.log = log;
        this.sections = sections;
    }

    /** Form fields {@code finding-<materialId>} and {@code note-<materialId>}, one pair per material on the page. */
    @PostMapping("/agency/cases/{id}/materials")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String check(SignedIn who, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        List<MaterialChecks.Material> materials = checks.of(who.siteId(), id);
        List<MaterialChecks.Mark> marks = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (MaterialChecks.Material m : materials) {
            String finding = form.get("finding-" + m.id());
            String note = form.getOrDefault("note-" + m.id(), "");
            if (finding == null || finding.isBlank()) {
                continue;
            }
            typed.put("finding-" + m.id(), finding);
            typed.put("note-" + m.id(), note);
            MaterialChecks.Finding f = null;
            try {
                f = MaterialChecks.Finding.valueOf(finding);
            } catch (IllegalArgumentException e) {
                problems.put("finding-" + m.id(), "typeMismatch.choice");
            }
            marks.add(new MaterialChecks.Mark(m.id(), f, note));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            boolean accepted = checks.check(who.siteId(), id, marks);
            redirect.addFlashAttribute("done", accepted ? "agency.accepted.done" : "agency.materials.done");
            return "redirect:/agency/cases/" + id + (accepted ? "#case-clock" : "#case-materials");
        } catch (InvalidInputException e) {
            // materials[i].x names the i-th mark: beside its material on the page
            e.problems().forEach((field, key) -> problems.put(pageField(field, marks), key));
            model.addAttribute("typed", typed);
            return refused(who, id, problems, model, response);
        }
    }

    @PostMapping("/agency/cases/{id}/notice")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String notice(SignedIn who, @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            MaterialChecks.Notice n = checks.sendNotice(who.siteId(), id);
            redirect.addFlashAttribute("done", "agency.notice.done");
            redirect.addFlashAttribute("printNotice", n.id());
            return "redirect:/agency/cases/" + id + "#case-materials";
        } catch (InvalidInputException e) {
            return refused(who, id, e.problems(), model, response);
        }
    }

    @PostMapping("/agency/cases/{id}/accept")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String accept(SignedIn who, @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            checks.accept(who.siteId(), id);
            redirect.addFlashAttribute("done", "agency.accepted.done");
            return "redirect:/agency/cases/" + id + "#case-clock";
        } catch (InvalidInputException e) {
            return refused(who, id, e.problems(), model, response);
        }
    }

    @PostMapping("/agency/cases/{id}/finish")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String finish(SignedIn who, @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            boolean onTime = checks.finish(who.siteId(), id);
            redirect.addFlashAttribute("done", onTime ? "agency.finish.onTime" : "agency.finish.late");
            return "redirect:/agency/cases/" + id + "#case-clock";
        } catch (InvalidInputException e) {
            return refused(who, id, e.problems(), model, response);
        }
    }

    /** The one-time notice on A4, to hand over or post with the case's code, everything needed and the hall. */
    @GetMapping("/agency/cases/{id}/notices/{notice}")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    String printNotice(SignedIn who, @PathVariable long id, @PathVariable long notice, Model model) {
        CaseFiles.CaseDetail detail = files.detail(who.siteId(), id);
        model.addAttribute("c", detail.summary());
        model.addAttribute("notice", checks.notice(who.siteId(), id, notice));
        return "agency/notice-print";
    }

    private String refused(SignedIn who, long id, Map<String, String> problems, Model model, HttpServletResponse response) {
        CaseFiles.CaseDetail detail = files.detail(who.siteId(), id);
        model.addAttribute("materialProblems", problems);
        model.addAttribute("case", detail);
        model.addAttribute("c", detail.summary());
        model.addAttribute("log", log.of(who.siteId(), id));
        sections.orderedStream().forEach(section -> section.addTo(who.siteId(), detail, model));
        response.setStatus(422);
        return "agency/case";
    }

    private static String pageField(String field, List<MaterialChecks.Mark> marks) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("materials\\[(\\d+)]\\.(\\w+)").matcher(field);
        if (m.matches() && Integer.parseInt(m.group(1)) < marks.size()) {
            String part = "note".equals(m.group(2)) ? "note-" : "finding-";
            return part + marks.get(Integer.parseInt(m.group(1))).materialId();
        }
        return field;
    }

}
