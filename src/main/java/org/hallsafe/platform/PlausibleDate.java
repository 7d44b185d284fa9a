package org.hallsafe.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date a person typed that can be true: not before 2000 (HallSafe's records start long after) and not further
 * ahead than its {@link Horizon} (issue #12, item 14). A year typed as 0202 or 20266 is refused beside its field
 * instead of being stored. Empty values pass: {@code @NotNull} says whether one is needed. Domain code that checks
 * its own forms uses {@link Horizon#problem}; both are the same rule.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    /** The earliest date HallSafe takes. */
    LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    Horizon value() default Horizon.YEAR;

    /** Empty: the horizon's own message. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** How far ahead of today a date may lie, with the message that says so. */
    enum Horizon {
        /** Something that has happened: a delivery, a production date, a back-filled reading. */
        TODAY(0, "validation.date.notAfterToday"),
        /** Something planned: slots, a duty roster. */
        YEAR(1, "validation.date.withinYear"),
        /** A certificate's expiry. */
        DECADE(10, "validation.date.withinDecade");

        private final int years;
        private final String key;

        Horizon(int years, String key) {
            this.years = years;
            this.key = key;
        }

        public String key() {
            return key;
        }

        public boolean allows(LocalDate day, LocalDate today) {
            return !day.isBefore(EARLIEST) && !day.isAfter(today.plusYears(years));
        }

        /** The message key when {@code day} is implausible, for forms that collect their own problems. */
        public Optional<String> problem(LocalDate day, Clock clock) {
            return day == null || allows(day, LocalDate.now(clock)) ? Optional.empty() : Optional.of(key);
        }
    }

    /** The Bean Validation side: dates and date-times, today taken from the application's clock. */
    final class Check implements ConstraintValidator<PlausibleDate, Object> {

        private final Clock clock;
        private Horizon horizon;
        private String message;

        public Check(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void initialize(PlausibleDate annotation) {
            this.horizon = annotation.value();
            this.message = annotation.message().isEmpty() ? "{" + horizon.key() + "}" : annotation.message();
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            LocalDate day = value instanceof LocalDateTime t ? t.toLocalDate() : value instanceof LocalDate d ? d : null;
            if (day == null || horizon.allows(day, LocalDate.now(clock))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
