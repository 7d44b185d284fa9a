package org.hallsafe.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.hallsafe.organization.Directory;
import org.hallsafe.organization.RecordTimes;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The day's formalism flags (形式主义检查, issue 16 item 6), each with the records behind it and links to them; and the
 * hall's window for records about an earlier moment, set by its admin.
 */
@Controller
class FormalismPages {

    private final FormalismCheck check;
    private final Directory directory;
    private final RecordTimes recordTimes;
    private final Clock clock;

    FormalismPages(FormalismCheck check, Directory directory, RecordTimes recordTimes, Clock clock) {
        this.check = check;
        this.directory = directory;
        this.recordTimes = recordTimes;
        this.clock = clock;
    }

    @GetMapping("/accountability/flags")
    @RequiresPermission(Permissions.MEASURE_VIEW)
    String flags(SignedIn who, @RequestParam(required = false) LocalDate day, Model model) {
        LocalDate d = day == null || day.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : day;
        Map<Long, String> sections = directory.departments(who.siteId(), null, "", true).stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name));
        model.addAttribute("day", d);
        model.addAttribute("flags", check.findings(who.siteId(), d));
        model.addAttribute("sections", sections);
        model.addAttribute("windowMinutes", recordTimes.windowMinutes(who.siteId()));
        return "accountability/flags";
    }

    @PostMapping("/accountability/flags/window")
    @RequiresPermission(Permissions.ORG_EDIT)
    String saveWindow(SignedIn who, @RequestParam(required = false) String minutes, RedirectAttributes redirect) {
        try {
            recordTimes.saveWindow(who.siteId(), parse(minutes));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("windowProblem", "record.window.range");
            redirect.addFlashAttribute("typedMinutes", minutes == null ? "" : minutes.substring(0, Math.min(minutes.length(), 10)));
        }
        return "redirect:/accountability/flags";
    }

    private static Integer parse(String minutes) {
        try {
            return minutes == null ? null : Integer.valueOf(minutes.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The anchor of a flag on this page (the links of the matrix and the briefing end in it). */
    static String anchor(FormalismCheck.Flagged f) {
        return FormalismCheck.anchor(f);
    }
}
