package org.hallsafe.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A whole number from a fixed list (a slot of 10, 15, 20, 30 or 60 minutes); empty passes, add {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {

    int[] value();

    String message() default "{input.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, Number> {

        private int[] allowed;

        @Override
        public void initialize(OneOf annotation) {
            this.allowed = annotation.value().clone();
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            return value == null || Arrays.stream(allowed).anyMatch(a -> a == value.longValue()
                    && value.doubleValue() == a);
        }
    }
}
