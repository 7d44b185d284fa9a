package org.hallsafe.platform;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * The shape of a form or API record (required, length, range, pattern), checked by its Bean Validation annotations
 * for a caller that did not come through Spring MVC: a service called by another module, a job, a test (issue 12,
 * item 8). Pages and the API validate with {@code @Valid}; a service checks the same annotations with
 * {@link #check}, so no path skips them. The module's own rules (the hall's settings, what is stored) come after, in
 * the module's domain code.
 */
@Component
public class FormShape {

    private final Validator validator;

    public FormShape(Validator validator) {
        this.validator = validator;
    }

    /** Refuses a form whose shape is wrong, with every field's message key at once, in the form's order. */
    public void check(Object form) {
        Map<String, String> problems = problemsOf(form);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Refuses a form whose shape is wrong or that breaks one of the module's rules, everything at once (see
     * {@link #problemsOf(Object, Map)}).
     */
    public void check(Object form, Map<String, String> ruleProblems) {
        Map<String, String> problems = problemsOf(form, ruleProblems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Field to message key for each shape problem of the form, in the order of its record components. */
    public Map<String, String> problemsOf(Object form) {
        return problemsOf(form, Map.of());
    }

    /**
     * The shape's problems and the rules' on the fields the shape left alone, in the order of the form's record
     * components. Rules are computed by the caller before this runs, so they read a form that may still be
     * ill-shaped (they are null-safe).
     */
    public Map<String, String> problemsOf(Object form, Map<String, String> ruleProblems) {
        Map<String, String> found = new LinkedHashMap<>();
        for (ConstraintViolation<Object> v : validator.validate(form)) {
            found.putIfAbsent(field(v), key(v));
        }
        ruleProblems.forEach(found::putIfAbsent);
        List<String> order = new ArrayList<>();
        if (form.getClass().isRecord()) {
            for (RecordComponent c : form.getClass().getRecordComponents()) {
                order.add(c.getName());
            }
        }
        List<String> fields = new ArrayList<>(found.keySet());
        fields.sort(Comparator.comparingInt(f -> order.indexOf(f) < 0 ? Integer.MAX_VALUE : order.indexOf(f)));
        Map<String, String> problems = new LinkedHashMap<>();
        fields.forEach(f -> problems.put(f, found.get(f)));
        return problems;
    }

    private static String field(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "form" : field.toString();
    }

    /**
     * The bundle key of the violation's message template {@code {key}}. A message that names the constraint's
     * attributes ({@code {max}}) cannot travel as a bare key; the text bound falls back to its plain words.
     */
    private static String key(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        String key = template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
                : "input.invalid";
        return key.equals("validation.text.tooLong") ? PlainText.TOO_LONG : key;
    }
}
