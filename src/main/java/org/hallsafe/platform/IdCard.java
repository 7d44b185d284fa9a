package org.hallsafe.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hallsafe.shared.IdNumber;

/**
 * A form field holding a mainland ID card number ({@link IdNumber}); empty passes. The message says what is wrong:
 * length, characters, birth date or check digit.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IdCard.Validator.class)
public @interface IdCard {

    String message() default "{idNumber.CHECK_DIGIT}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IdCard, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            IdNumber.Problem problem = IdNumber.check(value);
            if (problem == IdNumber.Problem.NONE) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{idNumber." + problem.name() + "}").addConstraintViolation();
            return false;
        }
    }
}
