package org.hallsafe.platform;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;

/** The choices ticked in a form, as a set: none ticked, or an empty value sent, is the empty set (never a 500). */
public final class Choices {

    private Choices() {
    }

    public static <E extends Enum<E>> EnumSet<E> of(Class<E> type, Collection<E> chosen) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (chosen != null) {
            chosen.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return set;
    }
}
