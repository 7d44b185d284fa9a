package org.hallsafe.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An incident's title and details as stored (a message key and its arguments) in the reader's language (issue 20,
 * item 7); a row written before keys has none and is shown as it was stored. Templates call it as
 * {@code @incidentTexts.title(i)}.
 */
@Component("incidentTexts")
class IncidentTexts {

    private static final char SEPARATOR = '\u001F';
    private static final char WORDS = '\u0002';
    private static final char BETWEEN_WORDS = '\u0003';

    private final MessageSource messages;

    IncidentTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The title in the reader's language. */
    public String title(Incidents.Incident i) {
        return i.titleKey() == null ? i.title() : render(i.titleKey(), i.titleArgs(), LocaleContextHolder.getLocale());
    }

    String render(String key, String encodedArgs, Locale locale) {
        List<Object> args = new ArrayList<>();
        for (String arg : decode(encodedArgs)) {
            if (!arg.isEmpty() && arg.charAt(0) == WORDS) {
                List<String> words = new ArrayList<>();
                for (String k : arg.substring(1).split(String.valueOf(BETWEEN_WORDS), -1)) {
                    words.add(messages.getMessage(k, null, k, locale));
                }
                args.add(String.join(messages.getMessage("incident.text.join", null, "、", locale), words));
            } else {
                args.add(arg);
            }
        }
        return messages.getMessage(key, args.toArray(), key, locale);
    }

    static String encode(List<Object> args) {
        if (args.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Object arg : args) {
            if (!out.isEmpty()) {
                out.append(SEPARATOR);
            }
            if (arg instanceof Incidents.Words w) {
                out.append(WORDS).append(String.join(String.valueOf(BETWEEN_WORDS), w.keys()));
            } else {
                // a typed value never carries the separators (PlainText refuses control characters)
                out.append(String.valueOf(arg).replace(SEPARATOR, ' ').replace(WORDS, ' '));
            }
        }
        return out.toString();
    }

    static List<String> decode(String encoded) {
        return encoded == null ? List.of() : List.of(encoded.split(String.valueOf(SEPARATOR), -1));
    }
}
