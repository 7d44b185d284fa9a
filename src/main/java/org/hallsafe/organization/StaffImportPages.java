package org.hallsafe.organization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.Downloads;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LedgerWorkbook;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignInLinks;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.platform.Spreadsheets;
import org.hallsafe.shared.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Staff made in bulk (issue 16, item 8): the import page with its template, and the sign-in sheet page, where the
 * administrator prints one card per person with a one-time sign-in link and its QR code, or revokes a link.
 */
@Controller
@RequiresPermission(Permissions.STAFF_IMPORT)
class StaffImportPages {

    private final StaffImport staffImport;
    private final StaffDirectory staff;
    private final Directory directory;
    private final Accounts accounts;
    private final SignInLinks links;
    private final Spreadsheets spreadsheets;
    private final MessageSource messages;
    private final ActivityLog activity;

    StaffImportPages(StaffImport staffImport, StaffDirectory staff, Directory directory, Accounts accounts,
            SignInLinks links, Spreadsheets spreadsheets, MessageSource messages, ActivityLog activity) {
        this.staffImport = staffImport;
        this.staff = staff;
        this.directory = directory;
        this.accounts = accounts;
        this.links = links;
        this.spreadsheets = spreadsheets;
        this.messages = messages;
        this.activity = activity;
    }

    @GetMapping("/org/staff/import")
    String page(SignedIn who, Model model) {
        return importPage(who, model);
    }

    /** The template: the headings on the first sheet, how to fill each column and the hall's names on the second. */
    @GetMapping("/org/staff/import/template")
    void template(SignedIn who, Locale locale, HttpServletResponse response) throws IOException {
        String hall = directory.site(who.siteId()).name();
        try (LedgerWorkbook book = spreadsheets.workbook(locale)) {
            List<String> headings = new ArrayList<>();
            for (int c = 0; c < StaffSheet.COLUMNS; c++) {
                headings.add(word(locale, "staffImport.col." + c) + (StaffImport.required(c) ? "*" : ""));
            }
            book.sheet(word(locale, "staffImport.sheet"), hall, "", headings)
                    .textColumns(StaffImport.CARD, StaffImport.WINDOW, StaffImport.PHONE, StaffImport.ID_NUMBER,
                            StaffImport.USERNAME);
            LedgerWorkbook.Sheet help = book.sheet(word(locale, "staffImport.help"), hall, "",
                    List.of(word(locale, "staffImport.help.column"), word(locale, "staffImport.help.rule")));
            for (int c = 0; c < StaffSheet.COLUMNS; c++) {
                help.row(headings.get(c), word(locale, "staffImport.rule." + c));
            }
            help.row("", "");
            directory.departments(who.siteId(), null, "", false)
                    .forEach(d -> help.row(word(locale, "staffImport.col.2"), d.name()));
            directory.windows(who.siteId(), "", false)
                    .forEach(w -> help.row(word(locale, "staffImport.col.3"), w.number() + "  " + w.name()));
            StaffImport.ROLES.stream().filter(r -> who.role().mayManage(r))
                    .forEach(r -> help.row(word(locale, "staffImport.col.8"), word(locale, r.label())));
            book.write(Downloads.xlsx(response, word(locale, "staffImport.fileName")));
        }
    }

    @PostMapping("/org/staff/import")
    String upload(SignedIn who, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        String fileName = file == null || file.getOriginalFilename() == null ? ""
                : PlainText.Rules.truncate(file.getOriginalFilename(), 100);
        model.addAttribute("fileName", fileName);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "staffImport.file.empty");
            }
            if (file.getSize() > StaffSheet.MAX_BYTES) {
                throw new InvalidInputException("file", "staffImport.file.tooBig");
            }
            var lines = StaffSheet.read(file.getBytes(), staffImport.headings(), staffImport.endPrefixes());
            var imported = staffImport.importRows(who.siteId(), who.role(), lines, fileName);
            redirect.addFlashAttribute("importedStaff", imported.staffIds().size());
            redirect.addFlashAttribute("importedAccounts", imported.accountIds());
            return "redirect:/org/staff/import";
        } catch (InvalidInputException e) {
            activity.record("STAFF_IMPORT_REFUSED", "staff", null, fileName + ": " + e.messageKey());
            model.addAttribute("fileError", e.messageKey());
        } catch (StaffImport.Refused e) {
            activity.record("STAFF_IMPORT_REFUSED", "staff", null, fileName + ": " + e.problems().size() + " problems");
            model.addAttribute("problems", e.problems());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return importPage(who, model);
    }

    /** The hall's staff who have an account, each with how their latest sign-in link stands. */
    @GetMapping("/org/staff/sign-in")
    String signIn(SignedIn who, Model model) {
        Map<Long, Accounts.AccountView> byId = new java.util.HashMap<>();
        accounts.ofSite(who.siteId()).forEach(a -> byId.put(a.id(), a));
        var people = staff.search(who.siteId(), "", null, false).stream()
                .filter(s -> s.accountId() != null && byId.containsKey(s.accountId()))
                .map(s -> new Person(s, byId.get(s.accountId()))).toList();
        model.addAttribute("people", people);
        model.addAttribute("links", links.latest(who.siteId()));
        return "org/sign-in";
    }

    /** A person on the sign-in page: the staff member and their account. */
    record Person(Views.StaffView staff, Accounts.AccountView account) {
    }

    /** New one-time links for the chosen accounts, printed at once: the tokens exist only on this sheet. */
    @PostMapping("/org/staff/sign-in/sheet")
    String sheet(SignedIn who, @RequestParam(name = "accountId", required = false) List<Long> accountIds, Model model,
            Locale locale, RedirectAttributes redirect) {
        if (accountIds == null || accountIds.isEmpty()) {
            redirect.addFlashAttribute("noneChosen", true);
            return "redirect:/org/staff/sign-in";
        }
        if (accountIds.size() > StaffSheet.MAX_ROWS) {
            throw new InvalidInputException("accountId", "staffImport.sheet.tooMany");
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        var issued = links.issue(who.siteId(), accountIds, base);
        List<Card> cards = new ArrayList<>();
        for (SignInLinks.IssuedLink link : issued) {
            String placement = staff.byAccount(who.siteId(), link.accountId())
                    .map(s -> s.windowNumber() != null
                            ? messages.getMessage("window.label", new Object[] {s.windowNumber(), s.windowName()}, locale)
                            : s.departmentName())
                    .orElse("");
            cards.add(new Card(link, placement, QrCodes.svg(link.url())));
        }
        model.addAttribute("hall", directory.site(who.siteId()).name());
        model.addAttribute("cards", cards);
        return "org/sign-in-sheet";
    }

    /** One card of the sheet. */
    record Card(SignInLinks.IssuedLink link, String placement, String qr) {
    }

    @PostMapping("/org/staff/sign-in/{accountId}/revoke")
    String revoke(SignedIn who, @PathVariable long accountId, RedirectAttributes redirect) {
        links.revoke(who.siteId(), accountId);
        redirect.addFlashAttribute("revoked", accounts.find(accountId).map(Accounts.AccountView::username).orElse(""));
        return "redirect:/org/staff/sign-in";
    }

    private String importPage(SignedIn who, Model model) {
        model.addAttribute("maxRows", StaffSheet.MAX_ROWS);
        model.addAttribute("columns", java.util.stream.IntStream.range(0, StaffSheet.COLUMNS).boxed().toList());
        return "org/staff-import";
    }

    private String word(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
