package org.hallsafe.organization;

import java.util.Optional;
import java.util.function.LongSupplier;

import org.hallsafe.platform.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Saves a validated form, or puts the reason it cannot be saved beside its field. */
final class FormSubmission {

    private FormSubmission() {
    }

    static Optional<Long> save(BindingResult binding, LongSupplier save) {
        if (binding.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(save.getAsLong());
        } catch (InvalidInputException e) {
            binding.rejectValue(e.field(), e.messageKey());
            return Optional.empty();
        }
    }
}
