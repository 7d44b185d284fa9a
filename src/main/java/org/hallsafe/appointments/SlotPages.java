package org.hallsafe.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.hallsafe.appointments.AppointmentForms.HoursForm;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.appointments.AppointmentForms.SettingsForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Slots and capacities: the day's grid per window and the hall's cap, making slots, releasing a day. */
@Controller
class SlotPages {


    private final Catalogue catalogue;
    private final Slots slots;
    private final Directory directory;
    private final Clock clock;

    SlotPages(Catalogue catalogue, Slots slots, Directory directory, Clock clock) {
        this.catalogue = catalogue;
        this.slots = slots;
        this.directory = directory;
        this.clock = clock;
    }

    // ---- slots

    @GetMapping("/appointments/slots")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String slotsPage(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        Catalogue.Settings s = catalogue.settings(who.siteId());
        model.addAttribute("generate", new GenerateForm(today.plusDays(1), today.plusDays(14),
                directory.windows(who.siteId(), "", false).stream().map(w -> w.id()).toList(), s.windowCapacity(), s.hallCap(), null));
        return slotGrid(who, day == null ? today.plusDays(1) : day, model);
    }

    private String slotGrid(SignedIn who, LocalDate day, Model model) {
        List<Slots.Slot> list = slots.day(who.siteId(), day);
        model.addAttribute("day", day);
        model.addAttribute("slots", list);
        model.addAttribute("times", list.stream().map(Slots.Slot::startsAt).distinct().sorted().toList());
        java.util.Map<String, Slots.Slot> grid = new java.util.HashMap<>();
        list.forEach(s -> {
            grid.put(s.windowId() + "@" + s.startsAt(), s);
            grid.putIfAbsent("hall@" + s.startsAt(), s);
        });
        model.addAttribute("grid", grid);
        model.addAttribute("windows", directory.windows(who.siteId(), "", false));
        model.addAttribute("unreleased", list.stream().anyMatch(s -> s.releasedAt().isAfter(clock.instant())));
        return "appointments/slots";
    }

    @PostMapping("/appointments/slots/generate")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String generate(SignedIn who, @ModelAttribute("generate") GenerateForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        var made = FormSubmission.save(binding, () -> slots.generate(who.siteId(), form));
        if (made.isPresent()) {
            redirect.addFlashAttribute("generated", made.get());
            return "redirect:/appointments/slots?day=" + form.from();
        }
        model.addAttribute("generateOpen", true);
        return slotGrid(who, form.from() == null ? LocalDate.now(clock).plusDays(1) : form.from(), model);
    }

    @PostMapping("/appointments/slots/{id}/capacity")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String capacity(SignedIn who, @PathVariable long id, @RequestParam(required = false) Integer capacity, RedirectAttributes redirect) {
        Slots.Slot slot = slots.slot(who.siteId(), id);
        try {
            slots.changeCapacity(who.siteId(), id, capacity);
            redirect.addFlashAttribute("changed", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/appointments/slots?day=" + slot.startsAt().atZone(clock.getZone()).toLocalDate();
    }

    @PostMapping("/appointments/slots/hall-cap")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String hallCap(SignedIn who, @RequestParam Instant startsAt, @RequestParam(required = false) Integer cap, RedirectAttributes redirect) {
        try {
            slots.changeHallCap(who.siteId(), startsAt, cap);
            redirect.addFlashAttribute("changed", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/appointments/slots?day=" + startsAt.atZone(clock.getZone()).toLocalDate();
    }

    @PostMapping("/appointments/slots/release")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String release(SignedIn who, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        redirect.addFlashAttribute("released", slots.releaseDay(who.siteId(), day));
        return "redirect:/appointments/slots?day=" + day;
    }

}
