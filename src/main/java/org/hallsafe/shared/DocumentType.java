package org.hallsafe.shared;

import java.util.Locale;

/**
 * The kind of document a citizen shows (at the gate, when booking): how its number is checked, stored and masked.
 * One vocabulary for every module that takes a document (issue 13, item 2).
 */
public enum DocumentType {
    ID_CARD, PASSPORT, HK_MACAU_PERMIT, TAIWAN_PERMIT, OTHER;

    /**
     * What is wrong with a document number, as a message key, or null when it will do: an ID card by its GB 11643
     * check digit, other documents (and a number whose type is not chosen yet) by their characters.
     */
    public static String problem(DocumentType type, String docNo) {
        if (docNo == null || docNo.isBlank()) {
            return "validation.required";
        }
        if (type == ID_CARD) {
            IdNumber.Problem p = IdNumber.check(docNo);
            return p == IdNumber.Problem.NONE ? null : "idNumber." + p.name();
        }
        return docNo.strip().matches("[A-Za-z0-9()（）-]{4,30}") ? null : "gate.docNo.invalid";
    }

    /** A valid number as it is stored and hashed: ID cards normalised, others trimmed and upper-cased. */
    public String normalise(String docNo) {
        return this == ID_CARD ? new IdNumber(docNo).value() : docNo.strip().toUpperCase(Locale.ROOT);
    }

    /** A normalised number as lists show it. */
    public String mask(String normalised) {
        return this == ID_CARD ? new IdNumber(normalised).masked() : Masking.keep(normalised, 2, 2);
    }
}
