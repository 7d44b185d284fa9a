package org.hallsafe.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import org.hallsafe.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How much one person and one phone may book: one open booking per item, a few a day, checked under a lock on the
 * person (and on the phone), so a burst of requests cannot slip past; and the SMS code a hall may ask for.
 */
@Component
class BookingLimits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Slots slots;
    private final SmsChallenges challenges;

    BookingLimits(JdbcClient jdbc, Clock clock, Slots slots, SmsChallenges challenges) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.slots = slots;
        this.challenges = challenges;
    }

    /** Holds the person's bookings still until the transaction ends. */
    void lockPerson(long siteId, byte[] docHash) {
        lock("booking:" + siteId + ":" + HexFormat.of().formatHex(docHash));
    }

    /** One open booking of an item per person, and no more bookings a day than the hall allows. */
    void person(long siteId, long itemId, byte[] docHash, Instant startsAt, int perDay) {
        boolean sameItem = jdbc.sql("""
                SELECT count(*) > 0 FROM bookings WHERE site_id = :site AND doc_hash = :hash AND item_id = :item
                  AND status IN (%s)""".formatted(BookingStates.sql(BookingStates.openStates())))
                .param("site", siteId).param("hash", docHash).param("item", itemId).query(Boolean.class).single();
        if (sameItem) {
            throw new InvalidInputException("docNo", "appointments.book.duplicate");
        }
        LocalDate day = startsAt.atZone(clock.getZone()).toLocalDate();
        long that = jdbc.sql("""
                SELECT count(*) FROM bookings WHERE site_id = :site AND doc_hash = :hash AND starts_at >= :from
                  AND starts_at < :to AND status IN (%s)""".formatted(BookingStates.sql(BookingStates.countedStates())))
                .param("site", siteId).param("hash", docHash).param("from", slots.start(day))
                .param("to", slots.start(day.plusDays(1))).query(Long.class).single();
        if (that >= perDay) {
            throw new InvalidInputException("docNo", "appointments.book.daily");
        }
    }

    /**
     * One phone holds as many self-service bookings a day as one person may (issue 12: one phone booked every place of
     * an item with made-up ID numbers). Checked under a lock on the phone, so a burst cannot slip past.
     */
    void phone(long siteId, byte[] phoneHash, Instant startsAt, int perDay) {
        lock("booking-phone:" + siteId + ":" + HexFormat.of().formatHex(phoneHash));
        LocalDate day = startsAt.atZone(clock.getZone()).toLocalDate();
        long that = jdbc.sql("""
                SELECT count(*) FROM bookings WHERE site_id = :site AND phone_hash = :hash AND starts_at >= :from
                  AND starts_at < :to AND status IN (%s) AND channel IN ('WEB','WECHAT')"""
                        .formatted(BookingStates.sql(BookingStates.countedStates())))
                .param("site", siteId).param("hash", phoneHash).param("from", slots.start(day))
                .param("to", slots.start(day.plusDays(1))).query(Long.class).single();
        if (that >= perDay) {
            throw new InvalidInputException("phone", "appointments.book.phoneDaily");
        }
    }

    /** The six-digit code sent to the phone for this item: right, unused, and used up by this booking. */
    void smsCode(long siteId, String phone, long itemId, String code) {
        challenges.use(challenges.verify(siteId, phone, itemId, code));
    }

    private void lock(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key).query((rs, n) -> 1).list();
    }
}
