package org.hallsafe.hygiene;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.hygiene.HygieneForms.HandoverForm;
import org.hallsafe.hygiene.HygieneForms.VentilationForm;
import org.hallsafe.hygiene.HygieneForms.WasteForm;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

    private static final String RECORD = "hasAuthority(T(org.hallsafe.platform.Permissions).HYGIENE_RECORD)";
    private static final String VIEW = "hasAuthority(T(org.hallsafe.platform.Permissions).HYGIENE_VIEW)";
    private static final String ZONES = "hasAuthority(T(org.hallsafe.platform.Permissions).HYGIENE_ZONES)";
    private static final long MAX_PHOTO = 5L * 1024 * 1024;

    private final Hygiene hygiene;
    private final Coverage coverage;
    private final AiringAndWaste airingAndWaste;
    private final HygieneReport report;
    private final Directory directory;
    private final Clock clock;

    HygienePages(Hygiene hygiene, Coverage coverage, AiringAndWaste airingAndWaste, HygieneReport report, Directory directory, Clock clock) {
        this.hygiene = hygiene;
        this.coverage = coverage;
        this.airingAndWaste = airingAndWaste;
        this.report = report;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/hygiene")
    @PreAuthorize(RECORD)
    String due(Model model) {
        model.addAttribute("zones", coverage.now(site()));
        return "hygiene/due";
    }

    @GetMapping("/hygiene/record")
    @PreAuthorize(RECORD)
    String record(@RequestParam(required = false) Long zone, Model model) {
        Hygiene.Zone z = zone == null ? null : hygiene.zone(site(), zone);
        model.addAttribute("form", new DisinfectionForm(UUID.randomUUID(), zone, z == null ? null : z.firstMethod(),
                z == null ? null : z.concentration(), CurrentUser.get().displayName(), null));
        return recordPage(model);
    }

    @PostMapping("/hygiene/disinfections")
    @PreAuthorize(RECORD)
    String disinfect(@Valid @ModelAttribute("form") DisinfectionForm form, BindingResult binding,
            @RequestParam(name = "photo", required = false) MultipartFile photo, Model model, RedirectAttributes redirect)
            throws IOException {
        String photoType = photo == null || photo.isEmpty() ? null : org.hallsafe.platform.ImageTypes.of(photo.getBytes());
        if (photo != null && !photo.isEmpty() && (photo.getSize() > MAX_PHOTO || photoType == null)) {
            binding.reject("hygiene.photo.invalid");
            model.addAttribute("photoProblem", true);
        }
        byte[] bytes = photoType == null ? null : photo.getBytes();
        if (FormSubmission.done(binding, () -> hygiene.disinfect(site(), form, photoType, bytes))) {
            redirect.addFlashAttribute("recorded", hygiene.zone(site(), form.zoneId()).name());
            return "redirect:/hygiene";
        }
        return recordPage(model);
    }

    private String recordPage(Model model) {
        model.addAttribute("zones", hygiene.zones(site()));
        model.addAttribute("methods", HygieneForms.Method.values());
        return "hygiene/record";
    }

    @GetMapping("/hygiene/photos/{id}")
    @PreAuthorize(VIEW)
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return hygiene.photo(site(), id)
                .map(p -> ResponseEntity.ok().header("Content-Type", p.contentType())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "default-src 'none'; sandbox").body(p.bytes()))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/hygiene/coverage")
    @PreAuthorize(VIEW)
    String coverage(Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("zones", coverage.now(site()));
        model.addAttribute("flags", coverage.flags(site(), 20));
        return htmx != null ? "hygiene/coverage :: grid" : "hygiene/coverage";
    }

    // ---- airing and waste

    @GetMapping("/hygiene/waste")
    @PreAuthorize(RECORD)
    String waste(Model model) {
        return wastePage(model);
    }

    @PostMapping("/hygiene/ventilations")
    @PreAuthorize(RECORD)
    String ventilate(@Valid @ModelAttribute("ventilation") VentilationForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> airingAndWaste.ventilate(site(), form))) {
            redirect.addFlashAttribute("done", "hygiene.ventilation.done");
            return "redirect:/hygiene/waste";
        }
        return wastePage(model);
    }

    @PostMapping("/hygiene/waste-removals")
    @PreAuthorize(RECORD)
    String removeWaste(@Valid @ModelAttribute("waste") WasteForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> airingAndWaste.removeWaste(site(), form))) {
            redirect.addFlashAttribute("done", "hygiene.waste.done");
            return "redirect:/hygiene/waste";
        }
        return wastePage(model);
    }

    @PostMapping("/hygiene/handovers")
    @PreAuthorize(RECORD)
    String handOver(@Valid @ModelAttribute("handover") HandoverForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> airingAndWaste.handOver(site(), form))) {
            redirect.addFlashAttribute("done", "hygiene.handover.done");
            return "redirect:/hygiene/waste";
        }
        return wastePage(model);
    }

    /** The page of three forms: the one just sent keeps what was typed, the others start fresh. */
    private String wastePage(Model model) {
        String me = CurrentUser.get().displayName();
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
        model.addAttribute("zones", hygiene.zones(site()));
        model.addAttribute("aired", airingAndWaste.aired(site(), today));
        model.addAttribute("removed", airingAndWaste.removed(site(), today));
        model.addAttribute("handovers", airingAndWaste.handovers(site(), today));
        return "hygiene/waste";
    }

    // ---- the day's report

    @GetMapping("/hygiene/report")
    @PreAuthorize(VIEW)
    String report(@RequestParam(required = false) LocalDate day, Model model) {
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", d);
        model.addAttribute("zones", coverage.on(site(), d, clock.instant()));
        model.addAttribute("uncovered", coverage.uncovered(site(), d));
        model.addAttribute("aired", airingAndWaste.aired(site(), d));
        model.addAttribute("removed", airingAndWaste.removed(site(), d));
        model.addAttribute("handovers", airingAndWaste.handovers(site(), d));
        return "hygiene/report";
    }

    @GetMapping("/hygiene/report/export.xlsx")
    @PreAuthorize(VIEW)
    void export(@RequestParam(required = false) LocalDate day, HttpServletResponse response) throws IOException {
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        report.export(site(), d, directory.site(site()).name(), LocaleContextHolder.getLocale(),
                org.hallsafe.platform.Downloads.xlsx(response, "hygiene-" + d));
    }

    // ---- zones

    @GetMapping("/hygiene/zones")
    @PreAuthorize(ZONES)
    String zones(Model model) {
        model.addAttribute("zones", hygiene.zones(site()));
        return "hygiene/zones";
    }

    @GetMapping("/hygiene/zones/new")
    @PreAuthorize(ZONES)
    String newZone(Model model) {
        model.addAttribute("form", new ZoneForm("", HygieneForms.ZoneType.OFFICE, null, List.of(HygieneForms.Method.MOP_84),
                500, 240, 120));
        return zoneForm(model, null);
    }

    @GetMapping("/hygiene/zones/{id}/edit")
    @PreAuthorize(ZONES)
    String editZone(@PathVariable long id, Model model) {
        Hygiene.Zone z = hygiene.zone(site(), id);
        model.addAttribute("form", new ZoneForm(z.name(), z.zoneType(), z.departmentId(), z.methods(), z.concentration(),
                z.intervalMinutes(), z.ventilationMinutes()));
        return zoneForm(model, id);
    }

    @PostMapping({"/hygiene/zones", "/hygiene/zones/{id}"})
    @PreAuthorize(ZONES)
    String saveZone(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") ZoneForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> hygiene.saveZone(site(), id, form))) {
            redirect.addFlashAttribute("saved", form.name());
            return "redirect:/hygiene/zones";
        }
        return zoneForm(model, id);
    }

    @PostMapping("/hygiene/zones/{id}/retire")
    @PreAuthorize(ZONES)
    String retireZone(@PathVariable long id, RedirectAttributes redirect) {
        hygiene.retireZone(site(), id);
        redirect.addFlashAttribute("retiredName", hygiene.zone(site(), id).name());
        return "redirect:/hygiene/zones";
    }

    private String zoneForm(Model model, Long id) {
        model.addAttribute("id", id);
        model.addAttribute("types", HygieneForms.ZoneType.values());
        model.addAttribute("methods", HygieneForms.Method.values());
        model.addAttribute("sections", directory.departments(site(), null, "", false));
        return "hygiene/zone-form";
    }

    private static long site() {
        return CurrentUser.get().siteId();
    }
}
