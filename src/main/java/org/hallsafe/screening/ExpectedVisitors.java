package org.hallsafe.screening;

import java.util.Optional;

import org.hallsafe.shared.DocumentType;

/**
 * Implemented by the module that books visits, so the gate can check a booked citizen in with one scan: the code
 * (typed, or scanned from the booking's QR code) finds who is expected today.
 */
public interface ExpectedVisitors {

    /** Today's active booking with this code, masked, for the screener to see before measuring. */
    Optional<Preview> preview(long siteId, String code);

    /** The same booking with the person's document and phone, for the reading to be stored under. */
    Optional<Visitor> byCode(long siteId, String code);

    /** What the screener is shown: masked name and document, and the item, time and window. */
    record Preview(String code, String name, String docMasked, String summary) {
    }

    /** The booked person as the gate stores them. */
    record Visitor(String code, String name, DocumentType docType, String docNo, String phone, String summary) {
    }
}
