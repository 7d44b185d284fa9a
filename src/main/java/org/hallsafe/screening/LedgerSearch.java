package org.hallsafe.screening;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.hallsafe.shared.DocumentType;

/**
 * What was typed in the ledger's search box (issue 20, item 4): a full document number, found by its keyed hash for
 * every kind of document it could be, or a name (or part of one). A pure rule: no Spring, no database.
 *
 * @param text the search as typed, trimmed and bounded
 * @param normalised the number as each document kind it is valid for stores it; empty for a name
 * @param byDocument whether it is a number (it has a digit) rather than a name
 */
record LedgerSearch(String text, List<String> normalised, boolean byDocument) {

    /** The longest search taken; a longer one finds nothing rather than scanning with it. */
    static final int MAX = 40;

    /** The search, or null when nothing was typed. */
    static LedgerSearch of(String typed) {
        if (typed == null || typed.replaceAll("\\p{Cntrl}", "").isBlank()) {
            return null;
        }
        String text = typed.replaceAll("\\p{Cntrl}", "").strip();
        if (text.length() > MAX) {
            text = text.substring(0, MAX);
        }
        // a document number: letters, digits and brackets only, with a digit; anything else (市民118) is a name
        if (text.chars().noneMatch(Character::isDigit) || !text.matches("[A-Za-z0-9()（）-]{4,40}")) {
            return new LedgerSearch(text, List.of(), false);
        }
        String number = text;
        List<String> normalised = Stream.of(DocumentType.values())
                .filter(type -> DocumentType.problem(type, number) == null).map(type -> type.normalise(number))
                .distinct().toList();
        return new LedgerSearch(text, normalised, true);
    }

    /** For the audit log: what kind of search it was. */
    String kind() {
        return byDocument ? "document" : "name";
    }

    /** For the audit log: a number masked as lists show it (never in full); a name as typed. */
    String shown() {
        if (!byDocument) {
            return text;
        }
        return Stream.of(DocumentType.values()).filter(type -> DocumentType.problem(type, text) == null).findFirst()
                .map(type -> type.mask(type.normalise(text)))
                .orElseGet(() -> text.length() <= 4 ? "****" : text.substring(0, 2) + "****"
                        + text.substring(text.length() - 2).toUpperCase(Locale.ROOT));
    }
}
