package org.hallsafe.canteen;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.canteen.CanteenForms.CertificateForm;
import org.hallsafe.canteen.CanteenForms.PurchaseForm;
import org.hallsafe.canteen.CanteenForms.SupplierForm;
import org.hallsafe.canteen.CanteenForms.TablewareForm;
import org.hallsafe.canteen.CanteenForms.WasteForm;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.platform.Spreadsheets;
import org.hallsafe.staffhealth.StaffHealth;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The canteen manager's pages, and the canteen door on a phone. */
@Controller
class CanteenPages {

    private final Canteen canteen;
    private final MealRecords meals;
    private final CanteenLedger ledger;
    private final StaffHealth health;
    private final Directory directory;
    private final Clock clock;
    private final Spreadsheets spreadsheets;

    CanteenPages(Canteen canteen, MealRecords meals, CanteenLedger ledger, StaffHealth health, Directory directory, Clock clock,
            Spreadsheets spreadsheets) {
        this.spreadsheets = spreadsheets;
        this.canteen = canteen;
        this.meals = meals;
        this.ledger = ledger;
        this.health = health;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/canteen")
    @RequiresPermission(Permissions.CANTEEN_VIEW)
    String today(SignedIn who, @RequestParam(required = false) LocalDate day, Model model) {
        LocalDate today = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", today);
        model.addAttribute("warnings", canteen.suppliers(who.siteId()).stream().filter(Canteen.Supplier::warning).toList());
        model.addAttribute("meals", meals.meals(who.siteId(), today));
        List<StaffHealth.Day> cooks = new ArrayList<>();
        directory.departments(who.siteId(), DepartmentKind.CANTEEN, "", false).forEach(d -> cooks.addAll(health.board(who.siteId(), d.id())));
        model.addAttribute("cooks", cooks);
        model.addAttribute("purchases", canteen.purchases(who.siteId(), today, today));
        model.addAttribute("waste", meals.waste(who.siteId(), today));
        return "canteen/today";
    }

    // ---- suppliers

    @GetMapping("/canteen/suppliers")
    @RequiresPermission(Permissions.CANTEEN_VIEW)
    String suppliers(SignedIn who, Model model) {
        model.addAttribute("form", new SupplierForm("", ""));
        model.addAttribute("certificate", new CertificateForm(CanteenForms.CertificateKind.FOOD_LICENCE, "", null));
        return suppliersPage(who, model);
    }

    @PostMapping("/canteen/suppliers")
    @RequiresPermission(Permissions.CANTEEN_MANAGE)
    String addSupplier(SignedIn who, @Valid @ModelAttribute("form") SupplierForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> canteen.saveSupplier(who.siteId(), form))) {
            redirect.addFlashAttribute("saved", form.name());
            return "redirect:/canteen/suppliers";
        }
        model.addAttribute("certificate", new CertificateForm(CanteenForms.CertificateKind.FOOD_LICENCE, "", null));
        return suppliersPage(who, model);
    }

    @PostMapping("/canteen/suppliers/{id}/certificates")
    @RequiresPermission(Permissions.CANTEEN_MANAGE)
    String addCertificate(SignedIn who, @PathVariable long id, @Valid @ModelAttribute("certificate") CertificateForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("form", new SupplierForm("", ""));
            model.addAttribute("certificateFor", id);
            return suppliersPage(who, model);
        }
        canteen.addCertificate(who.siteId(), id, form);
        redirect.addFlashAttribute("saved", canteen.supplier(who.siteId(), id).name());
        return "redirect:/canteen/suppliers";
    }

    private String suppliersPage(SignedIn who, Model model) {
        model.addAttribute("suppliers", canteen.suppliers(who.siteId()));
        model.addAttribute("kinds", CanteenForms.CertificateKind.values());
        return "canteen/suppliers";
    }

    // ---- purchases

    @GetMapping("/canteen/purchases")
    @RequiresPermission(Permissions.CANTEEN_VIEW)
    String purchases(SignedIn who, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model) {
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null ? t.minusDays(6) : from;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("purchases", canteen.purchases(who.siteId(), f, t));
        return "canteen/purchases";
    }

    @GetMapping("/canteen/purchases/new")
    @RequiresPermission(Permissions.CANTEEN_MANAGE)
    String newPurchase(SignedIn who, Model model) {
        model.addAttribute("form", PurchaseForm.empty(LocalDate.now(clock), who.displayName()));
        return purchasePage(who, model);
    }

    @PostMapping("/canteen/purchases")
    @RequiresPermission(Permissions.CANTEEN_MANAGE)
    String recordPurchase(SignedIn who, @ModelAttribute("form") PurchaseForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                canteen.recordPurchase(who.siteId(), form);
                redirect.addFlashAttribute("saved", canteen.supplier(who.siteId(), form.supplierId()).name());
                return "redirect:/canteen/purchases";
            } catch (InvalidInputException e) {
                model.addAttribute("problems", e.problems());
            }
        }
        return purchasePage(who, model);
    }

    private String purchasePage(SignedIn who, Model model) {
        model.addAttribute("suppliers", canteen.suppliers(who.siteId()));
        model.addAttribute("categories", CanteenForms.Category.values());
        model.addAttribute("rows", java.util.stream.IntStream.range(0, PurchaseForm.ROWS).boxed().toList());
        return "canteen/purchase-form";
    }

    @GetMapping("/canteen/purchases/export.xlsx")
    @RequiresPermission(Permissions.CANTEEN_VIEW)
    void export(SignedIn who, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            HttpServletResponse response) throws IOException  {
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null ? t.minusDays(6) : from;
        Locale locale = LocaleContextHolder.getLocale();
        spreadsheets.download(response, "canteen-purchases-" + f + "_" + t, locale,
                book -> ledger.fill(book, who.siteId(), f, t, directory.site(who.siteId()).name(), locale));
    }

    /** The canteen's ledgers on A4 landscape paper: the same as the export (issue 20, item 4). */
    @GetMapping("/canteen/purchases/print")
    @RequiresPermission(Permissions.CANTEEN_VIEW)
    String print(SignedIn who, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model) throws IOException {
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null ? t.minusDays(6) : from;
        Locale locale = LocaleContextHolder.getLocale();
        return spreadsheets.print(model, locale,
                book -> ledger.fill(book, who.siteId(), f, t, directory.site(who.siteId()).name(), locale));
    }

    // ---- tableware and food waste

    @GetMapping("/canteen/records")
    @RequiresPermission(Permissions.CANTEEN_MANAGE)
    String records(SignedIn who, Model model) {
        return recordsPage(who, model);
    }

    @PostMapping("/canteen/tableware")
    @RequiresPermission(Permissions.CANTEEN_MANAGE)
    String tableware(SignedIn who, @Valid @ModelAttribute("tableware") TablewareForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> meals.disinfectTableware(who.siteId(), form))) {
            redirect.addFlashAttribute("done", "canteen.tableware.done");
            return "redirect:/canteen/records";
        }
        return recordsPage(who, model);
    }

    @PostMapping("/canteen/waste")
    @RequiresPermission(Permissions.CANTEEN_MANAGE)
    String waste(SignedIn who, @Valid @ModelAttribute("waste") WasteForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return recordsPage(who, model);
        }
        meals.foodWaste(who.siteId(), form);
        redirect.addFlashAttribute("done", "canteen.waste.done");
        return "redirect:/canteen/records";
    }

    /** The page of two forms: the one just sent keeps what was typed, the other starts fresh. */
    private String recordsPage(SignedIn who, Model model) {
        if (!model.containsAttribute("tableware")) {
            model.addAttribute("tableware", new TablewareForm(CanteenForms.Meal.at(java.time.LocalTime.now(clock)),
                    CanteenForms.TablewareMethod.CABINET, null, 30, 120, who.displayName()));
        }
        if (!model.containsAttribute("waste")) {
            model.addAttribute("waste", new WasteForm(null, ""));
        }
        model.addAttribute("meals", meals.meals(who.siteId(), LocalDate.now(clock)));
        model.addAttribute("mealValues", CanteenForms.Meal.values());
        model.addAttribute("methods", CanteenForms.TablewareMethod.values());
        model.addAttribute("wasteToday", meals.waste(who.siteId(), LocalDate.now(clock)));
        return "canteen/records";
    }

    // ---- the door

    @GetMapping("/canteen/door")
    @RequiresPermission(Permissions.CANTEEN_DOOR)
    String door(SignedIn who, Model model) {
        model.addAttribute("meals", meals.meals(who.siteId(), LocalDate.now(clock)));
        return "canteen/door";
    }

    @PostMapping("/canteen/door")
    @RequiresPermission(Permissions.CANTEEN_DOOR)
    String enter(SignedIn who, @RequestParam(defaultValue = "") String typed, @RequestParam(defaultValue = "false") boolean handsWashed,
            Model model) {
        try {
            model.addAttribute("entry", meals.enter(who.siteId(), typed, handsWashed));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorField", e.field());
            model.addAttribute("typed", typed);
        }
        return door(who, model);
    }
}
