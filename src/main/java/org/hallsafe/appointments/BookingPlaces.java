package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.hallsafe.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The places of a slot. A place is taken by a conditional UPDATE of the window's slot and of the hall's cap at that
 * time, so no number of requests on any number of nodes overbooks; a full slot answers with the next free ones.
 */
@Component
class BookingPlaces {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Slots slots;

    BookingPlaces(JdbcClient jdbc, Clock clock, Slots slots) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.slots = slots;
    }

    /** The slot a booking asks for: the item's, still to come, and released when a citizen books it. */
    Slots.Slot slotFor(long siteId, long slotId, Catalogue.Item item, boolean selfService) {
        Slots.Slot slot = slots.find(siteId, slotId).orElse(null);
        Instant now = clock.instant();
        if (slot == null || !item.windowIds().contains(slot.windowId()) || !slot.startsAt().isAfter(now)
                || selfService && slot.releasedAt().isAfter(now)) {
            throw new InvalidInputException("slotId", "appointments.book.slotGone");
        }
        return slot;
    }

    /** "Full" from the slot as just read (window's places and the hall's cap), before any write. */
    void refuseIfFull(long siteId, Slots.Slot slot, long itemId) {
        if (slot.remaining() == 0) {
            throw new Bookings.SlotFullException(slots.nextFree(siteId, itemId, 3));
        }
    }

    /** Takes a place in the window's slot and under the hall's cap, or answers "full" and takes none. */
    void take(long siteId, Slots.Slot slot, long itemId) {
        int window = jdbc.sql("UPDATE slots SET booked = booked + 1 WHERE id = :id AND booked < capacity")
                .param("id", slot.id()).update();
        int hall = window == 0 ? 0 : jdbc.sql("""
                UPDATE hall_slots SET booked = booked + 1 WHERE site_id = :site AND starts_at = :t AND booked < cap""")
                .param("site", siteId).param("t", Timestamp.from(slot.startsAt())).update();
        if (hall == 0) {
            // the transaction rolls back: the window's place, if taken, is given back with it
            throw new Bookings.SlotFullException(slots.nextFree(siteId, itemId, 3));
        }
    }

    void giveBack(long siteId, long slotId, Instant startsAt) {
        jdbc.sql("UPDATE slots SET booked = booked - 1 WHERE id = :id AND booked > 0").param("id", slotId).update();
        jdbc.sql("UPDATE hall_slots SET booked = booked - 1 WHERE site_id = :site AND starts_at = :t AND booked > 0")
                .param("site", siteId).param("t", Timestamp.from(startsAt)).update();
    }
}
