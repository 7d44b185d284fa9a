package org.hallsafe.tracing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hallsafe.organization.Directory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.LedgerWorkbook;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.platform.Spreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact list of a trace as a signed paper ledger (issue 17 item 4): who, why, when, how long, their phone.
 * Full phones only for an account holding {@link Permissions#TRACE_REVEAL} (the office; each opening audited by
 * PersonalData), masked for everyone else; every export is written to the activity log.
 */
@Service
class TraceExport {

    private final Traces traces;
    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final Spreadsheets spreadsheets;
    private final Directory directory;
    private final ActivityLog activity;
    private final MessageSource messages;
    private final Clock clock;

    TraceExport(Traces traces, JdbcClient jdbc, PersonalData personalData, Spreadsheets spreadsheets,
            Directory directory, ActivityLog activity, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.traces = traces;
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.spreadsheets = spreadsheets;
        this.directory = directory;
        this.activity = activity;
        this.messages = messages;
    }

    /** The trace of the signed-in hall (404 otherwise); for the file name before the body is written. */
    Traces.Trace trace(SignedIn who, long traceId) {
        return traces.get(who, traceId);
    }

    @Transactional
    void export(SignedIn who, Traces.Trace trace, Locale locale, OutputStream out) throws IOException {
        boolean reveal = who.may(Permissions.TRACE_REVEAL);
        Map<Long, String> phones = reveal ? phones(who.siteId(), trace) : Map.of();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        try (LedgerWorkbook book = spreadsheets.workbook(locale)) {
            LedgerWorkbook.Sheet sheet = book.sheet(word("traceact.export.title", locale),
                    word("traceact.export.subject", locale, directory.site(who.siteId()).name(), trace.subjectLabel()),
                    book.period(trace.from(), trace.to()),
                    List.of(word("traceact.export.rank", locale), word("traceact.export.name", locale),
                            word("traceact.export.kind", locale), word("traceact.export.why", locale),
                            word("traceact.export.from", locale), word("traceact.export.to", locale),
                            word("traceact.export.minutes", locale), word("traceact.export.estimated", locale),
                            word("traceact.export.phone", locale), word("traceact.export.notified", locale)))
                    .textColumns(8);
            for (Traces.Contact c : trace.contacts()) {
                String phone = reveal ? phones.getOrDefault(c.id(), c.phoneMasked()) : c.phoneMasked();
                sheet.row(c.rank(), c.name(), word("traceact.kind." + c.kind(), locale),
                        messages.getMessage(c.whyKey(), c.whyArgs().toArray(), c.whyKey(), locale),
                        time.format(c.from()), time.format(c.to()), c.minutes(),
                        c.estimated() ? word("traceact.export.yes", locale) : "", phone == null ? "" : phone,
                        c.notifiedAt() == null ? "" : time.format(c.notifiedAt()));
            }
            book.write(out);
        }
        activity.record("EXPORTED", "trace", trace.id(), "contacts.xlsx: " + trace.contacts().size() + " contacts, phones "
                + (reveal ? "full" : "masked"));
    }

    /** Every contact's full phone, opened in one batch (one audit entry for the list). */
    private Map<Long, String> phones(long siteId, Traces.Trace trace) {
        List<Long> ids = new ArrayList<>();
        List<byte[]> ciphers = new ArrayList<>();
        jdbc.sql("SELECT id, phone_cipher FROM trace_contacts WHERE site_id = :site AND trace_id = :trace AND phone_cipher IS NOT NULL")
                .param("site", siteId).param("trace", trace.id())
                .query((rs, n) -> {
                    ids.add(rs.getLong(1));
                    ciphers.add(rs.getBytes(2));
                    return null;
                }).list();
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<String> plain = personalData.revealAll(ciphers, "trace", "contact phones (export of trace " + trace.id() + ")");
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), plain.get(i));
        }
        return out;
    }

    private String word(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
