package org.hallsafe.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept (PIPL art. 19, 47), under {@code hallsafe.retention.*}. After its period a row is
 * anonymised, never deleted: the ledgers keep their counts, times and decisions, and lose names, numbers and
 * readings. The audit log is not touched here: it is kept at least 180 days (等保) and HallSafe deletes none of it.
 *
 * @param enabled run the retention job; switch off only where another process anonymises
 * @param cron when the job runs (server zone {@code hallsafe.zone}); one node runs it, the others skip
 * @param batchSize rows changed per statement and transaction, so a 30-million-row ledger is never locked whole
 * @param citizens citizens' identities, phones, readings and questioning at the gate, canteen-door refusals of
 *     outsiders: 28 days after the last visit, the incubation period twice over, long enough for contact tracing
 * @param bookings bookings' names, documents and phones, after the booked time and the last change
 * @param consultations duty calls' callers, phones and notes, after the call (an open call-back waits until done)
 * @param smsChallenges the phone behind an SMS code sent from the booking page
 * @param incidents sealed details and notes of a closed incident, after it was closed
 * @param staffHealth staff temperatures and symptoms (own checks and gate readings): employment health records,
 *     kept 180 days so a later occupational or contact question can still be answered
 * @param retiredStaff the phone and ID number of staff who left, after they left
 * @param agencyCases the applicant, phone and return address of an agency case (issue 14), after its result was posted
 *     or it was withdrawn: long enough to trace a lost parcel or answer a complaint
 */
@ConfigurationProperties("hallsafe.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 30 2 * * *") String cron,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("28d") Duration citizens,
        @DefaultValue("28d") Duration bookings,
        @DefaultValue("28d") Duration consultations,
        @DefaultValue("28d") Duration smsChallenges,
        @DefaultValue("28d") Duration incidents,
        @DefaultValue("180d") Duration staffHealth,
        @DefaultValue("180d") Duration retiredStaff,
        @DefaultValue("180d") Duration agencyCases) {

    /** What stands in a text column that must not be empty once its personal data is gone. */
    public static final String ANONYMISED = "已匿名";

    /** The kinds of personal data, each with its own period. */
    public enum DataClass { CITIZENS, BOOKINGS, CONSULTATIONS, SMS_CHALLENGES, INCIDENTS, STAFF_HEALTH, RETIRED_STAFF, AGENCY_CASES }

    public RetentionProperties {
        for (Duration d : new Duration[] {citizens, bookings, consultations, smsChallenges, incidents, staffHealth, retiredStaff, agencyCases}) {
            if (d.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("hallsafe.retention.*: a retention period is at least 1d, not " + d);
            }
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("hallsafe.retention.batch-size is between 1 and 100000, not " + batchSize);
        }
    }

    public Duration period(DataClass dataClass) {
        return switch (dataClass) {
            case CITIZENS -> citizens;
            case BOOKINGS -> bookings;
            case CONSULTATIONS -> consultations;
            case SMS_CHALLENGES -> smsChallenges;
            case INCIDENTS -> incidents;
            case STAFF_HEALTH -> staffHealth;
            case RETIRED_STAFF -> retiredStaff;
            case AGENCY_CASES -> agencyCases;
        };
    }
}
