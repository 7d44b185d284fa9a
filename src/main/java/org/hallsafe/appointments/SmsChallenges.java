package org.hallsafe.appointments;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS verification step a hall can switch on for self-service booking: a six-digit code, valid ten minutes, five
 * tries, one new code a minute per phone. Only a hash of the code is stored. A code is sent for one phone and one item
 * and books once (issue 12: one code had booked six identities).
 */
@Service
class SmsChallenges {

    static final Duration VALID = Duration.ofMinutes(10);
    static final Duration RESEND = Duration.ofMinutes(1);
    static final int TRIES = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalData personalData;
    private final Deliveries sms;
    private final Catalogue catalogue;
    private final SecureRandom random = new SecureRandom();

    SmsChallenges(JdbcClient jdbc, Clock clock, PersonalData personalData, Deliveries sms, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.personalData = personalData;
        this.sms = sms;
        this.catalogue = catalogue;
    }

    /** Sends a new code to the phone; returns it only so that tests and the log-only gateway can see it. */
    @Transactional
    public String send(long siteId, String rawPhone, Long itemId) {
        PhoneNumber phone = phone(rawPhone);
        if (itemId == null || catalogue.find(siteId, itemId).isEmpty()) {
            throw new InvalidInputException("itemId", "appointments.book.item");
        }
        return send(siteId, phone, itemId, "BOOK", "appointments.sms.code.text");
    }

    /** Sends a code that opens the phone's bookings in the hall ("我的预约", issue 20 item 5), whether it has any or not. */
    @Transactional
    public String sendMine(long siteId, String rawPhone) {
        return send(siteId, phone(rawPhone), null, "MINE", "appointments.sms.mine.text");
    }

    /**
     * Checks and uses up a "我的预约" code: a wrong try is counted (five at most), a right one opens the list once.
     * Answers the phone's lookup hash, what the list is read by.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public byte[] verifyMine(long siteId, String rawPhone, String code) {
        PhoneNumber phone = phone(rawPhone);
        if (code == null || !code.strip().matches("\\d{6}")) {
            throw new InvalidInputException("smsCode", "appointments.sms.required");
        }
        byte[] hash = personalData.lookupHash(phone.value());
        var row = jdbc.sql("""
                SELECT id, code_hash, expires_at, attempts FROM sms_challenges
                WHERE site_id = :site AND phone_hash = :hash AND purpose = 'MINE' AND used_at IS NULL
                ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
                .param("site", siteId).param("hash", hash)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)})
                .optional();
        if (row.isEmpty() || ((java.time.Instant) row.get()[2]).isBefore(clock.instant()) || (int) row.get()[3] >= TRIES) {
            throw new InvalidInputException("smsCode", "appointments.sms.expired");
        }
        if (!MessageDigest.isEqual(row.get()[1].toString().getBytes(), digest(siteId, phone.value(), code.strip()).getBytes())) {
            jdbc.sql("UPDATE sms_challenges SET attempts = attempts + 1 WHERE id = :id").param("id", row.get()[0]).update();
            throw new InvalidInputException("smsCode", "appointments.sms.wrong");
        }
        jdbc.sql("UPDATE sms_challenges SET used_at = :now WHERE id = :id").param("now", Timestamp.from(clock.instant()))
                .param("id", row.get()[0]).update();
        return hash;
    }

    private static PhoneNumber phone(String rawPhone) {
        if (rawPhone == null || !PhoneNumber.isValid(rawPhone)) {
            throw new InvalidInputException("phone", rawPhone == null || rawPhone.isBlank() ? "validation.required" : "phone.invalid");
        }
        return new PhoneNumber(rawPhone);
    }

    private String send(long siteId, PhoneNumber phone, Long itemId, String purpose, String textKey) {
        byte[] hash = personalData.lookupHash(phone.value());
        boolean recent = jdbc.sql("""
                SELECT count(*) > 0 FROM sms_challenges WHERE site_id = :site AND phone_hash = :hash AND created_at > :since""")
                .param("site", siteId).param("hash", hash).param("since", Timestamp.from(clock.instant().minus(RESEND)))
                .query(Boolean.class).single();
        if (recent) {
            throw new InvalidInputException("smsCode", "appointments.sms.wait");
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        long id = jdbc.sql("""
                INSERT INTO sms_challenges (site_id, phone_hash, item_id, code_hash, expires_at, created_at, purpose)
                VALUES (:site, :hash, :item, :code, :expires, :now, :purpose) RETURNING id""")
                .param("site", siteId).param("item", itemId).param("purpose", purpose).param("hash", hash).param("code", digest(siteId, phone.value(), code))
                .param("expires", Timestamp.from(clock.instant().plus(VALID))).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        String text = catalogue.word(textKey, code);
        // through the outbox: written with the code, sent by the worker woken when this commits (issue 19, item 3)
        sms.enqueueSms(new Deliveries.Sms(siteId, "sms-challenge", String.valueOf(id), "SMS_CODE", "challenge:" + id,
                "booking", phone.masked(), text), phone::value, code);
        return code;
    }

    /**
     * Checks the code against the newest unused one sent to the phone for the item, and answers its id for
     * {@link #use}. A wrong try is counted in its own transaction, so it stays counted when the booking is refused.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = InvalidInputException.class)
    public long verify(long siteId, String phone, long itemId, String code) {
        byte[] hash = personalData.lookupHash(phone);
        var row = jdbc.sql("""
                SELECT id, code_hash, expires_at, attempts FROM sms_challenges
                WHERE site_id = :site AND phone_hash = :hash AND item_id = :item AND purpose = 'BOOK' AND used_at IS NULL
                ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
                .param("site", siteId).param("hash", hash).param("item", itemId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)})
                .optional();
        if (row.isEmpty() || ((java.time.Instant) row.get()[2]).isBefore(clock.instant()) || (int) row.get()[3] >= TRIES) {
            throw new InvalidInputException("smsCode", "appointments.sms.expired");
        }
        if (!MessageDigest.isEqual(row.get()[1].toString().getBytes(), digest(siteId, phone, code.strip()).getBytes())) {
            jdbc.sql("UPDATE sms_challenges SET attempts = attempts + 1 WHERE id = :id").param("id", row.get()[0]).update();
            throw new InvalidInputException("smsCode", "appointments.sms.wrong");
        }
        // a right code stays good until a booking uses it: one refused as full may be tried again with it
        return (long) row.get()[0];
    }

    /**
     * Uses the code up, in the booking's transaction: it books nothing more once that booking is stored, and stays good
     * when the booking is rolled back. Two bookings racing with one code: the second waits for the first's row lock
     * and then finds the code used.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void use(long challengeId) {
        int n = jdbc.sql("UPDATE sms_challenges SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", challengeId).update();
        if (n == 0) {
            throw new InvalidInputException("smsCode", "appointments.sms.used");
        }
    }

    private String digest(long siteId, String phone, String code) {
        return HexFormat.of().formatHex(personalData.lookupHash(siteId + ":" + phone + ":" + code));
    }
}
