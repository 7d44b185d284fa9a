package org.hallsafe.screening;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hallsafe.platform.SignedIn;
import org.hallsafe.screening.Gate.PersonType;
import org.springframework.context.MessageSource;

/** The words of a refusal's report to the leadership group: stored in the hall's language, from the zh-CN bundle. */
final class RefusalWords {

    private final MessageSource messages;
    private final Clock clock;

    RefusalWords(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    String title(String name, PersonType type) {
        return word("gate.incident.title", name, word("gate.personType." + type));
    }

    String details(String name, PersonType type, String phoneMasked, Gate.Outcome outcome, BigDecimal temperature,
            Instant at) {
        return word("gate.incident.details",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(clock.getZone())),
                name, word("gate.personType." + type), phoneMasked == null ? "—" : phoneMasked,
                outcome.reasons().stream().map(r -> word("gate.reason." + r)).collect(Collectors.joining("、")),
                temperature.toPlainString(), SignedIn.actor());
    }

    private String word(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
