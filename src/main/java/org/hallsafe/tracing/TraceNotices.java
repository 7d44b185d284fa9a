package org.hallsafe.tracing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.hallsafe.organization.Directory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.platform.SmsGateway;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a trace's contacts by SMS (issue 17 item 4), each at most once: a contact is claimed by a conditional UPDATE
 * of its {@code notified_at}, so pressing 通知 twice, or two people pressing it at once, sends one message each; the
 * outbox ({@link Deliveries}) sends after the commit and retries. Without a configured gateway nothing is claimed or
 * queued, and the answer says so.
 */
@Service
class TraceNotices {

    static final String SOURCE = "trace";

    private final Traces traces;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Deliveries deliveries;
    private final SmsGateway gateway;
    private final PersonalData personalData;
    private final Directory directory;
    private final ActivityLog activity;
    private final MessageSource messages;

    TraceNotices(Traces traces, JdbcClient jdbc, Clock clock, Deliveries deliveries, SmsGateway gateway,
            PersonalData personalData, Directory directory, ActivityLog activity, MessageSource messages) {
        this.traces = traces;
        this.jdbc = jdbc;
        this.clock = clock;
        this.deliveries = deliveries;
        this.gateway = gateway;
        this.personalData = personalData;
        this.directory = directory;
        this.activity = activity;
        this.messages = messages;
    }

    /** What one press of 通知 did: sent now, sent by an earlier press, without a phone, and whether a gateway exists. */
    record Outcome(int sentNow, int sentBefore, int withoutPhone, boolean gatewayConfigured) implements java.io.Serializable {
    }

    private record Claimed(long id, String name, String phoneMasked, byte[] phone) {
    }

    @Transactional
    Outcome notifyContacts(SignedIn who, long traceId) {
        Traces.Trace trace = traces.get(who, traceId);
        int before = count(who.siteId(), traceId, "notified_at IS NOT NULL");
        int withoutPhone = count(who.siteId(), traceId, "notified_at IS NULL AND phone_cipher IS NULL");
        if (!gateway.configured()) {
            activity.record("NOTIFY_SKIPPED", "trace", traceId, "no SMS gateway configured");
            return new Outcome(0, before, withoutPhone, false);
        }
        List<Claimed> claimed = jdbc.sql("""
                UPDATE trace_contacts SET notified_at = :now, notified_by = :by
                WHERE site_id = :site AND trace_id = :trace AND notified_at IS NULL AND phone_cipher IS NOT NULL
                RETURNING id, name, phone_masked, phone_cipher""")
                .param("now", Timestamp.from(clock.instant())).param("by", who.username())
                .param("site", who.siteId()).param("trace", traceId)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4))).list();
        String hall = directory.site(who.siteId()).name();
        for (Claimed c : claimed) {
            String text = messages.getMessage("traceact.sms.text", new Object[] {hall, day(trace.from()), day(trace.to())},
                    Locale.SIMPLIFIED_CHINESE);
            deliveries.enqueueSms(new Deliveries.Sms(who.siteId(), SOURCE, String.valueOf(traceId), "CONTACT",
                    "trace-contact:" + c.id(), c.name(), c.phoneMasked(), text),
                    () -> personalData.reveal(c.phone(), "trace-contact", c.id(), "phone (SMS)"));
        }
        activity.record("NOTIFIED", "trace", traceId, claimed.size() + " contacts sent an SMS now, " + before + " before");
        return new Outcome(claimed.size(), before, withoutPhone, true);
    }

    private int count(long siteId, long traceId, String condition) {
        return jdbc.sql("SELECT count(*)::int FROM trace_contacts WHERE site_id = :site AND trace_id = :trace AND " + condition)
                .param("site", siteId).param("trace", traceId).query(Integer.class).single();
    }

    private static String day(LocalDate d) {
        return d == null ? "" : d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
