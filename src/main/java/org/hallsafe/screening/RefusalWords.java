package org.hallsafe.screening;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.hallsafe.incident.Incidents;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.screening.Gate.PersonType;
import org.springframework.context.MessageSource;

/** The words of a refusal's report to the leadership group: message keys and arguments, shown in the reader's language. */
final class RefusalWords {

    private final MessageSource messages;
    private final Clock clock;

    RefusalWords(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Kept as keys and arguments, so each reader sees it in their language (issue 20, item 7); a refusal for the mask
     * alone has a title of its own, which the incident list gathers by the hour.
     */
    Incidents.Text title(String name, PersonType type, Gate.Outcome outcome) {
        return Incidents.Text.of(outcome.reasons().equals(List.of("NO_MASK")) ? "gate.incident.title.noMask"
                : "gate.incident.title", name, Incidents.Words.of("gate.personType." + type));
    }

    Incidents.Text details(String name, PersonType type, String phoneMasked, Gate.Outcome outcome, BigDecimal temperature,
            Instant at) {
        return Incidents.Text.of("gate.incident.details",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(clock.getZone())),
                name, Incidents.Words.of("gate.personType." + type), phoneMasked == null ? "—" : phoneMasked,
                Incidents.Words.of(outcome.reasons().stream().map(r -> "gate.reason." + r).toList()),
                temperature.toPlainString(), SignedIn.actor());
    }

}
