package org.hallsafe.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.StandbyRead;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.LedgerLines.Sealed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screening ledger (监测台账, R-SCR-3): filtered by date, person type, decision and screener, paged by key so the
 * millionth row is as quick as the first ({@link LedgerLines}), exported as an Excel file laid out like the paper
 * ledger ({@link LedgerExport}). Document and phone numbers appear masked; temperatures and symptoms are opened for
 * the page or the export, and that is logged: which is why even its reads run in read-write transactions.
 */
@Service
public class Ledger {

    static final int PAGE = 50;

    private final LedgerLines lines;
    private final LedgerExport export;
    private final PersonalData personalData;

    Ledger(LedgerLines lines, LedgerExport export, PersonalData personalData) {
        this.lines = lines;
        this.export = export;
        this.personalData = personalData;
    }

    /**
     * The ledger's filters; dates are days in the hall's zone, both included. {@code person} finds one person: a full
     * document number (by its keyed hash, never by the number itself) or a name or part of it (issue 20, item 4).
     */
    public record Filter(LocalDate from, LocalDate to, PersonType personType, Decision decision, String screener,
            String before, String person) {
    }

    /**
     * Writes a search for one person to the audit log: who searched (the signed-in user), by document (masked) or by
     * name, and how many lines it found. A ledger without a search writes nothing here.
     */
    public void recordSearch(Filter filter, int found) {
        LedgerSearch search = LedgerSearch.of(filter.person());
        if (search != null) {
            personalData.recordLookUp("screening", search.kind(), search.shown(), found);
        }
    }

    /** One ledger line: masked identity, opened health data. */
    public record Line(long id, Instant screenedAt, Instant recordedAt, PersonType personType, String name,
            String docMasked, String phoneMasked, BigDecimal temperature, Gate.Mask mask, List<String> symptoms,
            Decision decision, List<String> reasons, Gate.Handling handling, String screener, boolean backfilled,
            String backfillReason, Long recheckOf, Long incidentId) {

        /** The cursor of the next page: this line's time and id. */
        public String cursor() {
            return screenedAt.toEpochMilli() * 1000 + screenedAt.getNano() / 1000 % 1000 + "_" + id;
        }
    }

    /** One page, newest first, and whether there are more. */
    @StandbyRead
    @Transactional
    public List<Line> page(long siteId, Filter filter) {
        List<Sealed> found = new ArrayList<>();
        lines.query(siteId, filter, PAGE + 1, found::add);
        return lines.open(found, "ledger page");
    }

    @Transactional
    public Line line(long siteId, long id) {
        List<Sealed> found = new ArrayList<>();
        lines.streaming().query(LedgerLines.SELECT + " WHERE s.site_id = :site AND s.id = :id",
                Map.of("site", siteId, "id", id), rs -> {
                    found.add(lines.map(rs));
                });
        if (found.isEmpty()) {
            throw NotFoundException.of("screening", id);
        }
        return lines.open(found, "ledger line " + id).get(0);
    }

    /** The questioning record of a refused person, opened for one reader; the read is logged. */
    @Transactional
    public List<String> questioning(long siteId, long id) {
        List<byte[]> rows = lines.streaming().query(
                "SELECT questioning_cipher FROM screenings WHERE site_id = :site AND id = :id",
                Map.of("site", siteId, "id", id), (rs, n) -> rs.getBytes(1));
        if (rows.isEmpty()) {
            throw NotFoundException.of("screening", id);
        }
        byte[] sealed = rows.get(0);
        if (sealed == null) {
            return List.of();
        }
        return Arrays.asList(personalData.revealAll(List.of(sealed), "screening", "questioning " + id).get(0).split("\u001f", -1));
    }

    /** Writes the filtered ledger as XLSX, in bounded memory however long it is; answers the number of lines. */
    @StandbyRead
    @Transactional
    public int export(long siteId, Filter filter, String hallName, Locale locale, OutputStream out) throws IOException {
        return export.export(siteId, filter, hallName, locale, out);
    }

    /** For tests: a smaller sheet, to see a ledger go on in a second sheet without a million rows. */
    void rowsPerSheet(int rows) {
        export.rowsPerSheet(rows);
    }
}
