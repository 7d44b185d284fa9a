package org.hallsafe.agency;

import java.util.List;
import java.util.Optional;

/**
 * The plug-in through which a carrier's tracking API would follow a posted result (issue #14 item 5). HallSafe runs
 * without the internet, so the default ({@link #NONE}) does nothing; a hall with a carrier contract provides one Spring
 * bean of this type (for example one calling China Post's or SF's open API from a job) and it is used instead.
 */
public interface CarrierTracking {

    /** The default: nothing is asked, nothing is known. */
    CarrierTracking NONE = new CarrierTracking() {
        @Override
        public void posted(long siteId, long caseId, String carrier, String trackingNo) {
        }

        @Override
        public List<Event> events(String carrier, String trackingNo) {
            return List.of();
        }
    };

    /** One event of an envelope's journey as the carrier reports it. */
    record Event(java.time.Instant at, String place, String description) {
    }

    /** Told once when a result is posted; an adapter may subscribe the number with its carrier. */
    void posted(long siteId, long caseId, String carrier, String trackingNo);

    /** The carrier's events for a number, newest last; empty when nothing is known (always, by default). */
    List<Event> events(String carrier, String trackingNo);

    /** Whether the carrier reports the envelope delivered; empty when unknown. */
    default Optional<Boolean> delivered(String carrier, String trackingNo) {
        return Optional.empty();
    }
}
