package org.hallsafe.accountability;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.accountability.InspectionForms.ItemForm;
import org.hallsafe.accountability.InspectionForms.PlanForm;
import org.hallsafe.accountability.InspectionForms.Result;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inspection pages: the list (planned ones only for those who run inspections), planning one, its checklist, an item
 * recorded on a phone (pass or finding, note, photo, place, section, deadline), carrying it out, and the ledger to
 * print and export.
 */
@Controller
@RequiresPermission({Permissions.INSPECTION_RUN, Permissions.RECTIFICATION_FIX})
class InspectionPages {

    private final Inspections inspections;
    private final InspectionLedger ledger;
    private final Viewer.Of viewers;
    private final Directory directory;
    private final Clock clock;
    private final Spreadsheets spreadsheets;

    InspectionPages(Inspections inspections, InspectionLedger ledger, Viewer.Of viewers, Directory directory, Clock clock,
            Spreadsheets spreadsheets) {
        this.spreadsheets = spreadsheets;
        this.inspections = inspections;
        this.ledger = ledger;
        this.viewers = viewers;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/inspections")
    String list(SignedIn who, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model) {
        period(model, from, to);
        model.addAttribute("inspections", inspections.list(who.siteId(), who.may(Permissions.INSPECTION_RUN),
                (LocalDate) model.getAttribute("from"), (LocalDate) model.getAttribute("to")));
        return "accountability/inspections";
    }

    @GetMapping("/inspections/new")
    @RequiresPermission(Permissions.INSPECTION_RUN)
    String plan(Model model) {
        model.addAttribute("form", new PlanForm("", LocalDate.now(clock), List.copyOf(Checklist.ITEMS.keySet())));
        return planPage(model);
    }

    @PostMapping("/inspections")
    @RequiresPermission(Permissions.INSPECTION_RUN)
    String plan(SignedIn who, @Valid @ModelAttribute("form") PlanForm form, BindingResult binding, Model model) {
        return FormSubmission.save(binding, () -> inspections.plan(who.siteId(), form))
                .map(id -> "redirect:/inspections/" + id).orElseGet(() -> planPage(model));
    }

    private String planPage(Model model) {
        model.addAttribute("checklist", Checklist.ITEMS);
        return "accountability/inspection-new";
    }

    @GetMapping("/inspections/{id}")
    String inspection(SignedIn who, @PathVariable long id, Model model) {
        model.addAttribute("detail", inspections.get(who.siteId(), id, who.may(Permissions.INSPECTION_RUN)));
        return "accountability/inspection";
    }

    @GetMapping("/inspections/{id}/items/{itemId}")
    @RequiresPermission(Permissions.INSPECTION_RUN)
    String item(SignedIn who, @PathVariable long id, @PathVariable long itemId, Model model) {
        Inspections.Item item = item(who, id, itemId);
        model.addAttribute("form", new ItemForm(item.result(), item.note(), item.place(), item.departmentId(),
                item.dueOn() != null ? item.dueOn() : LocalDate.now(clock).plusDays(3)));
        return itemPage(who, id, itemId, model);
    }

    @PostMapping("/inspections/{id}/items/{itemId}")
    @RequiresPermission(Permissions.INSPECTION_RUN)
    String record(SignedIn who, @PathVariable long id, @PathVariable long itemId, @Valid @ModelAttribute("form") ItemForm form,
            BindingResult binding, @RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
            RedirectAttributes redirect) throws IOException {
        item(who, id, itemId);
        InspectionPhotos.Upload upload = InspectionPhotos.read(photo, binding);
        if (upload == null) {
            model.addAttribute("photoProblem", true);
        }
        if (upload != null && FormSubmission.done(binding,
                () -> inspections.record(who.siteId(), id, itemId, form, upload.type(), upload.bytes()))) {
            redirect.addFlashAttribute("recorded", form.result() == Result.FINDING ? "inspection.recorded.finding"
                    : "inspection.recorded.pass");
            return "redirect:/inspections/" + id + "#item-" + itemId;
        }
        return itemPage(who, id, itemId, model);
    }

    private Inspections.Item item(SignedIn who, long id, long itemId) {
        return inspections.get(who.siteId(), id, true).items().stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> NotFoundException.of("inspection item", itemId));
    }

    private String itemPage(SignedIn who, long id, long itemId, Model model) {
        model.addAttribute("detail", inspections.get(who.siteId(), id, true));
        model.addAttribute("item", item(who, id, itemId));
        model.addAttribute("sections", directory.departments(who.siteId(), null, "", false));
        model.addAttribute("results", Result.values());
        return "accountability/inspection-item";
    }

    @PostMapping("/inspections/{id}/carry-out")
    @RequiresPermission(Permissions.INSPECTION_RUN)
    String carryOut(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("opened", inspections.carryOut(who.siteId(), id));
        return "redirect:/inspections/" + id;
    }

    @GetMapping("/inspections/photos/{id}")
    ResponseEntity<byte[]> photo(SignedIn who, @PathVariable long id) {
        return inspections.photo(who.siteId(), id, who.may(Permissions.INSPECTION_RUN)).map(InspectionPhotos::response)
                .orElseThrow(() -> NotFoundException.of("photo", id));
    }

    @GetMapping("/inspections/ledger")
    String ledger(SignedIn who, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model) throws IOException {
        LocalDate[] p = period(from, to);
        Locale locale = LocaleContextHolder.getLocale();
        return spreadsheets.print(model, locale, book -> ledger.fill(book, who.siteId(),
                who.may(Permissions.INSPECTION_RUN), p[0], p[1], directory.site(who.siteId()).name(), locale));
    }

    @GetMapping("/inspections/ledger/export.xlsx")
    void export(SignedIn who, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            HttpServletResponse response) throws IOException {
        LocalDate[] p = period(from, to);
        Locale locale = LocaleContextHolder.getLocale();
        spreadsheets.download(response, "inspections-" + p[0] + "-" + p[1], locale, book -> ledger.fill(book,
                who.siteId(), who.may(Permissions.INSPECTION_RUN), p[0], p[1], directory.site(who.siteId()).name(), locale));
    }

    private void period(Model model, LocalDate from, LocalDate to) {
        LocalDate[] p = period(from, to);
        model.addAttribute("from", p[0]);
        model.addAttribute("to", p[1]);
    }

    /**
     * The period shown, by planned day: from 30 days ago to 30 days ahead (planned ones) unless chosen; a reversed
     * period becomes the 30 days up to its end.
     */
    private LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate t = to == null ? today.plusDays(30) : to;
        LocalDate f = from == null ? today.minusDays(30) : from;
        return new LocalDate[] {f.isAfter(t) ? t.minusDays(30) : f, t};
    }
}
