package org.hallsafe.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notification outbox every module sends SMS through (issue 19, item 3). {@link #enqueueSms} only writes a row, in
 * the caller's transaction; a worker on any node sends it after the commit, outside any transaction, retries with
 * back-off and marks it SENT. One row per source, recipient, channel and purpose: enqueueing the same again (a resent
 * event, an escalation run twice, a node that took over) changes nothing, so nobody is told twice for one purpose.
 */
@Component
public class Deliveries {

    /** Where a delivery stands: SENDING is a claim with a lease; RETRYING waits for its next try. */
    public enum State { PENDING, SENDING, SENT, FAILED, RETRYING }

    /**
     * One SMS to one person.
     *
     * @param source the module's kind of cause, e.g. {@code incident} (at most 40 characters)
     * @param sourceId which one, e.g. the incident's id (at most 100)
     * @param purpose why this person is told, e.g. {@code REPORTED} or {@code ESCALATED} (at most 40)
     * @param recipient who, as the sender names them, e.g. {@code staff:42}; never a phone number (at most 100)
     * @param recipientName the name shown beside the delivery's state
     * @param phoneMasked the number as screens show it
     * @param text the message
     */
    public record Sms(long siteId, String source, String sourceId, String purpose, String recipient,
            String recipientName, String phoneMasked, String text) {
    }

    /** A delivery as the pages show it: to whom, its state, tries, and why the last one failed. */
    public record Status(long id, String recipientName, String phoneMasked, String purpose, State state, int attempts,
            Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    /** The longest message kept: SMS gateways split longer texts anyway, a notice never needs more. */
    static final int TEXT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalData personalData;
    private final SmsGateway gateway;
    private final DeliveryWorker worker;

    Deliveries(JdbcClient jdbc, Clock clock, PersonalData personalData, SmsGateway gateway, DeliveryWorker worker) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.personalData = personalData;
        this.gateway = gateway;
        this.worker = worker;
    }

    /**
     * Writes the delivery, unless this source already has one for this recipient and purpose; the worker is woken
     * when the caller's transaction commits (at once without one). {@code phone} is opened only when a gateway is
     * configured (without one the worker logs the message with the masked number), and not for a delivery that
     * exists already: reading a phone number is an audited read.
     *
     * Without a gateway the text is kept with its {@code secrets} (a verification or booking code) written as stars:
     * it will only ever reach the log, which must not hand out what only the phone's owner should see (issue 12).
     *
     * @return true when a new delivery was written
     */
    public boolean enqueueSms(Sms sms, Supplier<String> phone, String... secrets) {
        boolean exists = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM deliveries WHERE site_id = :site AND source = :source AND source_id = :sourceId
                    AND recipient = :recipient AND channel = 'SMS' AND purpose = :purpose)""")
                .param("site", sms.siteId()).param("source", sms.source()).param("sourceId", sms.sourceId())
                .param("recipient", sms.recipient()).param("purpose", sms.purpose()).query(Boolean.class).single();
        if (exists) {
            return false;
        }
        String number = gateway.configured() ? phone.get() : null;
        boolean sendable = number != null && !number.isEmpty();
        String text = sendable ? sms.text() : SmsGateway.masked(sms.text(), secrets);
        Timestamp now = Timestamp.from(clock.instant());
        int written = jdbc.sql("""
                INSERT INTO deliveries (site_id, source, source_id, purpose, channel, recipient, recipient_name,
                                        phone_cipher, phone_masked, body_cipher, next_attempt_at, created_at)
                VALUES (:site, :source, :sourceId, :purpose, 'SMS', :recipient, :name, :phone, :masked, :body, :now, :now)
                ON CONFLICT (site_id, source, source_id, recipient, channel, purpose) DO NOTHING""")
                .param("site", sms.siteId()).param("source", sms.source()).param("sourceId", sms.sourceId())
                .param("purpose", sms.purpose()).param("recipient", sms.recipient())
                .param("name", PlainText.Rules.truncate(sms.recipientName() == null ? "" : sms.recipientName(), 100))
                .param("phone", sendable ? personalData.seal(number, "").cipherText() : null)
                .param("masked", sms.phoneMasked() == null ? null : PlainText.Rules.truncate(sms.phoneMasked(), 20))
                .param("body", personalData.seal(PlainText.Rules.truncate(text, TEXT), "").cipherText())
                .param("now", now).update();
        if (written == 0) {
            return false;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        } else {
            worker.wake();
        }
        return true;
    }

    /** Every delivery of one source (e.g. one incident), in the order they were written. */
    public List<Status> of(long siteId, String source, String sourceId) {
        return jdbc.sql("""
                SELECT id, recipient_name, phone_masked, purpose, state, attempts, next_attempt_at, sent_at, last_error
                FROM deliveries WHERE site_id = :site AND source = :source AND source_id = :sourceId ORDER BY id""")
                .param("site", siteId).param("source", source).param("sourceId", sourceId).query(Deliveries::status).list();
    }

    /**
     * Sends what is due now on this node and waits for it: the deliveries claimed by this call, also those whose lease
     * ran out on a node that died. The scheduled worker and the wake-up after a commit do the same in the background.
     *
     * @return deliveries tried
     */
    public int sendDue() {
        return worker.drain();
    }

    private static Status status(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Status(rs.getLong("id"), rs.getString("recipient_name"), rs.getString("phone_masked"),
                rs.getString("purpose"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), sent == null ? null : sent.toInstant(),
                rs.getString("last_error"));
    }
}
