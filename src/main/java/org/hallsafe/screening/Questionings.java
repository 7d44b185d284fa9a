package org.hallsafe.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import org.hallsafe.incident.Incidents;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.GateDesk.Questioning;
import org.hallsafe.screening.GateDesk.Result;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The questioning of a refused person (询问核实): sealed with the reading, and added to its incident. */
@Service
class Questionings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalData personalData;
    private final Incidents incidents;
    private final MessageSource messages;
    private final GateDesk desk;

    Questionings(JdbcClient jdbc, Clock clock, PersonalData personalData, Incidents incidents, MessageSource messages,
            GateDesk desk) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.personalData = personalData;
        this.incidents = incidents;
        this.messages = messages;
        this.desk = desk;
    }

    /** Saves the questioning record of a refused person and adds it to the incident. */
    @Transactional
    void question(long siteId, long screeningId, Questioning q) {
        if (q.places() == null || q.places().isBlank()) {
            throw new InvalidInputException("places", "validation.required");
        }
        if (q.contact() == null) {
            throw new InvalidInputException("contact", "validation.required");
        }
        if (q.handling() == null) {
            throw new InvalidInputException("handling", "validation.required");
        }
        if (q.handling() == Gate.Handling.OTHER && (q.note() == null || q.note().isBlank())) {
            throw new InvalidInputException("note", "gate.questioning.otherNote");
        }
        Result r = desk.get(siteId, screeningId);
        if (r.decision() != Decision.REFUSED) {
            throw new InvalidInputException("places", "gate.questioning.notRefused");
        }
        String sealed = q.places().strip() + "\u001f" + q.contact().name() + "\u001f" + (q.note() == null ? "" : q.note().strip());
        jdbc.sql("""
                UPDATE screenings SET questioning_cipher = :q, handling = :handling, questioned_at = :now
                WHERE site_id = :site AND id = :id""")
                .param("q", personalData.seal(sealed, "").cipherText()).param("handling", q.handling().name())
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("id", screeningId).update();
        incidents.addDetails(siteId, r.incidentId(), word("gate.incident.questioning", q.places().strip(),
                word("gate.contact." + q.contact()), word("gate.handling." + q.handling()),
                q.note() == null ? "" : q.note().strip()));
    }

    /** Words stored in an incident are the hall's language, from the zh-CN bundle. */
    private String word(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
