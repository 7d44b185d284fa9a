package org.hallsafe.platform;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.validation.BindingResult;

/**
 * One way for every page to save a form: when the form is valid, do it; when a rule refuses it, put each message
 * beside its field, so the page comes back with what was typed.
 */
public final class FormSubmission {

    private FormSubmission() {
    }

    /** The result of {@code save}, or empty when the form has errors or a rule refused it. */
    public static <T> Optional<T> save(BindingResult binding, Supplier<T> save) {
        if (binding.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(save.get());
        } catch (InvalidInputException e) {
            e.problems().forEach(binding::rejectValue);
            return Optional.empty();
        } catch (RuntimeException e) {
            // input the database refused (an unknown id, a check, a NUL byte): beside its field when the form has it
            String field = BadInput.isBadInput(e) ? BadInput.field(e).filter(f -> hasField(binding, f)).orElse(null) : null;
            if (field == null) {
                throw e;
            }
            binding.rejectValue(field, BadInput.messageKey(e));
            return Optional.empty();
        }
    }

    /**
     * Like {@link #save(BindingResult, Supplier)}, with the module's own rules on the form ({@code ruleProblems},
     * field to message key) beside the messages of its shape, so the page names everything wrong at once; a field
     * its shape already refused keeps its one message.
     */
    public static <T> Optional<T> save(BindingResult binding, Map<String, String> ruleProblems, Supplier<T> save) {
        ruleProblems.forEach((field, key) -> {
            if (!binding.hasFieldErrors(field)) {
                binding.rejectValue(field, key);
            }
        });
        return save(binding, save);
    }

    /** Like {@link #done(BindingResult, Runnable)}, with the form's own rules (see {@link #save(BindingResult, Map, Supplier)}). */
    public static boolean done(BindingResult binding, Map<String, String> ruleProblems, Runnable action) {
        return save(binding, ruleProblems, () -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Forms are records: the field is one of its components. */
    private static boolean hasField(BindingResult binding, String field) {
        Object target = binding.getTarget();
        if (target == null || !target.getClass().isRecord()) {
            return false;
        }
        for (var c : target.getClass().getRecordComponents()) {
            if (c.getName().equals(field)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code action} was done; false when the form has errors or a rule refused it. */
    public static boolean done(BindingResult binding, Runnable action) {
        return save(binding, () -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }
}
