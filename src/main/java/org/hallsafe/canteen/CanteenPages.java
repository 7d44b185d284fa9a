package org.hallsafe.canteen;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.canteen.CanteenForms.CertificateForm;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.canteen.CanteenForms.PurchaseForm;
import org.hallsafe.canteen.CanteenForms.SupplierForm;
import org.hallsafe.canteen.CanteenForms.TablewareForm;
import org.hallsafe.canteen.CanteenForms.WasteForm;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.staffhealth.StaffHealth;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
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

    private static final String VIEW = "hasAuthority(T(org.hallsafe.platform.Permissions).CANTEEN_VIEW)";
    private static final String MANAGE = "hasAuthority(T(org.hallsafe.platform.Permissions).CANTEEN_MANAGE)";
    private static final String DOOR = "hasAuthority(T(org.hallsafe.platform.Permissions).CANTEEN_DOOR)";

    private final Canteen canteen;
    private final MealRecords meals;
    private final CanteenLedger ledger;
    private final StaffHealth health;
    private final Directory directory;
    private final Clock clock;

    CanteenPages(Canteen canteen, MealRecords meals, CanteenLedger ledger, StaffHealth health, Directory directory, Clock clock) {
        this.canteen = canteen;
        this.meals = meals;
        this.ledger = ledger;
        this.health = health;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/canteen")
    @PreAuthorize(VIEW)
    String today(@RequestParam(required = false) LocalDate day, Model model) {
        LocalDate today = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", today);
        model.addAttribute("warnings", canteen.suppliers(site()).stream().filter(Canteen.Supplier::warning).toList());
        model.addAttribute("meals", meals.meals(site(), today));
        List<StaffHealth.Day> cooks = new ArrayList<>();
        directory.departments(site(), DepartmentKind.CANTEEN, "", false).forEach(d -> cooks.addAll(health.board(site(), d.id())));
        model.addAttribute("cooks", cooks);
        model.addAttribute("purchases", canteen.purchases(site(), today, today));
        model.addAttribute("waste", meals.waste(site(), today));
        return "canteen/today";
    }

    // ---- suppliers

    @GetMapping("/canteen/suppliers")
    @PreAuthorize(VIEW)
    String suppliers(Model model) {
        model.addAttribute("form", new SupplierForm("", ""));
        model.addAttribute("certificate", new CertificateForm(CanteenForms.CertificateKind.FOOD_LICENCE, "", null));
        return suppliersPage(model);
    }

    @PostMapping("/canteen/suppliers")
    @PreAuthorize(MANAGE)
    String addSupplier(@Valid @ModelAttribute("form") SupplierForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> canteen.saveSupplier(site(), form))) {
            redirect.addFlashAttribute("saved", form.name());
            return "redirect:/canteen/suppliers";
        }
        model.addAttribute("certificate", new CertificateForm(CanteenForms.CertificateKind.FOOD_LICENCE, "", null));
        return suppliersPage(model);
    }

    @PostMapping("/canteen/suppliers/{id}/certificates")
    @PreAuthorize(MANAGE)
    String addCertificate(@PathVariable long id, @Valid @ModelAttribute("certificate") CertificateForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("form", new SupplierForm("", ""));
            model.addAttribute("certificateFor", id);
            return suppliersPage(model);
        }
        canteen.addCertificate(site(), id, form);
        redirect.addFlashAttribute("saved", canteen.supplier(site(), id).name());
        return "redirect:/canteen/suppliers";
    }

    private String suppliersPage(Model model) {
        model.addAttribute("suppliers", canteen.suppliers(site()));
        model.addAttribute("kinds", CanteenForms.CertificateKind.values());
        return "canteen/suppliers";
    }

    // ---- purchases

    @GetMapping("/canteen/purchases")
    @PreAuthorize(VIEW)
    String purchases(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model) {
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null ? t.minusDays(6) : from;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("purchases", canteen.purchases(site(), f, t));
        return "canteen/purchases";
    }

    @GetMapping("/canteen/purchases/new")
    @PreAuthorize(MANAGE)
    String newPurchase(Model model) {
        model.addAttribute("form", PurchaseForm.empty(LocalDate.now(clock), CurrentUser.get().displayName()));
        return purchasePage(model);
    }

    @PostMapping("/canteen/purchases")
    @PreAuthorize(MANAGE)
    String recordPurchase(@ModelAttribute("form") PurchaseForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                canteen.recordPurchase(site(), form);
                redirect.addFlashAttribute("saved", canteen.supplier(site(), form.supplierId()).name());
                return "redirect:/canteen/purchases";
            } catch (InvalidInputException e) {
                model.addAttribute("problems", e.problems());
            }
        }
        return purchasePage(model);
    }

    private String purchasePage(Model model) {
        model.addAttribute("suppliers", canteen.suppliers(site()));
        model.addAttribute("categories", CanteenForms.Category.values());
        model.addAttribute("rows", java.util.stream.IntStream.range(0, PurchaseForm.ROWS).boxed().toList());
        return "canteen/purchase-form";
    }

    @GetMapping("/canteen/purchases/export.xlsx")
    @PreAuthorize(VIEW)
    void export(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            HttpServletResponse response) throws IOException {
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null ? t.minusDays(6) : from;
        ledger.export(site(), f, t, directory.site(site()).name(), LocaleContextHolder.getLocale(),
                org.hallsafe.platform.Downloads.xlsx(response, "canteen-purchases-" + f + "_" + t));
    }

    // ---- tableware and food waste

    @GetMapping("/canteen/records")
    @PreAuthorize(MANAGE)
    String records(Model model) {
        return recordsPage(model);
    }

    @PostMapping("/canteen/tableware")
    @PreAuthorize(MANAGE)
    String tableware(@Valid @ModelAttribute("tableware") TablewareForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> meals.disinfectTableware(site(), form))) {
            redirect.addFlashAttribute("done", "canteen.tableware.done");
            return "redirect:/canteen/records";
        }
        return recordsPage(model);
    }

    @PostMapping("/canteen/waste")
    @PreAuthorize(MANAGE)
    String waste(@Valid @ModelAttribute("waste") WasteForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return recordsPage(model);
        }
        meals.foodWaste(site(), form);
        redirect.addFlashAttribute("done", "canteen.waste.done");
        return "redirect:/canteen/records";
    }

    /** The page of two forms: the one just sent keeps what was typed, the other starts fresh. */
    private String recordsPage(Model model) {
        if (!model.containsAttribute("tableware")) {
            model.addAttribute("tableware", new TablewareForm(CanteenForms.Meal.at(java.time.LocalTime.now(clock)),
                    CanteenForms.TablewareMethod.CABINET, null, 30, 120, CurrentUser.get().displayName()));
        }
        if (!model.containsAttribute("waste")) {
            model.addAttribute("waste", new WasteForm(null, ""));
        }
        model.addAttribute("meals", meals.meals(site(), LocalDate.now(clock)));
        model.addAttribute("mealValues", CanteenForms.Meal.values());
        model.addAttribute("methods", CanteenForms.TablewareMethod.values());
        model.addAttribute("wasteToday", meals.waste(site(), LocalDate.now(clock)));
        return "canteen/records";
    }

    // ---- the door

    @GetMapping("/canteen/door")
    @PreAuthorize(DOOR)
    String door(Model model) {
        model.addAttribute("meals", meals.meals(site(), LocalDate.now(clock)));
        return "canteen/door";
    }

    @PostMapping("/canteen/door")
    @PreAuthorize(DOOR)
    String enter(@RequestParam(defaultValue = "") String typed, @RequestParam(defaultValue = "false") boolean handsWashed,
            Model model) {
        try {
            model.addAttribute("entry", meals.enter(site(), typed, handsWashed));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorField", e.field());
            model.addAttribute("typed", typed);
        }
        return door(model);
    }

    private static long site() {
        return CurrentUser.get().siteId();
    }
}
