package org.hallsafe.hygiene;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.HandoverForm;
import org.hallsafe.hygiene.HygieneForms.VentilationForm;
import org.hallsafe.hygiene.HygieneForms.WasteForm;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.platform.Spreadsheets;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hygiene pages: what is due now (tap a zone), the prefilled record form (tap save), coverage zone by zone, airing
 * and waste with the medical-waste handover ledger, the day's report, and the zones with their plans.
 */
@Controller
class HygienePages {

    private static final long MAX_PHOTO = 5L * 1024 * 1024;

    private final Hygiene hygiene;
    private final Coverage coverage;
    private final AiringAndWaste airingAndWaste;
    private final HygieneReport report;
    private final Directory directory;
    private final Clock clock;
    private final Spreadsheets spreadsheets;

    HygienePages(Hygiene hygiene, Coverage coverage, AiringAndWaste airingAndWaste, HygieneReport report, Directory directory, Clock clock,
            Spreadsheets spreadsheets) {
        this.hygiene = hygiene;
        this.coverage = coverage;
        this.airingAndWaste = airingAndWaste;
        this.report = report;
        this.directory = directory;
        this.clock = clock;
        this.spreadsheets = spreadsheets;
    }

    @GetMapping("/hygiene")
    @RequiresPermission(Permissions.HYGIENE_RECORD)
    String due(SignedIn who, Model model) {
        model.addAttribute("zones", coverage.now(who.siteId()));
        return "hygiene/due";
    }

    @GetMapping("/hygiene/record")
    @RequiresPermission(Permissions.HYGIENE_RECORD)
    String record(SignedIn who, @RequestParam(required = false) Long zone, Model model) {
        Hygiene.Zone z = zone == null ? null : hygiene.zone(who.siteId(), zone);
        model.addAttribute("form", new DisinfectionForm(UUID.randomUUID(), zone, z == null ? null : z.firstMethod(),
                z == null ? null : z.concentration(), who.displayName(), null));
        return recordPage(who, model);
    }

    @PostMapping("/hygiene/disinfections")
    @RequiresPermission(Permissions.HYGIENE_RECORD)
    String disinfect(SignedIn who, @Valid @ModelAttribute("form") DisinfectionForm form, BindingResult binding,
            @RequestParam(name = "photo", required = false) MultipartFile photo, Model model, RedirectAttributes redirect)
            throws IOException  {
        String photoType = photo == null || photo.isEmpty() ? null : org.hallsafe.platform.ImageTypes.of(photo.getBytes());
        if (photo != null && !photo.isEmpty() && (photo.getSize() > MAX_PHOTO || photoType == null)) {
            binding.reject("hygiene.photo.invalid");
            model.addAttribute("photoProblem", true);
        }
        byte[] bytes = photoType == null ? null : photo.getBytes();
        if (FormSubmission.done(binding, () -> hygiene.disinfect(who.siteId(), form, photoType, bytes))) {
            redirect.addFlashAttribute("recorded", hygiene.zone(who.siteId(), form.zoneId()).name());
            return "redirect:/hygiene";
        }
        return recordPage(who, model);
    }

    private String recordPage(SignedIn who, Model model) {
        model.addAttribute("zones", hygiene.zones(who.siteId()));
        model.addAttribute("methods", HygieneForms.Method.values());
        return "hygiene/record";
    }

    @GetMapping("/hygiene/photos/{id}")
    @RequiresPermission(Permissions.HYGIENE_VIEW)
    ResponseEntity<byte[]> photo(SignedIn who, @PathVariable long id) {
        return hygiene.photo(who.siteId(), id)
                .map(p -> ResponseEntity.ok().header("Content-Type", p.contentType())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "default-src 'none'; sandbox").body(p.bytes()))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/hygiene/coverage")
    @RequiresPermission(Permissions.HYGIENE_VIEW)
    String coverage(SignedIn who, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("zones", coverage.now(who.siteId()));
        model.addAttribute("flags", coverage.flags(who.siteId(), 20));
        return htmx != null ? "hygiene/coverage :: grid" : "hygiene/coverage";
    }

    // ---- airing and waste

    @GetMapping("/hygiene/waste")
    @RequiresPermission(Permissions.HYGIENE_RECORD)
    String waste(SignedIn who, Model model) {
        return wastePage(who, model);
    }

    @PostMapping("/hygiene/ventilations")
    @RequiresPermission(Permissions.HYGIENE_RECORD)
    String ventilate(SignedIn who, @Valid @ModelAttribute("ventilation") VentilationForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> airingAndWaste.ventilate(who.siteId(), form))) {
            redirect.addFlashAttribute("done", "hygiene.ventilation.done");
            return "redirect:/hygiene/waste";
        }
        return wastePage(who, model);
    }

    @PostMapping("/hygiene/waste-removals")
    @RequiresPermission(Permissions.HYGIENE_RECORD)
    String removeWaste(SignedIn who, @Valid @ModelAttribute("waste") WasteForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> airingAndWaste.removeWaste(who.siteId(), form))) {
            redirect.addFlashAttribute("done", "hygiene.waste.done");
            return "redirect:/hygiene/waste";
        }
        return wastePage(who, model);
    }

    @PostMapping("/hygiene/handovers")
    @RequiresPermission(Permissions.HYGIENE_RECORD)
    String handOver(SignedIn who, @Valid @ModelAttribute("handover") HandoverForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> airingAndWaste.handOver(who.siteId(), form))) {
            redirect.addFlashAttribute("done", "hygiene.handover.done");
            return "redirect:/hygiene/waste";
        }
        return wastePage(who, model);
    }

    /** The page of three forms: the one just sent keeps what was typed, the others start fresh. */
    private String wastePage(SignedIn who, Model model) {
        String me = who.displayName();
        if (!model.containsAttribute("ventilation")) {
            model.addAttribute("ventilation", new VentilationForm(null, 30, me));
        }
        if (!model.containsAttribute("waste")) {
            model.addAttribute("waste", new WasteForm(null, 1, me));
        }
        if (!model.containsAttribute("handover")) {
            model.addAttribute("handover", new HandoverForm(1, null, me, "", ""));
        }
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("zones", hygiene.zones(who.siteId()));
        model.addAttribute("aired", airingAndWaste.aired(who.siteId(), today));
        model.addAttribute("removed", airingAndWaste.removed(who.siteId(), today));
        model.addAttribute("handovers", airingAndWaste.handovers(who.siteId(), today));
        return "hygiene/waste";
    }

    // ---- the day's report

    @GetMapping("/hygiene/report")
    @RequiresPermission(Permissions.HYGIENE_VIEW)
    String report(SignedIn who, @RequestParam(required = false) LocalDate day,
            @RequestParam(required = false) Long section, Model model) {
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", d);
        // one section's zones: the records a cell of the responsibility matrix counted (issue 16 item 2)
        model.addAttribute("section", section == null ? null : directory.department(who.siteId(), section));
        HygieneReport.Day report = this.report.day(who.siteId(), d);
        model.addAttribute("zones", report.zones().stream()
                .filter(z -> section == null || section.equals(z.zone().departmentId())).toList());
        model.addAttribute("uncovered", report.uncovered().stream()
                .filter(z -> section == null || section.equals(z.departmentId())).toList());
        model.addAttribute("aired", report.aired());
        model.addAttribute("removed", report.removed());
        model.addAttribute("handovers", report.handovers());
        model.addAttribute("backfilledOnly", coverage.covered(who.siteId(), d, true));
        return "hygiene/report";
    }

    @GetMapping("/hygiene/report/export.xlsx")
    @RequiresPermission(Permissions.HYGIENE_VIEW)
    void export(SignedIn who, @RequestParam(required = false) LocalDate day, HttpServletResponse response) throws IOException  {
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        Locale locale = LocaleContextHolder.getLocale();
        spreadsheets.download(response, "hygiene-" + d, locale,
                book -> report.fill(book, who.siteId(), d, directory.site(who.siteId()).name(), locale));
    }

    /** The day's report on A4 landscape paper: the same ledgers as the export (issue 20, item 4). */
    @GetMapping("/hygiene/report/print")
    @RequiresPermission(Permissions.HYGIENE_VIEW)
    String print(SignedIn who, @RequestParam(required = false) LocalDate day, Model model) throws IOException {
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        Locale locale = LocaleContextHolder.getLocale();
        return spreadsheets.print(model, locale,
                book -> report.fill(book, who.siteId(), d, directory.site(who.siteId()).name(), locale));
    }

    // ---- zones

    @GetMapping("/hygiene/zones")
    @RequiresPermission(Permissions.HYGIENE_ZONES)
    String zones(SignedIn who, Model model) {
        model.addAttribute("zones", hygiene.zones(who.siteId()));
        return "hygiene/zones";
    }

    @GetMapping("/hygiene/zones/new")
    @RequiresPermission(Permissions.HYGIENE_ZONES)
    String newZone(SignedIn who, Model model) {
        model.addAttribute("form", new ZoneForm("", HygieneForms.ZoneType.OFFICE, null, List.of(HygieneForms.Method.MOP_84),
                500, 240, 120));
        return zoneForm(who, model, null);
    }

    @GetMapping("/hygiene/zones/{id}/edit")
    @RequiresPermission(Permissions.HYGIENE_ZONES)
    String editZone(SignedIn who, @PathVariable long id, Model model) {
        Hygiene.Zone z = hygiene.zone(who.siteId(), id);
        model.addAttribute("form", new ZoneForm(z.name(), z.zoneType(), z.departmentId(), z.methods(), z.concentration(),
                z.intervalMinutes(), z.ventilationMinutes()));
        return zoneForm(who, model, id);
    }

    @PostMapping({"/hygiene/zones", "/hygiene/zones/{id}"})
    @RequiresPermission(Permissions.HYGIENE_ZONES)
    String saveZone(SignedIn who, @PathVariable(required = false) Long id, @Valid @ModelAttribute("form") ZoneForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> hygiene.saveZone(who.siteId(), id, form))) {
            redirect.addFlashAttribute("saved", form.name());
            return "redirect:/hygiene/zones";
        }
        return zoneForm(who, model, id);
    }

    @PostMapping("/hygiene/zones/{id}/retire")
    @RequiresPermission(Permissions.HYGIENE_ZONES)
    String retireZone(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        hygiene.retireZone(who.siteId(), id);
        redirect.addFlashAttribute("retiredName", hygiene.zone(who.siteId(), id).name());
        return "redirect:/hygiene/zones";
    }

    private String zoneForm(SignedIn who, Model model, Long id) {
        model.addAttribute("id", id);
        model.addAttribute("types", HygieneForms.ZoneType.values());
        model.addAttribute("methods", HygieneForms.Method.values());
        model.addAttribute("sections", directory.departments(who.siteId(), null, "", false));
        return "hygiene/zone-form";
    }
}
