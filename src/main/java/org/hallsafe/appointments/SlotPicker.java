package org.hallsafe.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every page that chooses a slot shows (the citizens' pages, the booking desk, the call form): the item, its
 * days ahead with the places left, and the slots of the chosen day. Without a day it opens on the day of the slot
 * already chosen, else on the first day with places. Public for the pages of modules that book through appointments
 * (duty's call form); its slot list is served by {@code /appointments/desk/slots}.
 */
@Component
public class SlotPicker {

    private final Catalogue catalogue;
    private final Slots slots;
    private final Clock clock;

    SlotPicker(Catalogue catalogue, Slots slots, Clock clock) {
        this.catalogue = catalogue;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * A page's booking: when the slot has just filled up, the page offers the next slots with places beside the
     * message (the form itself puts the message beside the field).
     */
    public <T> java.util.function.Supplier<T> offeringNext(Model model, java.util.function.Supplier<T> booking) {
        return () -> {
            try {
                return booking.get();
            } catch (Bookings.SlotFullException e) {
                model.addAttribute("next", e.next());
                throw e;
            }
        };
    }

    public void pick(long siteId, long itemId, LocalDate day, Long chosenSlot, Model model) {
        List<Slots.Day> days = slots.days(siteId, itemId, catalogue.settings(siteId).daysAhead());
        LocalDate chosen = day != null ? day
                : chosenSlot != null ? slots.find(siteId, chosenSlot).map(s -> s.startsAt().atZone(clock.getZone()).toLocalDate()).orElse(null)
                : null;
        if (chosen == null) {
            chosen = days.stream().filter(d -> d.remaining() > 0).map(Slots.Day::day).findFirst().orElse(null);
        }
        model.addAttribute("item", catalogue.item(siteId, itemId));
        model.addAttribute("days", days);
        model.addAttribute("day", chosen);
        model.addAttribute("chosenSlot", chosenSlot);
        model.addAttribute("slots", chosen == null ? List.of() : slots.open(siteId, itemId, chosen));
    }
}
