package org.hallsafe.platform;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The {@code maxlength} of a form field, read from its {@link PlainText} bound, so the browser stops typing exactly
 * where the server would refuse. Templates ask {@code ${@textBounds.max(#object, 'name')}}; null leaves the attribute
 * out.
 */
@Component("textBounds")
public class TextBounds {

    private final Map<String, Optional<Integer>> known = new ConcurrentHashMap<>();

    public Integer max(Object form, String field) {
        if (form == null || field == null) {
            return null;
        }
        Class<?> type = form.getClass();
        return known.computeIfAbsent(type.getName() + "#" + field, k -> Optional.ofNullable(find(type, field))).orElse(null);
    }

    private static Integer find(Class<?> type, String field) {
        AnnotatedElement element = null;
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(field)) {
                    element = c;
                }
            }
        } else {
            try {
                element = type.getDeclaredField(field);
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        PlainText bound = element == null ? null : element.getAnnotation(PlainText.class);
        return bound == null ? null : bound.max();
    }
}
